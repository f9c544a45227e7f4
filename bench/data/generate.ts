// Fills a migrated database with the five policy profiles and N generated cases spread over a
// span of days (three years by default): customers and their contacts, cases with the same
// search_vector the product computes, timelines, messages, SLA clocks and SLA
// records, all written with COPY. Afterwards the case-number counters continue the series, so
// cases registered through the API get the next numbers.
import { randomBytes } from 'node:crypto';
import cliProgress from 'cli-progress';
import { DateTime } from 'luxon';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { formatCaseNumber } from '../../server/src/modules/cases/case.repository.ts';
import { loadProfile } from '../../server/src/modules/orgs/load-profile.ts';
import { searchDocument } from '../../server/src/modules/search/normalize.ts';
import { nextCheckAt } from '../../server/src/modules/sla/sla-clock.ts';
import { matchPolicy } from '../../server/src/modules/sla/sla-policy.ts';
import { createDb, type Db, migrateToLatest } from '../../server/src/platform/db/db.ts';
import type { Locale } from '../../server/src/platform/i18n/locales.ts';
import { PROFILES } from '../../server/src/profiles/index.ts';
import { CopyWriter, tsvectorLiteral } from '../lib/copy.ts';
import { Rng } from '../lib/random.ts';
import { type Corpus, caseText, loadCorpus } from './corpus.ts';
import { type LifecycleResult, simulateCase } from './lifecycle.ts';
import { loadOrgModel, ORG_SHARE, type OrgModel } from './orgs.ts';
import { checkMobileNumbers, mobileNumber } from './people.ts';
import { PATRONYMICS, PHRASES, STAFF_WORDING } from './phrases.ts';
import { dropForBulkLoad, restoreAfterBulkLoad } from './schema-bulk.ts';

const DAY = 86_400_000;

export interface GenerateOptions {
  url: string;
  cases: number;
  /** span of creation dates, ending now */
  days: number;
  /** share of cases that stay open for good (a backlog), besides the recent ones still in progress */
  backlog: number;
  seed: number;
  log: (msg: string) => void;
  /** show a progress bar on stderr */
  progress: boolean;
  now?: Date;
  /** where the reference texts are read from (default ../shared/data) */
  dataDir?: string;
}

export interface GenerateSummary {
  cases: number;
  rows: Record<string, number>;
  seconds: { generate: number; indexes: number; analyze: number; total: number };
  openCases: number;
  pendingClocks: number;
  databaseSize: string;
}

const BULK_TABLES = [
  'customers',
  'customer_contacts',
  'cases',
  'case_events',
  'case_messages',
  'case_sla_stages',
  'sla_records',
] as const;
type BulkTable = (typeof BULK_TABLES)[number];

const COLUMNS: Record<BulkTable, string[]> = {
  customers: [
    'org_id',
    'id',
    'kind',
    'first_name',
    'last_name',
    'patronymic',
    'business_name',
    'segment',
    'preferred_locale',
    'created_at',
    'updated_at',
  ],
  customer_contacts: ['org_id', 'customer_id', 'kind', 'value', 'created_at'],
  cases: [
    'org_id',
    'id',
    'number',
    'tracking_token',
    'type',
    'status',
    'resume_status',
    'channel',
    'priority',
    'category_id',
    'service_id',
    'customer_id',
    'department_id',
    'owner_id',
    'subject',
    'description',
    'remedy_sought',
    'form_data',
    'locale',
    'first_contact_resolution',
    'rejection_reason',
    'created_by',
    'created_at',
    'updated_at',
    'acknowledged_at',
    'response_communicated_at',
    'closed_at',
    'search_vector',
    'sla_policy_id',
    'escalation_level',
    'segment',
  ],
  case_events: [
    'org_id',
    'case_id',
    'seq',
    'type',
    'actor_id',
    'actor_kind',
    'at',
    'from_status',
    'to_status',
    'reason',
    'data',
  ],
  case_messages: [
    'org_id',
    'case_id',
    'id',
    'kind',
    'channel',
    'body',
    'author_id',
    'created_at',
    'search_vector',
  ],
  case_sla_stages: [
    'org_id',
    'case_id',
    'stage',
    'cycle',
    'target_amount',
    'target_unit',
    'calendar_id',
    'started_at',
    'original_due_at',
    'due_at',
    'warn_at',
    'warned_at',
    'breached_at',
    'manager_escalate_at',
    'manager_escalated_at',
    'met_at',
    'stopped_at',
    'paused_at',
    'remaining_ms',
    'paused_business_ms',
    'extensions',
    'next_check_at',
  ],
  sla_records: [
    'org_id',
    'case_id',
    'stage',
    'cycle',
    'kind',
    'seq',
    'at',
    'due_at',
    'on_time',
    'business_ms',
    'department_id',
    'case_type',
    'priority',
    'channel',
    'segment',
  ],
};

