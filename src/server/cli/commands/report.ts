// `report annual --year YYYY [--quarter Q] [--team CODE] --format json|csv`: the annual report on stdout.
// `report flow --year YYYY [--team CODE] --format json|csv`: the report "Uitstroom" on stdout.
import { parseArgs } from 'node:util';
import { Invalid } from '../../lib/errors';
import { computeAnnualReport, computeAnnualReportCsv } from '../../modules/reports/annual-report';
import { reportQuery } from '../../modules/reports/reports.schemas';
import { computeFlowReport, computeFlowReportCsv } from '../../modules/reports/flow-report';
import { flowReportQuery } from '../../modules/reports/flow-report.schemas';
import type { CommandContext } from '../command';

export async function reportAnnual({ database, organisationId, args }: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { year: { type: 'string' }, quarter: { type: 'string' }, team: { type: 'string' }, format: { type: 'string', default: 'json' } },
    strict: true,
  });
  const parsed = reportQuery.safeParse({ year: values.year, quarter: values.quarter, team: values.team });
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: `--${issue.path.join('.')}`, message: issue.message }));
  if (values.format !== 'json' && values.format !== 'csv') problems.push({ path: '--format', message: 'Kies json of csv' });
  if (!parsed.success || problems.length > 0) throw new Invalid(problems);
  const options = { year: parsed.data.year, quarter: parsed.data.quarter, teamCode: parsed.data.team };
  if (values.format === 'csv') process.stdout.write(await computeAnnualReportCsv(database.db, organisationId, options));
  else process.stdout.write(`${JSON.stringify(await computeAnnualReport(database.db, organisationId, options), null, 2)}\n`);
  return 0;
}

/** Exact figures, like the annual report's: the command line runs inside the organisation. */
export async function reportFlow({ database, organisationId, args }: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { year: { type: 'string' }, team: { type: 'string' }, format: { type: 'string', default: 'json' } },
    strict: true,
  });
  const parsed = flowReportQuery.safeParse({ year: values.year, team: values.team });
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: `--${issue.path.join('.')}`, message: issue.message }));
  if (values.format !== 'json' && values.format !== 'csv') problems.push({ path: '--format', message: 'Kies json of csv' });
  if (!parsed.success || problems.length > 0) throw new Invalid(problems);
  const options = { year: parsed.data.year, teamCode: parsed.data.team };
  if (values.format === 'csv') process.stdout.write(await computeFlowReportCsv(database.db, organisationId, options));
  else process.stdout.write(`${JSON.stringify(await computeFlowReport(database.db, organisationId, options), null, 2)}\n`);
  return 0;
}
