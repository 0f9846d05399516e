// Nieuwe aanmelding: the person (new, a client of the team found by the duplicate check, or a
// client known elsewhere, attached with exact identification and a reason), the referrer, the date
// and the question. Saved → the triage screen of the new registration.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { newRegistration, type NewRegistration } from '../../../server/modules/registrations/registrations.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { maxLengthOf } from '../../app/form-limits';
import { useDraft } from '../../app/use-draft';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { codeOptions, useReference } from '../../app/reference';
import { useFormSubmit } from '../../app/use-form-submit';
import { EMPTY_CLIENT } from '../clients/client-form';
import { ClientChoice, choiceBody, choiceProblems, newClientChoice, type ClientChoiceState } from '../clients/ClientChoice';
import { useCreateRegistration, type Registration } from './api';

// The API reports a missing person on `client`; point that at the first name field.
const clientPath = (path: string) => (path === 'client' ? 'client.firstName' : path);

export function NewRegistrationPage() {
  const navigate = useNavigate();
  const reference = useReference();
  const form = useFormErrors('aanmelding', { mapPath: clientPath });
  const create = useCreateRegistration();
  const [choice, setChoice] = useState<ClientChoiceState>(newClientChoice(EMPTY_CLIENT));
  const [referrerCode, setReferrerCode] = useState('');
  const [referrerOther, setReferrerOther] = useState('');
  const [registeredOn, setRegisteredOn] = useState(today());
  // The question is the longest text here: kept if the session ends before saving.
  const question = useDraft('aanmelding:nieuw:question');

  const { submit, busy } = useFormSubmit<NewRegistration, Registration>(form, {
    values: {
      ...choiceBody(choice),
      registeredOn,
      referrerCode,
      referrerOther: referrerCode === 'anders' ? referrerOther : undefined,
      question: question.value,
    },
    check: () => choiceProblems(choice),
    schema: newRegistration,
    send: (body) => create.mutateAsync(body),
    onSuccess: (registration) => {
      question.clear();
      navigate(`/aanmeldingen/${registration.id}`);
    },
  });

  return (
    <>
      <PageTitle title="Nieuwe aanmelding" />
      <Paragraph>Leg vast wie zich meldt, wie de bewoner heeft aangemeld en wat de vraag is. Daarna volgt de triage.</Paragraph>
      <form noValidate onSubmit={submit} className="kt-form" aria-label="Nieuwe aanmelding">
        <ErrorSummary form={form} />

        <Fieldset className="kt-section">
          <FieldsetLegend className="kt-legend">Bewoner</FieldsetLegend>
          <ClientChoice form={form} value={choice} onChange={setChoice} idPrefix="aanmelding" />
        </Fieldset>

        <Fieldset className="kt-section">
          <FieldsetLegend className="kt-legend">Aanmelding</FieldsetLegend>
          <SelectField id={form.idFor('referrerCode')} label="Melder" value={referrerCode} onChange={setReferrerCode} options={codeOptions(reference.data, 'referrers')} error={form.errorFor('referrerCode')} required />
          {referrerCode === 'anders' && <TextField id={form.idFor('referrerOther')} label="Namelijk" value={referrerOther} onChange={setReferrerOther} error={form.errorFor('referrerOther')} required />}
          <TextField id={form.idFor('registeredOn')} label="Datum aanmelding" type="date" value={registeredOn} onChange={setRegisteredOn} max={today()} size="s" error={form.errorFor('registeredOn')} required />
          <TextareaField
            id={form.idFor('question')}
            maxLength={maxLengthOf(newRegistration, 'question')}
            label="Vraag van de bewoner"
            description="Schrijf de vraag zo veel mogelijk in de woorden van de bewoner."
            value={question.value}
            onChange={question.setValue}
            restored={question.restored}
            rows={5}
            error={form.errorFor('question')}
            required
          />
        </Fieldset>

        <FormActions submitLabel="Aanmelding opslaan" busy={busy} />
      </form>
    </>
  );
}
