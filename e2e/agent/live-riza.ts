// startRiza() with live updates: the same real server and fresh database as e2e/harness.ts, plus
// the PostgreSQL LISTEN connection that feeds GET /api/v1/live, as `riza start` runs it. (The
// shared harness starts the server without it, so its pages see the stream refused.)
import { afterAll } from 'vitest';
import { loadProfile } from '../../server/src/modules/orgs/load-profile.ts';
import { LiveEvents } from '../../server/src/platform/db/live-events.ts';
import { createTestDatabase } from '../../test/db.ts';
import { profile, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp } from '../../test/http.ts';
import { ensureWebBuild } from '../../web/build.ts';
import type { Riza } from '../harness.ts';

export async function startLiveRiza(slug: string): Promise<Riza> {
  await ensureWebBuild();
  const { db, url } = await createTestDatabase();
  const p = profile(slug);
  const loaded = await loadProfile(db, p, { password: TEST_PASSWORD, withSampleCases: true });
  const live = await new LiveEvents(url).start();
  // registered before the app's own afterAll, so it runs after the app has closed (hooks unwind)
  afterAll(() => live.close());
  const app = await createTestApp(db, {}, { live });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    db,
    app,
    orgId: loaded.orgId,
    slug,
    email(role) {
      const u = p.users.find((x) => x.role === role);
      if (!u) throw new Error(`${slug} has no ${role}`);
      return u.email.toLowerCase();
    },
  };
}
