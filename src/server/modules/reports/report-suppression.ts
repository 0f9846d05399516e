// Publishing a report with suppressed cells, and the family of the ZRM progress report: the
// organisation's report and every team's (docs/small-numbers.md). Per life domain the number of
// clients is a count: the teams' add up to the organisation's (nearly: a client counted for the
// organisation is almost always counted for exactly one team; taken as adding up). The means are
// shown over at least minObservations clients; a mean times its number of clients is the sum of
// the scores, and the teams' sums add up to the organisation's, so a hidden mean must not follow
// from the others either: then the statistics of a further team are hidden (secondary).
// Pure: no I/O. The annual report's family is in annual-family.ts.
import type { PublishedZrmReport, ZrmReport } from '../zrm/zrm.schemas';
import { FamilyModel, suppressFamily } from './family-suppression';
import type { SuppressionInfo } from './reports.schemas';
import { pointer, setAtPointer, tooFewObservations, type SmallNumberSettings, type SuppressionReason } from './small-numbers';

/** The report with every marked cell null and the reasons in `suppression` (sorted by address). */
export function publishWithMarks<T extends object, P>(report: T, marks: ReadonlyMap<string, SuppressionReason>, settings: SmallNumberSettings): P {
  const published = structuredClone(report) as T & { suppression: SuppressionInfo };
  const cells: Record<string, SuppressionReason> = {};
  for (const [at, reason] of [...marks].sort(([a], [b]) => a.localeCompare(b))) {
    setAtPointer(published, at, null);
    cells[at] = reason;
  }
  published.suppression = { min_count: settings.minCount, min_observations: settings.minObservations, cells };
  return published as P;
}

const ORG = 'org';
const ZRM_STATISTICS = ['mean_start', 'mean_latest', 'mean_change', 'p_value', 'p_wilcoxon', 'p_pratt'] as const;

export interface ZrmFamilySuppression {
  publish(teamCode: string | null): PublishedZrmReport;
}

/** `reports`: the organisation's report (key null) and every team's (by team code). */
export function suppressZrmFamily(reports: ReadonlyMap<string | null, ZrmReport>, settings: SmallNumberSettings): ZrmFamilySuppression {
  const model = new FamilyModel();
  /** Per scope and domain: the number of clients, and the sums of the start and latest scores. */
  const cells = new Map<string, { n: number; sums: number[] }>();
  for (const [team, report] of reports) {
    const scope = team ?? ORG;
    for (const [domain, result] of Object.entries(report.domains)) {
      const name = `${scope}|${domain}`;
      const n = model.add(`${name}|n`, { kind: 'count', value: result.n });
      const sums = [['start_sum', result.mean_start], ['latest_sum', result.mean_latest]].map(([sum, mean]) =>
        result.n === 0 || mean === null
          ? model.add(`${name}|${sum}`, { kind: 'fixed', value: 0, hidden: false })
          : model.add(`${name}|${sum}`, { kind: 'derived', value: Math.round((mean as number) * result.n), dependsOn: [n], hidden: tooFewObservations(result.n, settings.minObservations), protect: true }),
      );
      cells.set(name, { n, sums });
    }
  }
  const teams = [...reports.keys()].filter((team): team is string => team !== null);
  for (const domain of Object.keys(reports.get(null)!.domains)) {
    const members = teams.map((team) => cells.get(`${team}|${domain}`)).filter((c) => c !== undefined);
    const org = cells.get(`${ORG}|${domain}`)!;
    model.sum(org.n, members.map((c) => c.n));
    org.sums.forEach((sum, i) => model.equation([[sum, -1], ...members.map((c) => [c.sums[i]!, 1] as const)]));
  }
  const marks = suppressFamily(model, settings.minCount);
  return {
    publish(teamCode) {
      const report = reports.get(teamCode)!;
      const scope = teamCode ?? ORG;
      const reasons = new Map<string, SuppressionReason>();
      for (const [domain, result] of Object.entries(report.domains)) {
        const { n, sums } = cells.get(`${scope}|${domain}`)!;
        const nMark = marks.get(n);
        if (nMark) reasons.set(pointer('domains', domain, 'n'), nMark);
        const reason: SuppressionReason | null = tooFewObservations(result.n, settings.minObservations) ? 'few_observations' : sums.some((sum) => marks.has(sum)) ? 'secondary' : null;
        if (reason === null) continue;
        for (const statistic of ZRM_STATISTICS) if (result[statistic] !== null) reasons.set(pointer('domains', domain, statistic), reason);
      }
      return publishWithMarks<ZrmReport, PublishedZrmReport>(report, reasons, settings);
    },
  };
}
