import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../server/src/platform/db/db.ts';

/** A fresh, migrated database for this test file, dropped when the file ends. */
export async function createTestDatabase(): Promise<{ db: Db; url: string }> {
  const admin = inject('pgUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  // tests race many transactions on purpose; on a loaded machine they may wait longer than a server should
  const db = createDb(url.toString(), 12, 60_000);
  afterAll(async () => {
    await db.destroy();
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  return { db, url: url.toString() };
}
