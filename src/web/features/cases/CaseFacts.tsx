// The facts of a case in full (the overview's "Over de casus"): status, team, lead worker, dates,
// the wait against the norm, the referrer, the resident's question and how the case was closed.
import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import { FIRST_MEETING_LOCATIONS } from '../../../server/modules/cases/case-rules';
import { DateText } from '../../app/DateText';
import { codeLabel, useReference } from '../../app/reference';
import { CaseStatusBadge } from '../../app/StatusBadge';
import { WaitingDays } from '../../app/WaitingDays';
import type { CaseDetail } from './api';

const LOCATION_LABELS: Record<(typeof FIRST_MEETING_LOCATIONS)[number], string> = { thuis: 'thuis', kantoor: 'op kantoor', elders: 'elders' };

export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const reference = useReference();
  const referrer = codeLabel(reference.data, 'referrers', detail.referrerCode);
  return (
    <DataList appearance="rows" className="kt-datalist">
      <DataListItem>
        <DataListKey>Status</DataListKey>
        <DataListValue>
          <CaseStatusBadge status={detail.status} />
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Team</DataListKey>
        <DataListValue>{detail.teamName}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Regisseur</DataListKey>
        <DataListValue>{detail.leadWorker?.name ?? 'Nog niet toegewezen'}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Aangemeld op</DataListKey>
        <DataListValue>
          <DateText value={detail.registeredOn} />
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Kennismaking</DataListKey>
        <DataListValue>
          {detail.firstMeetingOn ? (
            <>
              <DateText value={detail.firstMeetingOn} />
              {detail.firstMeetingLocation ? `, ${LOCATION_LABELS[detail.firstMeetingLocation]}` : ''}
            </>
          ) : (
            'Nog niet geweest'
          )}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Tot de kennismaking</DataListKey>
        <DataListValue>
          <WaitingDays waitingDays={detail.waitingDays} overNorm={detail.overNorm} met={!!detail.firstMeetingOn} />
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Melder</DataListKey>
        <DataListValue>{detail.referrerOther ? `${referrer}: ${detail.referrerOther}` : referrer}</DataListValue>
      </DataListItem>
      {detail.question && (
        <DataListItem>
          <DataListKey>Vraag van de bewoner</DataListKey>
          <DataListValue multiline>
            <span className="kt-pre-line">{detail.question}</span>
          </DataListValue>
        </DataListItem>
      )}
      {detail.closedOn && <ClosedFacts detail={detail} />}
    </DataList>
  );
}

function ClosedFacts({ detail }: { detail: CaseDetail }) {
  const reference = useReference();
  const labels = (list: string, codes: string[]) => codes.map((c) => codeLabel(reference.data, list, c)).join(', ') || '–';
  return (
    <>
      <DataListItem>
        <DataListKey>Afgesloten op</DataListKey>
        <DataListValue>
          <DateText value={detail.closedOn} />
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Reden van afsluiten</DataListKey>
        <DataListValue>{labels('close_reasons', detail.closeReasons)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Wat draagt de cliënt verder</DataListKey>
        <DataListValue>{labels('close_outcomes', detail.closeOutcomes)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Rapportcijfer</DataListKey>
        <DataListValue>{detail.satisfactionScore ?? 'Niet gegeven'}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Kan zelf verder</DataListKey>
        <DataListValue>{detail.canContinueAlone === null ? 'Niet gevraagd' : detail.canContinueAlone ? 'Ja' : 'Nee'}</DataListValue>
      </DataListItem>
    </>
  );
}
