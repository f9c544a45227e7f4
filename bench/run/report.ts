// The results as a table on the terminal and as docs/benchmarks.md.
import type { GenerationRecord } from '../lib/generation-record.ts';
import type { MachineInfo } from '../lib/machine.ts';
import type { IntakeResult } from './intake.ts';
import { type ReadResult, SEARCH_WORDS } from './reads.ts';
import type { SlaResult } from './sla.ts';

export interface DataSummary {
  database: string;
  generation: GenerationRecord | null;
  bytes: number;
  cases: number;
  openCases: number;
  rows: Record<string, number>;
  size: string;
  oldest: string | null;
  newest: string | null;
}

export interface BenchResults {
  startedAt: Date;
  finishedAt: Date;
  machine: MachineInfo;
  loadAverageAfter: [number, number, number];
  postgres: string;
  external: boolean;
  data: DataSummary;
  intake: IntakeResult | null;
  /** SQL statements one registration runs */
  intakeStatements: number | null;
  /** benchmark search words that the product's own query does not match in their own indexed form */
  searchSelfMisses: string[];
  reads: ReadResult[];
  largeData: DataSummary | null;
  largeReads: ReadResult[];
  sla: SlaResult | null;
  slaData: DataSummary | null;
  memory: { peakBytes: number; peakTreeBytes: number; meanBytes: number; idleBytes: number } | null;
  notes: string[];
}

const MB = 1024 * 1024;
const n0 = (x: number) => Math.round(x).toLocaleString('en');
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) : '–');

/** "met" or how far off: for a maximum (latency) or a minimum (throughput). */
export function verdict(measured: number, target: number, kind: 'max' | 'min'): string {
  if (!Number.isFinite(measured)) return 'not measured';
  if (kind === 'max') {
    return measured <= target
      ? 'met'
      : `missed by ${ms(measured - target)} (${(measured / target).toFixed(1)}× the target)`;
  }
  return measured >= target
    ? 'met'
    : `missed by ${n0(target - measured)} (${((measured / target) * 100).toFixed(0)} % of the target)`;
}

function readTable(rows: ReadResult[]): string[] {
  const out = [
    '| what | requests | p50 ms | p95 ms | p99 ms | target p95 | verdict | SQL per request | plan |',
    '|---|---:|---:|---:|---:|---:|---|---:|---|',
  ];
  for (const r of rows) {
    out.push(
      `| ${r.name} | ${r.load.ok}${r.load.non2xx ? ` (+${r.load.non2xx} non-2xx)` : ''} | ${ms(r.load.latency.p50)} | ${ms(r.load.latency.p95)} | ${ms(r.load.latency.p99)} | ${r.target} ms | ${verdict(r.load.latency.p95, r.target, 'max')} | ${r.statements.toFixed(0)} statements, ${ms(r.databaseMs)} ms | ${r.sequentialScan ? '⚠ reads a large table whole (below)' : 'indexes'} |`,
    );
  }
  return out;
}

/** The statement without its long select list (the plan shows what it reads). */
export function shortSql(text: string): string {
  if (!/^select\s/i.test(text)) return text;
  let depth = 0;
  let quoted: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === quoted) quoted = null;
    } else if (c === '"' || c === "'") quoted = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /^\sfrom\s/i.test(text.slice(i, i + 6))) {
      return i > 80 ? `select …${text.slice(i)}` : text;
    }
  }
  return text;
}

function planSection(rows: ReadResult[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    // Whole-table reads first, then the slowest; one plan of each kind per statement.
    const flagged = r.plans
      .filter((p) => p.text)
      .sort((a, b) => Number(b.seqScans.length > 0) - Number(a.seqScans.length > 0) || b.ms - a.ms);
    if (!flagged.length) continue;
    out.push(`### ${r.name}`, '');
    const seen = new Set<string>();
    for (const p of flagged) {
      const key = `${p.seqScans.length > 0}:${p.sql}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(
        p.seqScans.length
          ? `⚠ ${p.seqScans.join('; ')} (${ms(p.ms)} ms in PostgreSQL):`
          : `Slow: ${ms(p.ms)} ms in PostgreSQL:`,
        '',
        '```sql',
        shortSql(p.sql),
        '```',
        ...(p.parameters?.length
          ? ['', `Parameters: ${p.parameters.map((v, i) => `$${i + 1} = \`${v}\``).join(', ')}`]
          : []),
        '',
        '```',
        p.text!,
        '```',
        '',
      );
    }
  }
  return out;
}

