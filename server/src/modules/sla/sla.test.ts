// SLA use-cases against real PostgreSQL: policies applied at registration, clocks moved by the
// lifecycle, extensions, the exactly-once sweep, and the compliance report.
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../access/permissions.ts';
import { verifyAudit } from '../audit/audit.ts';
import { getCaseView } from '../cases/case.repository.ts';
import { applyCaseAction } from '../cases/case-actions.ts';
import type { CaseAction } from '../cases/case-status.ts';
import { extendResolution } from './extend-resolution.ts';
import { slaReport } from './sla-report.ts';
import { sweepSla } from './sla-sweep.ts';

let db: Db;
let kh: TestOrg;
let agent: Actor;
let manager: Actor;

const baku = (local: string) => DateTime.fromISO(local, { zone: 'Asia/Baku' }).toJSDate();
const local = (d: string | null | undefined) =>
  d ? DateTime.fromISO(d).setZone('Asia/Baku').toISO({ suppressMilliseconds: true }) : null;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  agent = await kh.actor('agent');
  manager = await kh.actor('cs_manager');
});

async function due(caseId: string) {
  const v = (await getCaseView(db, kh.org.orgId, caseId))!;
  return Object.fromEntries(v.sla!.stages.map((s) => [s.stage, local(s.dueAt)]));
}

async function act(caseId: string, action: CaseAction, when: string, input: object = {}, actor = manager) {
  await db.transaction().execute((trx) => applyCaseAction(trx, actor, caseId, action, input, baku(when)));
}

describe('a Kontakt Home complaint registered on Friday 17:00 in Baku', () => {
  it('is due for acknowledgement and review in 3 and resolution in 10 business days, skipping 15 and 26 June', async () => {
    const { id } = await registerAs(db, kh, agent, khComplaint(), baku('2026-06-12T17:00'));
    expect(await due(id)).toEqual({
      acknowledge: '2026-06-18T17:00:00+04:00',
      investigation: '2026-06-18T17:00:00+04:00',
      resolution: '2026-06-30T17:00:00+04:00',
    });
    const view = (await getCaseView(db, kh.org.orgId, id))!;
    expect(view.sla!.expectedResolutionAt).toBe(baku('2026-06-30T17:00').toISOString());
  });

  it('takes a holiday the administrator adds to the calendar into account for new cases', async () => {
    const row = await db
      .selectFrom('calendars')
      .select(['id', 'spec', 'version'])
      .where('org_id', '=', kh.org.orgId)
      .where('is_default', '=', true)
      .executeTakeFirstOrThrow();
    const spec = row.spec as { holidays: { date: string }[] };
    const before = await registerAs(db, kh, agent, khComplaint(), baku('2026-06-12T17:00'));
    await db
      .updateTable('calendars')
      .set({
        spec: JSON.stringify({ ...spec, holidays: [...spec.holidays, { date: '2026-06-16' }] }),
        version: row.version + 1,
      })
      .where('org_id', '=', kh.org.orgId)
      .where('id', '=', row.id)
      .execute();
    const after = await registerAs(db, kh, agent, khComplaint(), baku('2026-06-12T17:00'));
    expect((await due(after.id)).acknowledge).toBe('2026-06-19T17:00:00+04:00');
    expect((await due(before.id)).acknowledge).toBe('2026-06-18T17:00:00+04:00'); // kept its promise
    await db
      .updateTable('calendars')
      .set({ spec: JSON.stringify(spec), version: row.version + 2 })
      .where('org_id', '=', kh.org.orgId)
      .where('id', '=', row.id)
      .execute();
  });
});

describe('the clock through the lifecycle', () => {
  it('meets acknowledgement and review, pauses two days for the customer, and moves resolution by exactly that', async () => {
    const { id } = await registerAs(db, kh, agent, khComplaint(), baku('2026-06-12T17:00'));
    await act(id, 'acknowledge', '2026-06-16T10:00');
    await act(id, 'investigate', '2026-06-17T10:00');
    await act(id, 'transfer', '2026-06-18T11:00', {
      department: 'service_centre',
      reason: 'Needs a technician',
    });
    expect((await due(id)).resolution).toBe('2026-06-30T17:00:00+04:00'); // transfer does not reset
    await act(id, 'request_information', '2026-06-22T10:00', { message: 'Please send a photo of the door.' });
    const paused = (await getCaseView(db, kh.org.orgId, id))!.sla!;
    expect(paused.paused).toBe(true);
    expect(paused.stages.find((s) => s.stage === 'resolution')!.remainingBusinessMs).toBe(52 * 3_600_000);
    await act(id, 'customer_replied', '2026-06-24T10:00', { message: 'Photo attached.' });
    const view = (await getCaseView(db, kh.org.orgId, id))!;
    expect(view.sla!.stages.map((s) => [s.stage, s.state, local(s.dueAt)])).toEqual([
      ['acknowledge', 'met', '2026-06-18T17:00:00+04:00'],
      ['investigation', 'met', '2026-06-18T17:00:00+04:00'],
      ['resolution', expect.any(String), '2026-07-02T17:00:00+04:00'],
    ]);
    expect(view.sla!.stages.every((s) => s.stage === 'resolution' || s.metOnTime)).toBe(true);
  });

  it('resumes a reopened case with the business time it had left', async () => {
    const { id } = await registerAs(db, kh, agent, khComplaint(), baku('2026-06-12T17:00'));
    await act(id, 'acknowledge', '2026-06-16T09:30');
    await act(id, 'investigate', '2026-06-16T10:00');
    await act(id, 'respond', '2026-06-29T17:00', { message: 'The door was replaced.' }); // 9 h before due
    await act(id, 'reopen', '2026-07-06T09:00', { reason: 'The door still does not close' });
    const resolution = (await getCaseView(db, kh.org.orgId, id))!.sla!.stages.find(
      (s) => s.stage === 'resolution',
    )!;
    expect([resolution.cycle, resolution.metAt, local(resolution.dueAt)]).toEqual([
      2,
      null,
      '2026-07-06T18:00:00+04:00',
    ]);
  });

  it('stops the clocks of a withdrawn case', async () => {
    const { id } = await registerAs(db, kh, agent, khComplaint(), baku('2026-06-12T17:00'));
    await act(id, 'withdraw', '2026-06-16T10:00', { reason: 'Customer no longer needs it' });
    const states = (await getCaseView(db, kh.org.orgId, id))!.sla!.stages.map((s) => s.state);
    expect(states).toEqual(['stopped', 'stopped', 'stopped']);
  });
});

