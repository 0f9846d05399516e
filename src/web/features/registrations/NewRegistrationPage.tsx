// Nieuwe aanmelding: the person (or an existing client found by the duplicate check), the
// referrer, the date and the question. Saved → the triage screen of the new registration.
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, ButtonGroup, Fieldset, FieldsetLegend, Heading2, Paragraph } from '@utrecht/component-library-react';
import { newRegistration, type NewRegistration } from '../../../server/modules/registrations/registrations.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField, TextareaField, TextField } from '../../app/fields';
import { useFormErrors } from '../../app/form-errors';
import { formatDate, fullName, today } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { codeOptions, useReference } from '../../app/reference';
import { useDuplicateCheck, type DuplicateMatch } from '../clients/api';
import { EMPTY_CLIENT, toClientFields, type ClientFormValues } from '../clients/client-form';
import { ClientFieldsInputs } from '../clients/ClientFieldsInputs';
import { useCreateRegistration } from './api';
import { DuplicateMatches } from './DuplicateMatches';

// The API reports a missing person on `client`; point that at the first name field.
const clientPath = (path: string) => (path === 'client' ? 'client.firstName' : path);

export function NewRegistrationPage() {
  const navigate = useNavigate();
  const reference = useReference();
  const form = useFormErrors('aanmelding', { mapPath: clientPath });
  const create = useCreateRegistration();
  const duplicateCheck = useDuplicateCheck();
  const [client, setClient] = useState<ClientFormValues>(EMPTY_CLIENT);
  const [chosen, setChosen] = useState<DuplicateMatch | null>(null);
  const [referrerCode, setReferrerCode] = useState('');
  const [referrerOther, setReferrerOther] = useState('');
  const [registeredOn, setRegisteredOn] = useState(today());
  const [question, setQuestion] = useState('');
  const lastChecked = useRef('');
  const chosenRef = useRef<HTMLDivElement>(null);

  function runDuplicateCheck(force: boolean) {
    const body = {
      firstName: client.firstName.trim(),
      lastName: client.lastName.trim(),
      birthDate: /^\d{4}-\d{2}-\d{2}$/.test(client.birthDate) ? client.birthDate : null,
      postcode: client.postcode.trim() || null,
      bsn: client.bsn.trim() || null,
    };
    const enough = (body.bsn?.replace(/\D/g, '').length ?? 0) >= 8 || (!!body.lastName && (!!body.birthDate || !!body.postcode));
    const key = JSON.stringify(body);
    if (!force && (!enough || key === lastChecked.current)) return;
    lastChecked.current = key;
    duplicateCheck.mutate(body);
  }

  function chooseClient(match: DuplicateMatch) {
    setChosen(match);
    setTimeout(() => chosenRef.current?.focus(), 0);
  }

  function undoChoice() {
    setChosen(null);
    setTimeout(() => document.getElementById(form.idFor('client.firstName'))?.focus(), 0);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const body: NewRegistration = {
      ...(chosen ? { clientId: chosen.id } : { client: toClientFields(client) }),
      registeredOn,
      referrerCode,
      referrerOther: referrerCode === 'anders' ? referrerOther : undefined,
      question,
    };
    const parsed = newRegistration.safeParse(body);
    if (!parsed.success) return form.showZod(parsed.error);
    try {
      const registration = await create.mutateAsync(body);
      navigate(`/aanmeldingen/${registration.id}`);
    } catch (error) {
      form.showApiError(error);
    }
  }

  return (
    <>
      <PageTitle title="Nieuwe aanmelding" />
      <Paragraph>Leg vast wie zich meldt, wie de bewoner heeft aangemeld en wat de vraag is. Daarna volgt de triage.</Paragraph>
      <form noValidate onSubmit={(e) => void handleSubmit(e)} className="kt-form" aria-label="Nieuwe aanmelding">
        <ErrorSummary form={form} />

        <Fieldset className="kt-section">
          <FieldsetLegend className="kt-legend">Bewoner</FieldsetLegend>
          {chosen ? (
            <div ref={chosenRef} tabIndex={-1} className="kt-chosen">
              <Alert type="info">
                <Paragraph>
                  De aanmelding wordt gekoppeld aan de bestaande cliënt <strong>{fullName(chosen)}</strong>
                  {chosen.birthDate ? `, geboren ${formatDate(chosen.birthDate)}` : ''}
                  {chosen.postcode ? `, postcode ${chosen.postcode}` : ''}.
                </Paragraph>
                <Button appearance="secondary-action-button" type="button" onClick={undoChoice}>
                  Toch een nieuwe cliënt invoeren
                </Button>
              </Alert>
            </div>
          ) : (
            <>
              <ClientFieldsInputs form={form} prefix="client" value={client} onChange={setClient} onIdentityBlur={() => runDuplicateCheck(false)} />
              <section aria-labelledby="dubbel-title" className="kt-duplicates">
                <Heading2 id="dubbel-title" className="kt-subheading">
                  Dubbele inschrijving
                </Heading2>
                <ButtonGroup>
                  <Button appearance="secondary-action-button" type="button" onClick={() => runDuplicateCheck(true)} busy={duplicateCheck.isPending}>
                    Controleer op dubbele inschrijving
                  </Button>
                </ButtonGroup>
                <div aria-live="polite">
                  {duplicateCheck.isPending && <Paragraph>Bezig met zoeken naar bestaande cliënten…</Paragraph>}
                  {duplicateCheck.isError && <Paragraph>De controle op dubbele inschrijving lukte niet: {duplicateCheck.error.message}</Paragraph>}
                  {duplicateCheck.data && !duplicateCheck.isPending && <DuplicateMatches matches={duplicateCheck.data} onUse={chooseClient} />}
                </div>
              </section>
            </>
          )}
        </Fieldset>

        <Fieldset className="kt-section">
          <FieldsetLegend className="kt-legend">Aanmelding</FieldsetLegend>
          <SelectField id={form.idFor('referrerCode')} label="Melder" value={referrerCode} onChange={setReferrerCode} options={codeOptions(reference.data, 'referrers')} error={form.errorFor('referrerCode')} required />
          {referrerCode === 'anders' && <TextField id={form.idFor('referrerOther')} label="Namelijk" value={referrerOther} onChange={setReferrerOther} error={form.errorFor('referrerOther')} required />}
          <TextField id={form.idFor('registeredOn')} label="Datum aanmelding" type="date" value={registeredOn} onChange={setRegisteredOn} max={today()} size="s" error={form.errorFor('registeredOn')} required />
          <TextareaField
            id={form.idFor('question')}
            label="Vraag van de bewoner"
            description="Schrijf de vraag zo veel mogelijk in de woorden van de bewoner."
            value={question}
            onChange={setQuestion}
            rows={5}
            error={form.errorFor('question')}
            required
          />
        </Fieldset>

        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={create.isPending} disabled={create.isPending}>
            Aanmelding opslaan
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