function dataLine(d: DataSummary): string {
  const r = d.rows;
  const g = d.generation;
  const made = g?.grownFrom
    ? ` Grown from \`${g.grownFrom.database}\` (${n0(g.grownFrom.cases)} generated cases) by \`npm run bench:data -- --cases ${g.cases} --from ${g.grownFrom.database} --db ${d.database}\` in ${g.minutes.toFixed(1)} min (${n0(g.seconds.generate)} s copying, ${n0(g.seconds.indexes)} s of index builds and foreign-key checks, ${n0(g.seconds.analyze)} s VACUUM ANALYZE): ${g.grownFrom.copies} copies of every case inside PostgreSQL, each with its messages, SLA clocks and SLA records under new ids, case numbers and tracking tokens, its times moved 7 min 13 s earlier per copy. The copies share their originals' customers and texts (each word matches ${g.grownFrom.copies + 1} times as many cases) and have no timeline events, for the disk's sake; the case view is measured on cases that have them (see \`bench/data/replicate.ts\`).`
    : g
      ? ` Generated by \`npm run bench:data -- --cases ${g.cases} --days ${g.days} --backlog ${g.backlog}\` in ${g.minutes.toFixed(1)} min (${n0(g.cases / (g.seconds.generate || 1))} cases/s while copying, then ${n0(g.seconds.indexes)} s of index builds and foreign-key checks; 1-minute load average ${g.loadAverage.start} at the start, ${g.loadAverage.end} at the end).`
      : '';
  return `${n0(d.cases)} cases (${n0(d.openCases)} open) in database \`${d.database}\` (${d.size}), created ${d.oldest?.slice(0, 10) ?? '?'} … ${d.newest?.slice(0, 10) ?? '?'}; ≈ ${n0(r.customers ?? 0)} customers, ${n0(r.customer_contacts ?? 0)} contacts, ${n0(r.case_events ?? 0)} timeline events, ${n0(r.case_messages ?? 0)} messages, ${n0(r.case_sla_stages ?? 0)} SLA clocks, ${n0(r.sla_records ?? 0)} SLA records.${made}`;
}

export function summaryRows(b: BenchResults): [string, string, string, string][] {
  const rows: [string, string, string, string][] = [];
  if (b.intake) {
    rows.push([
      'Case intake through the HTTP API, durable',
      '≥ 1,000 cases/s sustained',
      `${n0(b.intake.apiRate)} cases/s (raw PostgreSQL insert of the same rows: ${n0(b.intake.rawRate)} cases/s; API = ${(b.intake.ratio * 100).toFixed(0)} % of it)`,
      verdict(b.intake.apiRate, 1000, 'min'),
    ]);
    rows.push([
      `Intake latency at ${b.intake.fixed.throughput.toFixed(0)} cases/s (500/s offered)`,
      'p99 < 100 ms at 500/s',
      `p50 ${ms(b.intake.fixed.latency.p50)} ms, p99 ${ms(b.intake.fixed.latency.p99)} ms`,
      b.intake.fixed.throughput < 475
        ? `500/s not reached (${b.intake.fixed.throughput.toFixed(0)}/s); ${verdict(b.intake.fixed.latency.p99, 100, 'max')}`
        : verdict(b.intake.fixed.latency.p99, 100, 'max'),
    ]);
  }
  const worst = (group: string, rs: ReadResult[]) => {
    const g = rs.filter((r) => r.group === group);
    return g.length ? g.reduce((a, r) => (r.load.latency.p95 > a.load.latency.p95 ? r : a)) : null;
  };
  for (const [label, set, data] of [
    ['', b.reads, b.data],
    [' (large data set)', b.largeReads, b.largeData],
  ] as const) {
    if (!set.length || !data) continue;
    const size = `${(data.cases / 1e6).toFixed(data.cases >= 1e6 ? 0 : 2)} M cases`;
    for (const [group, what, target] of [
      ['queue', 'Agent queue (worst of four)', 50],
      ['view', 'Case view', 50],
      ['search', 'Full-text search (worst of five languages)', 150],
      ['report', 'Manager dashboard: SLA report (worst of two)', 300],
    ] as const) {
      const w = worst(group, set);
      if (!w) continue;
      rows.push([
        `${what}${label}`,
        `p95 < ${target} ms with 10 M cases`,
        `p95 ${ms(w.load.latency.p95)} ms at ${size} (${w.name})`,
        verdict(w.load.latency.p95, target, 'max'),
      ]);
    }
  }
  if (b.sla) {
    const worstDelay = b.sla.sweepSeconds + b.sla.sweepIntervalSeconds;
    rows.push([
      'SLA timers',
      'breach recorded ≤ 60 s after the due instant, 1 M open cases',
      `${n0(b.sla.dueAtOnce)} clocks due at once among ${n0(b.sla.openCases)} open cases: last breach recorded ${b.sla.sweepSeconds.toFixed(1)} s after the sweep started; worst delay ≤ ${worstDelay.toFixed(1)} s with the ${b.sla.sweepIntervalSeconds} s sweep interval`,
      `${verdict(worstDelay, 60, 'max')}${b.sla.openCases < 1e6 ? ` (only ${n0(b.sla.openCases)} open cases, not 1 M)` : ''}`,
    ]);
  }
  if (b.memory) {
    rows.push([
      'Memory of the API process under load',
      '< 300 MB resident',
      `peak ${n0(b.memory.peakBytes / MB)} MB (mean ${n0(b.memory.meanBytes / MB)} MB; with child processes ${n0(b.memory.peakTreeBytes / MB)} MB)`,
      verdict(b.memory.peakBytes / MB, 300, 'max'),
    ]);
  }
  return rows;
}

