// The visible history of a case, newest first.
import { Paragraph } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import type { CaseDetail } from './api';
import { CASE_EVENT_LABELS, type CaseEventKind } from '../../../server/modules/cases/case-rules';

export function eventLabel(kind: string): string {
  return CASE_EVENT_LABELS[kind as CaseEventKind] ?? kind;
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
