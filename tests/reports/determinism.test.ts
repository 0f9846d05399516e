// Figures that do not depend on chance (shared/spec/reports.md: "two installations that import the
// same history must print the same report"): the same history imported into two empty
// installations prints every report byte for byte the same: the annual report for every year of
// the data, every quarter, the organisation and every team, exact and as the analyst gets it
// (small numbers suppressed), as JSON and as CSV; the ZRM report for every year and team; the
// Uitstroom report for every year and team, exact and for the analyst, JSON and CSV; Cijfers. The
// second installation imports the rows in the opposite order (zrm.csv excepted: its order is a
// rule), so the rows come back in another order and with other ids.
// On the sample (five years) a team's quarterly reports are left out, to keep the test short: they
// run the same queries as the team's annual report with another end date (184 report computations
// per installation instead of 760); the crafted history has them all. Likewise the teams' Uitstroom
// reports of the sample are printed for 2016 only (the organisation's every year): the sample has no
// maatwerk, and the organisation's report holds every team's figures; the maatwerk history has them all.
//
// Histories: the shared sample, and tests/support/tied-history.ts, where every team has a client
// with same-day assessments whose scores differ. With a random id deciding between them, a team's
// ZRM report differs between two imports with probability 3/4, so this test passes by luck with
// probability (1/4)^18 < 1e-10; and the rule check below (first nulmeting, last later assessment
// of the day, as recorded) passes by luck with the same probability. Into the same installations
// goes tests/support/flow-history.ts (maatwerk: registrations with every triage outcome,
// beschikkingen, toewijzingen and their starts, written in the opposite order in the second): a
// report that takes the first row instead of the earliest date differs in most teams (checked by
// breaking flow-rules.ts that way: 50 of the 76 Uitstroom prints differed).
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { teams } from '../../src/server/db/schema';
import { readConfig } from '../../src/server/config';
import type { Actor } from '../../src/server/access/actor';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { readExchangeFolder, validateAndImport } from '../../src/server/modules/exchange/exchange.service';
import { loadReportCodeLists, publishAnnualReport, reportLabels } from '../../src/server/modules/reports/annual-report';
import { renderReportCsv, renderTablesCsv } from '../../src/server/modules/reports/report-csv';
import { publishFlowReport } from '../../src/server/modules/reports/flow-report';
import { buildFlowTables } from '../../src/server/modules/reports/flow-tables';
import type { Db } from '../../src/server/db/database';
import { publishZrmReport } from '../../src/server/modules/zrm/zrm-report';
import { teamFigures } from '../../src/server/modules/worklists/worklists.service';
import type { ZrmReport } from '../../src/server/modules/zrm/zrm.schemas';
import type { FlowReport } from '../../src/server/modules/reports/flow-report.schemas';
import codesFile from '../../src/server/modules/reference/codes.json' with { type: 'json' };
import { openTestDatabase } from '../support/test-app';
import { SAMPLE } from '../support/paths';
import { expectedPair, TIED_YEAR, tiedHistory } from '../support/tied-history';
import { FLOW_YEAR, insertFlowHistory } from '../support/flow-history';

/** Every year from the first registration to the last closing in cases.csv. */
function yearsOf(casesCsv: string): number[] {
  const years = [...casesCsv.matchAll(/\b(\d{4})-\d{2}-\d{2}\b/g)].map((m) => Number(m[1]));
  const years0 = Math.min(...years);
  return Array.from({ length: Math.max(...years) - years0 + 1 }, (_, i) => years0 + i);
}

const ROLES = [
  ['exact', null],
  ['analist', readConfig({}).smallNumbers],
] as const;

/**
 * The Uitstroom report of the year for the organisation and every team, exact and as the analyst
 * gets it, as JSON and as CSV (what computeFlowReportCsv sends, rendered from the same object).
 */
async function printFlowReports(db: Db, organisationId: string, year: number, teamCodes: readonly string[], printed: Map<string, string>): Promise<void> {
  const codeLists = await loadReportCodeLists(db, organisationId);
  for (const team of [undefined, ...teamCodes]) {
    for (const [role, smallNumbers] of ROLES) {
      const name = `flow ${year} ${team ?? 'organisatie'} ${role}`;
      const report = await publishFlowReport(db, organisationId, { year, teamCode: team }, smallNumbers);
      printed.set(`${name} json`, JSON.stringify(report));
      const model = buildFlowTables(report, { teams: codeLists.teams, codes: codeLists.lists });
      printed.set(`${name} csv`, renderTablesCsv(model.title, model.suppression, model.tables));
    }
  }
}

/** The files with their rows in the opposite order, except zrm.csv (whose order decides between assessments of a day). */
function reversedRows(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => {
      if (name === 'zrm.csv') return [name, text];
      const [header, ...rows] = text.replace(/\n$/, '').split('\n');
      return [name, `${[header, ...rows.reverse()].join('\n')}\n`];
    }),
  );
}

/**
 * Imports the history into a new empty installation and prints every report: name → bytes.
 * `reversed`: the rows in the opposite order (another physical order, and other ids); `flowHistory`:
 * with the maatwerk of tests/support/flow-history.ts added (in the same order); `flowTeamYears`:
 * the years whose Uitstroom report is printed for every team too (the organisation's every year).
 */
