// Casus: the facts, the household, the actions the status allows, the history and the journal.
import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { canRecordFirstMeeting, canStartSupport } from '../../../server/modules/cases/case-rules';
import { EmergencyNotice } from '../emergency/EmergencyNotice';
import { fullName } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { JournalSection } from '../journal/JournalSection';
import { MaatwerkSection } from '../maatwerk/MaatwerkSection';
import { NetworkSection } from '../network/NetworkSection';
import { PlanSummary } from '../plans/PlanSummary';
import { ZrmSection } from '../zrm/ZrmSection';
import { AddHouseholdMember } from './AddHouseholdMember';
import { useCase, type CaseDetail } from './api';
import { CaseEvents } from './CaseEvents';
import { CaseHeader } from './CaseHeader';
import { CloseCaseForm } from './CloseCaseForm';
import { FirstMeetingForm } from './FirstMeetingForm';
import { HouseholdTable } from './HouseholdTable';
import { LeadWorkerForm } from './LeadWorkerForm';
import { ReopenForm } from './ReopenForm';
import { StartSupportButton } from './StartSupportButton';
import { TransferForm } from './TransferForm';

export function CasePage() {
  const { id = '' } = useParams();
  const detail = useCase(id);
  return (
    <QueryStatus query={detail} what="de casus">
      {(c) => <CaseView detail={c} />}
    </QueryStatus>
  );
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const mainClient = detail.mainClient ?? detail.household.find((m) => m.role === 'hoofdclient') ?? null;
  const title = mainClient ? `Casus ${fullName(mainClient)}` : 'Casus';
  // The server says what the actor may change (role and record scope: break-the-glass reads only).
  const ownTeam = detail.access === 'team';
  const mayWrite = detail.mayWrite;
  return (
    <>
      <PageTitle title={title} />
      {!ownTeam && <EmergencyNotice />}
      <CaseHeader detail={detail} />
      {mayWrite && <CaseActions detail={detail} />}
      <section aria-labelledby="huishouden-title" className="kt-section">
        <Heading2 id="huishouden-title">Huishouden</Heading2>
        <HouseholdTable household={detail.household} />
        {mayWrite && detail.status !== 'closed' && <HouseholdAdd detail={detail} />}
      </section>
      <NetworkSection caseId={detail.id} household={mainClient ? fullName(mainClient) : 'de cliënt'} mayWrite={mayWrite} />
      <PlanSummary caseId={detail.id} />
      <ZrmSection detail={detail} mayWrite={mayWrite} />
      <MaatwerkSection caseId={detail.id} />
      <JournalSection caseId={detail.id} closed={detail.status === 'closed'} mayWrite={detail.mayWriteJournal} />
      <section aria-labelledby="geschiedenis-title" className="kt-section">
        <Heading2 id="geschiedenis-title">Geschiedenis</Heading2>
        <CaseEvents events={detail.events} />
      </section>
    </>
  );
}

function CaseActions({ detail }: { detail: CaseDetail }) {
  const [open, setOpen] = useState<'close' | 'lead' | 'meeting' | 'transfer' | null>(null);
  const toggle = (panel: 'close' | 'lead' | 'meeting' | 'transfer') => setOpen((current) => (current === panel ? null : panel));
  const closed = detail.status === 'closed';
  return (
    <section aria-labelledby="acties-title" className="kt-section kt-actions">
      <Heading2 id="acties-title">Wat wilt u doen?</Heading2>
      {closed ? (
        <>
          <Paragraph>Deze casus is afgesloten. Heropen hem als de ondersteuning weer nodig is.</Paragraph>
          <ReopenForm detail={detail} />
        </>
      ) : (
        <>
          {detail.status === 'registered' && (
            <>
              <Paragraph>Leg de kennismaking vast zodra die heeft plaatsgevonden. De norm is binnen 5 dagen na de aanmelding.</Paragraph>
              <FirstMeetingForm detail={detail} />
            </>
          )}
          {canStartSupport(detail.status) && <StartSupportButton detail={detail} />}
          <ButtonGroup className="kt-action-toggles">
            {detail.status !== 'registered' && canRecordFirstMeeting(detail.status) && (
              <Button type="button" appearance="secondary-action-button" aria-expanded={open === 'meeting'} onClick={() => toggle('meeting')}>
                Kennismaking wijzigen
              </Button>
            )}
            <Button type="button" appearance="secondary-action-button" aria-expanded={open === 'lead'} onClick={() => toggle('lead')}>
              Regisseur wijzigen
            </Button>
            <Button type="button" appearance="secondary-action-button" aria-expanded={open === 'transfer'} onClick={() => toggle('transfer')}>
              Overdragen
            </Button>
            <Button type="button" appearance="secondary-action-button" aria-expanded={open === 'close'} onClick={() => toggle('close')}>
              Afsluiten
            </Button>
          </ButtonGroup>
          {open === 'meeting' && (
            <div id="paneel-kennismaking" className="kt-panel">
              <FirstMeetingForm detail={detail} onDone={() => setOpen(null)} />
            </div>
          )}
          {open === 'lead' && (
            <div id="paneel-regisseur" className="kt-panel">
              <LeadWorkerForm detail={detail} onDone={() => setOpen(null)} />
            </div>
          )}
          {open === 'transfer' && (
            <div id="paneel-overdragen" className="kt-panel">
              <TransferForm detail={detail} onDone={() => setOpen(null)} />
            </div>
          )}
          {open === 'close' && (
            <div id="paneel-afsluiten" className="kt-panel">
              <CloseCaseForm detail={detail} onCancel={() => setOpen(null)} />
            </div>
          )}
        </>
      )}
    </section>
  );
}

function HouseholdAdd({ detail }: { detail: CaseDetail }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" aria-expanded={false} onClick={() => setOpen(true)}>
          Huishoudlid toevoegen…
        </Button>
      </ButtonGroup>
    );
  }
  return <AddHouseholdMember detail={detail} onDone={() => setOpen(false)} />;
}
