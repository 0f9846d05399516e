// `npm start`: migrate, ensure the organisation, add the demo organisation's content on an empty
// database, and serve the API and the web app.
import { readConfig } from './config';
import { bootstrap, VERSION } from './bootstrap';
import { buildApp } from './app';
import { ensureDemo } from './demo/demo.seed';
import { refreshPlannerStatistics } from './db/database';
import { listDueForRetention } from './modules/retention/retention.service';

const config = readConfig();
const { database, organisationId } = await bootstrap(config);
const demo = config.demo ? await ensureDemo(database.db, organisationId) : { created: false as const };
await refreshPlannerStatistics(database, { afterBulkLoad: demo.created });
const statisticsTimer = setInterval(() => void refreshPlannerStatistics(database).catch((err) => app.log.error({ err }, 'analyze failed')), 3600_000);
statisticsTimer.unref();
const app = await buildApp({ db: database.db, config, databaseKind: database.kind, version: VERSION });
// The daily retention job: at start and every 24 hours it lists the clients whose term has passed.
const retentionJob = () => void listDueForRetention(database.db, organisationId).catch((err) => app.log.error({ err }, 'retention job failed'));
retentionJob();
const retentionTimer = setInterval(retentionJob, 86_400_000);
retentionTimer.unref();

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  clearInterval(statisticsTimer);
  clearInterval(retentionTimer);
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded database in ${config.dataDir}`;
console.log(`\nKeukentafel draait op http://localhost:${config.port} met de ${where}.`);
if (demo.created) {
  console.log(`Demo-organisatie aangemaakt: ${demo.cases} casussen. Inloggen met wachtwoord "${demo.password}":`);
  for (const user of demo.users) console.log(`  ${user.role.padEnd(11)} ${user.email}`);
}
