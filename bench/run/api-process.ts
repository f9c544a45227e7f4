// The API under test runs as its own process, started the way `npm start` starts it (the server
// bundle: `node server/dist/bundle/main.mjs serve`, built by server/build.ts when stale), so its
// resident memory is measured honestly and the load generator does not share its event loop.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureServerBuild, SERVER_BUNDLE, SERVER_NODE_FLAGS } from '../../server/build.ts';
import { BENCH_DATA_DIR, REPO_ROOT } from '../lib/postgres.ts';

export interface ApiProcess {
  url: string;
  pid: number;
  /** Resident set size in bytes of the API process, and of it plus its child processes. */
  rss(): { process: number; tree: number };
  stop(): Promise<void>;
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

export async function startApi(databaseUrl: string, port: number): Promise<ApiProcess> {
  // RIZA_BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API under load
  // (later flags win: "--max-old-space-size=4096" measures it without the heap budget).
  const extra = process.env.RIZA_BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  await ensureServerBuild();
  const child: ChildProcess = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...extra, SERVER_BUNDLE, 'serve'],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        RIZA_DATA_DIR: path.join(BENCH_DATA_DIR, 'app'),
      },
      // The product's default logging stays on; its output is discarded.
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + String(d)).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited during start-up:\n${stderr}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not become ready within 60 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    rss: () => {
      const own = rssOf(pid);
      return { process: own, tree: own + childrenOf(pid).reduce((s, c) => s + rssOf(c), 0) };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Samples the API's resident memory every `ms` while load runs; keeps the peak and the mean. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peak = 0;
  peakTree = 0;
  private sum = 0;
  private n = 0;
  constructor(private readonly api: ApiProcess) {}
  start(ms = 250): void {
    this.timer = setInterval(() => {
      const r = this.api.rss();
      this.peak = Math.max(this.peak, r.process);
      this.peakTree = Math.max(this.peakTree, r.tree);
      this.sum += r.process;
      this.n++;
    }, ms);
    this.timer.unref();
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
  get mean(): number {
    return this.n ? this.sum / this.n : 0;
  }
}
