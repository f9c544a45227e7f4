// What agents and managers read all day: queue pages, a case, full-text search in the five
// languages, the SLA report. Each is measured through the HTTP API (p50/p95/p99 over every
// response) and its SQL is explained to check the plan.
import { OPEN_STATUSES } from '../../server/src/modules/cases/case-status.ts';
import type { Locale } from '../../server/src/platform/i18n/locales.ts';
import type { Rng } from '../lib/random.ts';
import type { OrgFixture } from './fixtures.ts';
import { type LoadResult, type NextRequest, runLoad } from './load.ts';
import type { Planner, QueryPlan } from './plans.ts';

export interface ReadCase {
  key: string;
  name: string;
  group: 'queue' | 'view' | 'search' | 'report';
  language?: Locale;
  /** the SPEC §3 p95 target, ms */
  target: number;
  next: () => NextRequest & { token: string };
  /** requests whose plans are checked (default: three drawn from next) */
  planSamples?: () => (NextRequest & { token: string })[];
}

export interface ReadResult {
  key: string;
  name: string;
  group: ReadCase['group'];
  target: number;
  load: LoadResult;
  /** plans of the SQL behind sample requests */
  plans: QueryPlan[];
  sequentialScan: boolean;
  /** SQL statements one request runs, and their summed execution time in PostgreSQL (ms) */
  statements: number;
  databaseMs: number;
}

/** Words customers and agents search for, as typed: prefixes find inflected forms. */
export const SEARCH_WORDS: Record<Locale, string[]> = {
  ar: ['الانترنت', 'الفاتورة', 'الشبكة', 'رصيدي', 'الراوتر'],
  en: ['refund', 'credit report', 'charged', 'mortgage', 'delivered'],
  ru: ['интернет', 'курьер', 'ремонт', 'деньги', 'рассрочки'],
  kk: ['ақша', 'интернет', 'тапсырыс', 'қосымша', 'жауап'],
  az: ['soyuducu', 'kuryer', 'zəmanət', 'sifariş', 'çatdırıl'],
};

const SEARCH_ORGS: Record<Locale, string[]> = {
  ar: ['umniah', 'sawa', 'hrdf'],
  en: ['umniah', 'jusan-mobile', 'sawa', 'hrdf', 'kontakt-home'],
  ru: ['jusan-mobile', 'kontakt-home'],
  kk: ['jusan-mobile'],
  az: ['kontakt-home'],
};

const OPEN = OPEN_STATUSES.join(',');
const QUEUE = 50;

function req(path: string, token: string): NextRequest & { token: string } {
  return { path, token, headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } };
}

