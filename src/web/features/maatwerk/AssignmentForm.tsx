// A toewijzing on a granted decision: product, provider, period and omvang (zorg in natura) or a
// budget (persoonsgebonden budget: the category pgb).
import { useState } from 'react';
import { FREQUENCIES, FREQUENCY_LABELS, PGB_CATEGORY, UNIT_LABELS, UNITS } from '../../../server/modules/maatwerk/maatwerk-codes';
import { assignmentFields } from '../../../server/modules/maatwerk/maatwerk.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { codeOptions, useReference } from '../../app/reference';
import { useFormSubmit } from '../../app/use-form-submit';
import { useAssignProvision, type AssignmentFields } from './api';
import { euroToCents } from './labels';

const UNIT_OPTIONS = UNITS.map((value) => ({ value, label: UNIT_LABELS[value] }));
const FREQUENCY_OPTIONS = FREQUENCIES.map((value) => ({ value, label: FREQUENCY_LABELS[value] }));

export function AssignmentForm({ caseId, decisionId, onDone }: { caseId: string; decisionId: string; onDone: () => void }) {
  const form = useFormErrors(`toewijzing-${decisionId}`);
  const assign = useAssignProvision(caseId, decisionId);
  const reference = useReference();
  const [values, setValues] = useState({ category: '', product: '', provider: '', startOn: today(), endOn: '', volume: '', unit: '04', frequency: '2', budget: '' });
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value, ...(field === 'category' ? { product: '' } : {}) }));
  const pgb = values.category === PGB_CATEGORY;
  const products = (reference.data?.codes.provision_products ?? []).filter((p) => p.parentCode === values.category).map((p) => ({ value: p.code, label: p.label }));
  const cents = euroToCents(values.budget);

  const { submit, busy } = useFormSubmit<AssignmentFields, unknown>(form, {
    values: {
      category: values.category,
      product: values.product,
      provider: values.provider,
      startOn: values.startOn,
      endOn: values.endOn || null,
      volume: pgb || values.volume === '' ? null : Number(values.volume),
      unit: pgb ? null : (values.unit as AssignmentFields['unit']),
      frequency: pgb ? null : (values.frequency as AssignmentFields['frequency']),
      budgetCents: pgb ? cents : null,
    },
    check: () => (pgb && values.budget !== '' && cents === null ? [{ path: 'budgetCents', message: 'Vul een bedrag in euro in, bijvoorbeeld 1250,00' }] : []),
    schema: assignmentFields,
    send: (body) => assign.mutateAsync(body),
    onSuccess: onDone,
  });

  return (
    <form noValidate onSubmit={submit} className="kt-panel kt-form" aria-label="Toewijzing aan een aanbieder">
      <ErrorSummary form={form} />
      <SelectField id={form.idFor('category')} label="Soort voorziening" options={codeOptions(reference.data, 'provision_categories')} value={values.category} onChange={set('category')} error={form.errorFor('category')} required />
      <SelectField id={form.idFor('product')} label="Product" options={products} value={values.product} onChange={set('product')} error={form.errorFor('product')} placeholder={values.category ? 'Maak een keuze' : 'Kies eerst de soort'} required />
      <SelectField id={form.idFor('provider')} label="Aanbieder" options={codeOptions(reference.data, 'providers')} value={values.provider} onChange={set('provider')} error={form.errorFor('provider')} required />
      <TextField id={form.idFor('startOn')} label="Begindatum" type="date" value={values.startOn} onChange={set('startOn')} error={form.errorFor('startOn')} size="s" required />
      <TextField id={form.idFor('endOn')} label="Einddatum" description="Leeg als de toewijzing geen einddatum heeft." type="date" value={values.endOn} onChange={set('endOn')} error={form.errorFor('endOn')} size="s" optional />
      {pgb ? (
        <TextField id={form.idFor('budgetCents')} label="Budget in euro" description="Het bedrag voor de hele periode, bijvoorbeeld 1250,00." inputMode="decimal" value={values.budget} onChange={set('budget')} error={form.errorFor('budgetCents')} size="s" required />
      ) : (
        <>
          <TextField id={form.idFor('volume')} label="Omvang" inputMode="numeric" value={values.volume} onChange={set('volume')} error={form.errorFor('volume')} size="s" required />
          <SelectField id={form.idFor('unit')} label="Eenheid" options={UNIT_OPTIONS} value={values.unit} onChange={set('unit')} error={form.errorFor('unit')} placeholder={null} required />
          <SelectField id={form.idFor('frequency')} label="Frequentie" options={FREQUENCY_OPTIONS} value={values.frequency} onChange={set('frequency')} error={form.errorFor('frequency')} placeholder={null} required />
        </>
      )}
      <FormActions submitLabel="Toewijzing vastleggen" busy={busy} onCancel={onDone} />
    </form>
  );
}