describe('extending the resolution date (R-SLA-4)', () => {
  it('needs a reason and a later date, tells the customer, and is counted', async () => {
    const { id } = await registerAs(db, kh, agent, khComplaint(), baku('2026-06-12T17:00'));
    const extend = (input: { newDueAt: string; reason: string }, now = baku('2026-06-25T10:00')) =>
      db.transaction().execute((trx) => extendResolution(trx, agent, id, input, now));
    await expect(extend({ newDueAt: '2026-07-10', reason: ' ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'reason', reason: 'required' }],
    });
    await expect(extend({ newDueAt: '2026-06-29', reason: 'Supplier delay' })).rejects.toMatchObject({
      fields: [{ field: 'newDueAt', reason: 'not_later' }],
    });
    await expect(extend({ newDueAt: 'next week', reason: 'Supplier delay' })).rejects.toMatchObject({
      fields: [{ field: 'newDueAt', reason: 'invalid_format' }],
    });
    const r = await extend({
      newDueAt: '2026-07-10',
      reason: 'The spare part arrives from the supplier on 9 July',
    });
    expect(r.extensions).toBe(1);
    expect((await due(id)).resolution).toBe('2026-07-10T18:00:00+04:00');
    const notes = await db
      .selectFrom('notifications')
      .select(['event', 'channel', 'audience', 'variables', 'locale'])
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', id)
      .where('event', '=', 'extended')
      .execute();
    expect(notes).toEqual([
      {
        event: 'extended',
        channel: 'sms',
        audience: 'customer',
        locale: 'az',
        variables: {
          caseNumber: expect.stringMatching(/^KH-2026-/),
          reason: 'The spare part arrives from the supplier on 9 July',
          newDate: baku('2026-07-10T18:00').toISOString(),
        },
      },
    ]);
    const events = await db
      .selectFrom('case_events')
      .select(['type', 'reason'])
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', id)
      .where('type', '=', 'sla_extended')
      .execute();
    expect(events).toHaveLength(1);
    const view = (await getCaseView(db, kh.org.orgId, id))!;
    expect(view.sla!.extensions).toBe(1);
  });
});

describe('the SLA sweep', () => {
  it('records every breach and escalation exactly once, with four sweeps racing', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push((await registerAs(db, kh, agent, khComplaint(), baku('2026-01-05T10:00'))).id);
    }
    const now = baku('2026-03-02T12:00');
    const results = await Promise.all([1, 2, 3, 4].map(() => sweepSla(db, now, 5)));
    const again = await sweepSla(db, now);
    expect(again).toMatchObject({ breaches: 0, escalations: 0, warnings: 0 });
    const total = results.reduce((n, r) => n + r.breaches, 0);
    expect(total).toBeGreaterThanOrEqual(ids.length * 3);
    const counts = await db
      .selectFrom('case_events')
      .select(['case_id', 'type', (eb) => eb.fn.countAll<string>().as('n')])
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', 'in', ids)
      .where('type', 'in', ['sla_breached', 'escalated'])
      .groupBy(['case_id', 'type'])
      .execute();
    for (const id of ids) {
      const n = (type: string) => Number(counts.find((c) => c.case_id === id && c.type === type)?.n ?? 0);
      expect(n('sla_breached'), id).toBe(3); // acknowledge, investigation, resolution
      expect(n('escalated'), id).toBe(2); // the supervisor, then a business day later the manager
    }
    const levels = await db
      .selectFrom('cases')
      .select('escalation_level')
      .where('org_id', '=', kh.org.orgId)
      .where('id', 'in', ids)
      .execute();
    expect(levels.every((l) => l.escalation_level === 2)).toBe(true);
    const staffMail = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', 'in', ids)
      .where('event', '=', 'escalated')
      .executeTakeFirstOrThrow();
    expect(Number(staffMail.n)).toBeGreaterThanOrEqual(ids.length * 2);
  });

  it('warns before the breach and does not warn twice', async () => {
    const { id } = await registerAs(db, kh, agent, khComplaint(), baku('2026-09-07T10:00'));
    const warnAt = (
      await db
        .selectFrom('case_sla_stages')
        .select('warn_at')
        .where('org_id', '=', kh.org.orgId)
        .where('case_id', '=', id)
        .where('stage', '=', 'acknowledge')
        .executeTakeFirstOrThrow()
    ).warn_at!;
    const first = await sweepSla(db, warnAt);
    const second = await sweepSla(db, new Date(warnAt.getTime() + 60_000));
    expect(first.warnings).toBeGreaterThanOrEqual(1);
    expect(second.warnings).toBe(0);
    const warnings = await db
      .selectFrom('case_events')
      .select(['data'])
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', id)
      .where('type', '=', 'sla_warning')
      .execute();
    expect(warnings.map((w) => (w.data as { stage: string }).stage)).toContain('acknowledge');
    expect(new Set(warnings.map((w) => (w.data as { stage: string }).stage)).size).toBe(warnings.length);
  });
});

