// The people this case is about.
import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import { fullName } from '../../app/format';
import { RouterLink } from '../../app/links';
import { ScrollTable } from '../../app/ScrollTable';
import type { CaseDetail } from './api';

const ROLE_LABELS: Record<string, string> = { hoofdclient: 'Hoofdcliënt', huishoudlid: 'Huishoudlid' };

export function HouseholdTable({ household }: { household: CaseDetail['household'] }) {
  return (
    <ScrollTable caption="Personen in dit huishouden">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Naam</TableHeaderCell>
          <TableHeaderCell scope="col">Geboortedatum</TableHeaderCell>
          <TableHeaderCell scope="col">Rol</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {household.map((member) => (
          <TableRow key={member.clientId}>
            <TableHeaderCell scope="row">
              <RouterLink to={`/clienten/${member.clientId}`}>{fullName(member)}</RouterLink>
            </TableHeaderCell>
            <TableCell>
              <DateText value={member.birthDate} />
            </TableCell>
            <TableCell>{ROLE_LABELS[member.role] ?? member.role}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
