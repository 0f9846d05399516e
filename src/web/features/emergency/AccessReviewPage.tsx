// Toegang beoordelen (kwaliteit): every access to a client outside the own team, judged justified
// or not. Two kinds, one screen: break-the-glass (who opened which file, why, what they did under
// it) and attachments (who linked a client another team knew to their own team, how identified,
// why, what their team did since). No client identity is shown here: the review is about conduct.
import { useState, type ReactNode } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { emergencyReview, REVIEW_OUTCOME_LABELS, REVIEW_OUTCOMES } from '../../../server/modules/emergency/emergency.schemas';
import { IDENTIFIED_BY_LABELS } from '../../../server/modules/attachments/attachments.schemas';
import { useAuth } from '../../app/auth';
import { DateText } from '../../app/DateText';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, SelectField, TextareaField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { ResultCount } from '../../app/ResultCount';
import { ScrollTable } from '../../app/ScrollTable';
import { useFormSubmit } from '../../app/use-form-submit';
import { useAttachmentReviews, useReviewAttachment, type AttachmentReviewItem } from '../attachments/api';
import { useEmergencyReviews, useReviewEmergencyAccess, type EmergencyReviewItem, type ReviewStatus } from './api';
import { maxLengthOf } from '../../app/form-limits';

const STATUS_OPTIONS: { value: ReviewStatus; label: string }[] = [
  { value: 'te_beoordelen', label: 'Te beoordelen' },
  { value: 'beoordeeld', label: 'Beoordeeld' },
  { value: 'alle', label: 'Alle' },
];
const OUTCOME_OPTIONS = REVIEW_OUTCOMES.map((value) => ({ value, label: REVIEW_OUTCOME_LABELS[value] }));

export function AccessReviewPage() {
  const { can } = useAuth();
  const [status, setStatus] = useState<ReviewStatus>('te_beoordelen');
  return (
    <>
      <PageTitle title="Toegang beoordelen" />
      <Paragraph lead>
        Hier komt elke toegang tot een cliënt buiten het eigen team: noodtoegang en koppelingen van een cliënt van een ander team. Beoordeel of de reden de toegang
        rechtvaardigde; het aantal handelingen komt uit het toegangslog.
      </Paragraph>
      <div className="kt-form">
        <SelectField id="toegang-status" label="Toon" options={STATUS_OPTIONS} value={status} onChange={(v) => setStatus(v as ReviewStatus)} placeholder={null} />
      </div>
      {can('emergency:review') && <EmergencyReviews status={status} />}
      {can('attachments:review') && <AttachmentReviews status={status} />}
    </>
  );
}

function EmergencyReviews({ status }: { status: ReviewStatus }) {
  const reviews = useEmergencyReviews(status);
  return (
    <section aria-labelledby="noodtoegang-title" className="kt-section">
      <Heading2 id="noodtoegang-title">Noodtoegang</Heading2>
      {/* The table or its empty line shows the result; a screen reader hears how many after a new choice. */}
      <ResultCount hidden count={reviews.data?.length ?? null} singular="noodtoegang" plural="noodtoegangen" />
      <QueryStatus query={reviews} what="de noodtoegangen">
        {(items) =>
          items.length === 0 ? (
            <Paragraph>{status === 'te_beoordelen' ? 'Er is geen noodtoegang die nog beoordeeld moet worden.' : 'Geen noodtoegang gevonden.'}</Paragraph>
          ) : (
            <ReviewTable caption="Noodtoegang, nieuwste eerst" columns={['Wanneer', 'Wie', 'Dossier bekend bij', 'Reden', 'Handelingen', 'Beoordeling']}>
              {items.map((item) => (
                <EmergencyRow key={item.id} item={item} />
              ))}
            </ReviewTable>
          )
        }
      </QueryStatus>
    </section>
  );
}

function AttachmentReviews({ status }: { status: ReviewStatus }) {
  const reviews = useAttachmentReviews(status);
  return (
    <section aria-labelledby="koppelingen-title" className="kt-section">
      <Heading2 id="koppelingen-title">Koppelingen</Heading2>
      <Paragraph>
        Een medewerker koppelde een cliënt aan een aanmelding of huishouden van het eigen team. Kende een ander team de cliënt al, dan kan het team de persoonsgegevens pas wijzigen als u de
        koppeling terecht vindt. Het dossier van het andere team blijft altijd dicht.
      </Paragraph>
      <ResultCount hidden count={reviews.data?.length ?? null} singular="koppeling" plural="koppelingen" />
      <QueryStatus query={reviews} what="de koppelingen">
        {(items) =>
          items.length === 0 ? (
            <Paragraph>{status === 'te_beoordelen' ? 'Er is geen koppeling die nog beoordeeld moet worden.' : 'Geen koppeling gevonden.'}</Paragraph>
          ) : (
            <ReviewTable caption="Koppelingen, nieuwste eerst" columns={['Wanneer', 'Wie', 'Cliënt bekend bij', 'Hoe herkend', 'Reden', 'Handelingen sindsdien', 'Beoordeling']}>
              {items.map((item) => (
                <AttachmentRow key={item.id} item={item} />
              ))}
            </ReviewTable>
          )
        }
      </QueryStatus>
    </section>
  );
}

function ReviewTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <ScrollTable caption={caption}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column} scope="col">
              {column}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </ScrollTable>
  );
}

interface Reviewed {
  id: string;
  userName: string;
  userRole: string;
  teamName: string | null;
  clientTeams: string[];
  reason: string;
  actions: number;
  reviewedAt: string | null;
  reviewedByName: string | null;
  reviewOutcome: 'terecht' | 'onterecht' | null;
  reviewNote: string | null;
  version: number;
}

function Who({ item }: { item: Reviewed }) {
  return (
    <TableCell>
      {item.userName}
      <br />
      {item.userRole}
      {item.teamName ? `, ${item.teamName}` : ''}
    </TableCell>
  );
}

function Judgement({ item, form }: { item: Reviewed; form: ReactNode }) {
  return (
    <TableCell>
      {item.reviewedAt ? (
        <>
          {item.reviewOutcome === 'terecht' ? 'Terecht' : 'Onterecht'} ({item.reviewedByName}, <DateText value={item.reviewedAt} />)
          {item.reviewNote ? <Paragraph>{item.reviewNote}</Paragraph> : null}
        </>
      ) : (
        form
      )}
    </TableCell>
  );
}

function EmergencyRow({ item }: { item: EmergencyReviewItem }) {
  const review = useReviewEmergencyAccess(item.id);
  return (
    <TableRow>
      <TableCell>
        <DateText value={item.grantedAt} withTime />
      </TableCell>
      <Who item={item} />
      <TableCell>{item.clientTeams.length ? item.clientTeams.join(', ') : 'geen team'}</TableCell>
      <TableCell>{item.reason}</TableCell>
      <TableCell>{item.actions}</TableCell>
      <Judgement item={item} form={<ReviewForm item={item} review={review} formId={`beoordeling-${item.id}`} label={`Beoordeling van de noodtoegang van ${item.userName}`} />} />
    </TableRow>
  );
}

function AttachmentRow({ item }: { item: AttachmentReviewItem }) {
  const review = useReviewAttachment(item.id);
  return (
    <TableRow>
      <TableCell>
        <DateText value={item.attachedAt} withTime />
        <br />
        {item.caseId ? 'Huishouden van een casus' : 'Nieuwe aanmelding'}
      </TableCell>
      <Who item={item} />
      <TableCell>{item.clientTeams.length ? item.clientTeams.join(', ') : 'geen team'}</TableCell>
      <TableCell>{IDENTIFIED_BY_LABELS[item.identifiedBy]}</TableCell>
      <TableCell>
        {item.reason}
        {!item.heldElsewhere && <Paragraph className="kt-muted">Geen ander team kende de cliënt: wijzigen mocht direct.</Paragraph>}
      </TableCell>
      <TableCell>{item.actions}</TableCell>
      <Judgement item={item} form={<ReviewForm item={item} review={review} formId={`koppeling-${item.id}`} label={`Beoordeling van de koppeling door ${item.userName}`} />} />
    </TableRow>
  );
}

type ReviewMutation = UseMutationResult<null, Error, { outcome: string; note: string; version: number }>;

function ReviewForm({ item, review, formId, label }: { item: Reviewed; review: ReviewMutation; formId: string; label: string }) {
  const form = useFormErrors(formId);
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');

  const { submit, busy } = useFormSubmit(form, {
    values: { outcome, note, version: item.version },
    schema: emergencyReview,
    send: (body) => review.mutateAsync(body),
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label={label}>
      <ErrorSummary form={form} />
      <RadioGroupField id={form.idFor('outcome')} label="Oordeel" options={OUTCOME_OPTIONS} value={outcome} onChange={setOutcome} error={form.errorFor('outcome')} required />
      <TextareaField id={form.idFor('note')} maxLength={maxLengthOf(emergencyReview, 'note')} label="Toelichting" value={note} onChange={setNote} rows={2} error={form.errorFor('note')} optional={outcome !== 'onterecht'} />
      <FormActions submitLabel="Beoordeling vastleggen" busy={busy} />
    </form>
  );
}
