// What a provider's start (305) and stop (307) records do to the delivery of a toewijzing (pure;
// docs/iwmo.md §5.3): the rules across messages that give a record its retour code (WJ001), and the
// delivery as it stands after them. Records are judged in their order, each on the state the ones
// before it left; any error rejects the whole message (IV032), so the caller applies the new state
// only when there is none.
import type { RecordError } from '../iwmo/build-retour';
import type { RetourCode } from '../iwmo/iwmo-codes';
import type { StartRecord, StopRecord } from '../iwmo/read-inbound';

/** RedenBeeindiging 20: a temporary stop; every other code is a definitive one (WMO588). */
const TEMPORARY_STOP = '20';

export interface Delivery {
  startedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
}

/** A chain as the records are checked against it. */
export interface DeliveryTarget {
  assignmentNumber: number;
  /** The AGB code the toewijzing went to: another provider cannot report on it. */
  providerAgb: string | null;
  /** The BSN of the toewijzing's client, to match the message's Client. */
  bsn: string | null;
  voided: boolean;
  delivery: Delivery;
}

export interface DeliveryOutcome {
  errors: RecordError[];
  /** The new delivery of each chain the records changed, by ToewijzingNummer. */
  changed: Map<number, Delivery>;
}

/** TR019 (9019): the record cannot be linked to a toewijzing of this provider and client. */
function target(record: StartRecord, targets: ReadonlyMap<number, DeliveryTarget>, sender: { providerAgb: string; bsn: string }): DeliveryTarget | null {
  if (record.assignmentNumber === null) return null;
  const found = targets.get(record.assignmentNumber);
  if (!found || found.voided || found.providerAgb !== sender.providerAgb || found.bsn !== sender.bsn) return null;
  return found;
}

function judge<R extends StartRecord>(
  records: readonly R[],
  targets: ReadonlyMap<number, DeliveryTarget>,
  sender: { providerAgb: string; bsn: string },
  rule: (record: R, now: Delivery) => { code: RetourCode } | { next: Delivery },
): DeliveryOutcome {
  const state = new Map<number, Delivery>();
  const errors: RecordError[] = [];
  records.forEach((record, index) => {
    const found = target(record, targets, sender);
    if (!found) return errors.push({ index, codes: ['9019'] });
    const now = state.get(found.assignmentNumber) ?? found.delivery;
    const result = rule(record, now);
    if ('code' in result) return errors.push({ index, codes: [result.code] });
    state.set(found.assignmentNumber, result.next);
  });
  return { errors, changed: state };
}

/** 305: StatusAanlevering 1 records the start, 3 removes it (IV008, OP033). */
export function judgeStarts(records: readonly StartRecord[], targets: ReadonlyMap<number, DeliveryTarget>, sender: { providerAgb: string; bsn: string }): DeliveryOutcome {
  return judge(records, targets, sender, (record, now) => {
    if (record.status === '3') {
      if (now.startedOn !== record.startOn) return { code: '9063' }; // TR063: no earlier start with this key
      if (now.endedOn !== null) return { code: '9071' }; // TR071: delivery already stopped
      return { next: { ...now, startedOn: null } };
    }
    if (now.startedOn === record.startOn) return { code: '9074' }; // TR074: a start with this key was received
    if (now.startedOn !== null && now.endedOn === null) return { code: '9326' }; // TR326: the current delivery is not stopped
    return { next: { startedOn: record.startOn, endedOn: null, endReason: null } };
  });
}

/** 307: StatusAanlevering 1 records the stop of the current start, 3 removes it. */
export function judgeStops(records: readonly StopRecord[], targets: ReadonlyMap<number, DeliveryTarget>, sender: { providerAgb: string; bsn: string }): DeliveryOutcome {
  return judge(records, targets, sender, (record, now) => {
    const sameStart = now.startedOn !== null && now.startedOn === record.startOn;
    if (record.status === '3') {
      if (!sameStart || now.endedOn === null) return { code: '9063' }; // TR063: no earlier stop with this key
      return { next: { ...now, endedOn: null, endReason: null } };
    }
    if (!sameStart) return { code: '9069' }; // TR069: no current start with the same key
    if (now.endedOn !== null) {
      if (now.endReason !== TEMPORARY_STOP) return { code: '9415' }; // TR415: a definitive stop exists
      if (record.endReason === TEMPORARY_STOP) return { code: '9413' }; // TR413: a temporary stop exists
      if (record.endOn < now.endedOn) return { code: '9414' }; // TR414: not before the temporary stop's end
    }
    return { next: { ...now, endedOn: record.endOn, endReason: record.endReason } };
  });
}
