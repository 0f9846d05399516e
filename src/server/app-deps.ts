// What the app is built from (buildApp) and what every route module gets: the database, the report
// database, the configuration. Its own module, so a route file does not import app.ts, which imports
// every route file.
import type { Config } from './config';
import type { Db } from './db/database';
import type { PdfPool } from './lib/pdf/pdf-pool';

export interface AppDeps {
  db: Db;
  /**
   * Where the report endpoints (annual report, ZRM report, Cijfers) read: a read-only pool on a
   * streaming replica (DATABASE_REPLICA_URL), or `db` when there is none. Nothing else uses it:
   * sessions, screens and writes stay on the primary, which has no replica lag.
   */
  reportDb?: Db;
  config: Config;
  /**
   * Where every PDF of the app (a client's file, a decision letter) is laid out: one pool of worker
   * threads; by default buildApp makes one (tests pass one to test a crash). The app closes it when
   * it closes.
   */
  pdfs?: PdfPool;
  databaseKind: 'pglite' | 'postgres';
  /** The software's version, for monitoring (GET /health); by default the package's. The API's own version is http/api-version.ts. */
  version?: string;
}

/** What a route module gets: the deps with the app's one PDF pool in place (buildApp makes it when `pdfs` is not given). */
export type RouteDeps = AppDeps & { pdfs: PdfPool };