/** Channels where a member of staff registers the case (else the customer does, or either). */
const STAFF_CHANNELS = new Set(['call_centre', 'store', 'email', 'letter']);
const EITHER_CHANNELS = new Set(['chat', 'social', 'messaging', 'video']);
const WEEKEND: Record<string, number[]> = { JO: [5, 6], SY: [5, 6], SA: [5, 6], KZ: [6, 7], AZ: [6, 7] };
// Relative arrivals per local hour: quiet at night, busiest late morning.
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 2, 3, 5, 7, 9, 9, 8, 8, 8, 7, 7, 6, 5, 5, 4, 3, 2, 1];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

interface Customer {
  id: string;
  locale: Locale;
  firstName: string;
  lastName: string;
}

interface OrgState {
  model: OrgModel;
  counters: Map<number, number>;
  customers: Customer[];
  customerSeq: number;
  otherDepartments: { id: string; owners: string[] }[];
}

export async function generateData(opts: GenerateOptions): Promise<GenerateSummary> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const rng = new Rng(opts.seed);
  const corpus = await loadCorpus(opts.dataDir);
  opts.log(
    `Corpus: ${Object.entries(corpus.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')} (read from ../shared/data)`,
  );
  for (const p of PROFILES) checkMobileNumbers(p.country);

  const db = createDb(opts.url, 4);
  const admin = new pg.Client({ connectionString: opts.url });
  await admin.connect();
  const writers: Partial<Record<BulkTable, CopyWriter>> = {};
  const clients: pg.Client[] = [];
  try {
    await migrateToLatest(db);
    const { n } = await db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) throw new Error('the database already holds cases; generate into an empty database');

    const orgs = await prepareOrgs(db, opts, rng);
    opts.log('Dropping secondary indexes and foreign keys of the bulk tables for the load…');
    const dropped = await dropForBulkLoad(admin, BULK_TABLES);

    for (const table of BULK_TABLES) {
      const client = new pg.Client({ connectionString: opts.url });
      await client.connect();
      // Loading only: the data set is rebuilt from scratch if the machine stops half-way.
      await client.query('SET synchronous_commit = off');
      await client.query('BEGIN');
      clients.push(client);
      writers[table] = new CopyWriter(client, table, COLUMNS[table]);
    }
    const w = writers as Record<BulkTable, CopyWriter>;

    const progress = opts.progress ? new Progress(opts.cases, opts.log) : null;
    const genStart = Date.now();
    let done = 0;
    let openCases = 0;
    const cells = allocate(opts.cases, opts.days, orgs, now);
    for (const cell of cells) {
      const state = orgs[cell.org]!;
      const times = arrivalTimes(cell.count, cell.dayStart, now, rng);
      for (const at of times) {
        const r = await emitCase(state, new Date(at), now, opts, rng, corpus, w);
        if (!['response_communicated', 'closed', 'withdrawn', 'rejected', 'escalated_externally'].includes(r))
          openCases++;
        done++;
        if (progress && done % 500 === 0) progress.update(done);
      }
    }
    progress?.stop(done);
    opts.log('Finishing the COPY streams…');
    const rows: Record<string, number> = {};
    for (const [i, table] of BULK_TABLES.entries()) {
      rows[table] = await w[table].end();
      await clients[i]!.query('COMMIT');
    }
    const generateSeconds = (Date.now() - genStart) / 1000;
    opts.log(
      `Copied ${done.toLocaleString('en')} cases in ${generateSeconds.toFixed(0)} s (${Math.round(done / generateSeconds)} cases/s); rebuilding indexes and checking foreign keys…`,
    );

    const idxStart = Date.now();
    await restoreAfterBulkLoad(admin, dropped, (m) => opts.log(m));
    for (const state of orgs) {
      for (const [year, last] of state.counters) {
        await admin.query(
          `INSERT INTO case_number_counters (org_id, year, last_value) VALUES ($1, $2, $3)
           ON CONFLICT (org_id, year) DO UPDATE SET last_value = GREATEST(case_number_counters.last_value, EXCLUDED.last_value)`,
          [state.model.orgId, year, last],
        );
      }
    }
    const indexSeconds = (Date.now() - idxStart) / 1000;
    opts.log('VACUUM ANALYZE (statistics for the planner, visibility map for index-only scans)…');
    const anStart = Date.now();
    for (const table of BULK_TABLES) await admin.query(`VACUUM (ANALYZE) ${table}`);
    const analyzeSeconds = (Date.now() - anStart) / 1000;
    const pending = await admin.query<{ n: string }>(
      'SELECT count(*) AS n FROM case_sla_stages WHERE next_check_at IS NOT NULL',
    );
    const size = await admin.query<{ s: string }>(
      'SELECT pg_size_pretty(pg_database_size(current_database())) AS s',
    );
    return {
      cases: done,
      rows,
      seconds: {
        generate: generateSeconds,
        indexes: indexSeconds,
        analyze: analyzeSeconds,
        total: (Date.now() - started) / 1000,
      },
      openCases,
      pendingClocks: Number(pending.rows[0]!.n),
      databaseSize: size.rows[0]!.s,
    };
  } finally {
    for (const c of clients) await c.end().catch(() => {});
    await admin.end();
    await db.destroy();
  }
}

