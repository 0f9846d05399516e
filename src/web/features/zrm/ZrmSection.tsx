// Zelfredzaamheid (ZRM) on the case page: what is due, a new assessment (a form that opens on
// "Meting toevoegen", or opened already when a measurement is due within the next 14 days, as on
// Mijn dag), the assessments, and the scores over time per household member.
import { useCallback, useState } from 'react';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading2, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField, TextField, type Option } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { formatDate, fullName, today } from '../../app/format';
import { QueryStatus } from '../../app/QueryStatus';
import { codeOptions, useReference } from '../../app/reference';
import { ScrollTable } from '../../app/ScrollTable';
import { useFormSubmit } from '../../app/use-form-submit';
import { useDisclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges, useEditedWithin } from '../../app/use-unsaved-changes';
import { addDays } from '../../../server/lib/dates';
import type { CaseDetail } from '../cases/api';
import { useAddAssessment, useCaseZrm, type CaseZrm, type ZrmType } from './api';
import { ZrmProgress } from './ZrmProgress';
import './zrm.css';
import { DUE_LABELS, LEVEL_OPTIONS, newAssessmentBody, SAVED_LABELS, TYPE_LABELS, TYPE_OPTIONS } from './zrm-labels';

export function ZrmSection({ detail, mayWrite }: { detail: CaseDetail; mayWrite: boolean }) {
  const zrm = useCaseZrm(detail.id);
  const reference = useReference();
  const domains = codeOptions(reference.data, 'zrm_domains');
  const closed = detail.status === 'closed';
  return (
    <section aria-labelledby="zrm-title" className="kt-section">
      <Heading2 id="zrm-title">Zelfredzaamheid (ZRM)</Heading2>
      <QueryStatus query={zrm} what="de ZRM-metingen">
        {(data) => (
          <>
            <Due due={data.due} detail={detail} />
            {mayWrite && !closed && <NewAssessment detail={detail} domains={domains} due={data.due} />}
            <Assessments data={data} detail={detail} domains={domains} />
          </>
        )}
      </QueryStatus>
    </section>
  );
}

function memberName(detail: CaseDetail, clientId: string | null | undefined): string {
  const member = detail.household.find((m) => m.clientId === clientId);
  return member ? fullName(member) : '';
}

