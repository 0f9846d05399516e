// Agenda (/agenda): the worker's day or week (Monday to Sunday) as a list per day, with vorige,
// volgende and vandaag; for the team leader also the team's appointments per worker; and the
// "Agenda in Outlook" feed address. The day and the view are in the address (?dag=…&weergave=…), so
// a reload and the back button keep them.
import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { isIsoDate } from '../../../server/lib/dates';
import { useAuth } from '../../app/auth';
import { formatDate, formatDateWithWeekday, today } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { AgendaFeed } from './AgendaFeed';
import { periodOf, step, type AgendaView } from './agenda-period';
import { useAgenda, useTeamAgenda, type Appointment } from './api';
import { AppointmentList } from './AppointmentList';
import './agenda.css';

export function AgendaPage() {
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const view: AgendaView = params.get('weergave') === 'dag' ? 'dag' : 'week';
  const requested = params.get('dag') ?? '';
  const day = isIsoDate(requested) ? requested : today();
  const { from, to } = periodOf(view, day);
  const agenda = useAgenda(from, to);
  const leads = can('appointments:team');
  const team = useTeamAgenda(from, to, leads);
  const periodRef = useRef<HTMLParagraphElement>(null);

  const go = (next: { dag?: string; weergave?: AgendaView }) => {
    setParams({ dag: next.dag ?? day, weergave: next.weergave ?? view });
    periodRef.current?.focus();
  };
  const periodText = view === 'dag' ? formatDateWithWeekday(from) : `Week van ${formatDate(from)} tot en met ${formatDate(to)}`;
  const empty = view === 'dag' ? 'U heeft deze dag geen afspraken.' : 'U heeft deze week geen afspraken.';

  return (
    <>
      <PageTitle title="Agenda" />
      <Paragraph>Uw afspraken met bewoners. Een afspraak maakt u op de pagina van de casus, met “Nieuwe afspraak”.</Paragraph>
      <nav aria-label="Periode van de agenda" className="kt-agenda-nav">
        <ButtonGroup>
          <Button type="button" appearance={view === 'dag' ? 'primary-action-button' : 'secondary-action-button'} aria-pressed={view === 'dag'} onClick={() => go({ weergave: 'dag' })}>
            Dag
          </Button>
          <Button type="button" appearance={view === 'week' ? 'primary-action-button' : 'secondary-action-button'} aria-pressed={view === 'week'} onClick={() => go({ weergave: 'week' })}>
            Week
          </Button>
        </ButtonGroup>
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => go({ dag: step(view, day, -1) })}>
            {view === 'dag' ? 'Vorige dag' : 'Vorige week'}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => go({ dag: today() })}>
            Vandaag
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => go({ dag: step(view, day, 1) })}>
            {view === 'dag' ? 'Volgende dag' : 'Volgende week'}
          </Button>
        </ButtonGroup>
      </nav>
      <p ref={periodRef} tabIndex={-1} className="kt-agenda-period" aria-live="polite">
        {periodText}
      </p>
      <section aria-labelledby="agenda-mijn-title" className="kt-section kt-appointments">
        <Heading2 id="agenda-mijn-title">Mijn afspraken</Heading2>
        <QueryStatus query={agenda} what="uw afspraken">
          {(list) => <AppointmentList appointments={list} label={`Mijn afspraken, ${periodText}`} empty={empty} />}
        </QueryStatus>
      </section>
      {leads && (
        <section aria-labelledby="agenda-team-title" className="kt-section kt-appointments">
          <Heading2 id="agenda-team-title">Agenda van het team</Heading2>
          <QueryStatus query={team} what="de agenda van het team">
            {(list) => <TeamAgenda appointments={list} periodText={periodText} />}
          </QueryStatus>
        </section>
      )}
      <AgendaFeed />
    </>
  );
}

/** The team's appointments per worker (by name), each as a list per day. */
function TeamAgenda({ appointments, periodText }: { appointments: Appointment[]; periodText: string }) {
  if (appointments.length === 0) return <Paragraph className="kt-muted">Niemand in het team heeft afspraken in deze periode.</Paragraph>;
  const workers = new Map<string, { name: string; items: Appointment[] }>();
  for (const a of appointments) {
    const entry = workers.get(a.worker.id) ?? { name: a.worker.name, items: [] };
    entry.items.push(a);
    workers.set(a.worker.id, entry);
  }
  const sorted = [...workers.entries()].sort(([, a], [, b]) => a.name.localeCompare(b.name, 'nl'));
  return (
    <>
      {sorted.map(([id, { name, items }]) => (
        <section key={id} aria-labelledby={`team-agenda-${id}`} className="kt-subsection">
          <Heading3 id={`team-agenda-${id}`}>
            {name} ({items.length === 1 ? '1 afspraak' : `${items.length} afspraken`})
          </Heading3>
          <AppointmentList appointments={items} label={`Afspraken van ${name}, ${periodText}`} empty="" headingLevel={4} />
        </section>
      ))}
    </>
  );
}
