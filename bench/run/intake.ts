// Durable case intake through the HTTP API, side by side with a raw PostgreSQL insert of the very
// rows those API calls wrote: same tables, same indexes, same size, same concurrency, one
// transaction per case with a durable commit, measured right after each API round. The ratio
// says what share of the database's own insert rate the application reaches.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Corpus } from '../data/corpus.ts';
import type { Rng } from '../lib/random.ts';
import { type LatencySummary, summarize } from '../lib/stats.ts';
import { intakeBody, type OrgFixture } from './fixtures.ts';
import { type LoadResult, runLoad } from './load.ts';

export interface IntakeOptions {
  apiUrl: string;
  databaseUrl: string;
  fixtures: OrgFixture[];
  corpus: Corpus;
  rng: Rng;
  connections: number;
  rounds: number;
  roundSeconds: number;
  fixedRate: number;
  fixedSeconds: number;
  log: (msg: string) => void;
}

export interface RawResult {
  cases: number;
  seconds: number;
  rate: number;
  latency: LatencySummary;
}

export interface IntakeResult {
  rounds: { api: LoadResult; raw: RawResult }[];
  apiRate: number;
  rawRate: number;
  /** API cases/s ÷ raw insert cases/s */
  ratio: number;
  apiLatency: LatencySummary;
  rawLatency: LatencySummary;
  fixed: LoadResult;
  /** average rows one registration writes, per table */
  rowsPerCase: Record<string, number>;
  connections: number;
}

const CASE_ID = /"id":"([0-9a-f-]{36})"/;
let requestSeq = 0;

function intakeLoad(o: IntakeOptions, seconds: number, rate: number | undefined, ids: string[] | null) {
  const runId = randomBytes(4).toString('hex');
  return runLoad({
    url: o.apiUrl,
    connections: rate ? Math.max(o.connections, 64) : o.connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    next: () => {
      const n = requestSeq++;
      const f = o.fixtures[n % o.fixtures.length]!;
      return {
        method: 'POST',
        path: '/api/v1/cases',
        headers: {
          authorization: `Bearer ${f.agentToken}`,
          'content-type': 'application/json',
          'idempotency-key': `bench-${runId}-${n}`,
        },
        body: intakeBody(f, n, o.corpus, o.rng),
      };
    },
    ...(ids
      ? {
          onBody: (status: number, body: string) => {
            const id = status === 201 ? CASE_ID.exec(body)?.[1] : undefined;
            if (id) ids.push(id);
          },
        }
      : {}),
  });
}

export async function benchIntake(o: IntakeOptions): Promise<IntakeResult> {
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: o.connections });
  await pool.query('DROP TABLE IF EXISTS bench_raw_audit_log');
  // The audit chain cannot take copies (each row hashes the one before), so the raw copies of
  // the audit rows go to a table of the same shape and indexes.
  await pool.query('CREATE TABLE bench_raw_audit_log (LIKE audit_log INCLUDING ALL)');
  try {
    o.log('  warm-up (5 s, not measured)…');
    await intakeLoad(o, 5, undefined, null);
    const rounds: IntakeResult['rounds'] = [];
    const rowCounts: Record<string, number> = {};
    let copied = 0;
    for (let r = 1; r <= o.rounds; r++) {
      const ids: string[] = [];
      const since = new Date();
      const api = await intakeLoad(o, o.roundSeconds, undefined, ids);
      o.log(
        `  round ${r}: API ${api.throughput.toFixed(0)} cases/s (p50 ${api.latency.p50.toFixed(0)} ms, p99 ${api.latency.p99.toFixed(0)} ms, ${api.non2xx} non-2xx)`,
      );
      const rows = await captureRows(pool, o.fixtures, ids, since);
      for (const c of rows) {
        for (const [table, list] of Object.entries(c))
          rowCounts[table] = (rowCounts[table] ?? 0) + list.length;
      }
      copied += rows.length;
      const raw = await rawInsert(pool, rows, o.connections);
      o.log(
        `  round ${r}: raw PostgreSQL insert of the same ${rows.length} cases: ${raw.rate.toFixed(0)} cases/s (p50 ${raw.latency.p50.toFixed(1)} ms, p99 ${raw.latency.p99.toFixed(1)} ms)`,
      );
      rounds.push({ api, raw });
    }
    o.log(`  fixed rate ${o.fixedRate}/s for ${o.fixedSeconds} s…`);
    const fixed = await intakeLoad(o, o.fixedSeconds, o.fixedRate, null);
    const apiCases = rounds.reduce((s, x) => s + x.api.ok, 0);
    const apiSeconds = rounds.reduce((s, x) => s + x.api.seconds, 0);
    const rawCases = rounds.reduce((s, x) => s + x.raw.cases, 0);
    const rawSeconds = rounds.reduce((s, x) => s + x.raw.seconds, 0);
    const apiRate = apiCases / apiSeconds;
    const rawRate = rawCases / rawSeconds;
    return {
      rounds,
      apiRate,
      rawRate,
      ratio: apiRate / rawRate,
      apiLatency: merge(rounds.map((x) => x.api.latency)),
      rawLatency: merge(rounds.map((x) => x.raw.latency)),
      fixed,
      rowsPerCase: Object.fromEntries(
        Object.entries(rowCounts).map(([t, n]) => [t, n / Math.max(1, copied)]),
      ),
      connections: o.connections,
    };
  } finally {
    await pool.query('DROP TABLE IF EXISTS bench_raw_audit_log').catch(() => {});
    await pool.end();
  }
}

