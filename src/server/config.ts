// Reads the process environment once. Everything configurable about a running Keukentafel is here.
import path from 'node:path';
import { readSmallNumberSettings, type SmallNumberSettings } from './modules/reports/small-numbers';

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded PGlite database; ignored when databaseUrl is set. */
  dataDir: string;
  /** postgres://… of a PostgreSQL server; when empty the embedded database is used. */
  databaseUrl: string | undefined;
  logLevel: string;
  /** Send the session cookie only over HTTPS. On by default in production. */
  secureCookies: boolean;
  /** Hours a session stays valid after login. */
  sessionHours: number;
  /** Add the demo organisation's users and history on an empty database at start. */
  demo: boolean;
  /**
   * Which proxies to believe for the client's address (X-Forwarded-For): a hop count or a list of
   * addresses/CIDRs; false when Keukentafel is reached directly. Never "any": anyone could then
   * pick an address and escape the login limit.
   */
  trustProxy: number | string | false;
  /** Thresholds for reports that leave the organisation (SMALL_NUMBERS_MIN_COUNT, SMALL_NUMBERS_MIN_OBSERVATIONS). */
  smallNumbers: SmallNumberSettings;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const sessionHours = Number(env.SESSION_HOURS ?? 10);
  if (!(sessionHours > 0)) throw new Error(`SESSION_HOURS must be a positive number, got "${env.SESSION_HOURS}"`);
  if (env.TRUST_PROXY === 'true') throw new Error('TRUST_PROXY=true would believe any X-Forwarded-For; give the number of proxies (e.g. 1) or their addresses');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.KEUKENTAFEL_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : env.NODE_ENV === 'production',
    sessionHours,
    demo: env.KEUKENTAFEL_DEMO !== 'false',
    smallNumbers: readSmallNumberSettings(env),
    trustProxy: !env.TRUST_PROXY || env.TRUST_PROXY === 'false' ? false : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
  };
}
