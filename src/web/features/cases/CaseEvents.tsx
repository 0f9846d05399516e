// The visible history of a case, newest first.
import { Paragraph } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import type { CaseDetail } from './api';

const EVENT_LABELS: Record<string, string> = {
  registered: 'Aangemeld',
  created: 'Casus geopend',
  opened: 'Casus geopend',
  triaged: 'Getrieerd',
  first_meeting: 'Kennismaking vastgelegd',
  first_meeting_recorded: 'Kennismaking vastgelegd',
  started: 'Ondersteuning gestart',
  start: 'Ondersteuning gestart',
  running: 'Ondersteuning gestart',
  closed: 'Afgesloten',
  close: 'Afgesloten',
  reopened: 'Heropend',
  reopen: 'Heropend',
  lead_changed: 'Regisseur gewijzigd',
  lead_worker_changed: 'Regisseur gewijzigd',
  assigned: 'Regisseur gewijzigd',
  lead_worker: 'Regisseur gewijzigd',
  household_member_added: 'Huishoudlid toegevoegd',
  household_added: 'Huishoudlid toegevoegd',
  household: 'Huishoudlid toegevoegd',
};

export function eventLabel(kind: string): string {
  return EVENT_LABELS[kind] ?? kind.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
}

export function CaseEvents({ events }: { events: CaseDetail['events'] }) {
  if (events.length === 0) return <Paragraph>Nog geen gebeurtenissen.</Paragraph>;
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="kt-events">
      {sorted.map((event, index) => (
        <li key={`${event.at}-${index}`} className="kt-events__item">
          <strong>{eventLabel(event.kind)}</strong> — <DateText value={event.at} withTime />
          {event.actorName ? ` door ${event.actorName}` : ''}
          {event.reason && <div className="kt-pre-line">Reden: {event.reason}</div>}
        </li>
      ))}
    </ol>
  );
}
