// A real `riza serve` process (node --import tsx server/src/main.ts serve) for crash and outage
// tests: started against a given DATABASE_URL, killed with any signal, restarted on the same port.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

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

export class ServerProcess {
  private child: ChildProcess | null = null;
  private log = '';
  readonly url: string;

  constructor(
    private readonly env: Record<string, string>,
    readonly port: number,
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

  /** Spawns the process and waits until /readyz answers 200. */
  async start(timeoutMs = 45_000): Promise<void> {
    if (this.running) throw new Error('already running');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
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
      if (!this.running) throw new Error(`riza serve exited (${child.exitCode}):\n${this.log}`);
      const res = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
      if (res?.status === 200) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`riza serve not ready after ${timeoutMs} ms:\n${this.log}`);
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
export async function serverProcess(databaseUrl: string, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'riza-proc-'));
  const server = new ServerProcess(
    { DATABASE_URL: databaseUrl, RIZA_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    await freePort(),
  );
  afterAll(async () => {
    await server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  return server;
}
