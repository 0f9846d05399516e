// A list of cases: client, status, registered, days to the first meeting against the norm, lead worker, what is due.
import { Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { ScrollTable } from '../../app/ScrollTable';
import type { CaseSummary } from '../../../server/modules/cases/cases.schemas';
import { waitsOverNorm } from '../../../server/modules/cases/case-rules';
import { DateText } from '../../app/DateText';
import { fullName } from '../../app/format';
import { RouterLink } from '../../app/links';
import { CaseStatusBadge } from '../../app/StatusBadge';
import { WaitingDays } from '../../app/WaitingDays';

const DUE_LABELS: Record<string, string> = { first_meeting: 'Kennismaking uiterlijk' };

export function CasesTable({ cases, caption, empty, showDue = false }: { cases: CaseSummary[]; caption: string; empty: string; showDue?: boolean }) {
  if (cases.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ScrollTable caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
          <TableHeaderCell scope="col">Status</TableHeaderCell>
          <TableHeaderCell scope="col">Aangemeld</TableHeaderCell>
          <TableHeaderCell scope="col">Tot de kennismaking</TableHeaderCell>
          {showDue && <TableHeaderCell scope="col">Eerst te doen</TableHeaderCell>}
          <TableHeaderCell scope="col">Regisseur</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {cases.map((c) => (
          <TableRow key={c.id} className={waitsOverNorm(c) ? 'kt-row--over-norm' : undefined}>
            <TableHeaderCell scope="row">
              <RouterLink to={`/casussen/${c.id}`}>{c.mainClient ? fullName(c.mainClient) : 'Casus zonder hoofdcliënt'}</RouterLink>
            </TableHeaderCell>
            <TableCell>
              <CaseStatusBadge status={c.status} />
            </TableCell>
            <TableCell>
              <DateText value={c.registeredOn} />
            </TableCell>
            <TableCell>
              <WaitingDays waitingDays={c.waitingDays} overNorm={c.overNorm} met={!!c.firstMeetingOn} />
            </TableCell>
            {showDue && (
              <TableCell>
                {c.due ? (
                  <>
                    {DUE_LABELS[c.due.kind] ?? c.due.kind} <DateText value={c.due.on} />
                  </>
                ) : (
                  '–'
                )}
              </TableCell>
            )}
            <TableCell>{c.leadWorker?.name ?? 'Niet toegewezen'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
