// The team leader's view of the road to specialist care (reports/flow-rules.ts): open cases running
// longer than the werkkader's three months, and toewijzingen whose provider has not reported a start
// more than LATE_START_DAYS days after the start date. Each row links to the case. On a phone the tables scroll
// sideways (ScrollTable).
import { useState } from 'react';
import { Button, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { LateStart, LongRunningCase } from '../../../server/modules/worklists/worklists.schemas';
import { LATE_START_DAYS } from '../../../server/modules/reports/flow-rules';
import { DateText } from '../../app/DateText';
import { days, formatNumber } from '../../app/format';
import { RouterLink } from '../../app/links';
import { ScrollTable } from '../../app/ScrollTable';

/** Rows shown before "Toon alle": the list stays small on a team with many long cases. */
const FIRST_ROWS = 10;

export function LongRunningTable({ cases }: { cases: LongRunningCase[] }) {
  const [all, setAll] = useState(false);
  if (cases.length === 0) return <Paragraph>Geen open casus loopt langer dan drie maanden na de kennismaking.</Paragraph>;
  const shown = all ? cases : cases.slice(0, FIRST_ROWS);
  return (
    <>
      <ScrollTable
        caption={`Open casussen langer dan drie maanden na de kennismaking, de langste eerst (${shown.length === cases.length ? formatNumber(cases.length) : `${formatNumber(shown.length)} van ${formatNumber(cases.length)}`})`}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
            <TableHeaderCell scope="col">Kennismaking</TableHeaderCell>
            <TableHeaderCell scope="col" className="kt-num">
              Maanden
            </TableHeaderCell>
            <TableHeaderCell scope="col">Regisseur</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((c) => (
            <TableRow key={c.caseId}>
              <TableHeaderCell scope="row">
                <RouterLink to={`/casussen/${c.caseId}`}>{c.clientName ?? 'Casus zonder hoofdcliënt'}</RouterLink>
              </TableHeaderCell>
              <TableCell>
                <DateText value={c.firstMeetingOn} />
              </TableCell>
              <TableCell className="kt-num">{formatNumber(c.months)}</TableCell>
              <TableCell>{c.leadWorkerName ?? 'Niet toegewezen'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
      {cases.length > FIRST_ROWS && (
        <Button type="button" appearance="secondary-action-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Toon alleen de eerste ${FIRST_ROWS}` : `Toon alle ${formatNumber(cases.length)}`}
        </Button>
      )}
    </>
  );
}

export function LateStartsTable({ starts }: { starts: LateStart[] }) {
  if (starts.length === 0) return <Paragraph>Geen toewijzing die meer dan {LATE_START_DAYS} dagen na de startdatum nog niet is begonnen.</Paragraph>;
  return (
    <ScrollTable caption={`Toewijzingen in natura zonder gemelde start, meer dan ${LATE_START_DAYS} dagen na de startdatum, de oudste eerst`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
          <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
          <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
          <TableHeaderCell scope="col">Startdatum</TableHeaderCell>
          <TableHeaderCell scope="col" className="kt-num">
            Sinds de start
          </TableHeaderCell>
          <TableHeaderCell scope="col">Regisseur</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {starts.map((s) => (
          <TableRow key={`${s.caseId}-${s.provider}-${s.startOn}-${s.product}`}>
            <TableHeaderCell scope="row">
              <RouterLink to={`/casussen/${s.caseId}`}>{s.clientName}</RouterLink>
            </TableHeaderCell>
            <TableCell>{s.product}</TableCell>
            <TableCell>{s.provider}</TableCell>
            <TableCell>
              <DateText value={s.startOn} />
            </TableCell>
            <TableCell className="kt-num">{days(s.daysSinceStart)}</TableCell>
            <TableCell>{s.leadWorkerName ?? 'Niet toegewezen'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
