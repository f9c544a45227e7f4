// Builds the web app when web/dist is missing or older than its sources, so `npm start` on a
// fresh clone serves the UI with no extra step. Run directly: `node --import tsx web/build.ts`.
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from '../server/build.ts';

const WEB = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(WEB, 'dist');
// inside node_modules so a lock left by a crash is never committed
const LOCK = path.join(WEB, '..', 'node_modules', '.riza-web-build-lock');
const INPUTS = [
  'index.html',
  'vite.config.ts',
  'src',
  'widget',
  '../package-lock.json',
  '../server/src/modules/cases/case-status.ts',
];

export function webBuildIsStale(): boolean {
  // the app and the chat widget, both: a build that lost either one is not done
  const built = Math.min(
    newestMtime(path.join(DIST, 'index.html')),
    newestMtime(path.join(DIST, 'widget.js')),
  );
  if (!built) return true;
  return INPUTS.some((input) => newestMtime(path.join(WEB, input)) > built);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds once even when several processes (parallel test files) ask at the same moment. */
export async function ensureWebBuild(log: (msg: string) => void = () => {}): Promise<void> {
  if (!webBuildIsStale()) return;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // another process is building; a lock older than 5 minutes is left over from a crash
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 5 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {}
      await sleep(250);
    }
  }
  try {
    if (!webBuildIsStale()) return;
    log('Building the web app (web/dist)…');
    let vite: typeof import('vite');
    try {
      vite = await import('vite');
    } catch {
      throw new Error(
        'web/dist is missing and Vite is not installed: run `npm install` (with dev dependencies).',
      );
    }
    // build aside and swap it in, so a server already serving web/dist never sees it half-empty
    const next = `${DIST}.next-${process.pid}`;
    await vite.build({
      configFile: path.join(WEB, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: next, emptyOutDir: true },
    });
    const old = `${DIST}.old-${process.pid}`;
    try {
      renameSync(DIST, old);
    } catch {}
    renameSync(next, DIST);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureWebBuild((m) => process.stdout.write(`${m}\n`)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
