// How other modules show a destroyed client: the name is gone, "Vernietigd dossier" stands in its place.
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { DESTROYED_CLIENT_NAME } from './retention.schemas';

/** The client's last name, or "Vernietigd dossier" once their data were destroyed (for any alias of clients). */
export function shownLastName(table: { lastName: AnyPgColumn; destroyedAt: AnyPgColumn }) {
  return sql<string>`case when ${table.destroyedAt} is not null then ${DESTROYED_CLIENT_NAME} else ${table.lastName} end`;
}
