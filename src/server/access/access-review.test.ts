import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { Conflict, Invalid } from '../lib/errors';
import { judge } from './access-review';

const reviewer = { userId: 'kwaliteit-1' } as Actor;
const what = { these: 'deze koppeling', own: 'koppeling' };

describe('judge', () => {
  it('sets the judgement with the next version', () => {
    const set = judge({ userId: 'worker-1', reviewOutcome: null, version: 1 }, reviewer, { outcome: 'onterecht', note: 'Geen reden om te koppelen', version: 1 }, what);
    expect(set).toMatchObject({ reviewedBy: 'kwaliteit-1', reviewOutcome: 'onterecht', reviewNote: 'Geen reden om te koppelen', version: 2 });
    expect(judge({ userId: 'worker-1', reviewOutcome: null, version: 3 }, reviewer, { outcome: 'terecht', note: '', version: 3 }, what).reviewNote).toBeNull();
  });

  it('refuses a judgement of a version someone else judged in between, and one of one\'s own access', () => {
    expect(() => judge({ userId: 'worker-1', reviewOutcome: 'terecht', version: 2 }, reviewer, { outcome: 'onterecht', note: 'Toch niet terecht', version: 1 }, what)).toThrow(Conflict);
    expect(() => judge({ userId: 'kwaliteit-1', reviewOutcome: null, version: 1 }, reviewer, { outcome: 'terecht', note: '', version: 1 }, what)).toThrow(Invalid);
  });
});