/** Weighted by count: good enough to report rounds together (each round's own figures are kept). */
function merge(parts: LatencySummary[]): LatencySummary {
  const total = parts.reduce((s, p) => s + p.count, 0);
  const w = (k: keyof LatencySummary) => parts.reduce((s, p) => s + p[k] * p.count, 0) / Math.max(1, total);
  return {
    count: total,
    mean: w('mean'),
    p50: w('p50'),
    p95: w('p95'),
    p99: w('p99'),
    max: Math.max(...parts.map((p) => p.max)),
  };
}

type Row = Record<string, unknown>;
type CaseRows = Record<string, Row[]>;

/** Every row the registrations of these cases wrote, grouped per case. */
async function captureRows(
  pool: pg.Pool,
  fixtures: OrgFixture[],
  ids: string[],
  since: Date,
): Promise<CaseRows[]> {
  if (!ids.length) return [];
  const orgOf = new Map<string, string>();
  const cases = await pool.query<{ org_id: string; id: string; customer_id: string }>(
    'SELECT org_id, id, customer_id FROM cases WHERE org_id = ANY($1::uuid[]) AND id = ANY($2::uuid[])',
    [fixtures.map((f) => f.orgId), ids],
  );
  const keys = cases.rows;
  for (const k of keys) orgOf.set(k.id, k.org_id);
  const orgs = keys.map((k) => k.org_id);
  const caseIds = keys.map((k) => k.id);
  const customerIds = keys.map((k) => k.customer_id);
  const byCase = new Map<string, CaseRows>(caseIds.map((id) => [id, {}]));
  const add = (table: string, rows: { key: string; row: Row }[]) => {
    for (const { key, row } of rows) {
      const c = byCase.get(key);
      if (!c) continue;
      const list = c[table] ?? [];
      list.push(row);
      c[table] = list;
    }
  };
  const keyed = (table: string, idColumn: string) =>
    pool.query<{ key: string; row: Row }>(
      `SELECT t.${idColumn} AS key, to_jsonb(t) AS row
         FROM ${table} t JOIN unnest($1::uuid[], $2::uuid[]) AS k(org_id, id)
           ON t.org_id = k.org_id AND t.${idColumn} = k.id`,
      [orgs, caseIds],
    );
  add('cases', (await keyed('cases', 'id')).rows);
  for (const table of ['case_sla_stages', 'sla_records', 'case_events', 'case_messages', 'notifications']) {
    add(table, (await keyed(table, 'case_id')).rows);
  }
  // Customers (and their contacts) that these registrations created.
  const customers = await pool.query<{ key: string; row: Row }>(
    `SELECT k.case_id AS key, to_jsonb(c) AS row
       FROM customers c JOIN unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS k(org_id, customer_id, case_id)
         ON c.org_id = k.org_id AND c.id = k.customer_id
      WHERE c.created_at >= $4`,
    [orgs, customerIds, caseIds, since],
  );
  add('customers', customers.rows);
  const created = customers.rows.map((r) => r.row.id as string);
  const contacts = await pool.query<{ key: string; row: Row }>(
    `SELECT k.case_id AS key, to_jsonb(cc) AS row
       FROM customer_contacts cc JOIN unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS k(org_id, customer_id, case_id)
         ON cc.org_id = k.org_id AND cc.customer_id = k.customer_id
      WHERE cc.customer_id = ANY($4::uuid[])`,
    [orgs, customerIds, caseIds, created],
  );
  add('customer_contacts', contacts.rows);
  const idem = await pool.query<{ key: string; row: Row }>(
    `SELECT (i.response->>'id') AS key, to_jsonb(i) AS row FROM idempotency_keys i
      WHERE i.org_id = ANY($1::uuid[]) AND i.created_at >= $2 AND i.response->>'id' = ANY($3::text[])`,
    [[...new Set(orgs)], since, caseIds],
  );
  add('idempotency_keys', idem.rows);
  const customerCase = new Map(keys.map((k) => [k.customer_id, k.id]));
  const audit = await pool.query<{ entity_id: string; row: Row }>(
    `SELECT a.entity_id, to_jsonb(a) AS row FROM audit_log a
      WHERE a.org_id = ANY($1::uuid[]) AND a.at >= $2 AND a.entity IN ('case', 'customer')
        AND a.entity_id = ANY($3::text[])`,
    [[...new Set(orgs)], since, [...caseIds, ...created]],
  );
  add(
    'audit_log',
    audit.rows.map((r) => ({
      key: orgOf.has(r.entity_id) ? r.entity_id : (customerCase.get(r.entity_id) ?? ''),
      row: r.row,
    })),
  );
  return [...byCase.values()];
}

