// A table of clients as lists show them (name, birth date, postcode, masked BSN), with optional
// extra columns; used by the search, the duplicate check and the household search.
import type { ReactNode } from 'react';
import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ClientSummary } from '../../server/modules/clients/clients.schemas';
import { DateText } from './DateText';
import { fullName } from './format';
import { ScrollTable } from './ScrollTable';

export interface ExtraColumn<T> {
  /** Column header; `hidden` headers are read by screen readers only (e.g. "Actie"). */
  header: string;
  hidden?: boolean;
  cell: (client: T) => ReactNode;
}

export function ClientTable<T extends ClientSummary>({
  caption,
  clients,
  name = (c) => fullName(c),
  showBsn = true,
  extra = [],
}: {
  caption: ReactNode;
  clients: T[];
  /** The name cell, e.g. a link to the client. */
  name?: (client: T) => ReactNode;
  showBsn?: boolean;
  extra?: ExtraColumn<T>[];
}) {
  return (
    <ScrollTable caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Naam</TableHeaderCell>
          <TableHeaderCell scope="col">Geboortedatum</TableHeaderCell>
          <TableHeaderCell scope="col">Postcode</TableHeaderCell>
          {showBsn && <TableHeaderCell scope="col">BSN</TableHeaderCell>}
          {extra.map((column) => (
            <TableHeaderCell key={column.header} scope="col">
              {column.hidden ? <span className="kt-visually-hidden">{column.header}</span> : column.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {clients.map((c) => (
          <TableRow key={c.id}>
            <TableHeaderCell scope="row">{name(c)}</TableHeaderCell>
            <TableCell>
              <DateText value={c.birthDate} />
            </TableCell>
            <TableCell>{c.postcode ?? '–'}</TableCell>
            {showBsn && <TableCell>{c.bsnMasked ?? '–'}</TableCell>}
            {extra.map((column) => (
              <TableCell key={column.header}>{column.cell(c)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
