// Grows a generated data set inside PostgreSQL: each copy re-inserts every case, with its messages,
// SLA clocks and SLA records, under new ids, case numbers and tracking tokens, its times moved a few
// minutes earlier. No row leaves the server, so ten million cases take an hour instead of the many
// hours of generating each one.
//
// What a copy is not: its cases keep the customers, texts and words of the case copied (every
// complaint text occurs once per copy, so a word matches as many times more cases as there are
// copies), and it has no timeline events. Events are the largest table (2.3 GB of the 7.6 GB a
// million generated cases take) and are only ever read one case at a time by primary key, so
// copying them would fill the disk without changing what the benchmarks measure; the case view is
// measured on cases that have them.
import type pg from 'pg';
import { dropForBulkLoad, restoreAfterBulkLoad } from './schema-bulk.ts';

/** The tables a copy fills, with how their columns change; every other column is copied as is. */
const COPIED = ['cases', 'case_messages', 'case_sla_stages', 'sla_records'] as const;
type Copied = (typeof COPIED)[number];

export interface ReplicateOptions {
  /** how many copies to add (the data set ends up copies + 1 times as large) */
  copies: number;
  log: (msg: string) => void;
  /** a second connection to the same database: the case table is copied beside the others */
  parallel?: pg.Client;
}

export interface ReplicateSummary {
  casesBefore: number;
  casesAfter: number;
  rows: Record<Copied, number>;
  seconds: { copy: number; indexes: number; analyze: number };
}

interface Column {
  name: string;
  type: string;
}

async function columnsOf(client: pg.Client, table: string): Promise<Column[]> {
  const { rows } = await client.query<Column>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type
       FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [`public.${table}`],
  );
  return rows;
}

/**
 * The SELECT list of a table's copies, with `k` (1…copies) the copy: ids derived from the original
 * id and k (the same in every table, so a copied message belongs to the copied case), times
 * k × 7 min 13 s earlier (never in the future, durations kept), numbers continued past the series.
 */
export function copyExpressions(table: Copied, columns: Column[]): string[] {
  const derived = (col: string) => `md5(${col}::text || ':' || k)::uuid`;
  return columns.map(({ name, type }) => {
    const ref = `t."${name}"`;
    if (
      name === 'case_id' ||
      (table === 'cases' && name === 'id') ||
      (table === 'case_messages' && name === 'id')
    )
      return derived(ref);
    if (table === 'cases' && name === 'number')
      // KH-2026-000123 → KH-2026-3000123 in copy 3 (UM-2026-000123-R → UM-2026-3000123-R): unique
      // per org, and the series goes on from it
      return `regexp_replace(${ref}, '^(.*-[0-9]{4}-)[0-9]+', '\\1' || (substring(${ref} from '-[0-9]{4}-([0-9]+)')::bigint + k * 1000000)::text)`;
    if (table === 'cases' && name === 'tracking_token')
      return `left(translate(encode(sha256(convert_to(${ref} || ':' || k, 'UTF8')), 'base64'), '+/=', '-_'), length(${ref}))`;
    if (table === 'case_messages' && name === 'external_id') return `${ref} || ':' || k`;
    if (type === 'timestamp with time zone') return `${ref} - make_interval(secs => k * 433)`;
    return ref;
  });
}

/** Every copy of a table in one statement, so each table is read once. */
async function copyTable(client: pg.Client, table: Copied, copies: number, log: (msg: string) => void) {
  const t0 = Date.now();
  const columns = await columnsOf(client, table);
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const r = await client.query(
    `INSERT INTO ${table} (${names})
     SELECT ${copyExpressions(table, columns).join(', ')}
       FROM ${table} t CROSS JOIN generate_series(1, ${copies}) AS k`,
  );
  const n = r.rowCount ?? 0;
  log(`  ${table}: ${n.toLocaleString('en')} rows in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return n;
}

async function session(client: pg.Client): Promise<void> {
  // Loading only (the set is rebuilt if the machine stops half-way); the append-only and
  // report-day triggers are for the product's own writes, and report days are summed again below.
  await client.query('SET synchronous_commit = off');
  await client.query('SET session_replication_role = replica');
}

/** Adds `copies` copies of every case in the database `admin` is connected to. */
export async function replicateCases(admin: pg.Client, opts: ReplicateOptions): Promise<ReplicateSummary> {
  const count = async () =>
    Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM cases')).rows[0]!.n);
  const casesBefore = await count();
  if (casesBefore === 0) throw new Error('the database holds no cases to copy: generate a data set first');
  await session(admin);
  if (opts.parallel) await session(opts.parallel);
  opts.log('Dropping secondary indexes and foreign keys of the copied tables for the load…');
  const dropped = await dropForBulkLoad(admin, COPIED);
  const rows = Object.fromEntries(COPIED.map((t) => [t, 0])) as Record<Copied, number>;
  const copyStart = Date.now();
  opts.log(`Copying every case ${opts.copies} times…`);
  const others = async (client: pg.Client) => {
    for (const table of COPIED.filter((t) => t !== 'cases'))
      rows[table] = await copyTable(client, table, opts.copies, opts.log);
  };
  await Promise.all([
    (async () => {
      rows.cases = await copyTable(admin, 'cases', opts.copies, opts.log);
    })(),
    opts.parallel ? others(opts.parallel) : Promise.resolve(),
  ]);
  if (!opts.parallel) await others(admin);
  const copySeconds = (Date.now() - copyStart) / 1000;

  // Intake through the API continues each org's series after the highest number of its year.
  await admin.query(`
    INSERT INTO case_number_counters (org_id, year, last_value)
    SELECT org_id, substring(number from '-([0-9]{4})-[0-9]+')::int,
           max(substring(number from '-[0-9]{4}-([0-9]+)')::bigint)
      FROM cases GROUP BY 1, 2
    ON CONFLICT (org_id, year) DO UPDATE SET last_value = GREATEST(case_number_counters.last_value, EXCLUDED.last_value)`);
  // The SLA report's summed days now miss the copies' records: forget them, reports sum again.
  await admin.query('TRUNCATE sla_report_days, sla_report_days_done');

  await admin.query('RESET session_replication_role');
  opts.log('Rebuilding indexes and checking foreign keys…');
  const idxStart = Date.now();
  await restoreAfterBulkLoad(admin, dropped, opts.log);
  const indexSeconds = (Date.now() - idxStart) / 1000;
  opts.log('VACUUM ANALYZE…');
  const anStart = Date.now();
  for (const table of COPIED) await admin.query(`VACUUM (ANALYZE) ${table}`);
  return {
    casesBefore,
    casesAfter: await count(),
    rows,
    seconds: { copy: copySeconds, indexes: indexSeconds, analyze: (Date.now() - anStart) / 1000 },
  };
}
