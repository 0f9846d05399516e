import { describe, expect, it } from 'vitest';
import { judgeStarts, judgeStops, type DeliveryTarget } from './delivery-rules';
import type { StartRecord, StopRecord } from '../iwmo/read-inbound';

const sender = { providerAgb: '98000006', bsn: '999900018' };
const target = (over: Partial<DeliveryTarget> = {}): DeliveryTarget => ({
  assignmentNumber: 7,
  providerAgb: '98000006',
  bsn: '999900018',
  voided: false,
  delivery: { startedOn: null, endedOn: null, endReason: null },
  ...over,
});
const targets = (...list: DeliveryTarget[]) => new Map(list.map((t) => [t.assignmentNumber, t]));
const start = (over: Partial<StartRecord> = {}): StartRecord => ({ assignmentNumber: 7, product: null, assignmentStartOn: null, startOn: '2025-02-01', status: '1', ...over });
const stop = (over: Partial<StopRecord> = {}): StopRecord => ({ ...start(), endReason: '19', endOn: '2025-05-31', ...over });
const started = { startedOn: '2025-02-01', endedOn: null, endReason: null };

describe('starts (305)', () => {
  it('records a start and removes it again', () => {
    expect(judgeStarts([start()], targets(target()), sender)).toEqual({ errors: [], changed: new Map([[7, started]]) });
    expect(judgeStarts([start({ status: '3' })], targets(target({ delivery: started })), sender).changed.get(7)).toEqual({ startedOn: null, endedOn: null, endReason: null });
  });

  it('cannot link an unknown number, another provider, another client or a voided toewijzing (9019)', () => {
    for (const [records, list, who] of [
      [[start({ assignmentNumber: 8 })], targets(target()), sender],
      [[start({ assignmentNumber: null })], targets(target()), sender],
      [[start()], targets(target({ providerAgb: '98000015' })), sender],
      [[start()], targets(target()), { ...sender, bsn: '999900031' }],
      [[start()], targets(target({ voided: true })), sender],
    ] as const) {
      expect(judgeStarts(records, list, who).errors).toEqual([{ index: 0, codes: ['9019'] }]);
    }
  });

  it('refuses a second start with the same key (9074), a new start while one runs (9326), and removals that do not fit (9063, 9071)', () => {
    expect(judgeStarts([start(), start()], targets(target()), sender).errors).toEqual([{ index: 1, codes: ['9074'] }]);
    expect(judgeStarts([start({ startOn: '2025-03-01' })], targets(target({ delivery: started })), sender).errors).toEqual([{ index: 0, codes: ['9326'] }]);
    expect(judgeStarts([start({ status: '3' })], targets(target()), sender).errors).toEqual([{ index: 0, codes: ['9063'] }]);
    const stopped = { startedOn: '2025-02-01', endedOn: '2025-04-30', endReason: '19' };
    expect(judgeStarts([start({ status: '3' })], targets(target({ delivery: stopped })), sender).errors).toEqual([{ index: 0, codes: ['9071'] }]);
    expect(judgeStarts([start({ startOn: '2025-06-01' })], targets(target({ delivery: stopped })), sender).changed.get(7)).toEqual({ startedOn: '2025-06-01', endedOn: null, endReason: null });
  });
});

describe('stops (307)', () => {
  it('records the stop of the current start and removes it again', () => {
    const stopped = judgeStops([stop()], targets(target({ delivery: started })), sender);
    expect(stopped).toEqual({ errors: [], changed: new Map([[7, { startedOn: '2025-02-01', endedOn: '2025-05-31', endReason: '19' }]]) });
    const removed = judgeStops([stop({ status: '3' })], targets(target({ delivery: stopped.changed.get(7)! })), sender);
    expect(removed.changed.get(7)).toEqual(started);
  });

  it('follows the stop rules: no start (9069), nothing to remove (9063), a definitive stop exists (9415), temporary twice (9413), earlier than the temporary one (9414)', () => {
    expect(judgeStops([stop()], targets(target()), sender).errors).toEqual([{ index: 0, codes: ['9069'] }]);
    expect(judgeStops([stop({ status: '3' })], targets(target({ delivery: started })), sender).errors).toEqual([{ index: 0, codes: ['9063'] }]);
    const definitive = { startedOn: '2025-02-01', endedOn: '2025-05-31', endReason: '19' };
    expect(judgeStops([stop()], targets(target({ delivery: definitive })), sender).errors).toEqual([{ index: 0, codes: ['9415'] }]);
    const temporary = { startedOn: '2025-02-01', endedOn: '2025-05-31', endReason: '20' };
    expect(judgeStops([stop({ endReason: '20' })], targets(target({ delivery: temporary })), sender).errors).toEqual([{ index: 0, codes: ['9413'] }]);
    expect(judgeStops([stop({ endOn: '2025-04-30' })], targets(target({ delivery: temporary })), sender).errors).toEqual([{ index: 0, codes: ['9414'] }]);
    expect(judgeStops([stop({ endOn: '2025-06-30' })], targets(target({ delivery: temporary })), sender).changed.get(7)).toMatchObject({ endedOn: '2025-06-30', endReason: '19' });
  });
});
