// "Wie heeft dit dossier ingezien": the client's access log (NEN 7513) for kwaliteit and the lead
// worker of one of the client's cases; shown when the client's detail says the actor may read it,
// collapsed behind "Toon toegangslog", ten rows a page.
import { useState } from 'react';
import { Button, ButtonGroup, Heading2, Paragraph, StatusBadge, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import { LoadError } from '../../app/QueryStatus';
import { ScrollTable } from '../../app/ScrollTable';
import { useAccessLog, type AccessLogEntry } from './api';
import './client-rights.css';

export function AccessLogSection({ clientId, name }: { clientId: string; name: string }) {
  // Collapsed at first: the log is long, and asking for it is itself a logged read.
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="inzage-title" className="kt-section">
      <Heading2 id="inzage-title">Wie heeft dit dossier ingezien</Heading2>
      <Paragraph>
        Elke keer dat iemand de gegevens van {name} bekijkt, wijzigt, zoekt, afdrukt of exporteert, wordt dat vastgelegd. De cliënt heeft recht op dit overzicht.
      </Paragraph>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" aria-expanded={open} aria-controls={open ? 'toegangslog' : undefined} onClick={() => setOpen((o) => !o)}>
          Toon toegangslog
        </Button>
      </ButtonGroup>
      {open && (
        <div id="toegangslog">
          <AccessLogPages clientId={clientId} name={name} />
        </div>
      )}
    </section>
  );
}

function AccessLogPages({ clientId, name }: { clientId: string; name: string }) {
  const [page, setPage] = useState(1);
  const log = useAccessLog(clientId, page, true);
  if (log.isPending) return <Paragraph className="kt-loading">Het toegangslog wordt geladen…</Paragraph>;
  if (!log.data) return <LoadError error={log.error} />;
  // While the next page loads the last one stays in view, named by its own number.
  const { entries, total, pageSize, page: shown } = log.data;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // aria-disabled, not disabled: the button keeps focus at the first or last page and while loading.
  const turn = (to: number) => {
    if (to < 1 || to > pages || log.isFetching) return;
    setPage(to);
  };
  return (
    <>
      {entries.length === 0 ? (
        <Paragraph>Er is nog niets vastgelegd.</Paragraph>
      ) : (
        <ScrollTable caption={`Wie heeft het dossier van ${name} ingezien, nieuwste eerst (pagina ${shown} van ${pages})`} className="kt-access-log">
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
            Pagina {shown} van {pages} ({total} regels)
          </Paragraph>
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" aria-disabled={page <= 1 || log.isFetching} onClick={() => turn(page - 1)}>
              Nieuwere regels
            </Button>
            <Button type="button" appearance="secondary-action-button" aria-disabled={page >= pages || log.isFetching} onClick={() => turn(page + 1)}>
              Oudere regels
            </Button>
          </ButtonGroup>
        </nav>
      )}
    </>
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
