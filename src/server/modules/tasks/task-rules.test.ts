import { describe, expect, it } from 'vitest';
import { DUE_IN_PAST, DUE_TOO_FAR, dueDateProblem, isOverdue } from './task-rules';

describe('dueDateProblem', () => {
  it('takes today and later, up to two years ahead', () => {
    expect(dueDateProblem('2026-03-10', '2026-03-10')).toBeNull();
    expect(dueDateProblem('2026-03-11', '2026-03-10')).toBeNull();
    expect(dueDateProblem('2028-03-09', '2026-03-10')).toBeNull();
  });

  it('refuses a day in the past and one more than two years ahead, in Dutch', () => {
    expect(dueDateProblem('2026-03-09', '2026-03-10')).toBe(DUE_IN_PAST);
    expect(dueDateProblem('2025-12-31', '2026-01-01')).toBe(DUE_IN_PAST);
    expect(dueDateProblem('2028-03-10', '2026-03-10')).toBe(DUE_TOO_FAR);
  });
});

describe('isOverdue', () => {
  it('is late only when open after its day', () => {
    expect(isOverdue({ dueOn: '2026-03-09', done: false }, '2026-03-10')).toBe(true);
    expect(isOverdue({ dueOn: '2026-03-10', done: false }, '2026-03-10')).toBe(false);
    expect(isOverdue({ dueOn: '2026-03-09', done: true }, '2026-03-10')).toBe(false);
  });
});
