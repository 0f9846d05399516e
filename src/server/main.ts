// `npm start`: migrate, ensure the organisation, add the demo organisation's content on an empty
// database, and serve the API and the web app: in this process, or with KEUKENTAFEL_PROCESSES=n in
// n worker processes sharing the port (cluster.ts), each of which runs this file again.
import cluster from 'node:cluster';
import { readConfig } from './config';
import { bootstrap, VERSION } from './bootstrap';
import { buildApp } from './app';
import { clusterLog, errorFields, runCluster } from './cluster';
import { ensureDemo } from './demo/demo.seed';
import { openDatabase, openReadOnlyDatabase, vacuumAnalyze, type Database } from './db/database';
import { listDueForRetention } from './modules/retention/retention.service';
import { pruneRateLimits } from './lib/rate-limit';

const config = readConfig();

/**
 * The hourly VACUUM ANALYZE and pruning of ended rate-limit windows, and the daily retention job (at
 * start, then every 24 hours). They run in one process only: the single server, or the cluster's primary.
 */
function startBackgroundJobs(database: Database, organisationId: string, onError: (error: unknown, job: string) => void): () => void {
  const hourly = () => {
    void pruneRateLimits(database.db, new Date(Date.now() - 86_400_000)).catch((err) => onError(err, 'rate-limit pruning'));
    void vacuumAnalyze(database).catch((err) => onError(err, 'vacuum analyze'));
  };
  const statistics = setInterval(hourly, 3600_000);
  const retention = () => void listDueForRetention(database.db, organisationId).catch((err) => onError(err, 'retention job'));
  retention();
  const daily = setInterval(retention, 86_400_000);
  statistics.unref();
  daily.unref();
  return () => {
    clearInterval(statistics);
    clearInterval(daily);
  };
}

/** Builds the app (reports on the replica, if one is configured), listens, and stops cleanly on SIGTERM/SIGINT. */
async function serve(database: Database, beforeClose: () => void = () => undefined) {
  const replica = config.databaseReplicaUrl ? openReadOnlyDatabase(config.databaseReplicaUrl) : undefined;
  const app = await buildApp({ db: database.db, reportDb: replica?.db, config, databaseKind: database.kind, version: VERSION });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    beforeClose();
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await replica?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  return app;
}

if (cluster.isWorker) {
  // A worker of the cluster: the primary has migrated and seeded, so this process only serves.
  await serve(await openDatabase({ databaseUrl: config.databaseUrl, migrate: false }));
} else {
  const { database, organisationId } = await bootstrap(config);
  const demo = config.demo ? await ensureDemo(database.db, organisationId, { gemeentecode: config.gemeentecode }) : { created: false as const };
  await vacuumAnalyze(database, { afterBulkLoad: demo.created });
  if (config.processes > 1) {
    const stopJobs = startBackgroundJobs(database, organisationId, (err, job) => clusterLog('error', `${job} failed`, errorFields(err)));
    await runCluster(config.processes, async () => {
      stopJobs();
      await database.close();
    });
  } else {
    // The jobs log through the app's logger, so they start once it exists; shutdown stops them.
    let stopJobs: () => void = () => undefined;
    const app = await serve(database, () => stopJobs());
    stopJobs = startBackgroundJobs(database, organisationId, (err, job) => app.log.error({ err }, `${job} failed`));
  }

  const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded database in ${config.dataDir}`;
  const processes = config.processes > 1 ? ` in ${config.processes} processen` : '';
  console.log(`\nKeukentafel draait op http://localhost:${config.port}${processes} met de ${where}.`);
  if (demo.created) {
    console.log(`Demo-organisatie aangemaakt: ${demo.cases} casussen. Inloggen met wachtwoord "${demo.password}":`);
    for (const user of demo.users) console.log(`  ${user.role.padEnd(11)} ${user.email}`);
  }
}
