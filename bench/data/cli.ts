// npm run bench:data -- --cases 1000000 [--days 1095] [--backlog 0.02] [--db riza_bench] [--seed 1]
// npm run bench:data -- --cases 10000000 --from riza_bench --db riza_bench_10m
// Builds the benchmark data set in the embedded PostgreSQL under bench/.data/ (the database is
// dropped and rebuilt), or in the empty database given by DATABASE_URL.
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDb, migrateToLatest } from '../../server/src/platform/db/db.ts';
import { readGenerationRecord, saveGenerationRecord } from '../lib/generation-record.ts';
import {
  databaseExists,
  databaseName,
  openBenchServer,
  recreateDatabase,
  withClient,
} from '../lib/postgres.ts';
import { MissingDataError } from './corpus.ts';
import { generateData } from './generate.ts';
import { replicateCases } from './replicate.ts';

const log = (msg: string) => process.stdout.write(`${msg}\n`);

function positive(name: string, raw: string | undefined, fallback: number, integer = true): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new Error(`--${name} must be a ${integer ? 'whole ' : ''}number ≥ 0 (got "${raw}")`);
  }
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string' },
      days: { type: 'string' },
      backlog: { type: 'string' },
      db: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    log(
      [
        'npm run bench:data -- --cases N [options]',
        '  --cases N      cases to generate over the five policy profiles (default 1000000)',
        '  --days D       spread of creation dates, ending now (default 1095: three years)',
        '  --backlog S    share of cases that stay open for good, 0…1 (default 0.02)',
        '  --db NAME      database on the embedded server (default riza_bench); dropped and rebuilt',
        '  --seed N       random seed (default 1)',
        '  --from SOURCE  grow a copy of the generated database SOURCE to N cases inside PostgreSQL',
        '                 (whole copies of every case, without timeline events: see bench/data/replicate.ts)',
        'With DATABASE_URL set, that (empty) database is filled instead and nothing is dropped.',
      ].join('\n'),
    );
    return;
  }
  const cases = positive('cases', values.cases, 1_000_000);
  const days = positive('days', values.days, 1095);
  const backlog = positive('backlog', values.backlog, 0.02, false);
  if (backlog > 1) throw new Error('--backlog is a share between 0 and 1');
  if (cases < 1 || days < 1) throw new Error('--cases and --days must be at least 1');
  if (values.from) return grow(values.from, values.db ?? 'riza_bench_10m', cases);
  const server = await openBenchServer(log);
  try {
    const name = databaseName(server, values.db ?? 'riza_bench');
    if (!server.external) await recreateDatabase(server, name);
    log(`Generating ${cases.toLocaleString('en')} cases over ${days} days into database "${name}"…`);
    const loadStart = os.loadavg()[0]!;
    const seed = positive('seed', values.seed, 1);
    const summary = await generateData({
      url: server.urlFor(name),
      cases,
      days,
      backlog,
      seed,
      log,
      progress: true,
    });
    await saveGenerationRecord({
      database: name,
      finishedAt: new Date().toISOString(),
      cases: summary.cases,
      days,
      backlog,
      seed,
      minutes: summary.seconds.total / 60,
      seconds: summary.seconds,
      databaseSize: summary.databaseSize,
      loadAverage: { start: loadStart, end: os.loadavg()[0]! },
    });
    log('');
    log(`Done in ${(summary.seconds.total / 60).toFixed(1)} min — database size ${summary.databaseSize}`);
    for (const [table, rows] of Object.entries(summary.rows))
      log(`  ${table.padEnd(18)} ${rows.toLocaleString('en')}`);
    log(`  open cases         ${summary.openCases.toLocaleString('en')}`);
    log(`  pending SLA clocks ${summary.pendingClocks.toLocaleString('en')}`);
    log(
      `  time: generate + COPY ${summary.seconds.generate.toFixed(0)} s, indexes + foreign keys ${summary.seconds.indexes.toFixed(0)} s, VACUUM ANALYZE ${summary.seconds.analyze.toFixed(0)} s`,
    );
  } finally {
    await server.stop();
  }
}

/** A copy of the generated database `source`, grown to at least `cases` cases by replicateCases. */
async function grow(source: string, target: string, cases: number) {
  const server = await openBenchServer(log);
  try {
    if (server.external) throw new Error('--from works on the embedded benchmark server only');
    if (source === target) throw new Error('--from and --db must name different databases');
    if (!(await databaseExists(server, source)))
      throw new Error(`no database "${source}": generate it first (npm run bench:data -- --db ${source})`);
    const started = Date.now();
    const loadStart = os.loadavg()[0]!;
    log(`Copying database "${source}" to "${target}"…`);
    await withClient(server.urlFor('postgres'), async (c) => {
      const ident = (n: string) => `"${n.replace(/"/g, '""')}"`;
      await c.query(`DROP DATABASE IF EXISTS ${ident(target)} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${ident(target)} TEMPLATE ${ident(source)}`);
    });
    const db = createDb(server.urlFor(target), 1);
    await migrateToLatest(db).finally(() => db.destroy());
    const [admin, parallel] = [
      new pg.Client({ connectionString: server.urlFor(target) }),
      new pg.Client({ connectionString: server.urlFor(target) }),
    ];
    await admin.connect();
    await parallel.connect();
    try {
      const { n } = (await admin.query<{ n: string }>('SELECT count(*) AS n FROM cases')).rows[0]!;
      const copies = Math.max(1, Math.ceil(cases / Number(n)) - 1);
      log(`${Number(n).toLocaleString('en')} cases in "${source}": adding ${copies} copies of each…`);
      const summary = await replicateCases(admin, { copies, log, parallel });
      const size = await admin.query<{ s: string }>(
        'SELECT pg_size_pretty(pg_database_size(current_database())) AS s',
      );
      const source_ = await readGenerationRecord(source);
      await saveGenerationRecord({
        database: target,
        finishedAt: new Date().toISOString(),
        cases: summary.casesAfter,
        days: source_?.days ?? 0,
        backlog: source_?.backlog ?? 0,
        seed: source_?.seed ?? 0,
        minutes: (Date.now() - started) / 60_000,
        seconds: {
          generate: summary.seconds.copy,
          indexes: summary.seconds.indexes,
          analyze: summary.seconds.analyze,
        },
        databaseSize: size.rows[0]!.s,
        loadAverage: { start: loadStart, end: os.loadavg()[0]! },
        grownFrom: { database: source, cases: summary.casesBefore, copies },
      });
      log('');
      log(
        `Done in ${((Date.now() - started) / 60_000).toFixed(1)} min — ${summary.casesAfter.toLocaleString('en')} cases, database size ${size.rows[0]!.s}`,
      );
      for (const [table, rows] of Object.entries(summary.rows))
        log(`  ${table.padEnd(18)} +${rows.toLocaleString('en')}`);
      log(
        `  time: copies ${summary.seconds.copy.toFixed(0)} s, indexes + foreign keys ${summary.seconds.indexes.toFixed(0)} s, VACUUM ANALYZE ${summary.seconds.analyze.toFixed(0)} s`,
      );
    } finally {
      await admin.end();
      await parallel.end();
    }
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof MissingDataError ? e.message : (e?.stack ?? e)}\n`);
  process.exit(1);
});
