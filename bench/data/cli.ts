// npm run bench:data -- --cases 1000000 [--days 1095] [--backlog 0.02] [--db riza_bench] [--seed 1]
// Builds the benchmark data set in the embedded PostgreSQL under bench/.data/ (the database is
// dropped and rebuilt), or in the empty database given by DATABASE_URL.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { saveGenerationRecord } from '../lib/generation-record.ts';
import { databaseName, openBenchServer, recreateDatabase } from '../lib/postgres.ts';
import { MissingDataError } from './corpus.ts';
import { generateData } from './generate.ts';

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

main().catch((e) => {
  process.stderr.write(`${e instanceof MissingDataError ? e.message : (e?.stack ?? e)}\n`);
  process.exit(1);
});