/** Same rows under new keys, so they can be inserted beside the originals. */
function remap(c: CaseRows): CaseRows {
  const original = c.cases?.[0];
  if (!original) return {};
  const caseId = uuidv7();
  const customerMap = new Map<string, string>((c.customers ?? []).map((r) => [r.id as string, uuidv7()]));
  const cust = (id: unknown) => customerMap.get(id as string) ?? id;
  const out: CaseRows = {};
  out.customers = (c.customers ?? []).map((r) => ({ ...r, id: cust(r.id) }));
  out.customer_contacts = (c.customer_contacts ?? []).map((r) => ({
    ...r,
    customer_id: cust(r.customer_id),
    value: `${r.value}#raw`,
  }));
  out.cases = [
    {
      ...original,
      id: caseId,
      number: `${original.number}-R`,
      tracking_token: randomBytes(16).toString('base64url'),
      customer_id: cust(original.customer_id),
    },
  ];
  for (const table of ['case_sla_stages', 'sla_records', 'case_events', 'case_messages']) {
    out[table] = (c[table] ?? []).map((r) => ({
      ...r,
      case_id: caseId,
      ...(table === 'case_messages' ? { id: uuidv7() } : {}),
    }));
  }
  out.notifications = (c.notifications ?? []).map((r) => ({
    ...r,
    id: uuidv7(),
    case_id: caseId,
    dedupe_key: `${r.dedupe_key}:raw`,
  }));
  out.idempotency_keys = (c.idempotency_keys ?? []).map((r) => ({ ...r, key: `${r.key}:raw` }));
  out.bench_raw_audit_log = c.audit_log ?? [];
  return out;
}

const INSERT_ORDER = [
  'customers',
  'customer_contacts',
  'cases',
  'case_sla_stages',
  'sla_records',
  'case_events',
  'case_messages',
  'notifications',
  'idempotency_keys',
  'bench_raw_audit_log',
];

async function rawInsert(pool: pg.Pool, cases: CaseRows[], connections: number): Promise<RawResult> {
  const work = cases.map(remap).filter((c) => c.cases?.length);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      try {
        for (;;) {
          const i = next++;
          if (i >= work.length) return;
          const c = work[i]!;
          const t0 = performance.now();
          await client.query('BEGIN');
          for (const table of INSERT_ORDER) {
            const rows = c[table];
            if (!rows?.length) continue;
            await client.query(
              `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(null::${table}, $1::jsonb)`,
              [JSON.stringify(rows)],
            );
          }
          await client.query('COMMIT');
          latencies.push(performance.now() - t0);
        }
      } finally {
        client.release();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { cases: work.length, seconds, rate: work.length / seconds, latency: summarize(latencies) };
}
