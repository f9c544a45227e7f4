import { createHash } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import { caseListQuery } from '../cases/case-list.ts';
import { searchDocument, searchQuery } from './normalize.ts';

let db: Db;
let kh: TestOrg;
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  const agent = await kh.actor('agent');
  const { id } = await registerAs(db, kh, agent, khComplaint());
  // 8,000 copies of the case, so the planner sees a table worth indexing: every one says
  // "soyuducu", one in 300 shares a word w<n>, and each has a word of its own (an md5); their
  // descriptions are as long as a written complaint (the planner weighs the table's pages)
  await sql`
    INSERT INTO cases
    SELECT (jsonb_populate_record(null::cases, to_jsonb(c) || jsonb_build_object(
      'id', gen_random_uuid(), 'number', c.number || '-' || g, 'tracking_token', c.tracking_token || g,
      'created_at', c.created_at - make_interval(mins => g),
      'description', repeat(c.description || ' ', 10),
      'search_vector', array_to_tsvector(ARRAY['soyuducu', md5(g::text), 'w' || (g % 300)])))).*
    FROM cases c, generate_series(1, 8000) g WHERE c.id = ${id}`.execute(db);
  await sql`ANALYZE cases`.execute(db);
}, 180_000);

/** The plan of a compiled statement; with `analyze`, as run (which nodes ran, and how many rows). */
async function plan(query: CompiledQuery, analyze = false) {
  const explain = analyze ? 'EXPLAIN (ANALYZE, COSTS OFF)' : 'EXPLAIN';
  const res = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`${explain} ${query.sql}`, [...query.parameters]),
  );
  return res.rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('query plans on a populated table', () => {
  it('answers full-text search from the GIN index, not a sequential scan', async () => {
    const tsq = searchQuery(md5('12345'))!;
    const text = await plan(
      sql`SELECT id FROM cases WHERE org_id = ${kh.org.orgId} AND search_vector @@ ${tsq}::tsquery`.compile(
        db,
      ),
    );
    expect(text, text).toMatch(/cases_search/);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('estimates a prefix search close to the rows it finds, so the planner can choose', async () => {
    const rows = async (word: string) => {
      const text = await plan(
        sql`SELECT 1 FROM cases WHERE search_vector @@ ${searchQuery(word)}::tsquery`.compile(db),
      );
      return Number(/rows=(\d+)/.exec(text)![1]);
    };
    expect(await rows('soyuducu')).toBeGreaterThan(6000);
    expect(await rows(md5('77'))).toBeLessThan(100);
  });

  it('serves the newest-first queue page from an index', async () => {
    const text = await plan(
      sql`SELECT id FROM cases WHERE org_id = ${kh.org.orgId} ORDER BY created_at DESC, id DESC LIMIT 50`.compile(
        db,
      ),
    );
    expect(text, text).toMatch(/Index (Only )?Scan using cases_recent/);
  });

  it('finds a common word among the newest cases without asking the GIN indexes', async () => {
    const q = caseListQuery(db, kh.org.orgId, { tsQuery: searchQuery('soyuducu'), limit: 51 }).compile();
    const text = await plan(q, true);
    expect(text, text).toMatch(/rows=51/);
    // the GIN indexes are never read; messages only of the cases newer than the page's last
    const lines = text.split('\n');
    for (const line of lines.filter((l) => /_search/.test(l))) expect(line, text).toMatch(/never executed/);
    const probes = lines.filter((l) => / on case_messages /.test(l) && !/never executed/.test(l));
    expect(probes.length, text).toBeGreaterThan(0);
    for (const line of probes) {
      expect(line, text).toMatch(/case_messages_pkey/);
      expect(Number(/loops=(\d+)/.exec(line)![1]), text).toBeLessThanOrEqual(51);
    }
  });

  it('finds a rare word through the GIN index, reading no more than the window one by one', async () => {
    const q = caseListQuery(db, kh.org.orgId, { tsQuery: searchQuery(md5('7000')), limit: 51 }).compile();
    const text = await plan(q, true);
    expect(text, text).toMatch(/Bitmap Index Scan on cases_search \(actual time=[\d.]+ rows=1/);
    expect(text).not.toMatch(/Seq Scan on cases/);
  });
});

describe('prefix search in PostgreSQL', () => {
  it('finds words of every length, five letters included, and their suffixed forms', async () => {
    for (const word of ['ақша', 'жауап', 'رصيدي', 'kuryer', 'soyuducu', 'çatdırıl', 'الفاتورة']) {
      for (const text of [`a ${word} b`, `${word}lar`, `bir ${word}ın`]) {
        const { rows } = await sql<{ hit: boolean }>`
          SELECT array_to_tsvector(${searchDocument(text)}::text[]) @@ ${searchQuery(word)}::tsquery AS hit`.execute(
          db,
        );
        expect(rows[0]!.hit, `${word} in "${text}"`).toBe(true);
      }
    }
  });
});
