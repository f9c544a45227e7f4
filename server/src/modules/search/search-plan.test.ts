import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import { searchQuery } from './normalize.ts';

let db: Db;
let kh: TestOrg;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  const agent = await kh.actor('agent');
  const { id } = await registerAs(db, kh, agent, khComplaint());
  // 8,000 copies of the case, so the planner sees a table worth indexing
  await sql`
    INSERT INTO cases
    SELECT (jsonb_populate_record(null::cases, to_jsonb(c) || jsonb_build_object(
      'id', gen_random_uuid(), 'number', c.number || '-' || g, 'tracking_token', c.tracking_token || g,
      'created_at', c.created_at - make_interval(mins => g),
      'search_vector', array_to_tsvector(ARRAY['soyuducu', md5(g::text), '§' || left(md5(g::text), 5)])))).*
    FROM cases c, generate_series(1, 8000) g WHERE c.id = ${id}`.execute(db);
  await sql`ANALYZE cases`.execute(db);
}, 180_000);

async function plan(query: ReturnType<typeof sql>) {
  const rows = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(db);
  return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('query plans on a populated table', () => {
  it('answers full-text search from the GIN index, not a sequential scan', async () => {
    const tsq = searchQuery(createHash('md5').update('12345').digest('hex'))!;
    const text = await plan(
      sql`SELECT id FROM cases WHERE org_id = ${kh.org.orgId} AND search_vector @@ ${tsq}::tsquery`,
    );
    expect(text, text).toMatch(/cases_search/);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('serves the newest-first queue page from an index', async () => {
    const text = await plan(
      sql`SELECT id FROM cases WHERE org_id = ${kh.org.orgId} ORDER BY created_at DESC, id DESC LIMIT 50`,
    );
    expect(text, text).toMatch(/Index (Only )?Scan using cases_recent/);
  });
});
