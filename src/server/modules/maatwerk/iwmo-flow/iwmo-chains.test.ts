import { describe, expect, it } from 'vitest';
import { buildChains, chainAssignment, chainChanged, dateAndTimeInNetherlands, isCurrent, standingLinks, type ChainLinkRow } from './iwmo-chains';

const at = (iso: string) => new Date(iso);
const link = (over: Partial<ChainLinkRow> & { id: string }): ChainLinkRow => ({
  extendsProvisionId: null,
  assignmentNumber: null,
  clientId: 'c1',
  provider: 'Careyn',
  providerAgb: '98000006',
  category: 'hbh',
  product: 'hbh',
  startOn: '2025-01-01',
  endOn: '2025-06-30',
  voided: false,
  changeReason: null,
  assignedAt: at('2025-01-01T09:00:00Z'),
  createdAt: at('2025-01-01T09:00:00Z'),
  volume: 3,
  unit: '04',
  frequency: '2',
  version: 1,
  sentVersion: null,
  ...over,
});

const root = link({ id: 'r', assignmentNumber: 7 });

describe('a chain as one ToegewezenProduct', () => {
  it('is a first issue without a reason, with its own decision moment', () => {
    const [chain] = buildChains([root]);
    expect(chainAssignment(chain!)).toEqual({ assignmentNumber: 7, startOn: '2025-01-01', endOn: '2025-06-30', changeReason: null, decidedAt: root.assignedAt, voided: false });
  });

  it("runs from the root's start to the extension's end, with the extension's reason and moment", () => {
    const extension = link({ id: 'e', extendsProvisionId: 'r', startOn: '2025-07-01', endOn: '2025-12-31', changeReason: '04', assignedAt: at('2025-06-01T10:15:30Z') });
    const [chain] = buildChains([extension, { ...root, version: 2 }]);
    expect(chain!.links.map((l) => l.id)).toEqual(['r', 'e']);
    expect(chainAssignment(chain!)).toMatchObject({ assignmentNumber: 7, startOn: '2025-01-01', endOn: '2025-12-31', changeReason: '04', decidedAt: extension.assignedAt });
  });

  it('falls back to the earlier end when an extension is undone, as an administrative correction (14)', () => {
    const undone = link({ id: 'e', extendsProvisionId: 'r', startOn: '2025-07-01', endOn: '2025-12-31', voided: true, changeReason: '13', assignedAt: at('2025-06-02T08:00:00Z'), version: 2, sentVersion: 1 });
    const [chain] = buildChains([root, undone]);
    expect(standingLinks(chain!).map((l) => l.id)).toEqual(['r']);
    expect(chainAssignment(chain!)).toMatchObject({ endOn: '2025-06-30', changeReason: '14', decidedAt: undone.assignedAt, voided: false });
  });

  it('ignores an extension undone before any 301 carried it: the provider never heard of it', () => {
    const undone = link({ id: 'e', extendsProvisionId: 'r', startOn: '2025-07-01', endOn: '2025-12-31', voided: true, changeReason: '13', assignedAt: at('2025-06-02T08:00:00Z'), version: 2, sentVersion: null });
    const [chain] = buildChains([root, undone]);
    expect(chainAssignment(chain!)).toMatchObject({ endOn: '2025-06-30', changeReason: null, decidedAt: root.assignedAt });
  });

  it('follows a second extension after an undone one', () => {
    const undone = link({ id: 'e1', extendsProvisionId: 'r', startOn: '2025-07-01', endOn: '2025-12-31', voided: true, assignedAt: at('2025-06-02T08:00:00Z'), sentVersion: 1 });
    const again = link({ id: 'e2', extendsProvisionId: 'r', startOn: '2025-07-01', endOn: '2025-09-30', changeReason: '04', assignedAt: at('2025-06-03T08:00:00Z') });
    const [chain] = buildChains([again, root, undone]);
    expect(standingLinks(chain!).map((l) => l.id)).toEqual(['r', 'e2']);
    expect(chainAssignment(chain!)).toMatchObject({ endOn: '2025-09-30', changeReason: '04' });
  });

  it('is voided as a whole when its root is: end on the start, reason 13 (CS335)', () => {
    const voided = { ...root, voided: true, changeReason: '13', assignedAt: at('2025-02-01T12:00:00Z') };
    const [chain] = buildChains([voided]);
    const assignment = chainAssignment(chain!);
    expect(assignment).toMatchObject({ startOn: '2025-01-01', endOn: '2025-01-01', changeReason: '13', voided: true });
    expect(isCurrent(assignment, '2024-12-01')).toBe(false);
  });

  it('keeps the reason of an early end and is current until its end', () => {
    const ended = { ...root, endOn: '2025-03-31', changeReason: '05', assignedAt: at('2025-03-01T12:00:00Z') };
    const assignment = chainAssignment(buildChains([ended])[0]!);
    expect(assignment).toMatchObject({ endOn: '2025-03-31', changeReason: '05' });
    expect(isCurrent(assignment, '2025-03-31')).toBe(true);
    expect(isCurrent(assignment, '2025-04-01')).toBe(false);
    expect(isCurrent({ ...assignment, endOn: null }, '2099-01-01')).toBe(true);
  });

  it('has changed while any link moved on from the version last sent', () => {
    const [sent] = buildChains([{ ...root, sentVersion: 1 }]);
    expect(chainChanged(sent!)).toBe(false);
    const [never] = buildChains([root]);
    expect(chainChanged(never!)).toBe(true);
    const [refused] = buildChains([{ ...root, sentVersion: 0 }]);
    expect(chainChanged(refused!)).toBe(true);
    const [extended] = buildChains([{ ...root, version: 2, sentVersion: 1 }, link({ id: 'e', extendsProvisionId: 'r', sentVersion: null })]);
    expect(chainChanged(extended!)).toBe(true);
  });
});

describe('dateAndTimeInNetherlands', () => {
  it('writes the moment in Dutch time, summer and winter', () => {
    expect(dateAndTimeInNetherlands(at('2025-07-01T22:30:05Z'))).toEqual({ date: '2025-07-02', time: '00:30:05' });
    expect(dateAndTimeInNetherlands(at('2025-01-15T08:00:00Z'))).toEqual({ date: '2025-01-15', time: '09:00:00' });
  });
});