export function consoleTable(b: BenchResults): string {
  const rows = summaryRows(b);
  const widths = [0, 1, 2, 3].map((i) => Math.min(70, Math.max(...rows.map((r) => r[i]!.length), 8)));
  const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (r: string[]) => r.map((c, i) => cut(c, widths[i]!)).join(' │ ');
  return [
    line(['what', 'target', 'measured', 'verdict']),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...rows.map(line),
  ].join('\n');
}

/** What the measurements themselves show about where time goes (not the fixes: those come later). */
export function causesFound(b: BenchResults): string[] {
  const out: string[] = [];
  const chatty = [...b.reads, ...b.largeReads].filter((r) => r.statements > 10);
  if (chatty.length) {
    out.push(
      `${chatty.map((r) => `${r.name}: ${r.statements.toFixed(0)}`).join('; ')} SQL statements per request: each is a round trip, which adds up although each takes well under a millisecond inside PostgreSQL (see "SQL per request"; a page of cases should cost a fixed few statements, not some per case).`,
    );
  }
  const scans = [...b.reads, ...b.largeReads].filter((r) => r.sequentialScan);
  if (scans.length) {
    out.push(`Large tables read whole on a hot path: ${scans.map((r) => r.name).join('; ')} (plans above).`);
  }
  const heavy = [...b.reads, ...b.largeReads].filter((r) =>
    r.plans.some((p) => p.text && !p.seqScans.length),
  );
  if (heavy.length) {
    out.push(
      `Statements taking more than 50 ms inside PostgreSQL on their own: ${heavy.map((r) => `${r.name} (${ms(Math.max(...r.plans.map((p) => p.ms)))} ms)`).join('; ')} (plans above).`,
    );
  }
  if (b.searchSelfMisses.length) {
    out.push(
      `Search words that do not find a text containing exactly that word: ${b.searchSelfMisses.map((w) => `“${w}”`).join(', ')}. The query \`searchQuery\` builds for the word does not match the lexemes \`searchDocument\` indexes for it (server/src/modules/search/normalize.ts), so such a search misses texts that contain the word.`,
    );
  }
  const slow = [...b.reads, ...b.largeReads].filter(
    (r) => r.load.latency.p95 > r.target && r.databaseMs < r.load.latency.p50 / 4,
  );
  if (slow.length) {
    out.push(
      `Over target while PostgreSQL itself needs only a fraction of the time: ${slow.map((r) => `${r.name} (p50 ${ms(r.load.latency.p50)} ms, ${ms(r.databaseMs)} ms in PostgreSQL)`).join('; ')}. The rest is round trips and work in the API process (building the case views with their SLA state, JSON), on cores shared with PostgreSQL and the load generator.`,
    );
  }
  if (b.intake && b.intakeStatements) {
    out.push(
      `Intake: one registration runs ${b.intakeStatements} SQL statements in its transaction (validation look-ups, find-or-create customer, number counter, case, SLA clocks, timeline, outbox, audit chain head) where the raw copy of its rows needs ${Object.keys(b.intake.rowsPerCase).length} INSERTs; every commit is durable (fsync), and the audit chain head row is locked by each registration of an org until its commit.`,
    );
  }
  return out;
}