async function printEveryReport(
  files: Record<string, string>,
  options: { teamQuarters: boolean; reversed: boolean; flowHistory?: boolean; flowTeamYears?: readonly number[] },
): Promise<Map<string, string>> {
  const { database, drop } = await openTestDatabase();
  try {
    const db = database.db;
    const organisationId = (await findOrganisationId(db))!;
    const imported = await validateAndImport(db, organisationId, options.reversed ? reversedRows(files) : files, { write: true, userId: null });
    expect(imported.allProblems).toEqual([]);
    if (options.flowHistory) await insertFlowHistory(db, organisationId, { reversed: options.reversed });
    const teamCodes = (await db.select({ code: teams.code }).from(teams).where(eq(teams.organisationId, organisationId))).map((t) => t.code).sort();
    const labels = reportLabels(await loadReportCodeLists(db, organisationId));
    const roles = ROLES;
    const printed = new Map<string, string>();
    for (const year of yearsOf(files['cases.csv']!)) {
      await printFlowReports(db, organisationId, year, !options.flowTeamYears || options.flowTeamYears.includes(year) ? teamCodes : [], printed);
      for (const team of [undefined, ...teamCodes]) {
        for (const quarter of team && !options.teamQuarters ? [undefined] : [undefined, 1, 2, 3, 4]) {
          for (const [role, smallNumbers] of roles) {
            const name = `annual ${year}${quarter ? ` K${quarter}` : ''} ${team ?? 'organisatie'} ${role}`;
            const report = await publishAnnualReport(db, organisationId, { year, quarter, teamCode: team }, smallNumbers);
            printed.set(`${name} json`, JSON.stringify(report));
            // What computeAnnualReportCsv sends, without computing the report a second time.
            printed.set(`${name} csv`, renderReportCsv(report, labels, { quarter, team }));
          }
        }
        for (const [role, smallNumbers] of roles) {
          printed.set(`zrm ${year} ${team ?? 'organisatie'} ${role}`, JSON.stringify(await publishZrmReport(db, organisationId, { year, teamCode: team }, smallNumbers)));
        }
      }
    }
    const analyst: Actor = { organisationId, userId: organisationId, role: 'analist', teamId: null, name: 'Analist', emergencyClientIds: [] };
    printed.set('cijfers', JSON.stringify(await teamFigures(db, analyst)));
    return printed;
  } finally {
    await drop();
  }
}

function differences(first: Map<string, string>, second: Map<string, string>): string[] {
  const names = new Set([...first.keys(), ...second.keys()]);
  return [...names].filter((name) => first.get(name) !== second.get(name));
}

describe('the same history in two empty installations', () => {
  it('prints every report of the sample byte for byte the same', async () => {
    const files = await readExchangeFolder(path.join(SAMPLE, 'data'));
    const first = await printEveryReport(files, { teamQuarters: false, reversed: false, flowTeamYears: [2016] });
    const second = await printEveryReport(files, { teamQuarters: false, reversed: true, flowTeamYears: [2016] });
    // Per year: 5 organisation reports and 18 team reports, 2 roles, JSON and CSV; 19 ZRM reports, 2 roles;
    // the organisation's Uitstroom report, 2 roles, JSON and CSV (in 2016 the 18 teams' too); and Cijfers.
    expect(first.size).toBe(yearsOf(files['cases.csv']!).length * ((5 + 18) * 2 * 2 + 19 * 2 + 2 * 2) + 18 * 2 * 2 + 1);
    expect(differences(first, second)).toEqual([]);
  }, 600_000);

  it('prints every report of a history with same-day assessments byte for byte the same, by the recorded order', async () => {
    const files = tiedHistory();
    const first = await printEveryReport(files, { teamQuarters: true, reversed: false, flowHistory: true });
    const second = await printEveryReport(files, { teamQuarters: true, reversed: true, flowHistory: true });
    expect(differences(first, second)).toEqual([]);

    // The maatwerk history has every part of the Uitstroom report in it, for the organisation and for a team.
    for (const scope of ['organisatie', 'west']) {
      const { total } = JSON.parse(first.get(`flow ${FLOW_YEAR} ${scope} exact json`)!) as FlowReport;
      expect(Object.values(total.triage).every((counts) => counts.year > 0), scope).toBe(true);
      expect([total.toDecision.fromRegistration.n.year, total.toStart.fromFirstMeeting.n.year, total.toMaatwerk.met.year, total.toMaatwerk.granted.year], scope).not.toContain(0);
      expect(total.waitingForStart.months[11], scope).toBeGreaterThan(0);
      expect(total.overThreeMonths.months[11], scope).toBeGreaterThan(0);
    }

    // The order decides as the rule says: the first recorded nulmeting of the earliest day, the
    // last recorded periodiek/eind of the latest day.
    const outcomes = codesFile.teams.map((team) => {
      const report = JSON.parse(first.get(`zrm ${TIED_YEAR} ${team.code} exact`)!) as ZrmReport;
      const { n, mean_start, mean_latest } = report.domains.financien!;
      return { team: team.code, n, start: mean_start, latest: mean_latest };
    });
    expect(outcomes).toEqual(codesFile.teams.map((team, i) => ({ team: team.code, n: 1, ...expectedPair(i) })));
  }, 600_000);
});
