// One request: who asked what and when, the legal terms, the onderzoek, the beschikking with its
// letter, the toewijzingen that carry it out, and the next step the worker can take.
import { useState } from 'react';
import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading3, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { DECISION_OUTCOME_LABELS, REQUEST_STATUS_LABELS, REQUESTED_BY_LABELS } from '../../../server/modules/maatwerk/maatwerk-codes';
import { DateText } from '../../app/DateText';
import { codeLabel, useReference } from '../../app/reference';
import { decisionLetterUrl, type CaseMaatwerk, type ProvisionRequest } from './api';
import { AssignmentForm } from './AssignmentForm';
import { ProvisionItem } from './ProvisionItem';
import { DecisionForm, ResearchForm, WithdrawRequestForm } from './RequestStepForms';
import { TermBadge } from './TermBadge';

type Step = 'research' | 'decision' | 'withdraw' | 'assign';
const STATUS_TONE = { open: 'warning', onderzocht: 'warning', besloten: 'safe', ingetrokken: 'inactive' } as const;

export function RequestCard({ maatwerk, request: r }: { maatwerk: CaseMaatwerk; request: ProvisionRequest }) {
  const reference = useReference();
  const [step, setStep] = useState<Step | null>(null);
  const toggle = (next: Step) => setStep((current) => (current === next ? null : next));
  const done = () => setStep(null);
  const headingId = `aanvraag-${r.id}-title`;
  const caseId = maatwerk.caseId;
  const provisions = r.decision ? maatwerk.provisions.filter((p) => p.decisionId === r.decision!.id) : [];
  const granted = r.decision !== null && r.decision.outcome !== 'afgewezen';
  return (
    <article aria-labelledby={headingId} className="kt-maatwerk__request">
      <Heading3 id={headingId}>
        {r.category ? codeLabel(reference.data, 'provision_categories', r.category) : 'Aanvraag'} voor {r.clientName}{' '}
        <StatusBadge status={STATUS_TONE[r.status]}>{REQUEST_STATUS_LABELS[r.status]}</StatusBadge>
      </Heading3>
      <Paragraph className="kt-maatwerk__asked">{r.asked}</Paragraph>
      <DataList className="kt-datalist">
        <DataListItem>
          <DataListKey>Melding</DataListKey>
          <DataListValue>
            <DateText value={r.requestedOn} />, {REQUESTED_BY_LABELS[r.requestedBy].toLowerCase()}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Onderzoek</DataListKey>
          <DataListValue>
            {r.researchReportedOn ? (
              <>
                Verslag van <DateText value={r.researchReportedOn} />. {r.researchReport}
              </>
            ) : null}{' '}
            {r.status !== 'ingetrokken' && <TermBadge label="Verslag" term={r.researchTerm} />}
          </DataListValue>
        </DataListItem>
        {r.decisionTerm && r.status !== 'ingetrokken' && (
          <DataListItem>
            <DataListKey>Besluit</DataListKey>
            <DataListValue>
              <TermBadge label="Besluit" term={r.decisionTerm} />
            </DataListValue>
          </DataListItem>
        )}
        {r.decision && (
          <DataListItem>
            <DataListKey>Beschikking {r.decision.decisionNumber}</DataListKey>
            <DataListValue>
              {DECISION_OUTCOME_LABELS[r.decision.outcome]} op <DateText value={r.decision.decidedOn} />. {r.decision.reasons} Bezwaar kan tot en met <DateText value={r.decision.objectionUntil} />.
            </DataListValue>
          </DataListItem>
        )}
        {r.withdrawnReason && (
          <DataListItem>
            <DataListKey>Ingetrokken</DataListKey>
            <DataListValue>{r.withdrawnReason}</DataListValue>
          </DataListItem>
        )}
      </DataList>
      {r.decision && (
        <Paragraph>
          <a href={decisionLetterUrl(r.decision.id)} download className="utrecht-link utrecht-link--html-a">
            Beschikkingsbrief {r.decision.decisionNumber} downloaden (PDF)
          </a>
        </Paragraph>
      )}
      {provisions.length > 0 && (
        <ul className="kt-maatwerk__provisions" aria-label={`Toewijzingen bij beschikking ${r.decision!.decisionNumber}`}>
          {provisions.map((p) => (
            <ProvisionItem key={p.id} caseId={caseId} provision={p} mayWrite={maatwerk.mayWrite} />
          ))}
        </ul>
      )}
      {maatwerk.mayWrite && (
        <ButtonGroup>
          {r.status === 'open' && (
            <Button type="button" appearance="primary-action-button" aria-expanded={step === 'research'} onClick={() => toggle('research')}>
              Verslag onderzoek vastleggen
            </Button>
          )}
          {r.status === 'onderzocht' && (
            <Button type="button" appearance="primary-action-button" aria-expanded={step === 'decision'} onClick={() => toggle('decision')}>
              Besluit vastleggen
            </Button>
          )}
          {granted && (
            <Button type="button" appearance="secondary-action-button" aria-expanded={step === 'assign'} onClick={() => toggle('assign')}>
              Toewijzing toevoegen
            </Button>
          )}
          {(r.status === 'open' || r.status === 'onderzocht') && (
            <Button type="button" appearance="subtle-button" aria-expanded={step === 'withdraw'} onClick={() => toggle('withdraw')}>
              Aanvraag intrekken
            </Button>
          )}
        </ButtonGroup>
      )}
      {step === 'research' && <ResearchForm caseId={caseId} request={r} onDone={done} />}
      {step === 'decision' && <DecisionForm caseId={caseId} request={r} onDone={done} />}
      {step === 'withdraw' && <WithdrawRequestForm caseId={caseId} request={r} onDone={done} />}
      {step === 'assign' && r.decision && <AssignmentForm caseId={caseId} decisionId={r.decision.id} onDone={done} />}
    </article>
  );
}
