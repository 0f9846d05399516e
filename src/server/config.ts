// Reads the process environment once. Everything configurable about a running Keukentafel is here.
import os from 'node:os';
import path from 'node:path';
import { readSmallNumberSettings, type SmallNumberSettings } from './modules/reports/small-numbers';

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded PGlite database; ignored when databaseUrl is set. */
  dataDir: string;
  /** postgres://… of a PostgreSQL server; when empty the embedded database is used. */
  databaseUrl: string | undefined;
  /**
   * postgres://… of a streaming replica of that server (DATABASE_REPLICA_URL): the report endpoints
   * read from it; undefined when they read from the primary.
   */
  databaseReplicaUrl: string | undefined;
  /** Node processes serving the port together (KEUKENTAFEL_PROCESSES, node:cluster); 1 is a single process. */
  processes: number;
  logLevel: string;
  /**
   * Reached over plain HTTP without TLS (ALLOW_PLAIN_HTTP=true): session cookies without `Secure`,
   * no HSTS. Off by default: cookies are Secure and HSTS is sent (browsers keep a Secure cookie on
   * http://localhost, so the demo works without it).
   */
  plainHttp: boolean;
  /** Argon2 password checks running at once in one process (LOGIN_CONCURRENCY); more wait in line. By default half the cores over all processes. */
  loginConcurrency: number;
  /** Open connections one client address may hold (MAX_CONNECTIONS_PER_ADDRESS), over all processes together. */
  connectionsPerAddress: number;
  /** A client must send a request's headers within this time (HTTP_HEADERS_TIMEOUT_SECONDS). */
  headersTimeoutMs: number;
  /** ... and the whole request, body included, within this time (HTTP_REQUEST_TIMEOUT_SECONDS). */
  requestTimeoutMs: number;
  /** Hours a session stays valid after login. */
  sessionHours: number;
  /** Minutes without a request after which a session ends. */
  sessionIdleMinutes: number;
  /** A file of extra forbidden passwords (one a line, e.g. a breached-password list), or undefined. */
  passwordDenylistFile: string | undefined;
  /** Staff login through an OpenID Connect provider (Entra ID, Keycloak...), or null when off. */
  oidc: OidcConfig | null;
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
  /**
   * The largest request body of the web import, in bytes (IMPORT_MAX_MB). Larger histories go
   * through the command line, which reads the files from disk.
   */
  importMaxBytes: number;
  /** The municipality the teams work for: it decides on maatwerk and receives objections. */
  municipality: MunicipalityConfig;
  /**
   * The CBS gemeentecode (4 digits) the iWmo messages are sent from and addressed to
   * (KEUKENTAFEL_GEMEENTECODE). The default 0344 is Utrecht, the municipality of the demo
   * organisation; an installation for another municipality must set its own.
   */
  gemeentecode: string;
  /**
   * A folder with the official iWmo 3.2 XSDs (WMO301.xsd … and the basisschema.xsd they import;
   * KEUKENTAFEL_IWMO_XSD_DIR): each outgoing 301 is validated with xmllint before it is written.
   * Undefined: only Keukentafel's own structure check runs.
   */
  iwmoXsdDir: string | undefined;
  /**
   * The folder the municipality's message gateway picks the outgoing iWmo messages up from (the 301s,
   * and the retour messages 306/308/316; KEUKENTAFEL_IWMO_OUTBOX_DIR). Undefined: the beheerder's
   * screen says it is not set and cannot send; the command line takes its folder as an argument.
   */
  iwmoOutboxDir: string | undefined;
  /**
   * The folder the gateway drops the providers' messages into (305, 307, 315, 302;
   * KEUKENTAFEL_IWMO_INBOX_DIR). The screen reads it, answers into the outbox folder and moves each
   * file to verwerkt/ or rejected/ in it. Undefined: the screen cannot read.
   */
  iwmoInboxDir: string | undefined;
  /**
   * The folder the bytes of uploaded documents go to (DOCUMENTS_DIR), one file per document named by
   * its id, under a folder per organisation. Undefined: they are kept in the database
   * (document_contents). Documents stored before a change stay where they were.
   */
  documentsDir: string | undefined;
  /** The largest document one may upload, in bytes (DOCUMENT_MAX_MB, default 10). */
  documentMaxBytes: number;
}

