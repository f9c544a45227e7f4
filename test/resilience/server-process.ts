// A real `riza serve` or `riza worker` process for crash, outage and scale-out tests: from the
// sources (node --import tsx server/src/main.ts …) or from the bundle `npm start` runs
// (node server/dist/bundle/main.mjs …); started against a given DATABASE_URL, killed with any
// signal, restarted (a server on the same port); and a client registering cases on such a server.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { ensureServerBuild, SERVER_BUNDLE, SERVER_NODE_FLAGS } from '../../server/build.ts';
import type { CaseInput } from '../../server/src/modules/cases/case-form.ts';
import type { Db } from '../../server/src/platform/db/db.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  await new Promise((r) => server.close(r));
  return address.port;
}

/** What `riza worker` prints once its jobs are running. */
const WORKER_READY = 'Riza worker running';

export class ServerProcess {
  private child: ChildProcess | null = null;
  private log = '';
  readonly url: string;

  constructor(
    private readonly env: Record<string, string>,
    readonly port: number,
    readonly command: 'serve' | 'worker' = 'serve',
    /** run the bundle `npm start` runs rather than the TypeScript sources */
    private readonly bundle = false,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the process printed (stdout and stderr), for failure messages. */
  get output(): string {
    return this.log;
  }

  /** Spawns the process and waits until it is ready: /readyz answers 200, or the worker says so. */
  async start(timeoutMs = 45_000): Promise<void> {
    if (this.running) throw new Error('already running');
    const logFrom = this.log.length;
    if (this.bundle) await ensureServerBuild();
    const entry = this.bundle
      ? [...SERVER_NODE_FLAGS, SERVER_BUNDLE]
      : ['--import', 'tsx', 'server/src/main.ts'];
    const child = spawn(process.execPath, [...entry, this.command], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => {
      this.log += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      this.log += d.toString();
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`riza ${this.command} exited (${child.exitCode}):\n${this.log}`);
      if (await this.ready(logFrom)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`riza ${this.command} not ready after ${timeoutMs} ms:\n${this.log}`);
  }

  /** `logFrom`: where this start's output begins (the log runs on across restarts). */
  private async ready(logFrom: number): Promise<boolean> {
    if (this.command === 'worker') return this.log.includes(WORKER_READY, logFrom);
    const res = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    return res?.status === 200;
  }

  /** Sends the signal and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }
}

/** A server process on a free port with its own data folder; killed when the test file ends. */
export async function serverProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  command: 'serve' | 'worker' = 'serve',
  opts: { bundle?: boolean } = {},
) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'riza-proc-'));
  const server = new ServerProcess(
    { DATABASE_URL: databaseUrl, RIZA_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    await freePort(),
    command,
    Boolean(opts.bundle),
  );
  afterAll(async () => {
    await server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  return server;
}

/** A `riza worker` process with its own data folder; killed when the test file ends. */
export function workerProcess(databaseUrl: string, env: Record<string, string> = {}) {
  return serverProcess(databaseUrl, env, 'worker');
}

export interface PlannedCase {
  key: string;
  body: CaseInput;
}
export type CaseOutcome =
  | { answered: true; status: number; id: string; number: string; replayed: boolean }
  | { answered: false; error: string };

/** POST /api/v1/cases with an Idempotency-Key; a lost answer is an outcome, not an exception. */
export async function registerCase(
  baseUrl: string,
  headers: Record<string, string>,
  p: PlannedCase,
): Promise<CaseOutcome> {
  try {
    const res = await fetch(`${baseUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': p.key },
      body: JSON.stringify(p.body),
      signal: AbortSignal.timeout(20_000),
    });
    const json = (await res.json()) as { id: string; number: string };
    return {
      answered: true,
      status: res.status,
      id: json.id,
      number: json.number,
      replayed: res.headers.get('idempotent-replayed') === 'true',
    };
  } catch (e) {
    return { answered: false, error: String((e as Error).cause ?? e) };
  }
}

/** What a careful client sends again, same key and body: a lost answer or a 503. */
export const retryable = (o: CaseOutcome) => !o.answered || o.status === 503;

export function caseRows(db: Db, orgId: string) {
  return db.selectFrom('cases').select(['id', 'number', 'description']).where('org_id', '=', orgId).execute();
}

/** Within each year, the org's cases are numbered <prefix>-<year>-000001 … N: no gap, no repeat. */
export async function expectGaplessNumbers(db: Db, orgId: string) {
  const byYear = new Map<string, number[]>();
  for (const r of await caseRows(db, orgId)) {
    const year = r.number.slice(0, r.number.lastIndexOf('-'));
    byYear.set(year, [...(byYear.get(year) ?? []), Number(r.number.split('-').pop())]);
  }
  for (const [year, seq] of byYear) {
    seq.sort((a, b) => a - b);
    expect(seq, year).toEqual(seq.map((_, i) => i + 1));
  }
}
