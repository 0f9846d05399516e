// Record a consent: with whom, which data, for what, from–to, and how the client gave it.
import { useState } from 'react';
import { consentPeriodProblems } from '../../../server/modules/consents/consent-rules';
import { consentFields, GIVEN_HOW, GIVEN_HOW_LABELS, RECIPIENT_KIND_LABELS, RECIPIENT_KINDS } from '../../../server/modules/consents/consents.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors, zodFieldErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { useFormSubmit } from '../../app/use-form-submit';
import type { ConsentFields } from './api';

const KIND_OPTIONS = RECIPIENT_KINDS.map((kind) => ({ value: kind, label: RECIPIENT_KIND_LABELS[kind] }));
const HOW_OPTIONS = GIVEN_HOW.map((how) => ({ value: how, label: GIVEN_HOW_LABELS[how] }));

const EMPTY = { recipientKind: '', recipientName: '', dataShared: '', purpose: '', validFrom: '', validUntil: '', givenHow: '' };
type Values = typeof EMPTY;

/** `onSubmit` throws the server's refusal; the form shows it. */
export function ConsentForm({ birthDate, onSubmit, onCancel }: { birthDate: string | null; onSubmit: (fields: ConsentFields) => Promise<void>; onCancel: () => void }) {
  const form = useFormErrors('toestemming-nieuw');
  const [values, setValues] = useState<Values>(() => ({ ...EMPTY, validFrom: today() }));
  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const { submit, busy } = useFormSubmit(form, {
    values: { ...values, validUntil: values.validUntil || null } as ConsentFields,
    // The schema, then the period on valid dates (the birth date is the server's check too; here it saves a round trip).
    check: (body) => {
      const parsed = consentFields.safeParse(body);
      if (!parsed.success) return zodFieldErrors(parsed.error);
      return consentPeriodProblems({ validFrom: parsed.data.validFrom, validUntil: parsed.data.validUntil ?? null }, { today: today(), birthDate });
    },
    send: onSubmit,
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label="Toestemming vastleggen">
      <ErrorSummary form={form} />
      <SelectField id={form.idFor('recipientKind')} label="Soort ontvanger" options={KIND_OPTIONS} value={values.recipientKind} onChange={set('recipientKind')} error={form.errorFor('recipientKind')} required />
      <TextField id={form.idFor('recipientName')} label="Naam ontvanger" description="Bijvoorbeeld Huisartsenpraktijk De Linde of Mitros." value={values.recipientName} onChange={set('recipientName')} error={form.errorFor('recipientName')} autoComplete="off" required />
      <TextareaField id={form.idFor('dataShared')} label="Welke gegevens" value={values.dataShared} onChange={set('dataShared')} rows={2} error={form.errorFor('dataShared')} required />
      <TextareaField id={form.idFor('purpose')} label="Doel" description="Waarvoor mogen de gegevens gedeeld worden?" value={values.purpose} onChange={set('purpose')} rows={2} error={form.errorFor('purpose')} required />
      <div className="kt-row">
        <TextField id={form.idFor('validFrom')} label="Geldig vanaf" type="date" value={values.validFrom} onChange={set('validFrom')} error={form.errorFor('validFrom')} size="s" required />
        <TextField id={form.idFor('validUntil')} label="Geldig tot en met" description="Leeg: tot de cliënt de toestemming intrekt." type="date" value={values.validUntil} onChange={set('validUntil')} error={form.errorFor('validUntil')} size="s" optional />
      </div>
      <RadioGroupField id={form.idFor('givenHow')} label="Hoe gaf de cliënt toestemming?" options={HOW_OPTIONS} value={values.givenHow} onChange={set('givenHow')} error={form.errorFor('givenHow')} required />
      <FormActions submitLabel="Toestemming opslaan" busy={busy} onCancel={onCancel} />
    </form>
  );
}