export interface MunicipalityConfig {
  /** Its name as the decision letter writes it (KEUKENTAFEL_GEMEENTE), e.g. "Gemeente Utrecht". */
  name: string;
  /** Where an objection goes, one line per element of the postal address (KEUKENTAFEL_BEZWAAR_ADRES, lines separated by "|"). */
  objectionAddress: string[];
}

/** The demo municipality's. An installation sets its own: the letter to a resident names them. */
const DEMO_MUNICIPALITY: MunicipalityConfig = {
  name: 'Gemeente Utrecht',
  objectionAddress: ['College van burgemeester en wethouders van Utrecht', 'Postbus 16200', '3500 CE Utrecht'],
};

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The callback address registered at the provider: https://…/api/v1/auth/oidc/callback */
  redirectUri: string;
}

/**
 * The Utrecht-scale history (35,000 cases, 235,532 rows; scripts/generate-exchange.ts) is 12.3 MB as
 * the web import's JSON: 40 MB leaves room for three times that.
 */
const DEFAULT_IMPORT_MAX_MB = 40;

/** Utrecht (CBS code 0344), the municipality of the demo organisation. */
const DEMO_GEMEENTECODE = '0344';

const OIDC_SETTINGS = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;

function readOidc(env: NodeJS.ProcessEnv): OidcConfig | null {
  const given = OIDC_SETTINGS.filter((name) => env[name]);
  if (given.length === 0) return null;
  if (given.length < OIDC_SETTINGS.length) {
    throw new Error(`OpenID Connect needs all of ${OIDC_SETTINGS.join(', ')}; missing: ${OIDC_SETTINGS.filter((n) => !env[n]).join(', ')}`);
  }
  for (const name of ['OIDC_ISSUER', 'OIDC_REDIRECT_URI'] as const) {
    if (!URL.canParse(env[name]!)) throw new Error(`${name} must be an absolute URL, got "${env[name]}"`);
  }
  return { issuer: env.OIDC_ISSUER!, clientId: env.OIDC_CLIENT_ID!, clientSecret: env.OIDC_CLIENT_SECRET!, redirectUri: env.OIDC_REDIRECT_URI! };
}

/** A positive number from the environment, or the default; anything else stops the start. */
function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, { whole = false } = {}): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0) || (whole && !Number.isInteger(value))) throw new Error(`${name} must be a positive ${whole ? 'whole ' : ''}number, got "${raw}"`);
  return value;
}

