// Registrations awaiting triage, longest waiting first, with a link to triage each.
import { Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import { days, fullName } from '../../app/format';
import { RouterLink } from '../../app/links';
import { codeLabel, useReference } from '../../app/reference';
import { ScrollTable } from '../../app/ScrollTable';
import type { Registration } from './api';

export function RegistrationsTable({ registrations, caption, empty }: { registrations: Registration[]; caption: string; empty: string }) {
  const reference = useReference();
  if (registrations.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ScrollTable caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Bewoner</TableHeaderCell>
          <TableHeaderCell scope="col">Aangemeld</TableHeaderCell>
          <TableHeaderCell scope="col">Wacht</TableHeaderCell>
          <TableHeaderCell scope="col">Melder</TableHeaderCell>
          <TableHeaderCell scope="col">Vraag</TableHeaderCell>
          <TableHeaderCell scope="col">Status</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {registrations.map((r) => (
          <TableRow key={r.id}>
            <TableHeaderCell scope="row">
              <RouterLink to={`/aanmeldingen/${r.id}`}>
                {fullName(r.client)}
                {!r.triageOutcome && <span className="kt-visually-hidden"> — triëren</span>}
              </RouterLink>
            </TableHeaderCell>
            <TableCell>
              <DateText value={r.registeredOn} />
            </TableCell>
            <TableCell>{days(r.waitingDays)}</TableCell>
            <TableCell>{r.referrerOther ?? codeLabel(reference.data, 'referrers', r.referrerCode)}</TableCell>
            <TableCell className="kt-question">{r.question.length > 120 ? `${r.question.slice(0, 117)}…` : r.question}</TableCell>
            <TableCell>{r.triageOutcome ? 'Getrieerd' : 'Wacht op triage'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
