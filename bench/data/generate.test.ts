// The generated data set behaves like data the product wrote itself: its search, its case
// numbers, its SLA sweep and its constraints all accept it.
import { existsSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocateCaseNumber, listCaseViews } from '../../server/src/modules/cases/case.repository.ts';
import { OPEN_STATUSES } from '../../server/src/modules/cases/case-status.ts';
import { getOrgById } from '../../server/src/modules/orgs/org.repository.ts';
import {
  normalizeForSearch,
  searchDocument,
  searchQuery,
} from '../../server/src/modules/search/normalize.ts';
import { sweepSla } from '../../server/src/modules/sla/sla-sweep.ts';
import type { Db } from '../../server/src/platform/db/db.ts';
import { createTestDatabase } from '../../test/db.ts';
import { SHARED_DATA_DIR } from './corpus.ts';
import { writeCorpusFixture } from './corpus-fixture.ts';
import { type GenerateSummary, generateData } from './generate.ts';
import { schemaObjectNames } from './schema-bulk.ts';

const NOW = new Date('2026-06-10T09:30:00Z');
const CASES = 2500;
let db: Db;
let summary: GenerateSummary;
let schemaBefore: string[];

beforeAll(async () => {
  let url: string;
  ({ db, url } = await createTestDatabase());
  schemaBefore = await schemaObjectNames(db as Kysely<unknown>);
  summary = await generateData({
    url,
    cases: CASES,
    days: 120,
    backlog: 0.05,
    seed: 11,
    log: () => {},
    progress: false,
    now: NOW,
    // the real texts when ../shared/data is beside the clone, a few written ones otherwise
    dataDir: existsSync(SHARED_DATA_DIR) ? SHARED_DATA_DIR : await writeCorpusFixture(),
  });
});

describe('generated data set', () => {
  it('holds the requested cases over the five orgs and rebuilds every index and foreign key', async () => {
    expect(summary.cases).toBe(CASES);
    const perOrg = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases GROUP BY org_id`.execute(db);
    expect(perOrg.rows).toHaveLength(5);
    expect(await schemaObjectNames(db as Kysely<unknown>)).toEqual(schemaBefore);
  });

  it('gives every case a timeline that starts with its registration and ends in its status', async () => {
    const { rows } = await sql<{ bad_start: number; bad_end: number; gaps: number }>`
      SELECT
        count(*) FILTER (WHERE first.type IS DISTINCT FROM 'registered')::int AS bad_start,
        count(*) FILTER (WHERE last.to_status IS DISTINCT FROM c.status)::int AS bad_end,
        count(*) FILTER (WHERE stats.n <> stats.max_seq)::int AS gaps
      FROM cases c
      LEFT JOIN case_events first ON first.org_id = c.org_id AND first.case_id = c.id AND first.seq = 1
      LEFT JOIN LATERAL (SELECT e.to_status FROM case_events e
                          WHERE e.org_id = c.org_id AND e.case_id = c.id AND e.to_status IS NOT NULL
                          ORDER BY e.seq DESC LIMIT 1) last ON true
      LEFT JOIN LATERAL (SELECT count(*) AS n, max(seq) AS max_seq FROM case_events e
                          WHERE e.org_id = c.org_id AND e.case_id = c.id) stats ON true`.execute(db);
    expect(rows[0]).toEqual({ bad_start: 0, bad_end: 0, gaps: 0 });
  });

  it('stores the search vector the product computes from the same fields', async () => {
    const { rows } = await sql<{
      number: string;
      subject: string;
      description: string;
      remedy_sought: string | null;
      first_name: string | null;
      last_name: string | null;
      search_vector: string;
    }>`SELECT c.number, c.subject, c.description, c.remedy_sought, cu.first_name, cu.last_name,
              c.search_vector::text
         FROM cases c JOIN customers cu ON cu.org_id = c.org_id AND cu.id = c.customer_id
        ORDER BY c.id LIMIT 40`.execute(db);
    for (const r of rows) {
      const parts = [r.number, r.subject, r.description, r.remedy_sought, r.first_name, r.last_name];
      const same = await sql<{ same: boolean }>`
        SELECT ${r.search_vector}::tsvector = array_to_tsvector(${searchDocument(...parts)}::text[]) AS same`.execute(
        db,
      );
      expect(same.rows[0]!.same, r.number).toBe(true);
    }
  });

  it('is found by the product search in each of the five languages', async () => {
    for (const locale of ['ar', 'en', 'ru', 'kk', 'az']) {
      const c = await sql<{ org_id: string; id: string; description: string }>`
        SELECT org_id, id, description FROM cases WHERE locale = ${locale} ORDER BY id LIMIT 1`.execute(db);
      const row = c.rows[0];
      expect(row, locale).toBeDefined();
      const word = normalizeForSearch(row!.description)
        .split(' ')
        .find((w) => [...w].length >= 6 && !/\d/.test(w))!;
      const found = await listCaseViews(db, row!.org_id, { tsQuery: searchQuery(word), limit: 5000 });
      expect(
        found.map((v) => v.id),
        `${locale}: ${word}`,
      ).toContain(row!.id);
    }
  });

  it('continues each org’s yearly case-number series where the generated cases stop', async () => {
    const orgs = await sql<{ org_id: string; last: string }>`
      SELECT org_id, max(number) AS last FROM cases WHERE number LIKE ${'%-2026-%'} GROUP BY org_id`.execute(
      db,
    );
    expect(orgs.rows).toHaveLength(5);
    for (const o of orgs.rows) {
      const org = (await getOrgById(db, o.org_id))!;
      const next = await db
        .transaction()
        .execute(async (trx) => allocateCaseNumber(trx, org, NOW))
        .catch((e) => String(e));
      const lastSeq = Number(o.last.split('-').pop());
      expect(next).toBe(`${org.casePrefix}-2026-${String(lastSeq + 1).padStart(6, '0')}`);
    }
  });

  it('keeps clocks running only on open cases, each settled up to the generation instant', async () => {
    const { rows } = await sql<{ open: number; pending_on_closed: number; pending: number }>`
      SELECT count(DISTINCT c.id) FILTER (WHERE c.status = ANY(${[...OPEN_STATUSES]}::text[]))::int AS open,
             count(*) FILTER (WHERE s.next_check_at IS NOT NULL AND NOT c.status = ANY(${[...OPEN_STATUSES]}::text[]))::int
               AS pending_on_closed,
             count(*) FILTER (WHERE s.next_check_at IS NOT NULL)::int AS pending
        FROM cases c LEFT JOIN case_sla_stages s ON s.org_id = c.org_id AND s.case_id = c.id`.execute(db);
    expect(rows[0]!.pending_on_closed).toBe(0);
    expect(rows[0]!.open).toBe(summary.openCases);
    expect(rows[0]!.pending).toBeGreaterThan(0);
    // Nothing was left for the sweep at the generation instant…
    expect(await sweepSla(db, NOW)).toMatchObject({ warnings: 0, breaches: 0, escalations: 0 });
    // …and a month later the product's sweep records the breaches of the clocks still running.
    const later = await sweepSla(db, new Date(NOW.getTime() + 30 * 86_400_000));
    expect(later.breaches).toBeGreaterThan(0);
  });
});
