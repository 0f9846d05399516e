// The changes of a toewijzing: extend it to a later end, end it early with a reason, or let it
// lapse (vervallen: registered in error). Each sends the version the worker read.
import { useState } from 'react';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { CHANGE_REASON_LABELS, END_REASONS } from '../../../server/modules/maatwerk/maatwerk-codes';
import { endFields, extensionFields, voidFields } from '../../../server/modules/maatwerk/maatwerk.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { useFormSubmit } from '../../app/use-form-submit';
import { useEndProvision, useExtendProvision, useReloadMaatwerk, useVoidProvision, type EndFields, type Provision } from './api';
import { maxLengthOf } from '../../app/form-limits';

interface StepProps {
  caseId: string;
  provision: Provision;
  onDone: () => void;
}

export function ExtendForm({ caseId, provision, onDone }: StepProps) {
  const form = useFormErrors(`verlengen-${provision.id}`);
  const extend = useExtendProvision(caseId, provision.id);
  const reload = useReloadMaatwerk(caseId);
  const [endOn, setEndOn] = useState('');
  const { submit, busy } = useFormSubmit(form, {
    values: { endOn, version: provision.version },
    check: () => (endOn ? [] : [{ path: 'endOn', message: 'Vul de nieuwe einddatum in' }]),
    schema: extensionFields,
    send: (body) => extend.mutateAsync(body),
    onSuccess: onDone,
  });
  return (
    <form noValidate onSubmit={submit} className="kt-panel kt-form" aria-label="Toewijzing verlengen">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <TextField id={form.idFor('endOn')} label="Nieuwe einddatum" description="De verlenging houdt het toewijzingsnummer." type="date" value={endOn} onChange={setEndOn} error={form.errorFor('endOn')} size="s" required />
      <FormActions submitLabel="Verlengen" busy={busy} onCancel={onDone} />
    </form>
  );
}

const END_OPTIONS = END_REASONS.map((value) => ({ value, label: CHANGE_REASON_LABELS[value] }));

export function EndForm({ caseId, provision, onDone }: StepProps) {
  const form = useFormErrors(`beeindigen-${provision.id}`);
  const end = useEndProvision(caseId, provision.id);
  const reload = useReloadMaatwerk(caseId);
  const [values, setValues] = useState({ endOn: today(), reason: '', note: '' });
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const { submit, busy } = useFormSubmit<EndFields, unknown>(form, {
    values: { endOn: values.endOn, reason: values.reason as EndFields['reason'], note: values.note, version: provision.version },
    schema: endFields,
    send: (body) => end.mutateAsync(body),
    onSuccess: onDone,
  });
  return (
    <form noValidate onSubmit={submit} className="kt-panel kt-form" aria-label="Toewijzing beëindigen">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <TextField id={form.idFor('endOn')} label="Laatste dag" type="date" value={values.endOn} onChange={set('endOn')} error={form.errorFor('endOn')} size="s" required />
      <SelectField id={form.idFor('reason')} label="Reden" options={END_OPTIONS} value={values.reason} onChange={set('reason')} error={form.errorFor('reason')} required />
      <TextareaField id={form.idFor('note')} maxLength={maxLengthOf(endFields, 'note')} label="Toelichting" value={values.note} onChange={set('note')} rows={2} error={form.errorFor('note')} optional />
      <FormActions submitLabel="Beëindigen" busy={busy} onCancel={onDone} />
    </form>
  );
}

export function VoidForm({ caseId, provision, onDone }: StepProps) {
  const form = useFormErrors(`vervallen-${provision.id}`);
  const lapse = useVoidProvision(caseId, provision.id);
  const reload = useReloadMaatwerk(caseId);
  const [reason, setReason] = useState('');
  const { submit, busy } = useFormSubmit(form, {
    values: { reason, version: provision.version },
    schema: voidFields,
    send: (body) => lapse.mutateAsync(body),
    onSuccess: onDone,
  });
  return (
    <form noValidate onSubmit={submit} className="kt-panel kt-form" aria-label="Toewijzing laten vervallen">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <Alert type="warning">
        <Paragraph>Laat een toewijzing alleen vervallen als ze per vergissing is vastgelegd. Ze blijft zichtbaar in het dossier, telt nergens meer mee en de aanbieder krijgt bericht dat ze vervalt.</Paragraph>
      </Alert>
      <TextareaField id={form.idFor('reason')} maxLength={maxLengthOf(voidFields, 'reason')} label="Waarom vervalt de toewijzing" value={reason} onChange={setReason} rows={2} error={form.errorFor('reason')} required />
      <FormActions submitLabel="Ja, laten vervallen" busy={busy} busyText="Bezig…" onCancel={onDone} />
    </form>
  );
}
