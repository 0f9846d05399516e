import { partialMatchKey, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { caseCaches, caseFileViews, caseViews, queryKeys } from './query-keys';

/** Every key the factory makes, with sample arguments, by its path in `queryKeys`. */
function allKeys(node: unknown = queryKeys, path = 'queryKeys'): [string, QueryKey][] {
  if (Array.isArray(node)) return [[path, node]];
  if (typeof node === 'function') {
    const args = Array.from({ length: node.length }, (_, i) => (i === 0 ? 'id-1' : 7));
    return [[path, (node as (...a: unknown[]) => QueryKey)(...args)]];
  }
  return Object.entries(node as Record<string, unknown>).flatMap(([name, child]) => allKeys(child, `${path}.${name}`));
}

const refreshes = (keys: QueryKey[], key: QueryKey) => keys.some((k) => partialMatchKey(key, k));

describe('query keys', () => {
  it('start with their resource, so one short key refreshes all of a resource', () => {
    const byResource = new Map<string, Set<unknown>>();
    for (const [path, key] of allKeys()) {
      const resource = path.split('.')[1]!;
      byResource.set(resource, (byResource.get(resource) ?? new Set()).add(key[0]));
    }
    for (const [resource, firsts] of byResource) expect([...firsts], resource).toHaveLength(1);
    const roots = [...byResource.values()].map((s) => [...s][0]);
    expect(new Set(roots).size).toBe(roots.length);
  });

  it('are unique', () => {
    const hashes = allKeys().map(([, key]) => JSON.stringify(key));
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('let a change to a case refresh the lists, Mijn dag, the client pages and what is due', () => {
    const views = caseViews();
    for (const key of [queryKeys.work.mine, queryKeys.work.team, queryKeys.work.figures, queryKeys.work.dashboard, queryKeys.clients.detail('c'), queryKeys.zrm.ofCase('k'), queryKeys.reports.annual(2026, null, null)]) {
      expect(refreshes(views, key), JSON.stringify(key)).toBe(true);
    }
    // Never the detail itself (the action's answer replaces it) nor the parts of another case's file.
    expect(refreshes(views, queryKeys.cases.detail('k'))).toBe(false);
    expect(refreshes(views, queryKeys.journal.ofCase('k'))).toBe(false);
  });

  it('name every cached part of a case, for when it goes out of sight', () => {
    const caches = caseCaches('k');
    for (const key of [queryKeys.cases.detail('k'), queryKeys.plans.comparison('k', 1, 2), queryKeys.journal.ofCase('k'), queryKeys.network.ofCase('k'), queryKeys.zrm.ofCase('k')]) {
      expect(refreshes(caches, key), JSON.stringify(key)).toBe(true);
    }
    expect(refreshes(caches, queryKeys.cases.detail('other'))).toBe(false);
    expect(refreshes(caseFileViews('k'), queryKeys.plans.ofCase('k'))).toBe(true);
  });
});