function Due({ due, detail }: { due: CaseZrm['due']; detail: CaseDetail }) {
  if (due.length === 0) return <Paragraph>Er is nu geen ZRM-meting nodig.</Paragraph>;
  return (
    <>
      <Heading3>Wat moet er gebeuren</Heading3>
      <UnorderedList>
        {due.map((d, i) => {
          const who = memberName(detail, d.clientId);
          return (
            <UnorderedListItem key={`${d.kind}-${d.dueOn}-${i}`}>
              {DUE_LABELS[d.kind] ?? d.kind} vóór <DateText value={d.dueOn} />
              {who ? ` (${who})` : ''}
              {d.overdue && <strong> — te laat</strong>}
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
    </>
  );
}

/** A measurement due within this many days opens the form by itself (Mijn dag looks as far ahead). */
const DUE_OPENS_FORM_DAYS = 14;

function NewAssessment({ detail, domains, due }: { detail: CaseDetail; domains: Option[]; due: CaseZrm['due'] }) {
  const dueSoon = due.some((d) => d.dueOn <= addDays(today(), DUE_OPENS_FORM_DAYS));
  const edits = useEditedWithin();
  const form = useDisclosure('zrm-meting', { initiallyOpen: dueSoon, canClose: () => !edits.edited || confirmDiscardChanges() });
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      {/* Always in the page, so that the confirmation is read out when it appears. */}
      <Paragraph role="status">{done}</Paragraph>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" {...form.buttonProps} onClick={() => { setDone(null); form.toggle(); }}>
          Meting toevoegen
        </Button>
      </ButtonGroup>
      {form.open && (
        <div {...form.panelProps} {...edits.trackProps}>
          <AssessmentForm
            detail={detail}
            domains={domains}
            onSaved={(text) => {
              edits.reset();
              setDone(text);
              form.hide();
            }}
            onCancel={() => {
              edits.reset();
              form.hide();
            }}
          />
        </div>
      )}
    </>
  );
}

function AssessmentForm({ detail, domains, onSaved, onCancel }: { detail: CaseDetail; domains: Option[]; onSaved: (text: string) => void; onCancel: () => void }) {
  // An organisation with a ZRM licence may load the cell texts; they show under the chosen score.
  const reference = useReference();
  const cellTexts = new Map((reference.data?.codes.zrm_descriptions ?? []).map((c) => [c.code, c.label]));
  const add = useAddAssessment(detail.id);
  // The first domain's select carries the group's id ("zrm-scores"), so its own errors go there too.
  const first = domains[0]?.value;
  const form = useFormErrors('zrm', { mapPath: useCallback((p: string) => (first && p === `scores.${first}` ? 'scores' : p), [first]) });
  const members = detail.household.map((m) => ({ value: m.clientId, label: fullName(m) }));
  const mainId = detail.mainClient?.id ?? detail.household.find((m) => m.role === 'hoofdclient')?.clientId ?? members[0]?.value ?? '';
  const [clientId, setClientId] = useState(mainId);
  const [assessedOn, setAssessedOn] = useState(today());
  const [type, setType] = useState('');
  const [scores, setScores] = useState<Record<string, string>>({});

  const body = { clientId, assessedOn, type: type as ZrmType, scores: Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)])) };
  const { submit, busy } = useFormSubmit(form, {
    values: body,
    schema: newAssessmentBody,
    send: (values) => add.mutateAsync(values),
    onSuccess: () => onSaved(`${SAVED_LABELS[body.type]} van ${formatDate(body.assessedOn)} is opgeslagen.`),
  });

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kt-form kt-subsection"
      aria-labelledby="zrm-form-title"
    >
      <Heading3 id="zrm-form-title">ZRM-meting toevoegen</Heading3>
      <ErrorSummary form={form} />
      <div className="kt-row">
        <SelectField id={form.idFor('clientId')} label="Cliënt" options={members} value={clientId} onChange={setClientId} error={form.errorFor('clientId')} required />
        <TextField id={form.idFor('assessedOn')} label="Datum meting" type="date" size="s" max={today()} value={assessedOn} onChange={setAssessedOn} error={form.errorFor('assessedOn')} required />
        <SelectField id={form.idFor('type')} label="Soort meting" options={TYPE_OPTIONS} value={type} onChange={setType} error={form.errorFor('type')} required />
      </div>
      <Fieldset className="kt-field" aria-describedby={form.errorFor('scores') ? 'zrm-scores-error' : 'zrm-scores-help'}>
        <FieldsetLegend className="kt-legend">Scores per leefgebied</FieldsetLegend>
        <Paragraph id="zrm-scores-help">Scoor alleen de leefgebieden die u met de cliënt heeft besproken; laat de andere op “niet gescoord”.</Paragraph>
        {form.errorFor('scores') && (
          <Paragraph id="zrm-scores-error" className="utrecht-form-field-error-message">
            <span className="kt-visually-hidden">Fout: </span>
            {form.errorFor('scores')}
          </Paragraph>
        )}
        <div className="kt-zrm-scores">
          {domains.map((d, i) => (
            <SelectField
              key={d.value}
              id={i === 0 ? form.idFor('scores') : form.idFor(`scores.${d.value}`)}
              label={d.label}
              options={LEVEL_OPTIONS}
              description={scores[d.value] ? cellTexts.get(`${d.value}:${scores[d.value]}`) : undefined}
              placeholder="niet gescoord"
              value={scores[d.value] ?? ''}
              onChange={(v) => setScores((s) => ({ ...s, [d.value]: v }))}
              error={form.errorFor(`scores.${d.value}`)}
            />
          ))}
        </div>
      </Fieldset>
      <FormActions submitLabel="ZRM-meting toevoegen" busy={busy} onCancel={onCancel} />
    </form>
  );
}

function Assessments({ data, detail, domains }: { data: CaseZrm; detail: CaseDetail; domains: Option[] }) {
  if (data.assessments.length === 0) return <Paragraph>Er zijn nog geen ZRM-metingen vastgelegd.</Paragraph>;
  const sorted = [...data.assessments].sort((a, b) => b.assessedOn.localeCompare(a.assessedOn));
  const label = (code: string) => domains.find((d) => d.value === code)?.label ?? code;
  const clientIds = [...new Set(data.assessments.map((a) => a.clientId))];
  return (
    <>
      <ScrollTable caption="ZRM-metingen in deze casus, nieuwste eerst">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Datum</TableHeaderCell>
            <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
            <TableHeaderCell scope="col">Soort</TableHeaderCell>
            <TableHeaderCell scope="col">Scores</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((a) => (
            <TableRow key={a.id}>
              <TableHeaderCell scope="row">
                <DateText value={a.assessedOn} />
              </TableHeaderCell>
              <TableCell>{memberName(detail, a.clientId) || '–'}</TableCell>
              <TableCell>{TYPE_LABELS[a.type] ?? a.type}</TableCell>
              <TableCell>
                {Object.entries(a.scores)
                  .map(([code, score]) => `${label(code)} ${score}`)
                  .join(', ') || '–'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
      {clientIds.map((clientId) => (
        <div key={clientId}>
          <Heading3>Scores van {memberName(detail, clientId) || 'de cliënt'} over de tijd</Heading3>
          <ZrmProgress name={memberName(detail, clientId) || 'de cliënt'} assessments={data.assessments.filter((a) => a.clientId === clientId)} domains={domains} />
        </div>
      ))}
    </>
  );
}
