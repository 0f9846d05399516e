// Record a disclosure (verstrekking). The ground decides what is required: a consent that holds on
// the day of the disclosure, or a reasoning of why sharing without consent was allowed.
import { useState } from 'react';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { DISCLOSURE_GROUNDS, groundProblems, isActiveOn, MIN_REASONING_LENGTH, type DisclosureGround } from '../../../server/modules/consents/consent-rules';
import { DISCLOSURE_GROUND_LABELS, disclosureFields, RECIPIENT_KIND_LABELS } from '../../../server/modules/consents/consents.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors, zodFieldErrors } from '../../app/form-errors';
import { formatDate, today } from '../../app/format';
import type { ClientDetail } from '../clients/api';
import { useFormSubmit } from '../../app/use-form-submit';
import type { Consent, DisclosureFields } from './api';

const GROUND_OPTIONS = DISCLOSURE_GROUNDS.map((ground) => ({ value: ground, label: DISCLOSURE_GROUND_LABELS[ground] }));

const REASONING_HELP: Record<DisclosureGround, string> = {
  toestemming: 'Bijvoorbeeld waarom dit nodig was. Herstelt u een eerdere verstrekking, zeg dan welke.',
  wettelijke_plicht: `Noem de wet of de vordering die u verplicht de gegevens te geven (minstens ${MIN_REASONING_LENGTH} tekens).`,
  meldrecht: `Beschrijf de stappen van de meldcode die u heeft gezet, het advies van Veilig Thuis en waarom u meldt (minstens ${MIN_REASONING_LENGTH} tekens).`,
  conflict_van_plichten: `Beschrijf het ernstige gevaar, waarom delen de enige manier was om het af te wenden en waarom toestemming vragen niet kon (minstens ${MIN_REASONING_LENGTH} tekens).`,
};

function consentLabel(consent: Consent): string {
  const until = consent.validUntil ? ` tot en met ${formatDate(consent.validUntil)}` : '';
  return `${consent.recipientName} (${RECIPIENT_KIND_LABELS[consent.recipientKind]}), geldig vanaf ${formatDate(consent.validFrom)}${until}`;
}

const EMPTY = { recipient: '', dataShared: '', ground: '', consentId: '', reasoning: '', disclosedOn: '', caseId: '' };
type Values = typeof EMPTY;

/** `onSubmit` throws the server's refusal; the form shows it. */
export function DisclosureForm({ client, consents, onSubmit, onCancel }: { client: ClientDetail; consents: Consent[]; onSubmit: (fields: DisclosureFields) => Promise<void>; onCancel: () => void }) {
  const form = useFormErrors('verstrekking-nieuw');
  const [values, setValues] = useState<Values>(() => ({ ...EMPTY, disclosedOn: today() }));
  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const ground = values.ground ? (values.ground as DisclosureGround) : null;
  // Only consents that hold on the day of the disclosure can carry it.
  const usable = consents.filter((c) => values.disclosedOn && isActiveOn(c, values.disclosedOn));
  const consentId = usable.some((c) => c.id === values.consentId) ? values.consentId : '';
  const caseOptions = client.cases.map((c) => ({ value: c.id, label: `Casus aangemeld op ${formatDate(c.registeredOn)} — ${c.teamName}` }));

  function chooseConsent(id: string) {
    const chosen = consents.find((c) => c.id === id);
    setValues((v) => ({ ...v, consentId: id, recipient: v.recipient || chosen?.recipientName || '' }));
  }

  const { submit, busy } = useFormSubmit(form, {
    values: {
      recipient: values.recipient,
      dataShared: values.dataShared,
      ground: values.ground,
      consentId: ground === 'toestemming' ? consentId || null : null,
      reasoning: values.reasoning,
      disclosedOn: values.disclosedOn,
      caseId: values.caseId || null,
    } as DisclosureFields,
    check: (body) => {
      const parsed = disclosureFields.safeParse(body);
      const errors = parsed.success ? [] : zodFieldErrors(parsed.error);
      // The ground's own requirements, also when other fields failed first (zod then skips them).
      if (ground) {
        const chosen = consents.find((c) => c.id === body.consentId) ?? null;
        for (const problem of groundProblems({ ground, consentId: body.consentId ?? null, reasoning: values.reasoning, disclosedOn: values.disclosedOn }, chosen)) {
          if (!errors.some((e) => e.path === problem.path)) errors.push(problem);
        }
      }
      return errors;
    },
    send: onSubmit,
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label="Verstrekking vastleggen">
      <ErrorSummary form={form} />
      <TextField id={form.idFor('disclosedOn')} label="Datum verstrekking" type="date" value={values.disclosedOn} onChange={set('disclosedOn')} error={form.errorFor('disclosedOn')} size="s" max={today()} required />
      <RadioGroupField id={form.idFor('ground')} label="Grondslag" description="Zonder toestemming mag u alleen delen bij een wettelijke plicht, een meldrecht of een conflict van plichten." options={GROUND_OPTIONS} value={values.ground} onChange={set('ground')} error={form.errorFor('ground')} required />
      {ground === 'toestemming' &&
        (usable.length === 0 ? (
          <Alert type="warning" id={form.idFor('consentId')} tabIndex={-1}>
            <Paragraph>Er is geen toestemming die op deze datum geldt. Leg eerst de toestemming vast, of kies een andere grondslag.</Paragraph>
          </Alert>
        ) : (
          <SelectField
            id={form.idFor('consentId')}
            label="Toestemming"
            description="Alleen toestemmingen die op de datum van verstrekking gelden."
            options={usable.map((c) => ({ value: c.id, label: consentLabel(c) }))}
            value={consentId}
            onChange={chooseConsent}
            error={form.errorFor('consentId')}
            required
          />
        ))}
      <TextField id={form.idFor('recipient')} label="Ontvanger" description="Aan wie u de gegevens gaf." value={values.recipient} onChange={set('recipient')} error={form.errorFor('recipient')} autoComplete="off" required />
      <TextareaField id={form.idFor('dataShared')} label="Welke gegevens" value={values.dataShared} onChange={set('dataShared')} rows={2} error={form.errorFor('dataShared')} required />
      <TextareaField
        id={form.idFor('reasoning')}
        label="Onderbouwing"
        description={ground ? REASONING_HELP[ground] : `Verplicht bij een verstrekking zonder toestemming (minstens ${MIN_REASONING_LENGTH} tekens).`}
        value={values.reasoning}
        onChange={set('reasoning')}
        rows={4}
        error={form.errorFor('reasoning')}
        optional={ground === 'toestemming'}
        required={ground !== null && ground !== 'toestemming'}
      />
      {caseOptions.length > 0 && (
        <SelectField id={form.idFor('caseId')} label="Casus" options={caseOptions} value={values.caseId} onChange={set('caseId')} error={form.errorFor('caseId')} placeholder="Geen casus" optional />
      )}
      <FormActions submitLabel="Verstrekking vastleggen" busy={busy} onCancel={onCancel} />
    </form>
  );
}