describe('the SLA sweep in batches', () => {
  it('leaves a case someone holds for the next sweep, and handles the rest of its batch', async () => {
    const held = (await registerAs(db, kh, agent, khComplaint(), baku('2026-02-02T10:00'))).id;
    const free = (await registerAs(db, kh, agent, khComplaint(), baku('2026-02-02T10:00'))).id;
    const now = baku('2026-02-20T12:00');
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const holder = db.transaction().execute(async (trx) => {
      await trx.selectFrom('cases').select('id').where('id', '=', held).forUpdate().execute();
      locked();
      await released;
    });
    await isLocked;
    const first = await sweepSla(db, now);
    release();
    await holder;
    expect(first.busy).toBeGreaterThanOrEqual(1);
    const breaches = async (id: string) =>
      (
        await db
          .selectFrom('case_events')
          .select('type')
          .where('org_id', '=', kh.org.orgId)
          .where('case_id', '=', id)
          .where('type', '=', 'sla_breached')
          .execute()
      ).length;
    expect(await breaches(held)).toBe(0);
    expect(await breaches(free)).toBeGreaterThan(0);
    await sweepSla(db, now);
    expect(await breaches(held)).toBe(await breaches(free));
  });

  it('writes every timeline in order and keeps the audit chain of each org whole, across orgs', async () => {
    const other = await createOrg(db, 'kontakt-home', { as: 'kontakt-home-2' });
    const otherAgent = await other.actor('agent');
    const ids = [
      (await registerAs(db, kh, agent, khComplaint(), baku('2026-03-02T10:00'))).id,
      (await registerAs(db, other, otherAgent, khComplaint(), baku('2026-03-02T10:00'))).id,
      (await registerAs(db, kh, agent, khComplaint(), baku('2026-03-02T10:00'))).id,
    ];
    const r = await sweepSla(db, baku('2026-04-20T12:00'), 3);
    expect(r.breaches).toBeGreaterThanOrEqual(9);
    for (const id of ids) {
      const events = await db
        .selectFrom('case_events')
        .select(['seq', 'type', 'data'])
        .where('case_id', '=', id)
        .orderBy('seq')
        .execute();
      expect(events.map((e) => e.seq)).toEqual(events.map((_, k) => k + 1));
      const swept = events.filter((e) => e.type === 'sla_breached' || e.type === 'escalated');
      // acknowledgement first: its breach, the supervisor, a business day later the manager; then
      // the other stages' breaches
      expect(swept.map((e) => e.type)).toEqual([
        'sla_breached',
        'escalated',
        'escalated',
        'sla_breached',
        'sla_breached',
      ]);
      expect(swept.map((e) => (e.data as { level?: number }).level ?? null)).toEqual([
        null,
        1,
        2,
        null,
        null,
      ]);
    }
    for (const result of await verifyAudit(db)) expect(result, result.orgId).toMatchObject({ ok: true });
  });
});

describe('the SLA compliance report', () => {
  it('counts met on time, breached and extended per stage from the recorded events', async () => {
    const rows = await slaReport(db, {
      orgId: kh.org.orgId,
      timezone: 'Asia/Baku',
      from: baku('2026-01-01T00:00'),
      to: baku('2027-01-01T00:00'),
      by: 'none',
      period: 'total',
    });
    const byStage = Object.fromEntries(rows.map((r) => [r.stage, r]));
    expect(byStage.resolution!.extended).toBe(1);
    expect(byStage.resolution!.breached).toBeGreaterThanOrEqual(12);
    expect(byStage.acknowledge!.metOnTime).toBeGreaterThanOrEqual(2);
    expect(byStage.acknowledge!.compliance).toBeCloseTo(
      byStage.acknowledge!.metOnTime / (byStage.acknowledge!.metOnTime + byStage.acknowledge!.breached),
    );
  });
});
