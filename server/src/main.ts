#!/usr/bin/env node
// The `riza` command: one binary, several roles.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { verifyAudit } from './modules/audit/audit.ts';
import { registerCalendarCommands } from './modules/calendar/cli.ts';
import { startSmtpListener } from './modules/channels/email/smtp-listener.ts';
import { loadProfile } from './modules/orgs/load-profile.ts';
import type { Db } from './platform/db/db.ts';
import { LiveEvents } from './platform/db/live-events.ts';
import { startJobs } from './platform/jobs/jobs.ts';
import { LocalDiskStore } from './platform/storage/storage.ts';
import { PROFILES } from './profiles/index.ts';
import { openRuntime, type Runtime } from './runtime.ts';

const log = (msg: string) => process.stdout.write(`${msg}\n`);

function config(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

/** The demo password is made once per data folder and kept there (never in git). */
function demoPassword(cfg: Config): string {
  const file = path.join(cfg.dataDir, 'demo-password.txt');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(cfg.dataDir, { recursive: true });
  const pw = `riza-${randomBytes(9).toString('base64url')}`;
  writeFileSync(file, pw, { mode: 0o600 });
  return pw;
}

async function seedDemo(db: Db, cfg: Config): Promise<void> {
  const password = demoPassword(cfg);
  const loaded = [];
  for (const profile of PROFILES) {
    loaded.push(await loadProfile(db, profile, { password, withSampleCases: true }));
  }
  const created = loaded.filter((l) => l.created);
  if (created.length) log(`Loaded policy profiles: ${created.map((l) => l.slug).join(', ')}`);
}

async function printLogins(cfg: Config, db: Db) {
  const password = demoPassword(cfg);
  const providers = await db
    .selectFrom('notification_providers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  log('');
  log(`Riza is running at ${cfg.publicUrl}`);
  log(`  API reference: ${cfg.publicUrl}/api/docs    customer portal: ${cfg.publicUrl}/portal/umniah`);
  log(`  Open ${cfg.publicUrl}/ and sign in as an administrator of a demo organisation:`);
  for (const p of PROFILES) log(`    org "${p.slug}"  e-mail admin@${p.slug}.demo  password ${password}`);
  log(
    `  Every demo user of the five profiles has the same password (kept in ${path.join(cfg.dataDir, 'demo-password.txt')}).`,
  );
  if (Number(providers.n) === 0) {
    log('  No SMS or e-mail provider is configured: messages to customers are kept in the local outbox');
    log(
      `  (GET ${cfg.publicUrl}/api/v1/admin/outbox as an administrator; configure one with PUT /api/v1/admin/providers/sms|email).`,
    );
  }
  log('');
}

/** Background work of a `worker` process; `start` runs it inside the server process too. */
async function startWorker(runtime: Runtime, cfg: Config): Promise<() => Promise<void>> {
  const store = new LocalDiskStore(cfg.storageDir);
  const jobs = await startJobs(runtime.db, runtime.databaseUrl, {
    log,
    slaSweepSeconds: cfg.slaSweepSeconds,
    publicUrl: cfg.publicUrl,
    store,
  });
  // inbound mail for e-mail channels, when a port is configured (see README: behind the org's MX)
  const smtp =
    cfg.smtpListenPort === null
      ? null
      : await startSmtpListener({
          db: runtime.db,
          store,
          host: cfg.smtpListenHost,
          port: cfg.smtpListenPort,
          log,
        });
  if (smtp) log(`Inbound SMTP for e-mail channels on ${cfg.smtpListenHost}:${smtp.port}`);
  return async () => {
    await smtp?.close();
    await jobs.stop();
  };
}

async function serve(opts: { seed: boolean }) {
  const cfg = config();
  const runtime = await openRuntime(cfg, log, { migrate: true });
  if (opts.seed) await seedDemo(runtime.db, cfg);
  const live = await new LiveEvents(runtime.databaseUrl).start();
  const app = await buildApp(cfg, { db: runtime.db, live });
  const stopWorker = opts.seed ? await startWorker(runtime, cfg) : async () => {};
  const shutdown = async () => {
    await stopWorker();
    await app.close();
    await live.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ host: cfg.host, port: cfg.port });
  if (opts.seed) await printLogins(cfg, runtime.db);
}

const program = new Command('riza').description('Riza complaint and customer-care platform');

program
  .command('start')
  .description(
    'Start everything for a demo: PostgreSQL (embedded unless DATABASE_URL), migrations, the five policy profiles, the server',
  )
  .action(() => serve({ seed: true }));

program
  .command('serve')
  .description('Run the HTTP API (migrations applied first)')
  .action(() => serve({ seed: false }));

program
  .command('worker')
  .description('Run background jobs: SLA warnings, breaches and escalations, housekeeping')
  .action(async () => {
    const cfg = config();
    const runtime = await openRuntime(cfg, log, { migrate: true });
    const stop = await startWorker(runtime, cfg);
    log('Riza worker running');
    const shutdown = async () => {
      await stop();
      await runtime.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(async () => {
    const runtime = await openRuntime(config(), log, { migrate: true });
    await runtime.close();
  });

program
  .command('seed')
  .description('Load the five demo policy profiles (skips organisations that already exist)')
  .action(async () => {
    const cfg = config();
    const runtime = await openRuntime(cfg, log, { migrate: true });
    await seedDemo(runtime.db, cfg);
    await runtime.close();
  });

const audit = program.command('audit').description('Audit trail');
audit
  .command('verify')
  .description("Verify the hash chain of every organisation's audit trail; exit 1 at the first broken link")
  .option('--org <slug>', 'only this organisation')
  .action(async (opts: { org?: string }) => {
    const runtime = await openRuntime(config(), () => {}, { migrate: false });
    let code = 0;
    try {
      let orgId: string | undefined;
      if (opts.org) {
        const row = await runtime.db
          .selectFrom('orgs')
          .select('org_id')
          .where('slug', '=', opts.org)
          .executeTakeFirst();
        if (!row) {
          process.stderr.write(`No organisation "${opts.org}"\n`);
          code = 2;
          return;
        }
        orgId = row.org_id;
      }
      const results = await verifyAudit(runtime.db, orgId);
      const slugs = new Map(
        (await runtime.db.selectFrom('orgs').select(['org_id', 'slug']).execute()).map((o) => [
          o.org_id,
          o.slug,
        ]),
      );
      for (const r of results) {
        const name = slugs.get(r.orgId) ?? r.orgId;
        if (r.ok) log(`ok      ${name}: ${r.rows} entries, chain intact`);
        else
          log(
            `BROKEN  ${name}: first broken link at entry ${r.firstBroken!.seq} (${r.firstBroken!.problem})`,
          );
      }
      if (results.some((r) => !r.ok)) code = 1;
    } finally {
      await runtime.close();
      // exit explicitly: the answer is the exit code, whatever handles are still draining
      process.exit(code);
    }
  });

registerCalendarCommands(program);

program.parseAsync(process.argv).catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