/**
 * A progress bar with rate and ETA on a terminal; when the output is not a terminal (a log file, CI)
 * a plain line every 30 s instead.
 */
class Progress {
  private readonly bar: cliProgress.SingleBar | null;
  private readonly started = Date.now();
  private lastLine = Date.now();
  constructor(
    private readonly total: number,
    private readonly log: (msg: string) => void,
  ) {
    this.bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          {
            format:
              'cases {bar} {percentage}% | {value}/{total} | {rate} cases/s | elapsed {duration_formatted} | ETA {eta_formatted}',
            etaBuffer: 50,
            stream: process.stderr,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
    this.bar?.start(total, 0, { rate: 0 });
  }
  private rate(done: number): number {
    return done / Math.max(0.001, (Date.now() - this.started) / 1000);
  }
  update(done: number): void {
    const rate = this.rate(done);
    this.bar?.update(done, { rate: Math.round(rate) });
    if (!this.bar && Date.now() - this.lastLine >= 30_000) {
      this.lastLine = Date.now();
      const eta = (this.total - done) / Math.max(rate, 0.001);
      this.log(
        `  cases ${done.toLocaleString('en')}/${this.total.toLocaleString('en')} (${((100 * done) / this.total).toFixed(0)} %), ${Math.round(rate)} cases/s, ETA ${Math.floor(eta / 60)} min ${Math.round(eta % 60)} s`,
      );
    }
  }
  stop(done: number): void {
    this.bar?.update(done, { rate: Math.round(this.rate(done)) });
    this.bar?.stop();
  }
}

async function prepareOrgs(db: Db, opts: GenerateOptions, rng: Rng): Promise<OrgState[]> {
  const password = randomBytes(12).toString('base64url');
  const totalShare = PROFILES.reduce((s, p) => s + (ORG_SHARE[p.slug] ?? 10), 0);
  const states: OrgState[] = [];
  for (const profile of PROFILES) {
    const loaded = await loadProfile(db, profile, { password, withSampleCases: false });
    const orgCases = (opts.cases * (ORG_SHARE[profile.slug] ?? 10)) / totalShare;
    // About one member of staff per 4,000 cases over the span, at least eight.
    const staff = Math.max(8, Math.min(400, Math.round(orgCases / 4000)));
    const model = await loadOrgModel(db, loaded.orgId, profile, staff, rng);
    const otherDepartments = model.departments
      .filter((d) => ['specialised', 'field', 'finance'].includes(d.kind))
      .map((d) => ({ id: d.id, owners: model.staff.get(d.id) ?? (d.leadUserId ? [d.leadUserId] : []) }))
      .filter((d) => d.owners.length > 0);
    states.push({ model, counters: new Map(), customers: [], customerSeq: 0, otherDepartments });
  }
  opts.log(`Loaded the five policy profiles with ${states.map((s) => s.model.slug).join(', ')}`);
  return states;
}

interface Cell {
  org: number;
  dayStart: number;
  count: number;
}

/**
 * How many cases each org registers on each local day: its share, fewer at weekends, and a
 * volume that grows by a third over the span; rounded so the total is exactly `total`.
 */
function allocate(total: number, days: number, orgs: OrgState[], now: Date): Cell[] {
  const raw: { org: number; dayStart: number; weight: number }[] = [];
  for (let d = 0; d < days; d++) {
    orgs.forEach((o, k) => {
      const day = DateTime.fromMillis(now.getTime() - (days - 1 - d) * DAY, {
        zone: o.model.timezone,
      }).startOf('day');
      const weekend = (WEEKEND[o.model.country] ?? []).includes(day.weekday) ? 0.5 : 1;
      const growth = 0.75 + (0.25 * d) / Math.max(1, days - 1);
      raw.push({
        org: k,
        dayStart: day.toMillis(),
        weight: (ORG_SHARE[o.model.slug] ?? 10) * weekend * growth,
      });
    });
  }
  const sum = raw.reduce((s, c) => s + c.weight, 0);
  let acc = 0;
  let given = 0;
  return raw.map((c) => {
    acc += c.weight;
    const upTo = Math.round((total * acc) / sum);
    const count = upTo - given;
    given = upTo;
    return { org: c.org, dayStart: c.dayStart, count };
  });
}

function arrivalTimes(count: number, dayStart: number, now: Date, rng: Rng): number[] {
  const limit = now.getTime();
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    let r = rng.next() * HOUR_TOTAL;
    let hour = 0;
    while (hour < 23 && r >= HOUR_WEIGHTS[hour]!) r -= HOUR_WEIGHTS[hour++]!;
    let t = dayStart + hour * 3_600_000 + Math.floor(rng.next() * 3_600_000);
    if (t > limit) t = dayStart + Math.floor(rng.next() * Math.max(1, limit - dayStart));
    out.push(t);
  }
  return out.sort((a, b) => a - b);
}

