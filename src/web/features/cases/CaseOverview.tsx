// Overzicht: what needs doing now. The steps the status allows, what has a date (ZRM, the plan's
// review), the latest journal entries and the plan's open agreements (read only; they are changed
// in the krachtplan), then the case's facts.
import { Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { AGREEMENT_OWNER_LABELS } from '../../../server/modules/plans/plans.schemas';
import { CONTACT_KIND_LABELS } from '../../../server/modules/cases/case-rules';
import { DateText } from '../../app/DateText';
import { today } from '../../app/format';
import { RouterLink } from '../../app/links';
import { QueryStatus } from '../../app/QueryStatus';
import { UpcomingAppointments } from '../agenda/CaseAppointments';
import { useContacts, type JournalEntry } from '../journal/api';
import { usePlan, type Plan } from '../plans/api';
import { useCaseZrm } from '../zrm/api';
import type { CaseDetail } from './api';
import { CaseActions } from './CaseActions';
import { CaseFacts } from './CaseFacts';
import { openAgreements } from './CloseCaseForm';
import { datedSteps, type NextStep } from './next-step';

/** How much of a note the overview shows; the journal has the rest. */
const NOTE_PREVIEW = 160;

export function CaseOverview({ detail }: { detail: CaseDetail }) {
  return (
    <section aria-labelledby="overzicht-title" className="kt-section">
      <Heading2 id="overzicht-title">Overzicht</Heading2>
      {detail.mayWrite && <CaseActions detail={detail} />}
      <Planned detail={detail} />
      <UpcomingAppointments caseId={detail.id} />
      <LatestJournal caseId={detail.id} />
      <PlanAgreements caseId={detail.id} />
      <section aria-labelledby="over-de-casus-title" className="kt-subsection">
        <Heading3 id="over-de-casus-title">Over de casus</Heading3>
        <CaseFacts detail={detail} />
      </section>
    </section>
  );
}

/** Everything with a date: ZRM measurements due and the plan's review, earliest first. */
function Planned({ detail }: { detail: CaseDetail }) {
  const zrm = useCaseZrm(detail.id);
  const plan = usePlan(detail.id);
  const steps = datedSteps({ status: detail.status, zrmDue: zrm.data?.due, plan: plan.data ? { reviewOn: plan.data.content.reviewOn } : undefined, today: today() });
  return (
    <section aria-labelledby="gepland-title" className="kt-subsection">
      <Heading3 id="gepland-title">Gepland</Heading3>
      {zrm.isPending || plan.isPending ? (
        <Paragraph className="kt-loading">Bezig met laden…</Paragraph>
      ) : steps.length === 0 ? (
        <Paragraph>Er staat geen ZRM-meting of evaluatie van het krachtplan gepland.</Paragraph>
      ) : (
        <UnorderedList>
          {steps.map((step) => (
            <UnorderedListItem key={`${step.text}-${step.on}`}>
              <StepText step={step} />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

/** "Nulmeting ZRM vastleggen vóór 12 december 2026 — te laat", linking to where it is done. */
export function StepText({ step }: { step: NextStep }) {
  return (
    <>
      <RouterLink to={`#${step.tab}`}>{step.text}</RouterLink>
      {step.on && (
        <>
          {' '}
          {step.dateWord} <DateText value={step.on} />
        </>
      )}
      {step.overdue && <strong> — te laat</strong>}
    </>
  );
}

function LatestJournal({ caseId }: { caseId: string }) {
  const contacts = useContacts(caseId);
  return (
    <section aria-labelledby="laatste-journaal-title" className="kt-subsection">
      <Heading3 id="laatste-journaal-title">Laatste journaalregels</Heading3>
      <QueryStatus query={contacts} what="het contactjournaal">
        {(list) =>
          list.length === 0 ? (
            <Paragraph>Er zijn nog geen contacten vastgelegd.</Paragraph>
          ) : (
            <>
              <ul className="kt-overview-list" aria-label="De laatste 3 journaalregels, nieuwste eerst">
                {list.slice(0, 3).map((entry) => (
                  <JournalLine key={entry.id} entry={entry} />
                ))}
              </ul>
              <Paragraph>
                <RouterLink to="#journaal">{list.length === 1 ? 'Naar het journaal' : `Alle ${list.length} journaalregels`}</RouterLink>
              </Paragraph>
            </>
          )
        }
      </QueryStatus>
    </section>
  );
}

function JournalLine({ entry }: { entry: JournalEntry }) {
  const note = entry.withheld ? null : entry.note;
  return (
    <li className="kt-overview-list__item">
      <strong>
        <DateText value={entry.contactOn} /> — {CONTACT_KIND_LABELS[entry.kind as keyof typeof CONTACT_KIND_LABELS] ?? entry.kind}
      </strong>
      {entry.authorName ? ` · ${entry.authorName}` : ''}
      <br />
      {entry.withheld ? (
        <span className="kt-muted">Afgeschermde notitie: alleen zichtbaar voor de betrokken medewerkers van deze casus.</span>
      ) : note ? (
        <span>{note.length > NOTE_PREVIEW ? `${note.slice(0, NOTE_PREVIEW).trimEnd()}…` : note}</span>
      ) : (
        <span className="kt-muted">Geen notitie.</span>
      )}
    </li>
  );
}

function PlanAgreements({ caseId }: { caseId: string }) {
  const plan = usePlan(caseId);
  return (
    <section aria-labelledby="open-afspraken-title" className="kt-subsection">
      <Heading3 id="open-afspraken-title">Open afspraken in het krachtplan</Heading3>
      <QueryStatus query={plan} what="het krachtplan">
        {(p) => <AgreementList plan={p} />}
      </QueryStatus>
    </section>
  );
}

function AgreementList({ plan }: { plan: Plan }) {
  if (plan.version === 0) {
    return (
      <Paragraph>
        Er is nog geen krachtplan. <RouterLink to="#krachtplan">Naar het krachtplan</RouterLink>
      </Paragraph>
    );
  }
  const now = today();
  const open = openAgreements(plan).sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  return (
    <>
      {open.length === 0 ? (
        <Paragraph>Er zijn geen open afspraken.</Paragraph>
      ) : (
        <ul className="kt-overview-list" aria-label="Open afspraken, eerst te doen bovenaan">
          {open.map((a) => (
            <li key={a.id} className="kt-overview-list__item">
              <strong>{a.what}</strong>
              <br />
              {AGREEMENT_OWNER_LABELS[a.owner]}
              {a.ownerName ? ` (${a.ownerName})` : ''}
              {a.dueOn && (
                <>
                  {' · klaar op '}
                  <DateText value={a.dueOn} />
                  {a.dueOn < now && <strong> — te laat</strong>}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        <RouterLink to="#krachtplan">Naar het krachtplan</RouterLink>
      </Paragraph>
    </>
  );
}
