// Live updates: a signed-in agent's event stream hears about a case the moment its change commits,
// and a user who may not see the case hears nothing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, khComplaint, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, signIn } from '../../../test/http.ts';
import type { Db } from '../platform/db/db.ts';
import { LiveEvents } from '../platform/db/live-events.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let live: LiveEvents;
let base: string;

beforeAll(async () => {
  const t = await createTestDatabase();
  db = t.db;
  live = await new LiveEvents(t.url).start();
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db, {}, { live });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});

afterAll(async () => {
  await live.close();
});

/** Collects `event: case` data from the stream until `stop()`. */
async function listen(cookie: string, query = '') {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/live${query}`, { headers: { cookie }, signal: controller.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: { caseId: string; type: string }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let i = buffer.indexOf('\n\n');
        while (i >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: case$/m.test(block) && data) events.push(JSON.parse(data));
          i = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    stop: async () => {
      controller.abort();
      await pump;
    },
  };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (Date.now() < end && !check()) await new Promise((r) => setTimeout(r, 50));
};

describe('live updates', () => {
  it('tells a reader about a case change as it commits, and nobody who may not see it', async () => {
    const agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
    const outsider = kh.profile.users.find((u) => u.role === 'finance');
    expect(outsider).toBeTruthy();
    const finance = await signIn(app, 'kontakt-home', outsider!.email.toLowerCase());
    const a = await listen(agent.cookie);
    const f = await listen(finance.cookie);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: agent.headers,
      payload: khComplaint(),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await until(() => a.events.some((e) => e.caseId === id));
    expect(a.events.find((e) => e.caseId === id)).toMatchObject({ type: 'registered' });
    await new Promise((r) => setTimeout(r, 300));
    expect(f.events.some((e) => e.caseId === id)).toBe(false);
    await a.stop();
    await f.stop();
  });

  it('limits the stream to the cases in view when asked', async () => {
    const agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
    const one = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent.headers,
        payload: khComplaint(),
      })
    ).json();
    const s = await listen(agent.cookie, `?cases=${one.id}`);
    await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: agent.headers,
      payload: khComplaint(),
    });
    await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${one.id}/notes`,
      headers: agent.headers,
      payload: { body: 'Zəng etdim' },
    });
    await until(() => s.events.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(s.events.map((e) => [e.caseId, e.type])).toEqual([[one.id, 'note_added']]);
    await s.stop();
  });
});
