// Where the tests find the files around them, from this file's place and never from the working
// directory: the repository, ../shared beside it (the sample history, the reference files), the
// built web app and the migrations. So a test passes from whatever folder it is started.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = path.resolve(REPO, '../shared');
/** The sample history (data/) with its independently computed reports (expected-*.json). */
export const SAMPLE = path.join(SHARED, 'sample');
export const SAMPLE_DATA = path.join(SAMPLE, 'data');
export const WEB_DIST = path.join(REPO, 'dist/web');
export const MIGRATIONS = path.join(REPO, 'drizzle');
