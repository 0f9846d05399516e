// The analyst's reports taken together: every variant the analyst can fetch over HTTP (the year
// and 1 January up to each quarter, for the organisation and every team, JSON and CSV; the ZRM
// report for the organisation and every team; the Uitstroom report for the organisation and every
// team, JSON and CSV), for three consecutive years, attacked at once by an attacker that knows every
// identity of the report definitions (tests/support/small-number-attack.ts), including the one that
// links the Uitstroom report to the annual report (the cases over three months at a month end are
// among the open cases then). No suppressed cell and no count of 1–4 may follow, and no published
// count may be 1–4. Once on the shared sample history and once on a crafted history full of small
// cells, whose last cases are still open today: there the Cijfers page (today's open cases are the
// last year's end) joins the attack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { vacuumAnalyze, type Database } from '../../src/server/db/database';
import { validateAndImport } from '../../src/server/modules/exchange/exchange.service';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { reportLabels, loadReportCodeLists } from '../../src/server/modules/reports/annual-report';
import { renderReportCsv } from '../../src/server/modules/reports/report-csv';
import type { AnnualReport, PublishedAnnualReport } from '../../src/server/modules/reports/reports.schemas';
import type { FlowReport, PublishedFlowReport } from '../../src/server/modules/reports/flow-report.schemas';
import { buildFlowTables } from '../../src/server/modules/reports/flow-tables';
import { renderTablesCsv } from '../../src/server/modules/reports/report-csv';
import { teamFigures } from '../../src/server/modules/worklists/worklists.service';
import type { PublishedTeamFigures } from '../../src/server/modules/worklists/worklists.schemas';
import type { Actor } from '../../src/server/access/actor';
import type { FlowVariant } from '../support/flow-attack';
import type { PublishedZrmReport, ZrmReport } from '../../src/server/modules/zrm/zrm.schemas';
import { TEST_USERS } from '../support/fixtures';
import { openSampleDatabase } from '../support/sample';
import { FamilyAttack, type AnnualVariant, type AttackResult, type FiguresVariant, type ZrmVariant } from '../support/small-number-attack';
import { loginByEmail, openTestDatabase, type Session } from '../support/test-app';
import { craftedHistory } from '../support/crafted-history';

interface Installation {
  database: Database;
  organisationId: string;
  app: FastifyInstance;
  analyst: Session;
  quality: Session;
  close(): Promise<void>;
}