/** Half the cores over all processes, at least one per process: logins never take every core from the people already working. */
function defaultLoginConcurrency(processes: number): number {
  return Math.max(1, Math.floor(os.availableParallelism() / 2 / processes));
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const sessionHours = Number(env.SESSION_HOURS ?? 10);
  if (!(sessionHours > 0)) throw new Error(`SESSION_HOURS must be a positive number, got "${env.SESSION_HOURS}"`);
  const sessionIdleMinutes = Number(env.SESSION_IDLE_MINUTES ?? 30);
  if (!(sessionIdleMinutes > 0)) throw new Error(`SESSION_IDLE_MINUTES must be a positive number, got "${env.SESSION_IDLE_MINUTES}"`);
  if (env.TRUST_PROXY === 'true') throw new Error('TRUST_PROXY=true would believe any X-Forwarded-For; give the number of proxies (e.g. 1) or their addresses');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  const processes = Number(env.KEUKENTAFEL_PROCESSES ?? 1);
  if (!Number.isInteger(processes) || processes < 1) {
    throw new Error(`KEUKENTAFEL_PROCESSES must be a whole number of at least 1, got "${env.KEUKENTAFEL_PROCESSES}"`);
  }
  if (processes > 1 && !databaseUrl) {
    throw new Error(`KEUKENTAFEL_PROCESSES=${processes} needs a PostgreSQL server (DATABASE_URL): the embedded database can be opened by one process only`);
  }
  if (env.COOKIE_SECURE !== undefined) {
    throw new Error('COOKIE_SECURE is gone: session cookies are always Secure now. To run without TLS (plain http:// on another host than localhost), set ALLOW_PLAIN_HTTP=true instead');
  }
  if (env.ALLOW_PLAIN_HTTP !== undefined && !['true', 'false'].includes(env.ALLOW_PLAIN_HTTP)) {
    throw new Error(`ALLOW_PLAIN_HTTP must be true or false, got "${env.ALLOW_PLAIN_HTTP}"`);
  }
  const headersTimeoutMs = positiveNumber(env, 'HTTP_HEADERS_TIMEOUT_SECONDS', 10) * 1000;
  const requestTimeoutMs = positiveNumber(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', 120) * 1000;
  if (headersTimeoutMs > requestTimeoutMs) throw new Error('HTTP_HEADERS_TIMEOUT_SECONDS must not be longer than HTTP_REQUEST_TIMEOUT_SECONDS');
  const importMaxMb = Number(env.IMPORT_MAX_MB ?? DEFAULT_IMPORT_MAX_MB);
  if (!(importMaxMb > 0) || !Number.isFinite(importMaxMb)) throw new Error(`IMPORT_MAX_MB must be a positive number of megabytes, got "${env.IMPORT_MAX_MB}"`);
  if (env.DATABASE_REPLICA_URL && !databaseUrl) {
    throw new Error('DATABASE_REPLICA_URL needs DATABASE_URL: a replica is a copy of a PostgreSQL server, not of the embedded database');
  }
  const gemeentecode = env.KEUKENTAFEL_GEMEENTECODE || DEMO_GEMEENTECODE;
  if (!/^\d{4}$/.test(gemeentecode)) throw new Error(`KEUKENTAFEL_GEMEENTECODE must be the 4-digit CBS gemeentecode (such as 0344), got "${gemeentecode}"`);
  const iwmoOutboxDir = env.KEUKENTAFEL_IWMO_OUTBOX_DIR ? path.resolve(env.KEUKENTAFEL_IWMO_OUTBOX_DIR) : undefined;
  const iwmoInboxDir = env.KEUKENTAFEL_IWMO_INBOX_DIR ? path.resolve(env.KEUKENTAFEL_IWMO_INBOX_DIR) : undefined;
  if (iwmoOutboxDir && iwmoOutboxDir === iwmoInboxDir) {
    throw new Error('KEUKENTAFEL_IWMO_OUTBOX_DIR and KEUKENTAFEL_IWMO_INBOX_DIR must be two different folders: reading the inbox would read our own messages');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.KEUKENTAFEL_DATA_DIR ?? './data'),
    databaseUrl,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    processes,
    logLevel: env.LOG_LEVEL ?? 'info',
    plainHttp: env.ALLOW_PLAIN_HTTP === 'true',
    loginConcurrency: positiveNumber(env, 'LOGIN_CONCURRENCY', defaultLoginConcurrency(processes), { whole: true }),
    connectionsPerAddress: positiveNumber(env, 'MAX_CONNECTIONS_PER_ADDRESS', 100, { whole: true }),
    headersTimeoutMs,
    requestTimeoutMs,
    sessionHours,
    sessionIdleMinutes,
    passwordDenylistFile: env.PASSWORD_DENYLIST_FILE ? path.resolve(env.PASSWORD_DENYLIST_FILE) : undefined,
    oidc: readOidc(env),
    demo: env.KEUKENTAFEL_DEMO !== 'false',
    smallNumbers: readSmallNumberSettings(env),
    importMaxBytes: Math.floor(importMaxMb * 1024 * 1024),
    municipality: {
      name: env.KEUKENTAFEL_GEMEENTE?.trim() || DEMO_MUNICIPALITY.name,
      objectionAddress: env.KEUKENTAFEL_BEZWAAR_ADRES ? env.KEUKENTAFEL_BEZWAAR_ADRES.split('|').map((line) => line.trim()).filter(Boolean) : DEMO_MUNICIPALITY.objectionAddress,
    },
    gemeentecode,
    iwmoXsdDir: env.KEUKENTAFEL_IWMO_XSD_DIR ? path.resolve(env.KEUKENTAFEL_IWMO_XSD_DIR) : undefined,
    iwmoOutboxDir,
    iwmoInboxDir,
    documentsDir: env.DOCUMENTS_DIR ? path.resolve(env.DOCUMENTS_DIR) : undefined,
    documentMaxBytes: Math.floor(positiveNumber(env, 'DOCUMENT_MAX_MB', 10) * 1024 * 1024),
    trustProxy: !env.TRUST_PROXY || env.TRUST_PROXY === 'false' ? false : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
  };
}
