// Query plans of the hot paths: the same HTTP request is served once by an in-process app whose
// database handle records every SQL statement (Kysely's `log` hook), and each SELECT is then run
// under EXPLAIN (ANALYZE, BUFFERS) with the same parameters. A sequential scan of a large table
// on one of these paths is reported with its plan.
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import type { Database } from '../../server/src/platform/db/schema.ts';
import { BENCH_DATA_DIR } from '../lib/postgres.ts';

/** Tables below this many rows may be read whole: an index would not help. */
const LARGE_TABLE_ROWS = 10_000;
/** A statement slower than this inside PostgreSQL has its plan kept too. */
export const SLOW_STATEMENT_MS = 50;
/** An index scan that reads and throws away this many rows is a scan in all but name. */
const WASTED_ROWS = 10_000;

export interface QueryPlan {
  sql: string;
  /** the bound values, as text (what made this plan: e.g. the search words) */
  parameters: string[];
  /** large tables read whole: by a sequential scan, or by an index scan that discards most rows */
  seqScans: string[];
  /** execution time reported by EXPLAIN ANALYZE, ms */
  ms: number;
  /** the text plan, kept when it has a sequential scan of a large table or is slow */
  text: string | null;
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Rows Removed by Filter'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** Sequential scans of large tables, and index scans that filter away most of what they read. */
export function seqScans(node: PlanNode, large: Set<string>, out: Set<string>): void {
  const relation = node['Relation Name'];
  if (relation && large.has(relation)) {
    const removed = (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1);
    if (node['Node Type'] === 'Seq Scan') out.add(`Seq Scan on ${relation}`);
    else if (removed > WASTED_ROWS) {
      out.add(
        `${node['Node Type']} using ${node['Index Name'] ?? '?'} on ${relation} read and discarded ${Math.round(removed).toLocaleString('en')} rows`,
      );
    }
  }
  for (const child of node.Plans ?? []) seqScans(child, large, out);
}

export class Planner {
  private captured: { sql: string; parameters: readonly unknown[] }[] | null = null;
  private constructor(
    private readonly app: Awaited<ReturnType<typeof buildApp>>,
    private readonly db: Kysely<Database>,
    private readonly pool: pg.Pool,
    private readonly large: Set<string>,
  ) {}

  static async open(databaseUrl: string): Promise<Planner> {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    let planner: Planner | null = null;
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (event.level === 'query')
          planner?.captured?.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      RIZA_DATA_DIR: path.join(BENCH_DATA_DIR, 'app'),
      LOG_LEVEL: 'silent',
    });
    const app = await buildApp(config, { db });
    const sizes = await pool.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.reltuples > $1`,
      [LARGE_TABLE_ROWS],
    );
    planner = new Planner(app, db, pool, new Set(sizes.rows.map((r) => r.relname)));
    return planner;
  }

  /** Serves one request and explains every SELECT it ran. */
  async explain(
    url: string,
    token: string,
  ): Promise<{ status: number; statements: number; plans: QueryPlan[] }> {
    this.captured = [];
    const res = await this.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const queries = this.captured;
    this.captured = null;
    const plans: QueryPlan[] = [];
    for (const q of queries) {
      if (!/^\s*(select|with)\b/i.test(q.sql)) continue;
      const json = await this.pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.sql}`, [
        ...q.parameters,
      ]);
      const top = (json.rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number }[])[0]!;
      const found = new Set<string>();
      seqScans(top.Plan, this.large, found);
      let text: string | null = null;
      if (found.size || top['Execution Time'] > SLOW_STATEMENT_MS) {
        const t = await this.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters]);
        text = t.rows.map((r) => r['QUERY PLAN']).join('\n');
      }
      plans.push({
        sql: q.sql,
        parameters: q.parameters.map((v) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 120)),
        seqScans: [...found],
        ms: top['Execution Time'],
        text,
      });
    }
    return { status: res.statusCode, statements: queries.length, plans };
  }

  /** How many SQL statements one request runs (a write is really made: use a fresh body). */
  async count(
    method: 'GET' | 'POST',
    url: string,
    token: string,
    body?: string,
  ): Promise<{ status: number; statements: number }> {
    this.captured = [];
    const res = await this.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: body } : {}),
    });
    const statements = this.captured.length;
    this.captured = null;
    return { status: res.statusCode, statements };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.db.destroy();
  }
}
