// The maatwerk requests of the team that wait on their report or decision, due within two weeks or
// late, the earliest first (Wmo 2015: the report within six weeks of the melding, the decision two
// weeks after it).
import { Paragraph, StatusBadge, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { ScrollTable } from '../../app/ScrollTable';
import type { LegalTermItem } from '../../../server/modules/worklists/worklists.schemas';
import { DateText } from '../../app/DateText';
import { RouterLink } from '../../app/links';
import { TERM_STATE_LABELS, TERM_STATE_TONE } from '../maatwerk/labels';

const KIND_LABELS = { onderzoek: 'Verslag van het onderzoek', besluit: 'Besluit op de aanvraag' } as const;

export function LegalTermsTable({ terms }: { terms: LegalTermItem[] }) {
  if (terms.length === 0) return <Paragraph>Geen verslag of besluit dat binnen twee weken moet, en niets te laat.</Paragraph>;
  return (
    <ScrollTable caption="Verslagen en besluiten die binnen twee weken moeten of te laat zijn, de vroegste eerst">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
          <TableHeaderCell scope="col">Wat</TableHeaderCell>
          <TableHeaderCell scope="col">Uiterlijk</TableHeaderCell>
          <TableHeaderCell scope="col">Stand</TableHeaderCell>
          <TableHeaderCell scope="col">Regisseur</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {terms.map((t) => (
          <TableRow key={`${t.caseId}-${t.kind}-${t.dueOn}-${t.asked}`}>
            <TableHeaderCell scope="row">
              <RouterLink to={`/casussen/${t.caseId}`}>{t.clientName}</RouterLink>
            </TableHeaderCell>
            <TableCell>
              {KIND_LABELS[t.kind]}: {t.asked}
            </TableCell>
            <TableCell>
              <DateText value={t.dueOn} />
            </TableCell>
            <TableCell>
              <StatusBadge status={TERM_STATE_TONE[t.state]}>{TERM_STATE_LABELS[t.state]}</StatusBadge>
            </TableCell>
            <TableCell>{t.leadWorkerName ?? 'Niet toegewezen'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
