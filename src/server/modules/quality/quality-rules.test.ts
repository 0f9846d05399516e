import { describe, expect, it } from 'vitest';
import { filingProblems, handlingProblems, isReopening } from './quality-rules';

const paths = (problems: { path: string }[]) => problems.map((p) => p.path);
const handling = { evaluation: '', lessonLearned: '', reopenReason: '' };

describe('filing a report', () => {
  it('asks a category of an incident and of nothing else', () => {
    expect(filingProblems({ kind: 'incident', category: 'agressie_verbaal', occurredOn: '2024-03-01', receivedOn: '2024-03-01' })).toEqual([]);
    expect(paths(filingProblems({ kind: 'incident', category: null, occurredOn: '2024-03-01', receivedOn: '2024-03-01' }))).toEqual(['category']);
    expect(paths(filingProblems({ kind: 'klacht', category: 'datalek', occurredOn: '2024-03-01', receivedOn: '2024-03-01' }))).toEqual(['category']);
    expect(filingProblems({ kind: 'bezwaar', occurredOn: '2024-03-01', receivedOn: '2024-03-02' })).toEqual([]);
  });

  it('refuses an occurrence after the report was received', () => {
    expect(paths(filingProblems({ kind: 'klacht', occurredOn: '2024-03-02', receivedOn: '2024-03-01' }))).toEqual(['occurredOn']);
  });
});

describe('handling a report', () => {
  it('moves forward, a step may be skipped', () => {
    expect(handlingProblems('open', { ...handling, status: 'in_behandeling' })).toEqual([]);
    expect(handlingProblems('in_behandeling', { ...handling, status: 'in_behandeling' })).toEqual([]);
    expect(handlingProblems('open', { status: 'afgehandeld', evaluation: 'Gesprek gevoerd', lessonLearned: 'Eerder bellen', reopenReason: '' })).toEqual([]);
  });

  it('closes only with an evaluation and the lesson learned', () => {
    expect(paths(handlingProblems('in_behandeling', { ...handling, status: 'afgehandeld' }))).toEqual(['evaluation', 'lessonLearned']);
    expect(paths(handlingProblems('in_behandeling', { ...handling, status: 'afgehandeld', evaluation: '  ', lessonLearned: 'Les' }))).toEqual(['evaluation']);
  });

  it('reopens a closed report only with a reason, and never goes back from in behandeling to open', () => {
    expect(isReopening('afgehandeld', 'in_behandeling')).toBe(true);
    expect(isReopening('in_behandeling', 'open')).toBe(false);
    expect(paths(handlingProblems('afgehandeld', { ...handling, status: 'in_behandeling' }))).toEqual(['reopenReason']);
    expect(handlingProblems('afgehandeld', { ...handling, status: 'open', reopenReason: 'Klager is het niet eens met de afhandeling' })).toEqual([]);
    expect(paths(handlingProblems('in_behandeling', { ...handling, status: 'open' }))).toEqual(['status']);
  });
});