export function readCases(fixtures: OrgFixture[], rng: Rng, now: Date): ReadCase[] {
  const org = () => rng.pick(fixtures);
  const day = 86_400_000;
  const cases: ReadCase[] = [
    {
      key: 'queue-all',
      name: 'Queue: all cases, first page (newest first)',
      group: 'queue',
      target: 50,
      next: () => req(`/api/v1/cases?limit=${QUEUE}`, org().managerToken),
    },
    {
      key: 'queue-open',
      name: 'Queue: all open cases, first page',
      group: 'queue',
      target: 50,
      next: () => req(`/api/v1/cases?status=${OPEN}&limit=${QUEUE}`, org().managerToken),
    },
    {
      key: 'queue-department',
      name: 'Queue: my department, open',
      group: 'queue',
      target: 50,
      next: () =>
        req(`/api/v1/cases?queue=department&status=${OPEN}&limit=${QUEUE}`, rng.pick(org().departmentTokens)),
    },
    {
      key: 'queue-owner',
      name: 'Queue: mine (an owner), open',
      group: 'queue',
      target: 50,
      next: () => {
        const f = org();
        return req(`/api/v1/cases?queue=mine&status=${OPEN}&limit=${QUEUE}`, rng.pick(f.ownerTokens));
      },
    },
    {
      key: 'case-view',
      name: 'Case view',
      group: 'view',
      target: 50,
      next: () => {
        const f = org();
        return req(`/api/v1/cases/${rng.pick(f.caseIds)}`, f.managerToken);
      },
    },
  ];
  for (const language of ['ar', 'en', 'ru', 'kk', 'az'] as const) {
    const orgs = fixtures.filter((f) => SEARCH_ORGS[language].includes(f.slug));
    if (!orgs.length) continue;
    cases.push({
      key: `search-${language}`,
      name: `Search (${language})`,
      group: 'search',
      language,
      target: 150,
      next: () => {
        const word = encodeURIComponent(rng.pick(SEARCH_WORDS[language]));
        return req(`/api/v1/cases?q=${word}&limit=${QUEUE}`, rng.pick(orgs).managerToken);
      },
      // every word: a rare one takes another plan than a common one
      planSamples: () =>
        SEARCH_WORDS[language].map((w) =>
          req(`/api/v1/cases?q=${encodeURIComponent(w)}&limit=${QUEUE}`, rng.pick(orgs).managerToken),
        ),
    });
  }
  const iso = (t: number) => new Date(t).toISOString();
  cases.push(
    {
      key: 'sla-report-30d',
      name: 'SLA report: last 30 days by department',
      group: 'report',
      target: 300,
      next: () =>
        req(
          `/api/v1/reports/sla?from=${iso(now.getTime() - 30 * day)}&to=${iso(now.getTime())}&by=department`,
          org().managerToken,
        ),
    },
    {
      key: 'sla-report-12m',
      name: 'SLA report: last 12 months by month',
      group: 'report',
      target: 300,
      next: () =>
        req(
          `/api/v1/reports/sla?from=${iso(now.getTime() - 365 * day)}&to=${iso(now.getTime())}&period=month`,
          org().managerToken,
        ),
    },
  );
  return cases;
}

export async function benchReads(opts: {
  apiUrl: string;
  planner: Planner;
  cases: ReadCase[];
  connections: number;
  seconds: number;
  amount: number;
  log: (msg: string) => void;
}): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for (const c of opts.cases) {
    // The plans of a few sample requests (different orgs and parameters).
    const plans: QueryPlan[] = [];
    const requests = c.planSamples?.() ?? [c.next(), c.next(), c.next()];
    const samples = requests.length;
    let statements = 0;
    for (const r of requests) {
      const explained = await opts.planner.explain(r.path, r.token);
      if (explained.status >= 400) throw new Error(`${c.name}: ${r.path} answered ${explained.status}`);
      plans.push(...explained.plans);
      statements += explained.statements;
    }
    const databaseMs = plans.reduce((s, p) => s + p.ms, 0) / samples;
    // Warm-up, then the measured run.
    await runLoad({ url: opts.apiUrl, connections: opts.connections, duration: 3, amount: 40, next: c.next });
    const load = await runLoad({
      url: opts.apiUrl,
      connections: opts.connections,
      duration: opts.seconds,
      amount: opts.amount,
      next: c.next,
    });
    const sequentialScan = plans.some((p) => p.seqScans.length > 0);
    opts.log(
      `  ${c.name}: p50 ${load.latency.p50.toFixed(1)} ms, p95 ${load.latency.p95.toFixed(1)} ms, p99 ${load.latency.p99.toFixed(1)} ms (${load.ok} ok, ${load.non2xx} non-2xx; ${(statements / samples).toFixed(0)} SQL statements, ${databaseMs.toFixed(1)} ms in PostgreSQL)${sequentialScan ? '  ⚠ sequential scan' : ''}`,
    );
    out.push({
      key: c.key,
      name: c.name,
      group: c.group,
      target: c.target,
      load,
      plans,
      sequentialScan,
      statements: statements / samples,
      databaseMs,
    });
  }
  return out;
}
