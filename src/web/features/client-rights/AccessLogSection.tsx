// "Wie heeft dit dossier ingezien": the client's access log (NEN 7513) for kwaliteit and the lead
// worker of one of the client's cases; shown when the client's detail says the actor may read it.
import { useState } from 'react';
import { Button, ButtonGroup, Heading2, Paragraph, StatusBadge, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import { ScrollTable } from '../../app/ScrollTable';
import { useAccessLog, type AccessLogEntry } from './api';
import './client-rights.css';

export function AccessLogSection({ clientId, name }: { clientId: string; name: string }) {
  const [page, setPage] = useState(1);
  const log = useAccessLog(clientId, page, true);
  if (!log.data) return null;
  const { entries, total, pageSize } = log.data;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <section aria-labelledby="inzage-title" className="kt-section">
      <Heading2 id="inzage-title">Wie heeft dit dossier ingezien</Heading2>
      <Paragraph>
        Elke keer dat iemand de gegevens van {name} bekijkt, wijzigt, zoekt, afdrukt of exporteert, wordt dat vastgelegd. De cliënt heeft recht op dit overzicht.
      </Paragraph>
      {entries.length === 0 ? (
        <Paragraph>Er is nog niets vastgelegd.</Paragraph>
      ) : (
        <ScrollTable caption={`Wie heeft het dossier van ${name} ingezien, nieuwste eerst (pagina ${page} van ${pages})`} className="kt-access-log">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
              <TableHeaderCell scope="col">Wie</TableHeaderCell>
              <TableHeaderCell scope="col">Rol</TableHeaderCell>
              <TableHeaderCell scope="col">Team</TableHeaderCell>
              <TableHeaderCell scope="col">Wat</TableHeaderCell>
              <TableHeaderCell scope="col">Namens</TableHeaderCell>
              <TableHeaderCell scope="col">Resultaat</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => (
              <AccessLogRow key={entry.id} entry={entry} />
            ))}
          </TableBody>
        </ScrollTable>
      )}
      {pages > 1 && (
        <nav aria-label="Pagina's van het overzicht wie het dossier inzag">
          <Paragraph role="status">
            Pagina {page} van {pages} ({total} regels)
          </Paragraph>
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" disabled={page <= 1 || log.isFetching} onClick={() => setPage((p) => p - 1)}>
              Nieuwere regels
            </Button>
            <Button type="button" appearance="secondary-action-button" disabled={page >= pages || log.isFetching} onClick={() => setPage((p) => p + 1)}>
              Oudere regels
            </Button>
          </ButtonGroup>
        </nav>
      )}
    </section>
  );
}

function AccessLogRow({ entry }: { entry: AccessLogEntry }) {
  return (
    <TableRow className={entry.emergency ? 'kt-access-log__emergency' : undefined}>
      <TableCell>
        <DateText value={entry.at} withTime />
      </TableCell>
      <TableCell>{entry.who}</TableCell>
      <TableCell>{entry.role ?? '–'}</TableCell>
      <TableCell>{entry.team ?? '–'}</TableCell>
      <TableCell>
        {entry.emergency && (
          <>
            <StatusBadge status="warning">Noodtoegang</StatusBadge>{' '}
          </>
        )}
        {entry.what}
      </TableCell>
      <TableCell>{entry.onBehalfOf ?? '–'}</TableCell>
      <TableCell>{entry.outcome === 'geweigerd' ? <strong>Geweigerd</strong> : 'Gelukt'}</TableCell>
    </TableRow>
  );
}
