// Add or change someone in the network: who they are, what they do now and could do, how close.
import { useState } from 'react';
import { CLOSENESS_LABELS, NETWORK_KIND_LABELS, NETWORK_KINDS, networkFields, type NetworkKind } from '../../../server/modules/network/network.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { useFormSubmit } from '../../app/use-form-submit';
import type { NetworkFields, NetworkMember } from './api';

const KIND_OPTIONS = NETWORK_KINDS.map((kind) => ({ value: kind, label: NETWORK_KIND_LABELS[kind] }));
export const CLOSENESS_OPTIONS = ([1, 2, 3] as const).map((n) => ({ value: String(n), label: `${n} – ${CLOSENESS_LABELS[n]}` }));

interface Values {
  name: string;
  kind: string;
  relation: string;
  doesNow: string;
  couldDo: string;
  phone: string;
  email: string;
  closeness: string;
}

function initialValues(member?: NetworkMember): Values {
  return {
    name: member?.name ?? '',
    kind: member?.kind ?? '',
    relation: member?.relation ?? '',
    doesNow: member?.doesNow ?? '',
    couldDo: member?.couldDo ?? '',
    phone: member?.phone ?? '',
    email: member?.email ?? '',
    closeness: member ? String(member.closeness) : '2',
  };
}

export function NetworkForm({
  formId,
  label,
  submitLabel,
  initial,
  onSubmit,
  onCancel,
  onReload,
}: {
  formId: string;
  label: string;
  submitLabel: string;
  initial?: NetworkMember;
  /** Throws an ApiError on failure; the form shows it. */
  onSubmit: (fields: NetworkFields) => Promise<void>;
  onCancel?: () => void;
  onReload?: () => void;
}) {
  const form = useFormErrors(formId);
  const [values, setValues] = useState<Values>(() => initialValues(initial));
  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const { submit, busy } = useFormSubmit<NetworkFields, void>(form, {
    values: {
      name: values.name,
      kind: values.kind as NetworkKind,
      relation: values.relation,
      doesNow: values.doesNow,
      couldDo: values.couldDo,
      phone: values.phone,
      email: values.email,
      closeness: Number(values.closeness) as 1 | 2 | 3,
    },
    schema: networkFields,
    send: onSubmit,
    onSuccess: () => {
      if (!initial) setValues(initialValues());
    },
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form kt-network-form" aria-label={label}>
      <ErrorSummary form={form} onReload={onReload ? () => { onReload(); form.clear(); } : undefined} />
      <TextField id={form.idFor('name')} label="Naam" value={values.name} onChange={set('name')} error={form.errorFor('name')} autoComplete="off" required />
      <SelectField id={form.idFor('kind')} label="Wie is dit" options={KIND_OPTIONS} value={values.kind} onChange={set('kind')} error={form.errorFor('kind')} required />
      <TextField id={form.idFor('relation')} label="Relatie" description="Bijvoorbeeld dochter, buurvrouw, huisarts." value={values.relation} onChange={set('relation')} error={form.errorFor('relation')} optional />
      <TextareaField id={form.idFor('doesNow')} label="Wat doet deze persoon nu" value={values.doesNow} onChange={set('doesNow')} rows={2} error={form.errorFor('doesNow')} optional />
      <TextareaField id={form.idFor('couldDo')} label="Wat zou deze persoon kunnen doen" value={values.couldDo} onChange={set('couldDo')} rows={2} error={form.errorFor('couldDo')} optional />
      <TextField id={form.idFor('phone')} label="Telefoonnummer" type="tel" value={values.phone} onChange={set('phone')} error={form.errorFor('phone')} autoComplete="off" size="m" optional />
      <TextField id={form.idFor('email')} label="E-mailadres" type="email" value={values.email} onChange={set('email')} error={form.errorFor('email')} autoComplete="off" optional />
      <RadioGroupField
        id={form.idFor('closeness')}
        label="Hoe dichtbij"
        description="1 is het dichtst bij het huishouden. Zo staat de persoon in het ecogram."
        options={CLOSENESS_OPTIONS}
        value={values.closeness}
        onChange={set('closeness')}
        error={form.errorFor('closeness')}
        required
      />
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
