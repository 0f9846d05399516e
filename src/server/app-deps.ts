// What the app is built from (buildApp) and what every route module gets: the database, the report
// database, the configuration. Its own module, so a route file does not import app.ts, which imports
// every route file.
import type { Config } from './config';
import type { Db } from './db/database';
import type { PdfPool } from './modules/client-file/client-file.pdf-pool';

export interface AppDeps {
  db: Db;
  /**
   * Where the report endpoints (annual report, ZRM report, Cijfers) read: a read-only pool on a
   * streaming replica (DATABASE_REPLICA_URL), or `db` when there is none. Nothing else uses it:
   * sessions, screens and writes stay on the primary, which has no replica lag.
   */
  reportDb?: Db;
  config: Config;
  /** Where client-file PDFs are laid out; by default a pool of worker threads of the app's own (tests pass one to test a crash). */
  clientFilePdfs?: PdfPool;
  databaseKind: 'pglite' | 'postgres';
  /** The software's version, for monitoring (GET /health); by default the package's. The API's own version is http/api-version.ts. */
  version?: string;
}
