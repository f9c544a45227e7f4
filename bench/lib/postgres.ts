// The benchmarks' PostgreSQL: the same embedded server the product runs (durable: fsync on), with
// its data under bench/.data/ so it never touches the product's ./data; or DATABASE_URL when set.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../server/src/platform/db/embedded.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_DATA_DIR = path.join(REPO_ROOT, 'bench', '.data');
/** Away from the product's embedded port (54329) and the tests' range (55000–59999). */
const BENCH_PG_PORT = 54339;

export interface BenchServer {
  /** Connection string of a database on this server. */
  urlFor(database: string): string;
  /** True when DATABASE_URL was given: then only its own database is used, never dropped. */
  external: boolean;
  /** The database named by DATABASE_URL (external) or null. */
  externalDatabase: string | null;
  stop(): Promise<void>;
}

export async function openBenchServer(log: (msg: string) => void = () => {}): Promise<BenchServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = new URL(external);
    const name = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
    return {
      urlFor: (database) => {
        const u = new URL(external);
        u.pathname = `/${encodeURIComponent(database)}`;
        return u.toString();
      },
      external: true,
      externalDatabase: name,
      stop: async () => {},
    };
  }
  log(`Starting the embedded PostgreSQL (data in ${path.relative(REPO_ROOT, BENCH_DATA_DIR)}/pg)…`);
  const server = await startEmbeddedPostgres({
    dir: BENCH_DATA_DIR,
    port: BENCH_PG_PORT,
    durable: true,
    // e.g. RIZA_PG_SETTINGS="shared_preload_libraries=pg_stat_statements" to see where time goes
    settings: process.env.RIZA_PG_SETTINGS?.split(/\s+/).filter(Boolean) ?? [],
  });
  return { urlFor: server.connectionString, external: false, externalDatabase: null, stop: server.stop };
}

/** The database to work in: `wanted` on the embedded server, DATABASE_URL's own database otherwise. */
export function databaseName(server: BenchServer, wanted: string): string {
  return server.externalDatabase ?? wanted;
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(server: BenchServer, name: string): Promise<boolean> {
  if (server.external) return name === server.externalDatabase;
  return withClient(server.urlFor('postgres'), async (c) => {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (r.rowCount ?? 0) > 0;
  });
}

/** Drops and creates a database on the embedded server (never on an external one). */
export async function recreateDatabase(server: BenchServer, name: string): Promise<void> {
  if (server.external) throw new Error('refusing to drop a database given by DATABASE_URL');
  await withClient(server.urlFor('postgres'), async (c) => {
    const ident = `"${name.replace(/"/g, '""')}"`;
    await c.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${ident}`);
  });
}

export async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version);
}
