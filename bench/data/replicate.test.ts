// A data set grown by copying its cases still behaves like data the product wrote: unique numbers
// and tracking tokens, every message, clock and record with its own copied case, every index and
// foreign key rebuilt, and the product's list, search and numbering working on the copies.
import { existsSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocateCaseNumber, listCaseViews } from '../../server/src/modules/cases/case.repository.ts';
import { getOrgById } from '../../server/src/modules/orgs/org.repository.ts';
import { normalizeForSearch, searchQuery } from '../../server/src/modules/search/normalize.ts';
import type { Db } from '../../server/src/platform/db/db.ts';
import { createTestDatabase } from '../../test/db.ts';
import { SHARED_DATA_DIR } from './corpus.ts';
import { writeCorpusFixture } from './corpus-fixture.ts';
import { generateData } from './generate.ts';
import { copyExpressions, type ReplicateSummary, replicateCases } from './replicate.ts';
import { schemaObjectNames } from './schema-bulk.ts';

const NOW = new Date('2026-06-10T09:30:00Z');
const CASES = 300;
const COPIES = 2;
let db: Db;
let summary: ReplicateSummary;
let schemaBefore: string[];
let before: Record<string, number>;
let originals: { id: string; org_id: string; number: string; created_at: Date }[];

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['cases', 'case_messages', 'case_sla_stages', 'sla_records', 'case_events', 'customers']) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(db);
    out[t] = r.rows[0]!.n;
  }
  return out;
}

beforeAll(async () => {
  let url: string;
  ({ db, url } = await createTestDatabase());
  await generateData({
    url,
    cases: CASES,
    days: 60,
    backlog: 0.05,
    seed: 5,
    log: () => {},
    progress: false,
    now: NOW,
    dataDir: existsSync(SHARED_DATA_DIR) ? SHARED_DATA_DIR : await writeCorpusFixture(),
  });
  schemaBefore = await schemaObjectNames(db as Kysely<unknown>);
  before = await counts();
  originals = (
    await sql<{ id: string; org_id: string; number: string; created_at: Date }>`
      SELECT id, org_id, number, created_at FROM cases`.execute(db)
  ).rows;
  const admin = new pg.Client({ connectionString: url });
  const parallel = new pg.Client({ connectionString: url });
  await admin.connect();
  await parallel.connect();
  try {
    summary = await replicateCases(admin, { copies: COPIES, log: () => {}, parallel });
  } finally {
    await admin.end();
    await parallel.end();
  }
});

describe('a data set grown by copies', () => {
  it('holds every case, message, clock and record copies + 1 times, and no new events or customers', async () => {
    expect(summary.casesBefore).toBe(CASES);
    expect(summary.casesAfter).toBe(CASES * (COPIES + 1));
    const after = await counts();
    for (const t of ['cases', 'case_messages', 'case_sla_stages', 'sla_records'])
      expect(after[t], t).toBe(before[t]! * (COPIES + 1));
    expect(after.case_events).toBe(before.case_events);
    expect(after.customers).toBe(before.customers);
  });

  it('rebuilds every index and foreign key it dropped', async () => {
    expect(await schemaObjectNames(db as Kysely<unknown>)).toEqual(schemaBefore);
    const invalid = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_index WHERE NOT indisvalid`.execute(db);
    expect(invalid.rows[0]!.n).toBe(0);
  });

  it('gives each copy its own number, token and id, its rows following it, its times earlier', async () => {
    const o = originals[0]!;
    const { rows } = await sql<{
      id: string;
      number: string;
      tracking_token: string;
      created_at: Date;
      messages: number;
      stages: number;
      records: number;
    }>`
      SELECT c.id, c.number, c.tracking_token, c.created_at,
             (SELECT count(*)::int FROM case_messages m WHERE m.org_id = c.org_id AND m.case_id = c.id) AS messages,
             (SELECT count(*)::int FROM case_sla_stages s WHERE s.org_id = c.org_id AND s.case_id = c.id) AS stages,
             (SELECT count(*)::int FROM sla_records r WHERE r.org_id = c.org_id AND r.case_id = c.id) AS records
        FROM cases c
       WHERE c.org_id = ${o.org_id}
         AND c.id IN (${o.id}::uuid, md5(${o.id} || ':1')::uuid, md5(${o.id} || ':2')::uuid)
       ORDER BY c.created_at DESC`.execute(db);
    expect(rows).toHaveLength(COPIES + 1);
    expect(rows[0]!.id).toBe(o.id);
    expect(new Set(rows.map((r) => r.number)).size).toBe(COPIES + 1);
    expect(new Set(rows.map((r) => r.tracking_token)).size).toBe(COPIES + 1);
    expect(rows.map((r) => [r.messages, r.stages, r.records])).toEqual(
      rows.map(() => [rows[0]!.messages, rows[0]!.stages, rows[0]!.records]),
    );
    expect(rows[1]!.created_at.getTime()).toBe(o.created_at.getTime() - 433_000);
    expect(rows[1]!.number).toBe(
      o.number.replace(/-(\d{4})-(\d+)/, (_, y, d) => `-${y}-${Number(d) + 1_000_000}`),
    );
    const token = rows[1]!.tracking_token;
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const future = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM cases WHERE created_at > ${new Date(Math.max(...originals.map((x) => x.created_at.getTime())))}`.execute(
      db,
    );
    expect(future.rows[0]!.n).toBe(0);
  });

  it('is listed and searched by the product, each word matching copies + 1 times the cases', async () => {
    const o = (
      await sql<{ org_id: string; id: string; description: string }>`
        SELECT org_id, id, description FROM cases WHERE id = ANY(${originals.map((x) => x.id)}::uuid[])
         ORDER BY id LIMIT 1`.execute(db)
    ).rows[0]!;
    const word = normalizeForSearch(o.description)
      .split(' ')
      .find((w) => [...w].length >= 6 && !/\d/.test(w))!;
    const found = await listCaseViews(db, o.org_id, { tsQuery: searchQuery(word), limit: 5000 });
    const originalIds = new Set(originals.map((x) => x.id));
    const foundOriginals = found.filter((v) => originalIds.has(v.id)).length;
    expect(found.map((v) => v.id)).toContain(o.id);
    expect(found.length).toBe(foundOriginals * (COPIES + 1));
  });

  it('continues each org’s case-number series after the copies', async () => {
    const last = await sql<{ org_id: string; seq: string }>`
      SELECT org_id, max(substring(number from '-2026-([0-9]+)')::bigint)::text AS seq
        FROM cases WHERE number LIKE ${'%-2026-%'} GROUP BY org_id`.execute(db);
    expect(last.rows).toHaveLength(5);
    for (const r of last.rows) {
      const org = (await getOrgById(db, r.org_id))!;
      const next = await db.transaction().execute(async (trx) => allocateCaseNumber(trx, org, NOW));
      expect(next).toBe(`${org.casePrefix}-2026-${Number(r.seq) + 1}`);
      expect(Number(r.seq)).toBeGreaterThan(COPIES * 1_000_000);
    }
  });

  it('moves every time column of a copy and derives its ids', () => {
    const exprs = copyExpressions('case_sla_stages', [
      { name: 'org_id', type: 'uuid' },
      { name: 'case_id', type: 'uuid' },
      { name: 'due_at', type: 'timestamp with time zone' },
      { name: 'remaining_ms', type: 'bigint' },
    ]);
    expect(exprs[0]).toBe('t."org_id"');
    expect(exprs[1]).toContain('md5(');
    expect(exprs[2]).toContain('k * 433');
    expect(exprs[3]).toBe('t."remaining_ms"');
  });
});
