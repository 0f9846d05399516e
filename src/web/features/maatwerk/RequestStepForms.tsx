// The steps of a request: the onderzoek's report, the beschikking, or withdrawing it. Each sends the
// version the worker read; a change by someone else in between gets the 409 summary with a reload.
import { useState } from 'react';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { DECISION_OUTCOME_LABELS, DECISION_OUTCOMES } from '../../../server/modules/maatwerk/maatwerk-codes';
import { decisionFields, researchFields, withdrawalFields } from '../../../server/modules/maatwerk/maatwerk.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { useFormSubmit } from '../../app/use-form-submit';
import { useDecideRequest, useRecordResearch, useReloadMaatwerk, useWithdrawRequest, type DecisionFields, type ProvisionRequest } from './api';
import { maxLengthOf } from '../../app/form-limits';

interface StepProps {
  caseId: string;
  request: ProvisionRequest;
  onDone: () => void;
}

export function ResearchForm({ caseId, request, onDone }: StepProps) {
  const form = useFormErrors(`onderzoek-${request.id}`);
  const record = useRecordResearch(caseId, request.id);
  const reload = useReloadMaatwerk(caseId);
  const [researchReportedOn, setDate] = useState(today());
  const [researchReport, setReport] = useState('');
  const { submit, busy } = useFormSubmit(form, {
    values: { researchReportedOn, researchReport, version: request.version },
    schema: researchFields,
    send: (body) => record.mutateAsync(body),
    onSuccess: onDone,
  });
  return (
    <form noValidate onSubmit={submit} className="kt-panel kt-form" aria-label="Verslag van het onderzoek">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <TextField id={form.idFor('researchReportedOn')} label="Datum van het verslag" type="date" value={researchReportedOn} onChange={setDate} error={form.errorFor('researchReportedOn')} size="s" required />
      <TextareaField
        id={form.idFor('researchReport')}
        maxLength={maxLengthOf(researchFields, 'researchReport')}
        label="Wat heeft het onderzoek opgeleverd"
        description="Wat de bewoner zelf kan, wat het netwerk kan, en wat er nodig is."
        value={researchReport}
        onChange={setReport}
        rows={5}
        error={form.errorFor('researchReport')}
        required
      />
      <FormActions submitLabel="Verslag vastleggen" busy={busy} onCancel={onDone} />
    </form>
  );
}

const OUTCOME_OPTIONS = DECISION_OUTCOMES.map((value) => ({ value, label: DECISION_OUTCOME_LABELS[value] }));

export function DecisionForm({ caseId, request, onDone }: StepProps) {
  const form = useFormErrors(`besluit-${request.id}`);
  const decide = useDecideRequest(caseId, request.id);
  const reload = useReloadMaatwerk(caseId);
  const [decidedOn, setDate] = useState(today());
  const [outcome, setOutcome] = useState('');
  const [reasons, setReasons] = useState('');
  const { submit, busy } = useFormSubmit<DecisionFields, unknown>(form, {
    values: { decidedOn, outcome: outcome as DecisionFields['outcome'], reasons, version: request.version },
    schema: decisionFields,
    send: (body) => decide.mutateAsync(body),
    onSuccess: onDone,
  });
  return (
    <form noValidate onSubmit={submit} className="kt-panel kt-form" aria-label="Besluit (beschikking)">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <TextField id={form.idFor('decidedOn')} label="Datum van het besluit" type="date" value={decidedOn} onChange={setDate} error={form.errorFor('decidedOn')} size="s" required />
      <RadioGroupField id={form.idFor('outcome')} label="Besluit" options={OUTCOME_OPTIONS} value={outcome} onChange={setOutcome} error={form.errorFor('outcome')} required />
      <TextareaField
        id={form.idFor('reasons')}
        maxLength={maxLengthOf(decisionFields, 'reasons')}
        label="Motivering"
        description="Dit komt in de beschikkingsbrief. Schrijf in gewone woorden waarom."
        value={reasons}
        onChange={setReasons}
        rows={5}
        error={form.errorFor('reasons')}
        required
      />
      <FormActions submitLabel="Besluit vastleggen" busy={busy} onCancel={onDone} />
    </form>
  );
}

export function WithdrawRequestForm({ caseId, request, onDone }: StepProps) {
  const form = useFormErrors(`intrekken-aanvraag-${request.id}`);
  const withdraw = useWithdrawRequest(caseId, request.id);
  const reload = useReloadMaatwerk(caseId);
  const [reason, setReason] = useState('');
  const { submit, busy } = useFormSubmit(form, {
    values: { reason, version: request.version },
    schema: withdrawalFields,
    send: (body) => withdraw.mutateAsync(body),
    onSuccess: onDone,
  });
  return (
    <form noValidate onSubmit={submit} className="kt-panel kt-form" aria-label="Aanvraag intrekken">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <Alert type="warning">
        <Paragraph>Weet u zeker dat u deze aanvraag wilt intrekken? Ze blijft zichtbaar in het dossier, maar er volgt geen besluit.</Paragraph>
      </Alert>
      <TextareaField id={form.idFor('reason')} maxLength={maxLengthOf(withdrawalFields, 'reason')} label="Waarom wordt de aanvraag ingetrokken" value={reason} onChange={setReason} rows={2} error={form.errorFor('reason')} required />
      <FormActions submitLabel="Ja, intrekken" busy={busy} busyText="Bezig met intrekken…" onCancel={onDone} />
    </form>
  );
}
