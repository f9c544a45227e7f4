// SLA timers: how late is a breach recorded? A share of the running clocks is made due at one
// instant (as when a weekend's web-form cases all reach their acknowledgement deadline when the
// Monday shift opens), then the product's sweep (sweepSla, as the worker's job runs it) is run
// from that instant; the time until it has recorded the last breach is the worst delay after the
// sweep starts. The worker starts a sweep every RIZA_SLA_SWEEP_SECONDS, which can add up to that
// interval before the sweep begins.
import { sql } from 'kysely';
import { OPEN_STATUSES } from '../../server/src/modules/cases/case-status.ts';
import { sweepSla } from '../../server/src/modules/sla/sla-sweep.ts';
import { createDb } from '../../server/src/platform/db/db.ts';

export interface SlaResult {
  database: string;
  openCases: number;
  runningClocks: number;
  dueAtOnce: number;
  /** a sweep when nothing is due, ms */
  idleSweepMs: number;
  /** from the due instant until the sweep had recorded every breach, s */
  sweepSeconds: number;
  breachesRecorded: number;
  casesExamined: number;
  sweepIntervalSeconds: number;
}

export async function benchSla(opts: {
  databaseUrl: string;
  database: string;
  share: number;
  minimum: number;
  sweepIntervalSeconds: number;
  log: (msg: string) => void;
}): Promise<SlaResult> {
  const db = createDb(opts.databaseUrl, 10);
  try {
    const open = await db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', [...OPEN_STATUSES])
      .executeTakeFirstOrThrow();
    const running = await db
      .selectFrom('case_sla_stages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('next_check_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const openCases = Number(open.n);
    const runningClocks = Number(running.n);

    // Settle whatever is already due, so the measured sweep only meets the clocks made due below.
    const catchUp = performance.now();
    const before = await sweepSla(db, new Date());
    opts.log(
      `  catch-up sweep (clocks that fell due since the data was generated): ${before.breaches} breaches, ${before.warnings} warnings in ${((performance.now() - catchUp) / 1000).toFixed(1)} s`,
    );
    const idleStart = performance.now();
    await sweepSla(db, new Date());
    const idleSweepMs = performance.now() - idleStart;

    const wanted = Math.min(runningClocks, Math.max(opts.minimum, Math.round(openCases * opts.share)));
    const due = new Date(Date.now() + 5_000);
    // Running, not yet breached clocks, spread over every org, all made due at the same instant.
    const picked = await sql`
      UPDATE case_sla_stages s SET due_at = ${due}, next_check_at = ${due}
        FROM (SELECT org_id, case_id, stage FROM case_sla_stages
               WHERE next_check_at IS NOT NULL AND breached_at IS NULL AND met_at IS NULL
                 AND stopped_at IS NULL AND paused_at IS NULL
               ORDER BY random() LIMIT ${wanted}) p
       WHERE s.org_id = p.org_id AND s.case_id = p.case_id AND s.stage = p.stage`.execute(db);
    const dueAtOnce = Number(picked.numAffectedRows ?? 0);
    opts.log(
      `  ${dueAtOnce.toLocaleString('en')} clocks made due at ${due.toISOString()}; waiting for that instant…`,
    );
    // Timers may fire a millisecond early by the wall clock: wait until the instant has surely passed.
    while (Date.now() <= due.getTime()) {
      await new Promise((r) => setTimeout(r, Math.max(1, due.getTime() - Date.now() + 1)));
    }
    const sweep = await sweepSla(db, new Date());
    const sweepSeconds = (Date.now() - due.getTime()) / 1000;
    const recorded = await db
      .selectFrom('sla_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'breached')
      .where('due_at', '=', due)
      .executeTakeFirstOrThrow();
    return {
      database: opts.database,
      openCases,
      runningClocks,
      dueAtOnce,
      idleSweepMs,
      sweepSeconds,
      breachesRecorded: Number(recorded.n),
      casesExamined: sweep.examined,
      sweepIntervalSeconds: opts.sweepIntervalSeconds,
    };
  } finally {
    await db.destroy();
  }
}
