// The plan check reads real EXPLAIN (ANALYZE, FORMAT JSON) output from PostgreSQL.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { type PlanNode, seqScans } from './plans.ts';

let client: pg.Client;

beforeAll(async () => {
  const { url } = await createTestDatabase();
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE t (id int PRIMARY KEY, kind text, at int)`);
  await client.query(
    `INSERT INTO t SELECT g, CASE WHEN g % 1000 = 0 THEN 'rare' ELSE 'common' END, g FROM generate_series(1, 30000) g`,
  );
  await client.query('CREATE INDEX t_at ON t (at)');
  await client.query('ANALYZE t');
});
afterAll(async () => {
  await client.end();
});

async function flagged(sql: string, large = new Set(['t'])): Promise<string[]> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
  const out = new Set<string>();
  seqScans((rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan, large, out);
  return [...out];
}

describe('plan check', () => {
  it('flags a sequential scan of a large table', async () => {
    expect(await flagged(`SELECT * FROM t WHERE kind = 'rare'`)).toEqual(['Seq Scan on t']);
  });

  it('flags an index scan that walks the table and throws most rows away', async () => {
    await client.query('SET enable_seqscan = off');
    const found = await flagged(`SELECT * FROM t WHERE kind = 'rare' ORDER BY at LIMIT 100`);
    await client.query('RESET enable_seqscan');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^Index Scan using t_at on t read and discarded 29,\d{3} rows$/);
  });

  it('passes a selective index look-up, and a small table read whole', async () => {
    expect(await flagged('SELECT * FROM t WHERE id = 42')).toEqual([]);
    expect(await flagged(`SELECT * FROM t WHERE kind = 'rare'`, new Set())).toEqual([]);
  });
});
