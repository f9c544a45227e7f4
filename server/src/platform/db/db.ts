import { Kysely, Migrator, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { migrations } from '../../migrations/index.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repository functions take either a database handle or an open transaction. */
export type DbOrTrx = Db | Trx;

// bigint (COUNT, sequences) as strings are awkward for small counts; numeric stays a string.
pg.types.setTypeParser(20, (v) => Number(v));

export function createDb(connectionString: string, poolSize = 10, connectionTimeoutMillis = 5000): Db {
  // a request waits at most this long for a connection, then answers 503 rather than hang
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis });
  // A dropped connection (server restart) must not crash the process; the pool reconnects.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
