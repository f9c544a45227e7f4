// Durable background jobs on pg-boss (a PostgreSQL-backed queue): the database is the queue, so
// any number of `riza worker` processes share the work and nothing is lost when one is killed.
// Each job has a stable name, a version and a schedule, defined here beside its handler.
//
// The SLA sweep re-queues itself `slaSweepSeconds` after each pass, throttled to one job per time
// slot across all workers (pg-boss singletonSeconds); a cron entry every minute restarts the chain
// if the worker holding it died. Two sweeps overlapping is harmless: the sweep's own row locks make
// the outcome exactly-once whatever the queue does (see modules/sla/sla-sweep.ts).
import PgBoss from 'pg-boss';
import { WebChatSender } from '../../modules/channels/chat/web-chat-sender.ts';
import { type ChannelSenders, deliverReplies } from '../../modules/channels/deliver-replies.ts';
import { EmailReplySender } from '../../modules/channels/email/email-sender.ts';
import { fetchAllMailboxes } from '../../modules/channels/email/imap-fetch.ts';
import { SENDERS } from '../../modules/channels/registry.ts';
import { runHousekeeping } from '../../modules/housekeeping/housekeeping.ts';
import { buildAnswerLetter } from '../../modules/letters/index.ts';
import { type DeliveryDeps, deliverDue, ProviderRegistry } from '../../modules/notifications/deliver.ts';
import { sweepSla } from '../../modules/sla/sla-sweep.ts';
import type { Db } from '../db/db.ts';
import type { FileStore } from '../storage/storage.ts';

export interface JobContext {
  db: Db;
  boss: PgBoss;
  log: (msg: string) => void;
  slaSweepSeconds: number;
  delivery: DeliveryDeps;
  /** reply senders per channel kind: the registry's, and those that need the database */
  senders: ChannelSenders;
  store: FileStore;
}

/** How often the mailboxes of e-mail channels with IMAP settings are fetched. */
export const IMAP_FETCH_SECONDS = 30;

/** Re-queue a self-chaining job: at most one per time slot across all workers. */
async function again(ctx: JobContext, name: string, seconds: number) {
  await ctx.boss.send(
    name,
    { v: 1 },
    { startAfter: seconds, singletonSeconds: seconds, singletonNextSlot: true },
  );
}

interface JobDefinition {
  name: string;
  version: number;
  policy: 'standard' | 'stately' | 'singleton';
  cron?: string;
  handler: (ctx: JobContext) => Promise<void>;
}

export const JOBS: JobDefinition[] = [
  {
    name: 'sla-sweep',
    version: 1,
    policy: 'standard',
    cron: '* * * * *',
    handler: async (ctx) => {
      const r = await sweepSla(ctx.db);
      if (r.breaches || r.warnings || r.escalations) {
        ctx.log(`SLA sweep: ${r.warnings} warnings, ${r.breaches} breaches, ${r.escalations} escalations`);
      }
      await again(ctx, 'sla-sweep', ctx.slaSweepSeconds);
    },
  },
  {
    // The notification outbox: whatever is due, then again in a couple of seconds.
    name: 'notifications',
    version: 1,
    policy: 'standard',
    cron: '* * * * *',
    handler: async (ctx) => {
      const r = await deliverDue(ctx.delivery, 500);
      if (r.sent || r.failed || r.retried) {
        ctx.log(
          `notifications: ${r.sent} sent, ${r.local} kept in the local outbox, ${r.retried} to retry, ${r.failed} failed`,
        );
      }
      await again(ctx, 'notifications', 2);
    },
  },
  {
    // Agents' replies going back through the customer's channel (e-mail, messaging apps, chat).
    name: 'channel-replies',
    version: 1,
    policy: 'standard',
    cron: '* * * * *',
    handler: async (ctx) => {
      const r = await deliverReplies(ctx.db, ctx.senders, 500);
      if (r.sent || r.failed || r.retried) {
        ctx.log(`channel replies: ${r.sent} sent, ${r.retried} to retry, ${r.failed} failed`);
      }
      await again(ctx, 'channel-replies', 2);
    },
  },
  {
    // New mail in the IMAP mailboxes of e-mail channels; one pass at a time across all workers.
    name: 'imap-fetch',
    version: 1,
    policy: 'stately',
    cron: '* * * * *',
    handler: async (ctx) => {
      const r = await fetchAllMailboxes(ctx.db, ctx.store, { log: ctx.log });
      if (r.fetched || r.failed) {
        ctx.log(
          `imap: ${r.ingested} taken, ${r.duplicates} already known, ${r.dropped} dropped, ${r.failed} failed`,
        );
      }
      await again(ctx, 'imap-fetch', IMAP_FETCH_SECONDS);
    },
  },
  {
    name: 'housekeeping',
    version: 1,
    policy: 'stately',
    cron: '*/10 * * * *',
    handler: async (ctx) => {
      await runHousekeeping(ctx.db);
    },
  },
];

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startJobs(
  db: Db,
  databaseUrl: string,
  opts: { log: (msg: string) => void; slaSweepSeconds: number; publicUrl: string; store: FileStore },
): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, application_name: 'riza-worker' });
  boss.on('error', (e: unknown) => opts.log(`job queue error: ${String(e)}`));
  await boss.start();
  const providers = new ProviderRegistry(db);
  const delivery: DeliveryDeps = { db, providers, publicUrl: opts.publicUrl, letter: buildAnswerLetter };
  const emailSender = new EmailReplySender(db);
  const ctx: JobContext = {
    db,
    boss,
    log: opts.log,
    slaSweepSeconds: opts.slaSweepSeconds,
    delivery,
    senders: { ...SENDERS, email: emailSender, web_chat: new WebChatSender(db) },
    store: opts.store,
  };
  for (const job of JOBS) {
    await retryOnDeadlock(() =>
      boss.createQueue(job.name, {
        name: job.name,
        policy: job.policy,
        retryLimit: 3,
        expireInSeconds: 300,
      }),
    );
    if (job.cron) await retryOnDeadlock(() => boss.schedule(job.name, job.cron!, { v: job.version }));
    await boss.work(job.name, { pollingIntervalSeconds: 1 }, async () => {
      await job.handler(ctx);
    });
    await boss.send(job.name, { v: job.version });
  }
  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await providers.close();
      await emailSender.close();
    },
  };
}

/**
 * pg-boss creates queues and schedules without a lock of its own, so two workers starting
 * together on a new database can deadlock each other in PostgreSQL (40P01). The loser tries
 * again and finds what the winner created.
 */
async function retryOnDeadlock<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (e) {
      if ((e as { code?: string }).code !== '40P01' || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
    }
  }
}
