// The SLA report from daily sums must say exactly what the records say, however the period is
// cut, grouped and filtered, and after records arrive late for a day already summed.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, type TestOrg } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import { type ReportDimension, type ReportPeriod, type SlaReportQuery, slaReport } from './sla-report.ts';

let db: Db;
let kh: TestOrg;
const DAY = 86_400_000;
const now = new Date();
const departments = [randomUUID(), randomUUID()];
const STAGES = ['acknowledge', 'investigation', 'resolution'];
const KINDS = ['met', 'met', 'breached', 'warned', 'extended'];

/** Records spread over the last 50 days (some at local midnights), a few every few hours. */
async function insertRecords(from: number, to: number, step: number, salt = 0) {
  const rows = [];
  for (let t = from, i = salt; t < to; t += step, i++) {
    const kind = KINDS[i % KINDS.length]!;
    rows.push({
      org_id: kh.org.orgId,
      case_id: randomUUID(),
      stage: STAGES[i % STAGES.length]!,
      cycle: 1,
      kind,
      seq: 0,
      at: new Date(t),
      due_at: new Date(t),
      on_time: kind === 'met' ? i % 3 !== 0 : null,
      business_ms: kind === 'met' && i % 4 !== 0 ? (i * 7_919) % 50_000_000 : null,
      department_id: departments[i % 2]!,
      case_type: i % 5 === 0 ? 'inquiry' : 'complaint',
      priority: ['low', 'normal', 'high'][i % 3]!,
      channel: ['web', 'phone'][i % 2]!,
      segment: i % 7 === 0 ? 'business' : 'individual',
    });
  }
  for (let k = 0; k < rows.length; k += 500)
    await db
      .insertInto('sla_records')
      .values(rows.slice(k, k + 500))
      .execute();
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  const midnight = new Date(now);
  midnight.setUTCHours(20, 0, 0, 0); // midnight in Baku (UTC+4)
  await insertRecords(now.getTime() - 50 * DAY, now.getTime(), 97 * 60_000);
  // on the boundaries of local days
  await insertRecords(midnight.getTime() - 20 * DAY, midnight.getTime() - 10 * DAY, DAY, 3);
}, 120_000);

function queries(): SlaReportQuery[] {
  const base = { orgId: kh.org.orgId, timezone: 'Asia/Baku' };
  const out: SlaReportQuery[] = [];
  const ranges: [Date, Date][] = [
    [new Date(now.getTime() - 30 * DAY), now],
    [new Date(now.getTime() - 45.3 * DAY), new Date(now.getTime() - 3.7 * DAY)],
    [new Date('2020-01-01T00:00:00Z'), new Date(now.getTime() + DAY)],
    [new Date(now.getTime() - 1.5 * DAY), now],
  ];
  const dims: ReportDimension[] = ['none', 'department', 'case_type', 'priority', 'channel', 'segment'];
  const periods: ReportPeriod[] = ['total', 'day', 'week', 'month'];
  for (const [from, to] of ranges) {
    for (const by of dims) for (const period of periods) out.push({ ...base, from, to, by, period });
    out.push({ ...base, from, to, by: 'none', period: 'month', departmentId: departments[0] });
    out.push({ ...base, from, to, by: 'department', period: 'week', departmentId: departments[1] });
    out.push({ ...base, from, to, by: 'priority', period: 'total', departmentId: departments[1] });
    out.push({ ...base, from, to, by: 'case_type', period: 'day', caseType: 'inquiry', stage: 'resolution' });
    out.push({
      ...base,
      from,
      to,
      by: 'none',
      period: 'total',
      caseType: 'complaint',
      departmentId: departments[0],
    });
    out.push({ ...base, from, to, by: 'segment', period: 'month', stage: 'acknowledge' });
  }
  out.push({ ...out[0]!, timezone: 'America/New_York' });
  return out;
}

async function expectSameAsRecords() {
  for (const q of queries()) {
    const summed = await slaReport(db, q, { now });
    const fromRecords = await slaReport(db, q, { now, dailySums: false });
    expect(summed, JSON.stringify(q)).toEqual(fromRecords);
  }
}

describe('the SLA report from daily sums', () => {
  it('says what the records say, for every grouping, period and filter', async () => {
    await expectSameAsRecords();
    const { n } = await db
      .selectFrom(sql`sla_report_days_done`.as('d'))
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBeGreaterThan(40); // the days were summed, so the comparison was not of records with records
  });

  it('sums a day again when records arrive late for it, or are deleted', async () => {
    await expectSameAsRecords();
    await insertRecords(now.getTime() - 20.2 * DAY, now.getTime() - 19 * DAY, 3_600_000, 11);
    await expectSameAsRecords();
    await db
      .deleteFrom('sla_records')
      .where('org_id', '=', kh.org.orgId)
      .where('at', '>=', new Date(now.getTime() - 33 * DAY))
      .where('at', '<', new Date(now.getTime() - 31 * DAY))
      .execute();
    await expectSameAsRecords();
  });

  it('reads a year of records as a few hundred daily rows', async () => {
    const q: SlaReportQuery = {
      orgId: kh.org.orgId,
      timezone: 'Asia/Baku',
      from: new Date(now.getTime() - 365 * DAY),
      to: now,
      by: 'none',
      period: 'month',
    };
    await slaReport(db, q, { now });
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM sla_report_days
       WHERE org_id = ${kh.org.orgId} AND time_zone = 'Asia/Baku' AND dimension = 'none'`.execute(db);
    expect(rows[0]!.n).toBeLessThan(50 * STAGES.length + 1);
    expect(rows[0]!.n).toBeGreaterThan(40);
  });
});
