// Process start-up shared by the CLI commands: connect to PostgreSQL (embedded unless
// DATABASE_URL is set), migrate, and tear everything down cleanly on exit.
import path from 'node:path';
import type { Config } from './config.ts';
import { createDb, type Db, migrateToLatest } from './platform/db/db.ts';
import { ensureDatabase, startEmbeddedPostgres } from './platform/db/embedded.ts';

export interface Runtime {
  db: Db;
  databaseUrl: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Config,
  log: (msg: string) => void,
  opts: { migrate: boolean },
): Promise<Runtime> {
  let databaseUrl = config.databaseUrl;
  let stopEmbedded = async () => {};
  if (!databaseUrl) {
    const server = await startEmbeddedPostgres({
      dir: config.dataDir,
      port: config.embeddedPgPort,
      durable: true,
      settings: config.embeddedPgSettings,
    });
    stopEmbedded = () => server.stop();
    await ensureDatabase(server.connectionString('postgres'), 'riza');
    databaseUrl = server.connectionString('riza');
    log(`PostgreSQL (embedded) running, data in ${path.join(config.dataDir, 'pg')}`);
  }
  const db = createDb(databaseUrl, config.dbPoolSize);
  try {
    if (opts.migrate) {
      const applied = await migrateToLatest(db);
      if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
    }
  } catch (e) {
    await db.destroy();
    await stopEmbedded();
    throw e;
  }
  return {
    db,
    databaseUrl,
    embedded: !config.databaseUrl,
    close: async () => {
      await db.destroy();
      await stopEmbedded();
    },
  };
}
