// One contact's fields: date, kind, minutes, note and the sensitive mark. Used to add a contact and to
// edit one in place; only the author sets or changes the mark (others keep it as it is).
import { useState } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import { CONTACT_KINDS, CONTACT_KIND_LABELS } from '../../../server/modules/cases/case-rules';
import { contactFields, type ContactFields } from '../../../server/modules/journal/journal.schemas';
import { SENSITIVITY_LABELS, type Sensitivity } from '../../../server/lib/sensitivity';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { useFormSubmit } from '../../app/use-form-submit';
import type { Contact } from './api';
import { SensitivityField } from './Sensitivity';

const KIND_OPTIONS = CONTACT_KINDS.map((kind) => ({ value: kind, label: CONTACT_KIND_LABELS[kind] }));

interface Props {
  formId: string;
  label: string;
  submitLabel: string;
  initial?: Contact;
  /** Throws the server's refusal; the form shows it. */
  onSubmit: (fields: ContactFields) => Promise<void>;
  onCancel?: () => void;
  onReload?: () => void;
}

export function ContactForm({ formId, label, submitLabel, initial, onSubmit, onCancel, onReload }: Props) {
  const form = useFormErrors(formId);
  const [contactOn, setContactOn] = useState(initial?.contactOn ?? today());
  const [kind, setKind] = useState<string>(initial?.kind ?? '');
  const [minutes, setMinutes] = useState(initial?.minutes === null || initial?.minutes === undefined ? '' : String(initial.minutes));
  const [note, setNote] = useState(initial?.note ?? '');
  const [sensitivity, setSensitivity] = useState<Sensitivity | null>(initial?.sensitivity ?? null);
  const mayMark = !initial || initial.mayChangeSensitivity;

  const trimmedMinutes = minutes.trim();
  const { submit, busy } = useFormSubmit(form, {
    // Someone else's entry: the mark is left out, so it stays as the author set it.
    values: { contactOn, kind, minutes: trimmedMinutes === '' ? null : Number(trimmedMinutes), note, ...(mayMark ? { sensitivity } : {}) } as ContactFields,
    check: () => (trimmedMinutes !== '' && !/^\d+$/.test(trimmedMinutes) ? [{ path: 'minutes', message: 'Vul het aantal minuten in als heel getal, bijvoorbeeld 45' }] : []),
    schema: contactFields,
    send: onSubmit,
    onSuccess: () => {
      if (initial) return;
      setKind('');
      setMinutes('');
      setNote('');
      setSensitivity(null);
      setContactOn(today());
    },
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label={label}>
      <ErrorSummary form={form} onReload={onReload ? () => { onReload(); form.clear(); } : undefined} />
      <div className="kt-row">
        <TextField id={form.idFor('contactOn')} label="Datum contact" type="date" value={contactOn} onChange={setContactOn} max={today()} size="s" error={form.errorFor('contactOn')} required />
        <SelectField id={form.idFor('kind')} label="Soort contact" value={kind} onChange={setKind} options={KIND_OPTIONS} error={form.errorFor('kind')} required />
        <TextField id={form.idFor('minutes')} label="Minuten" inputMode="numeric" value={minutes} onChange={setMinutes} size="xs" error={form.errorFor('minutes')} optional />
      </div>
      <TextareaField id={form.idFor('note')} label="Notitie" value={note} onChange={setNote} rows={4} error={form.errorFor('note')} optional />
      {mayMark ? (
        <SensitivityField id={form.idFor('sensitivity')} value={sensitivity} onChange={setSensitivity} error={form.errorFor('sensitivity')} />
      ) : (
        <Paragraph id={form.idFor('sensitivity')} className="kt-muted">
          Gevoelig: {sensitivity ? SENSITIVITY_LABELS[sensitivity] : 'geen'}. Alleen wie de notitie schreef, kan dit wijzigen.
        </Paragraph>
      )}
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
