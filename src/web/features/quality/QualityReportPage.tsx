// One complaint, objection or incident: what was reported, the handling steps (oldest first), a form
// to add a step and a form to handle it: status, evaluation and the lesson learned; a closed report
// opens again only with a reason.
import { useState } from 'react';
import { useParams } from 'react-router';
import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { isReopening, type QualityStatus } from '../../../server/modules/quality/quality-rules';
import { qualityReportUpdate, qualityStepInput } from '../../../server/modules/quality/quality.schemas';
import { DateText } from '../../app/DateText';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { useFormSubmit } from '../../app/use-form-submit';
import { useAddQualityStep, useQualityReport, useReloadQualityReport, useUpdateQualityReport, type QualityReportDetail } from './api';
import { kindText, STATUS_OPTIONS, statusText } from './labels';
import { maxLengthOf } from '../../app/form-limits';

export function QualityReportPage() {
  const { id = '' } = useParams();
  const report = useQualityReport(id);
  return (
    <>
      <Paragraph>
        <RouterLink to="/kwaliteit">Terug naar de meldingen</RouterLink>
      </Paragraph>
      <QueryStatus query={report} what="de melding">
        {(detail) => <ReportView detail={detail} />}
      </QueryStatus>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

function ReportView({ detail }: { detail: QualityReportDetail }) {
  return (
    <>
      <PageTitle title={`${kindText(detail.kind, null)}: ${detail.title}`} />
      <DataList appearance="rows" className="kt-datalist">
        <Fact label="Status">{statusText(detail.status)}</Fact>
        <Fact label="Soort">{kindText(detail.kind, detail.category)}</Fact>
        <Fact label="Team">{detail.teamName ?? 'Geen team'}</Fact>
        <Fact label="Datum van het voorval">
          <DateText value={detail.occurredOn} />
        </Fact>
        <Fact label="Ontvangen op">
          <DateText value={detail.receivedOn} />
        </Fact>
        <Fact label="Gemeld door">{detail.filedBy}</Fact>
        <Fact label="Vastgelegd door">{detail.createdByName ?? 'Onbekend'}</Fact>
        <Fact label="Wat is er gebeurd">
          <span className="kt-pre-line">{detail.description}</span>
        </Fact>
        {detail.closedOn && (
          <Fact label="Afgehandeld op">
            <DateText value={detail.closedOn} />
          </Fact>
        )}
        {detail.evaluation && (
          <Fact label="Evaluatie">
            <span className="kt-pre-line">{detail.evaluation}</span>
          </Fact>
        )}
        {detail.lessonLearned && (
          <Fact label="Les voor de organisatie">
            <span className="kt-pre-line">{detail.lessonLearned}</span>
          </Fact>
        )}
      </DataList>

      <section aria-labelledby="stappen-title" className="kt-section">
        <Heading2 id="stappen-title">Stappen in de behandeling</Heading2>
        {detail.steps.length === 0 ? (
          <Paragraph>Nog geen stappen vastgelegd.</Paragraph>
        ) : (
          <ol className="kt-events" aria-label="Stappen, oudste eerst">
            {detail.steps.map((step) => (
              <li key={step.id} className="kt-events__item">
                <strong>
                  <DateText value={step.stepOn} />
                </strong>
                {step.authorName ? ` — ${step.authorName}` : ''}
                <div className="kt-pre-line">{step.description}</div>
              </li>
            ))}
          </ol>
        )}
        {detail.status === 'afgehandeld' ? <Paragraph>De melding is afgehandeld. Open de melding opnieuw om een stap toe te voegen.</Paragraph> : <StepForm detail={detail} />}
      </section>

      <section aria-labelledby="behandeling-title" className="kt-section">
        <Heading2 id="behandeling-title">{detail.status === 'afgehandeld' ? 'Afhandeling' : 'Behandelen en afhandelen'}</Heading2>
        <HandleForm key={detail.version} detail={detail} />
      </section>
    </>
  );
}

function StepForm({ detail }: { detail: QualityReportDetail }) {
  const add = useAddQualityStep(detail.id);
  const form = useFormErrors('stap');
  const [stepOn, setStepOn] = useState(today());
  const [description, setDescription] = useState('');

  const { submit, busy } = useFormSubmit(form, {
    values: { stepOn, description },
    schema: qualityStepInput,
    send: (body) => add.mutateAsync(body),
    onSuccess: () => setDescription(''),
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label="Stap toevoegen">
      <ErrorSummary form={form} />
      <TextField id={form.idFor('stepOn')} type="date" label="Datum van de stap" value={stepOn} onChange={setStepOn} error={form.errorFor('stepOn')} max={today()} size="m" required />
      <TextareaField id={form.idFor('description')} maxLength={maxLengthOf(qualityStepInput, 'description')} label="Wat is er gedaan" value={description} onChange={setDescription} error={form.errorFor('description')} rows={3} required />
      <FormActions submitLabel="Stap toevoegen" busy={busy} appearance="secondary" />
    </form>
  );
}

function HandleForm({ detail }: { detail: QualityReportDetail }) {
  const update = useUpdateQualityReport(detail.id);
  const reload = useReloadQualityReport(detail.id);
  const form = useFormErrors('afhandeling');
  const [status, setStatus] = useState<QualityStatus>(detail.status);
  const [evaluation, setEvaluation] = useState(detail.evaluation ?? '');
  const [lessonLearned, setLessonLearned] = useState(detail.lessonLearned ?? '');
  const [reopenReason, setReopenReason] = useState('');
  const reopening = isReopening(detail.status, status);
  const closing = status === 'afgehandeld';

  const { submit, busy } = useFormSubmit(form, {
    values: { status, evaluation, lessonLearned, reopenReason: reopening ? reopenReason : '', version: detail.version },
    schema: qualityReportUpdate,
    send: (body) => update.mutateAsync(body),
  });

  const submitLabel = reopening ? 'Melding heropenen' : closing && detail.status !== 'afgehandeld' ? 'Melding afhandelen' : 'Opslaan';
  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label="Melding behandelen">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <SelectField id={form.idFor('status')} label="Status" options={STATUS_OPTIONS} value={status} onChange={(v) => setStatus(v as QualityStatus)} error={form.errorFor('status')} placeholder={null} />
      <TextareaField
        id={form.idFor('evaluation')}
        maxLength={maxLengthOf(qualityReportUpdate, 'evaluation')}
        label="Evaluatie"
        value={evaluation}
        onChange={setEvaluation}
        error={form.errorFor('evaluation')}
        description="Hoe is de melding behandeld en wat vond de melder ervan? Verplicht bij afhandelen."
        optional={!closing}
        required={closing}
      />
      <TextareaField
        id={form.idFor('lessonLearned')}
        maxLength={maxLengthOf(qualityReportUpdate, 'lessonLearned')}
        label="Les voor de organisatie"
        value={lessonLearned}
        onChange={setLessonLearned}
        error={form.errorFor('lessonLearned')}
        description="Wat doen we voortaan anders? Verplicht bij afhandelen."
        optional={!closing}
        required={closing}
      />
      {reopening && (
        <TextareaField
          id={form.idFor('reopenReason')}
          maxLength={maxLengthOf(qualityReportUpdate, 'reopenReason')}
          label="Reden van heropenen"
          value={reopenReason}
          onChange={setReopenReason}
          error={form.errorFor('reopenReason')}
          description="Komt als stap in de behandeling."
          rows={3}
          required
        />
      )}
      <FormActions submitLabel={submitLabel} busy={busy} />
    </form>
  );
}