async function install(database: Database, drop: () => Promise<void>): Promise<Installation> {
  const organisationId = (await findOrganisationId(database.db))!;
  const app = await buildApp({ db: database.db, config: { ...readConfig({}), logLevel: 'silent' }, databaseKind: database.kind });
  await app.ready();
  const [analyst, quality] = await Promise.all([loginByEmail(app, TEST_USERS.analyst.email, 'analyst'), loginByEmail(app, TEST_USERS.quality.email, 'quality')]);
  return {
    database,
    organisationId,
    app,
    analyst,
    quality,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/**
 * Every variant of the years, as the analyst (published) and as kwaliteit (exact) receive them;
 * the CSV of each variant of `csvYear` checked against its JSON (it is rendered from the same object).
 */
async function fetchFamily(at: Installation, years: number[], csvYear: number): Promise<Family> {
  const reference = await at.analyst.get<{ teams: { id: string; code: string }[] }>('/api/v1/reference');
  const teams = reference.teams.map((t) => t.code);
  const codeLists = await loadReportCodeLists(at.database.db, at.organisationId);
  const labels = reportLabels(codeLists);
  const annual: AnnualVariant[] = [];
  const zrm: ZrmVariant[] = [];
  const flow = new Map<number, FlowVariant[]>();
  for (const year of years) {
    const flowOfYear: FlowVariant[] = [];
    flow.set(year, flowOfYear);
    for (const team of [null, ...teams]) {
      for (const quarter of [1, 2, 3, 4] as const) {
        const query = `year=${year}${quarter < 4 ? `&quarter=${quarter}` : ''}${team ? `&team=${team}` : ''}`;
        const published = await at.analyst.get<PublishedAnnualReport>(`/api/v1/reports/annual?${query}`);
        const exact = await at.quality.get<AnnualReport>(`/api/v1/reports/annual?${query}`);
        expect(published.suppression, query).toBeDefined();
        expect(exact).not.toHaveProperty('suppression');
        if (year === csvYear) {
          const csv = (await at.analyst.request('GET', `/api/v1/reports/annual.csv?${query}`)).body;
          // The CSV holds exactly the figures of the JSON, suppressed ones as their markers.
          expect(csv, query).toBe(renderReportCsv(published, labels, { quarter: quarter < 4 ? quarter : undefined, team: team ?? undefined }));
        }
        annual.push({ year, quarter, team, published, exact });
      }
      const query = `year=${year}${team ? `&team=${team}` : ''}`;
      zrm.push({ year, team, published: await at.analyst.get<PublishedZrmReport>(`/api/v1/reports/zrm?${query}`), exact: await at.quality.get<ZrmReport>(`/api/v1/reports/zrm?${query}`) });
      // A team's Uitstroom report is a slice of the organisation's (which holds every team's figures,
      // the same cells): the teams' are fetched for the CSV year only, to keep the test short.
      if (team && year !== csvYear) continue;
      const flowPublished = await at.analyst.get<PublishedFlowReport>(`/api/v1/reports/flow?${query}`);
      expect(flowPublished.suppression, `flow ${query}`).toBeDefined();
      if (year === csvYear) {
        const csv = (await at.analyst.request('GET', `/api/v1/reports/flow.csv?${query}`)).body;
        const model = buildFlowTables(flowPublished, { teams: codeLists.teams, codes: codeLists.lists });
        expect(csv, `flow ${query}`).toBe(renderTablesCsv(model.title, model.suppression, model.tables));
      }
      flowOfYear.push({ team, published: flowPublished, exact: await at.quality.get<FlowReport>(`/api/v1/reports/flow?${query}`) });
    }
  }
  // The Cijfers page, by team code: as the analyst gets it, and exact.
  const codeOf = new Map(reference.teams.map((team) => [team.id, team.code]));
  const byCode = (figures: PublishedTeamFigures) => Object.fromEntries(figures.teams.map(({ teamId, teamName: _name, ...row }) => [codeOf.get(teamId)!, row]));
  const actor: Actor = { organisationId: at.organisationId, userId: at.organisationId, role: 'analist', teamId: null, name: 'Analist', emergencyClientIds: [] };
  const figures = { published: byCode(await at.analyst.get<PublishedTeamFigures>('/api/v1/work/figures')), exact: byCode(await teamFigures(at.database.db, actor)) };
  return { annual, zrm, flow, figures, teams };
}

interface Family {
  annual: AnnualVariant[];
  zrm: ZrmVariant[];
  flow: Map<number, FlowVariant[]>;
  figures: FiguresVariant;
  teams: string[];
}

/** `todaysStock`: the date whose stock of open cases the Cijfers page shows, when it is among the years attacked. */
function attack(family: Family, todaysStock?: string): AttackResult {
  const attacker = new FamilyAttack();
  attacker.addAnnual(family.annual);
  attacker.addZrm(family.zrm);
  for (const [year, variants] of family.flow) attacker.addFlow(year, variants);
  if (todaysStock) attacker.addFigures(family.figures, family.teams, todaysStock);
  return attacker.run();
}

/** A readable list of what the attacker found, for the failure message. */
function describeLeaks(result: AttackResult): string {
  return result.leaks
    .slice(0, 15)
    .map((leak) => `${leak.cell} = ${leak.exact} (${leak.why}; ${leak.where.slice(0, 3).join(', ')})`)
    .join('\n');
}

function expectNoLeaks(result: AttackResult): void {
  expect(result.wrong).toEqual([]);
  expect(result.smallPublished).toEqual([]);
  expect(result.leaks.length, `${result.leaks.length} leaks, e.g.:\n${describeLeaks(result)}`).toBe(0);
}

describe('the analyst’s reports of the sample history, all variants of 2015–2017 together', () => {
  let at: Installation;
  beforeAll(async () => {
    const { database, drop } = await openSampleDatabase();
    at = await install(database, drop);
  }, 300_000);
  afterAll(async () => at?.close());

  it('give away no suppressed cell and no small count', async () => {
    const family = await fetchFamily(at, [2015, 2016, 2017], 2016);
    const result = attack(family);
    // The attacker has work to do: thousands of suppressed and unpublished cells.
    expect(result.unknowns).toBeGreaterThan(1000);
    expectNoLeaks(result);
  }, 1_800_000);
});

describe('the analyst’s reports of a crafted history with small cells in every table', () => {
  let at: Installation;
  beforeAll(async () => {
    const { database, drop } = await openTestDatabase();
    const organisationId = (await findOrganisationId(database.db))!;
    const result = await validateAndImport(database.db, organisationId, craftedHistory(2021), { write: true, userId: null });
    expect(result.allProblems).toEqual([]);
    await vacuumAnalyze(database, { afterBulkLoad: true });
    at = await install(database, drop);
  }, 300_000);
  afterAll(async () => at?.close());

  it('give away no suppressed cell and no small count', async () => {
    const family = await fetchFamily(at, [2020, 2021, 2022], 2021);
    // Nothing happened after 20 January 2022: today's open cases are those at the end of 2022.
    const result = attack(family, '2023-01-01');
    expect(result.unknowns).toBeGreaterThan(100);
    expectNoLeaks(result);
  }, 1_800_000);
});
