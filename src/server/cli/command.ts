// What a CLI command receives: the migrated database, the organisation and its own arguments.
import type { Config } from '../config';
import type { Database } from '../db/database';

export interface CommandContext {
  database: Database;
  config: Config;
  organisationId: string;
  args: string[];
}

export interface Command {
  /** Words that select the command, e.g. ['user', 'add']. */
  words: string[];
  usage: string;
  run(context: CommandContext): Promise<number>;
}
