import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, khComplaint, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../test/http.ts';
import { createDb, type Db } from '../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let agent: Session;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e20000000049454e44ae426082',
  'hex',
);

function multipart(filename: string, data: Buffer) {
  const boundary = '----riza-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db, { RIZA_UPLOAD_MAX_BYTES: '4096' });
  agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
});

describe('attachments over HTTP', () => {
  it('stores a scanned form, lists it, and logs every download in the audit trail', async () => {
    const c = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent.headers,
        payload: khComplaint({ channel: 'store' }),
      })
    ).json();
    const body = multipart('../../forma.png', PNG);
    const up = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments`,
      headers: { ...agent.headers, ...body.headers },
      payload: body.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ filename: 'forma.png', contentType: 'image/png', size: PNG.length });
    const down = await app.inject({
      url: `/api/v1/cases/${c.id}/attachments/${up.json().id}`,
      headers: agent.headers,
    });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PNG)).toBe(true);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    const logged = await db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).execute();
    expect(logged.map((r) => r.action)).toEqual(
      expect.arrayContaining(['attachment.added', 'attachment.downloaded']),
    );
    const timeline = (
      await app.inject({ url: `/api/v1/cases/${c.id}/timeline`, headers: agent.headers })
    ).json();
    expect(timeline.items.map((e: { type: string }) => e.type)).toContain('attachment_added');
  });

  it("refuses a disguised or oversize file, in the caller's language, and stores nothing", async () => {
    const c = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent.headers,
        payload: khComplaint(),
      })
    ).json();
    const fake = multipart('scan.png', Buffer.from('MZ this is really a windows program'.padEnd(200, 'x')));
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments`,
      headers: { ...agent.headers, ...fake.headers, 'accept-language': 'ru' },
      payload: fake.payload,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/Этот тип файла не принимается/);
    const big = multipart('big.png', Buffer.concat([PNG, Buffer.alloc(8000)]));
    const res2 = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments`,
      headers: { ...agent.headers, ...big.headers },
      payload: big.payload,
    });
    expect(res2.statusCode).toBe(413);
    const rows = await db.selectFrom('attachments').select('id').where('case_id', '=', c.id).execute();
    expect(rows).toEqual([]);
  });
});

describe('limits and outages', () => {
  it('rate-limits repeated failed sign-ins for one account, with Retry-After', async () => {
    const email = kh.userEmail('supervisor');
    let last = 0;
    for (let i = 0; i < 11; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'accept-language': 'kk' },
        payload: { org: 'kontakt-home', email, password: `wrong-${i}` },
      });
      last = res.statusCode;
      if (res.statusCode === 429) {
        expect(res.headers['retry-after']).toBeTruthy();
        expect(res.json().error.code).toBe('RATE_LIMITED');
        expect(res.json().error.message).toMatch(/Әрекет тым көп/);
      }
    }
    expect(last).toBe(429);
  });

  it('reports not ready, and answers requests with a clean 503, while the database is unreachable', async () => {
    const deadDb = createDb('postgres://riza:x@127.0.0.1:1/riza', 1);
    const deadApp = await createTestApp(deadDb);
    const ready = await deadApp.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect((await deadApp.inject('/healthz')).statusCode).toBe(200);
    const login = await deadApp.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { org: 'x', email: 'a@b.c', password: 'p' },
    });
    expect(login.statusCode).toBe(503);
    expect(login.json().error.code).toBe('UNAVAILABLE');
    await deadDb.destroy();
  });
});
