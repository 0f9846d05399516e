import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from './notifications.schemas';
import { NO_LONGER_READABLE, notificationText } from './notification-text';

describe('notificationText', () => {
  it('names the client only when the reader may see the record now', () => {
    expect(notificationText({ kind: 'case_assigned', actorName: 'Lotte Leeuw', clientName: 'Truus Jansen', taskTitle: null })).toBe('Lotte Leeuw heeft u regisseur gemaakt van de casus van Truus Jansen.');
    const hidden = notificationText({ kind: 'case_assigned', actorName: 'Lotte Leeuw', clientName: null, taskTitle: null });
    expect(hidden).toBe(`Lotte Leeuw heeft u regisseur gemaakt van een casus. ${NO_LONGER_READABLE.case}`);
  });

  it('says of every kind without details that it can no longer be opened, and never names a client then', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const text = notificationText({ kind, actorName: 'Anna Aalders', clientName: null, taskTitle: null });
      expect(text, kind).toMatch(/niet \(meer\) inzien\.$/);
      expect(text, kind).toContain('Anna Aalders');
    }
  });

  it('gives a task with its title, and the case when it is on one', () => {
    expect(notificationText({ kind: 'task_assigned', actorName: 'Anna Aalders', clientName: null, taskTitle: 'Bel de woningcorporatie' })).toBe('Anna Aalders heeft u een taak gegeven: Bel de woningcorporatie.');
    expect(notificationText({ kind: 'task_assigned', actorName: 'Anna Aalders', clientName: 'Kees Bos', taskTitle: 'Bel de woningcorporatie' })).toBe(
      'Anna Aalders heeft u een taak gegeven: Bel de woningcorporatie (casus van Kees Bos).',
    );
  });

  it('speaks of the system when no person caused it', () => {
    expect(notificationText({ kind: 'registration', actorName: null, clientName: 'Kees Bos', taskTitle: null })).toBe('Nieuwe aanmelding voor uw team: Kees Bos. Aangemeld door het systeem.');
  });
});