export function markdown(b: BenchResults): string {
  const m = b.machine;
  const out: string[] = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${b.finishedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (run took ${((b.finishedAt.getTime() - b.startedAt.getTime()) / 60_000).toFixed(1)} min). The targets are SPEC §3. Re-run to refresh; edit bench/run/report.ts, not this file.`,
    '',
    '## How to reproduce',
    '',
    '```sh',
    'npm run bench:data -- --cases 1000000                                   # database riza_bench',
    'npm run bench:data -- --cases 1000000 --days 10 --backlog 1 --db riza_bench_sla   # 1 M open cases',
    'npm run bench:data -- --cases 10000000 --db riza_bench_10m               # optional: the 10 M reads',
    'npm run bench',
    '```',
    '',
    "Both use the embedded PostgreSQL under `bench/.data/` (durable: fsync and synchronous commit on, as `npm start` runs it), or `DATABASE_URL` when set. The text of the generated cases is drawn from `../shared/data/` (CFPB complaints, AJGT Arabic tweets, KazSAnDRA Kazakh reviews) plus synthetic Russian and Azerbaijani wording; see `bench/data/`. Each case is replayed through the product's own lifecycle table and SLA clock functions (acknowledged, investigated, sometimes transferred, questioned, reopened or rejected, answered, closed), so its timeline, clocks and SLA records agree with its status; cases still in progress by now stay open, and a backlog share (2 % by default) never gets an answer. About a third of cases come from returning customers.",
    '',
    '## Machine',
    '',
    `- ${m.cores} cores (${m.cpuModel}), ${m.ramGiB} GiB RAM, ${m.os}`,
    `- Node ${m.node}, PostgreSQL ${b.postgres}${b.external ? ' (DATABASE_URL)' : ' (embedded, durable)'}`,
    `- load average before the run ${m.loadAverage.join(' / ')}, after ${b.loadAverageAfter.join(' / ')} (1/5/15 min): the API, PostgreSQL and the load generator share these cores${m.loadAverage[0] > 1 ? ', and other work was running on the machine at the same time, so the figures are lower than on an idle machine' : ''}.`,
    '',
    '## Data',
    '',
    `- Main: ${dataLine(b.data)}`,
    ...(b.slaData ? [`- SLA timers: ${dataLine(b.slaData)}`] : []),
    ...(b.largeData ? [`- Large: ${dataLine(b.largeData)}`] : []),
    '',
    '## Summary against the targets',
    '',
    '| what | target (2 cores) | measured | verdict |',
    '|---|---|---|---|',
    ...summaryRows(b).map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
  if (b.intake) {
    const i = b.intake;
    out.push(
      '## Case intake',
      '',
      `\`POST /api/v1/cases\` by call-centre agents of the five orgs (API tokens), each a new customer with a complaint text in one of the org's languages and an \`Idempotency-Key\`, ${i.connections} connections as fast as the API answers (autocannon). After each round the rows those registrations wrote are read back and inserted again under new keys by plain \`INSERT … SELECT FROM jsonb_populate_recordset\`, one transaction per case, ${i.connections} connections, into the same tables with the same indexes (audit rows into a copy of \`audit_log\`: the hash chain cannot take copies).`,
      '',
      '| round | API cases/s | API p50 / p99 ms | raw insert cases/s | raw p50 / p99 ms | API ÷ raw |',
      '|---:|---:|---:|---:|---:|---:|',
      ...i.rounds.map(
        (r, k) =>
          `| ${k + 1} | ${n0(r.api.throughput)} | ${ms(r.api.latency.p50)} / ${ms(r.api.latency.p99)} | ${n0(r.raw.rate)} | ${ms(r.raw.latency.p50)} / ${ms(r.raw.latency.p99)} | ${((r.api.throughput / r.raw.rate) * 100).toFixed(0)} % |`,
      ),
      `| all | ${n0(i.apiRate)} | | ${n0(i.rawRate)} | | ${(i.ratio * 100).toFixed(0)} % |`,
      '',
      `At a fixed offered rate of 500 cases/s (open loop, up to ${Math.max(i.connections, 64)} connections): ${n0(i.fixed.throughput)} cases/s answered, p50 ${ms(i.fixed.latency.p50)} ms, p95 ${ms(i.fixed.latency.p95)} ms, p99 ${ms(i.fixed.latency.p99)} ms, ${i.fixed.non2xx} non-2xx, ${i.fixed.errors} errors.`,
      '',
      `Rows written per registration: ${Object.entries(i.rowsPerCase)
        .map(([t, v]) => `${t} ${v.toFixed(2)}`)
        .join(
          ', ',
        )}; plus the \`audit_heads\` and \`case_number_counters\` updates (not part of the raw insert).`,
      '',
    );
  }
  if (b.reads.length) {
    out.push(
      `## Reads at ${n0(b.data.cases)} cases`,
      '',
      `Each row: random orgs, owners, cases and words per request; 4 connections; a few seconds of warm-up first. Search words, each as typed in the search box: ${Object.entries(
        SEARCH_WORDS,
      )
        .map(([l, w]) => `${l} ${w.join(', ')}`)
        .join(
          '; ',
        )}. The plans come from EXPLAIN (ANALYZE, BUFFERS) of every SELECT the request runs, captured from the same route code in-process; "SQL per request" counts those statements and adds up their execution time inside PostgreSQL (without the round trips), which shows how much of the latency is spent in PostgreSQL.`,
      '',
      ...readTable(b.reads),
      '',
    );
  }
  if (b.largeReads.length && b.largeData) {
    out.push(`## Reads at ${n0(b.largeData.cases)} cases`, '', ...readTable(b.largeReads), '');
  }
  const plans = [...planSection(b.reads), ...planSection(b.largeReads)];
  if (plans.length) {
    out.push(
      '## Plans to look at',
      '',
      'Statements on these paths that read a large table whole (a sequential scan, or an index scan that reads and discards more than 10,000 rows) or took more than 50 ms inside PostgreSQL, with EXPLAIN (ANALYZE, BUFFERS):',
      '',
      ...plans,
    );
  }
  if (b.sla) {
    const s = b.sla;
    out.push(
      '## SLA timers',
      '',
      `Database \`${s.database}\`: ${n0(s.openCases)} open cases, ${n0(s.runningClocks)} clocks with a pending check. ${n0(s.dueAtOnce)} running clocks (chosen at random over every org) were given the same due instant; from that instant \`sweepSla(db, now)\` (what the worker's \`sla-sweep\` job runs) recorded ${n0(s.breachesRecorded)} breaches over ${n0(s.casesExamined)} cases in ${s.sweepSeconds.toFixed(1)} s. The worker starts a sweep every ${s.sweepIntervalSeconds} s (\`RIZA_SLA_SWEEP_SECONDS\`), so a breach is recorded at most ${(s.sweepSeconds + s.sweepIntervalSeconds).toFixed(1)} s after it falls due. That is ${n0(s.casesExamined / s.sweepSeconds)} cases per second: within 60 s (less the interval) one sweep gets through about ${n0((s.casesExamined / s.sweepSeconds) * (60 - s.sweepIntervalSeconds))} cases with due clocks. A sweep with nothing due took ${ms(s.idleSweepMs)} ms.`,
      '',
    );
  }
  if (b.memory) {
    out.push(
      '## Memory',
      '',
      `Resident set size of the API process (\`node server/dist/bundle/main.mjs serve\`, the bundle \`npm start\` runs; sampled every 250 ms during the intake and read runs): ${n0(b.memory.idleBytes / MB)} MB just after start-up, peak ${n0(b.memory.peakBytes / MB)} MB, mean ${n0(b.memory.meanBytes / MB)} MB; with its child processes ${n0(b.memory.peakTreeBytes / MB)} MB.`,
      '',
    );
  }
  const causes = causesFound(b);
  if (causes.length) out.push('## Causes found', '', ...causes.map((c) => `- ${c}`), '');
  if (b.notes.length) out.push('## Not measured in this run', '', ...b.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
