// Review of emergency accesses (kwaliteit): who opened which file outside their team, why, what they
// did under it, and the judgement: justified or not. No client identity is shown here.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { emergencyReview, REVIEW_OUTCOME_LABELS, REVIEW_OUTCOMES } from '../../../server/modules/emergency/emergency.schemas';
import { DateText } from '../../app/DateText';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, SelectField, TextareaField } from '../../app/fields';
import { useFormErrors } from '../../app/form-errors';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { useEmergencyReviews, useReviewEmergencyAccess, type EmergencyReviewItem, type ReviewStatus } from './api';

const STATUS_OPTIONS: { value: ReviewStatus; label: string }[] = [
  { value: 'te_beoordelen', label: 'Te beoordelen' },
  { value: 'beoordeeld', label: 'Beoordeeld' },
  { value: 'alle', label: 'Alle' },
];
const OUTCOME_OPTIONS = REVIEW_OUTCOMES.map((value) => ({ value, label: REVIEW_OUTCOME_LABELS[value] }));

export function EmergencyReviewPage() {
  const [status, setStatus] = useState<ReviewStatus>('te_beoordelen');
  const reviews = useEmergencyReviews(status);
  return (
    <>
      <PageTitle title="Noodtoegang beoordelen" />
      <Paragraph lead>Elke noodtoegang (break the glass) komt hier. Beoordeel of de reden de toegang rechtvaardigde; het aantal handelingen komt uit het toegangslog.</Paragraph>
      <div className="kt-form">
        <SelectField id="noodtoegang-status" label="Toon" options={STATUS_OPTIONS} value={status} onChange={(v) => setStatus(v as ReviewStatus)} placeholder={null} />
      </div>
      <QueryStatus query={reviews} what="de noodtoegangen">
        {(items) =>
          items.length === 0 ? (
            <Paragraph>{status === 'te_beoordelen' ? 'Er is geen noodtoegang die nog beoordeeld moet worden.' : 'Geen noodtoegang gevonden.'}</Paragraph>
          ) : (
            <div className="kt-table-scroll">
              <Table className="kt-table">
                <TableCaption>Noodtoegang, nieuwste eerst</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
                    <TableHeaderCell scope="col">Wie</TableHeaderCell>
                    <TableHeaderCell scope="col">Dossier bekend bij</TableHeaderCell>
                    <TableHeaderCell scope="col">Reden</TableHeaderCell>
                    <TableHeaderCell scope="col">Handelingen</TableHeaderCell>
                    <TableHeaderCell scope="col">Beoordeling</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((item) => (
                    <ReviewRow key={item.id} item={item} />
                  ))}
                </TableBody>
              </Table>
            </div>
          )
        }
      </QueryStatus>
    </>
  );
}

function ReviewRow({ item }: { item: EmergencyReviewItem }) {
  return (
    <TableRow>
      <TableCell>
        <DateText value={item.grantedAt} withTime />
      </TableCell>
      <TableCell>
        {item.userName}
        <br />
        {item.userRole}
        {item.teamName ? `, ${item.teamName}` : ''}
      </TableCell>
      <TableCell>{item.clientTeams.length ? item.clientTeams.join(', ') : 'geen team'}</TableCell>
      <TableCell>{item.reason}</TableCell>
      <TableCell>{item.actions}</TableCell>
      <TableCell>
        {item.reviewedAt ? (
          <>
            {item.reviewOutcome === 'terecht' ? 'Terecht' : 'Onterecht'} ({item.reviewedByName}, <DateText value={item.reviewedAt} />)
            {item.reviewNote ? <Paragraph>{item.reviewNote}</Paragraph> : null}
          </>
        ) : (
          <ReviewForm item={item} />
        )}
      </TableCell>
    </TableRow>
  );
}

function ReviewForm({ item }: { item: EmergencyReviewItem }) {
  const formId = `beoordeling-${item.id}`;
  const form = useFormErrors(formId);
  const review = useReviewEmergencyAccess(item.id);
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const body = { outcome, note, version: item.version };
    const parsed = emergencyReview.safeParse(body);
    if (!parsed.success) return form.showZod(parsed.error);
    try {
      await review.mutateAsync(body);
    } catch (error) {
      form.showApiError(error);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void handleSubmit(e)} className="kt-form" aria-label={`Beoordeling van de noodtoegang van ${item.userName}`}>
      <ErrorSummary form={form} />
      <RadioGroupField id={form.idFor('outcome')} label="Oordeel" options={OUTCOME_OPTIONS} value={outcome} onChange={setOutcome} error={form.errorFor('outcome')} required />
      <TextareaField id={form.idFor('note')} label="Toelichting" value={note} onChange={setNote} rows={2} error={form.errorFor('note')} optional={outcome !== 'onterecht'} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={review.isPending} disabled={review.isPending}>
          Beoordeling vastleggen
        </Button>
      </ButtonGroup>
    </form>
  );
}