function yearIn(zone: string, at: Date): number {
  return DateTime.fromJSDate(at, { zone }).year;
}

const yearCache = new Map<string, { from: number; to: number; year: number }>();
function localYear(zone: string, at: Date): number {
  const hit = yearCache.get(zone);
  const t = at.getTime();
  if (hit && t >= hit.from && t < hit.to) return hit.year;
  const year = yearIn(zone, at);
  const from = DateTime.fromObject({ year }, { zone }).toMillis();
  const to = DateTime.fromObject({ year: year + 1 }, { zone }).toMillis();
  yearCache.set(zone, { from, to, year });
  return year;
}

function wording(corpus: Corpus, locale: Locale, rng: Rng) {
  const s = STAFF_WORDING[locale];
  const p = PHRASES[locale];
  return {
    reply: () => rng.pick(s.replies),
    question: () => rng.pick(s.questions),
    note: () => rng.pick(s.notes),
    reason: () => rng.pick(s.reasons),
    customerReply: () =>
      corpus.negative[locale].length && rng.chance(0.5)
        ? rng.pick(corpus.negative[locale])
        : rng.pick(p.problems),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Generates one case with everything that hangs off it; returns its final status. */
async function emitCase(
  state: OrgState,
  createdAt: Date,
  now: Date,
  opts: GenerateOptions,
  rng: Rng,
  corpus: Corpus,
  w: Record<BulkTable, CopyWriter>,
): Promise<string> {
  const org = state.model;
  const orgId = org.orgId;
  const category = rng.pick(org.categories);
  const type = rng.weighted(org.caseTypes);
  const channel = rng.weighted(org.channels);
  const segment = org.slug === 'hrdf' && rng.chance(0.3) ? 'business_owner' : 'individual';

  // A returning customer (about a third of cases) or a new one in one of the org's languages.
  let customer: Customer;
  let customerCreated = false;
  if (state.customers.length > 0 && rng.chance(0.35)) customer = rng.pick(state.customers);
  else {
    const locale = rng.weighted(org.localeWeights);
    const names = PHRASES[locale];
    customer = {
      id: uuidv7({ msecs: createdAt.getTime() }),
      locale,
      firstName: rng.pick(names.firstNames),
      lastName: rng.pick(names.lastNames),
    };
    customerCreated = true;
    const seq = state.customerSeq++;
    const business = segment === 'business_owner';
    const patronymics = PATRONYMICS[locale];
    await w.customers.write([
      orgId,
      customer.id,
      business ? 'business' : 'person',
      customer.firstName,
      customer.lastName,
      org.patronymic && patronymics ? rng.pick(patronymics) : null,
      business ? `${rng.pick(['مؤسسة', 'شركة'])} ${customer.lastName} ${seq}` : null,
      segment,
      locale,
      createdAt,
      createdAt,
    ]);
    await w.customer_contacts.write([orgId, customer.id, 'phone', mobileNumber(org.country, seq), createdAt]);
    if (rng.chance(0.3)) {
      await w.customer_contacts.write([
        orgId,
        customer.id,
        'email',
        `customer${seq}@${org.slug}.example.com`,
        createdAt,
      ]);
    }
    if (org.slug === 'hrdf' ? rng.chance(0.7) : rng.chance(0.1)) {
      await w.customer_contacts.write([
        orgId,
        customer.id,
        'national_id',
        `${org.country}${1_000_000_000 + seq}`,
        createdAt,
      ]);
    }
    if (state.customers.length < 50_000) state.customers.push(customer);
    else state.customers[seq % 50_000] = customer;
  }
  const locale = customer.locale;

  const year = localYear(org.timezone, createdAt);
  const n = (state.counters.get(year) ?? 0) + 1;
  state.counters.set(year, n);
  const number = formatCaseNumber(org.casePrefix, year, n);
  const id = uuidv7({ msecs: createdAt.getTime() });

  const staffChannel = STAFF_CHANNELS.has(channel) || (EITHER_CHANNELS.has(channel) && rng.chance(0.5));
  const registrarId = staffChannel ? rng.pick(org.registrars) : null;
  const departmentId = category.departmentId;
  const deptStaff = org.staff.get(departmentId) ?? [];
  const lead = org.departments.find((d) => d.id === departmentId)?.leadUserId ?? null;
  // As registerCase decides: the registering agent when the case stays in their department,
  // else the department's accountable lead (or the manager).
  const ownerId = registrarId && deptStaff.includes(registrarId) ? registrarId : (lead ?? org.managerId);
  const assignTo = deptStaff.length && rng.chance(0.6) ? rng.pick(deptStaff) : null;
  const others = state.otherDepartments.filter((d) => d.id !== departmentId);
  const target = others.length ? rng.pick(others) : null;
  const policy = matchPolicy(org.policies, { type, priority: category.priority, segment, channel });

  const life: LifecycleResult = simulateCase({
    caseId: id,
    number,
    createdAt,
    now,
    channel,
    type,
    priority: category.priority,
    segment,
    departmentId,
    ownerId,
    registrarId,
    customerCreated,
    managerId: org.managerId,
    assignTo,
    transferTo: target ? { departmentId: target.id, ownerId: rng.pick(target.owners) } : null,
    policy,
    calendar: org.calendar,
    stuck: rng.chance(opts.backlog),
    rng,
    newId: (at) => uuidv7({ msecs: at.getTime() }),
    wording: wording(corpus, locale, rng),
  });

  const text = caseText(corpus, locale, type, category.name[locale] ?? category.name.en ?? '', rng);
  const searchParts = [
    number,
    text.subject,
    text.description,
    text.remedySought,
    customer.firstName,
    customer.lastName,
  ];
  const serviceId =
    org.services.length && (org.serviceRequired || rng.chance(0.5)) ? rng.pick(org.services) : null;
  await w.cases.write([
    orgId,
    id,
    number,
    randomBytes(16).toString('base64url'),
    type,
    life.status,
    life.resumeStatus,
    channel,
    category.priority,
    category.id,
    serviceId,
    customer.id,
    life.departmentId,
    life.ownerId,
    text.subject,
    text.description,
    text.remedySought,
    '{}',
    locale,
    life.firstContactResolution,
    life.rejectionReason,
    registrarId,
    createdAt,
    life.updatedAt,
    life.acknowledgedAt,
    life.responseCommunicatedAt,
    life.closedAt,
    tsvectorLiteral(searchDocument(...searchParts)),
    life.slaPolicyId,
    life.escalationLevel,
    segment,
  ]);
  let seq = 0;
  for (const e of life.events) {
    await w.case_events.write([
      orgId,
      id,
      ++seq,
      e.type,
      e.actorId,
      e.actorKind,
      e.at,
      e.fromStatus,
      e.toStatus,
      e.reason,
      JSON.stringify(e.data),
    ]);
  }
  for (const m of life.messages) {
    await w.case_messages.write([
      orgId,
      id,
      m.id,
      m.kind,
      m.channel,
      m.body,
      m.authorId,
      m.createdAt,
      tsvectorLiteral(searchDocument(m.body)),
    ]);
  }
  const calendarId = org.calendar?.id ?? null;
  for (const k of life.clocks) {
    await w.case_sla_stages.write([
      orgId,
      id,
      k.stage,
      k.cycle,
      k.target.amount,
      k.target.unit,
      calendarId,
      k.startedAt,
      k.originalDueAt,
      k.dueAt,
      k.warnAt,
      k.warnedAt,
      k.breachedAt,
      k.managerEscalateAt,
      k.managerEscalatedAt,
      k.metAt,
      k.stoppedAt,
      k.pausedAt,
      k.remainingMs === null ? null : Math.round(k.remainingMs),
      Math.round(k.pausedBusinessMs),
      k.extensions,
      iso(nextCheckAt(k)),
    ]);
  }
  for (const r of life.records) {
    await w.sla_records.write([
      orgId,
      id,
      r.stage,
      r.cycle,
      r.kind,
      r.seq,
      r.at,
      r.dueAt,
      r.onTime,
      r.businessMs,
      r.departmentId,
      type,
      category.priority,
      channel,
      segment,
    ]);
  }
  return life.status;
}
