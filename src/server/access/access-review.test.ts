import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { Invalid } from '../lib/errors';
import { judge, judgedInBetween } from './access-review';

const reviewer = { userId: 'kwaliteit-1' } as Actor;
const what = { these: 'deze koppeling', own: 'koppeling' };

describe('judge', () => {
  it('sets the judgement', () => {
    const set = judge({ userId: 'worker-1' }, reviewer, { outcome: 'onterecht', note: 'Geen reden om te koppelen' }, what);
    expect(set).toMatchObject({ reviewedBy: 'kwaliteit-1', reviewOutcome: 'onterecht', reviewNote: 'Geen reden om te koppelen' });
    expect(judge({ userId: 'worker-1' }, reviewer, { outcome: 'terecht', note: '' }, what).reviewNote).toBeNull();
  });

  it('refuses a judgement of one\'s own access', () => {
    expect(() => judge({ userId: 'kwaliteit-1' }, reviewer, { outcome: 'terecht', note: '' }, what)).toThrow(Invalid);
  });

  it('says what someone else judged in between', () => {
    expect(judgedInBetween(what)).toBe('Iemand anders heeft deze koppeling intussen beoordeeld. Laad de pagina opnieuw.');
  });
});
