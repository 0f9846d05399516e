// `retention list`: the daily retention job by hand; lists the clients whose term has passed.
import { parseArgs } from 'node:util';
import { isIsoDate, todayInNetherlands } from '../../lib/dates';
import { Invalid } from '../../lib/errors';
import { listDueForRetention } from '../../modules/retention/retention.service';
import type { CommandContext } from '../command';

export async function retentionList({ database, organisationId, args }: CommandContext): Promise<number> {
  const { values } = parseArgs({ args, options: { today: { type: 'string' } }, strict: true });
  const today = values.today ?? todayInNetherlands();
  if (!isIsoDate(today)) throw new Invalid([{ path: '--today', message: 'Vul een datum in als JJJJ-MM-DD' }]);
  const result = await listDueForRetention(database.db, organisationId, today, { onBehalfOf: 'opdrachtregel' });
  console.log(`Bewaartermijn ${result.retentionYears} jaar: ${result.listed} ${result.listed === 1 ? 'cliënt' : 'cliënten'} nieuw op de lijst "te beoordelen".`);
  return 0;
}
