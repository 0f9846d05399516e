// Akkoord van de cliënt vastleggen: for the current version, the date and how the client agreed.
// Opened from the versions list; closes after recording, with a short confirmation on the page.
import { useEffect, useRef, useState } from 'react';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { AGREEMENT_WAY_LABELS, AGREEMENT_WAYS, agreementBody } from '../../../server/modules/plans/plans.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { useFormSubmit } from '../../app/use-form-submit';
import { useRecordAgreement, useReloadPlan, type Plan } from './api';

const WAY_OPTIONS = AGREEMENT_WAYS.map((w) => ({ value: w, label: AGREEMENT_WAY_LABELS[w] }));

interface Props {
  caseId: string;
  plan: Plan;
  onDirty: (dirty: boolean) => void;
  onRecorded: (plan: Plan, message: string) => void;
  onCancel: () => void;
}

export function PlanAgreementForm({ caseId, plan, onDirty, onRecorded, onCancel }: Props) {
  const record = useRecordAgreement(caseId);
  const reload = useReloadPlan(caseId);
  const form = useFormErrors('akkoord');
  const [agreedOn, setAgreedOn] = useState(today());
  const [how, setHow] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  const dirty = how !== '' || agreedOn !== today();
  useEffect(() => onDirty(dirty), [onDirty, dirty]);
  useEffect(() => ref.current?.querySelector<HTMLElement>('input')?.focus(), []);
  const { submit, busy } = useFormSubmit(form, {
    values: { agreedOn, how },
    schema: agreementBody,
    send: (body) => record.mutateAsync({ version: plan.version, ...body }),
    onSuccess: (result) => onRecorded(result, `Het akkoord van de cliënt op versie ${plan.version} is vastgelegd.`),
  });

  return (
    <form ref={ref} noValidate onSubmit={submit} className="kt-part-form" aria-labelledby="akkoord-title">
      <Heading3 id="akkoord-title">Akkoord van de cliënt vastleggen</Heading3>
      <Paragraph>Voor versie {plan.version}, de huidige versie.</Paragraph>
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <TextField id={form.idFor('agreedOn')} label="Datum akkoord" type="date" size="s" max={today()} value={agreedOn} onChange={setAgreedOn} error={form.errorFor('agreedOn')} required />
      <RadioGroupField id={form.idFor('how')} label="Hoe gaf de cliënt akkoord?" options={WAY_OPTIONS} value={how} onChange={setHow} error={form.errorFor('how')} required />
      <FormActions submitLabel="Akkoord vastleggen" busy={busy} onCancel={onCancel} />
    </form>
  );
}
