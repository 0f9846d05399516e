// `report zrm --year YYYY [--team CODE] --format json`: the ZRM progress report on stdout.
import { parseArgs } from 'node:util';
import { Invalid } from '../../lib/errors';
import { computeZrmReport } from '../../modules/zrm/zrm-report';
import { zrmReportQuery } from '../../modules/zrm/zrm.schemas';
import type { CommandContext } from '../command';

export async function reportZrm({ database, organisationId, args }: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { year: { type: 'string' }, team: { type: 'string' }, format: { type: 'string', default: 'json' } },
    strict: true,
  });
  const parsed = zrmReportQuery.safeParse({ year: values.year, team: values.team });
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: `--${issue.path.join('.')}`, message: issue.message }));
  if (values.format !== 'json') problems.push({ path: '--format', message: 'Kies json' });
  if (!parsed.success || problems.length > 0) throw new Invalid(problems);
  const report = await computeZrmReport(database.db, organisationId, { year: parsed.data.year, teamCode: parsed.data.team });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}
