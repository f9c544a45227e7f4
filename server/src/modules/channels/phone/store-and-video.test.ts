// The doors without a transport of their own: a customer at the shop counter, whose paper form the
// staff scan and attach (Kontakt Home), and a video call with the customer recorded on the case by
// its link (HRDF).
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../test/db.ts';
import { createOrg, khComplaint, type TestOrg } from '../../../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../../../test/http.ts';
import type { Db } from '../../../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let hr: TestOrg;
let shop: Session;
let hrAgent: Session;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  hr = await createOrg(db, 'hrdf');
  app = await createTestApp(db);
  shop = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
  hrAgent = await signIn(app, 'hrdf', hr.userEmail('agent'));
});

const PDF_SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
// a 1×1 baseline JPEG, as a phone camera "scan" of the form would start
const JPEG_SCAN = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

async function multipart(filename: string, data: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), filename);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  };
}

describe('a complaint taken at the shop counter', () => {
  it('is registered by staff for the customer with the scanned paper form attached, channel "store"', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: shop.headers,
      payload: khComplaint({ channel: 'store', servedBy: 'Aynur Quliyeva, Gənclik filialı' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const [name, data] of [
      ['şikayət-forması.pdf', PDF_SCAN],
      ['forma-səhifə-2.jpg', JPEG_SCAN],
    ] as const) {
      const body = await multipart(name, data);
      const up = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/attachments`,
        headers: { ...shop.headers, ...body.headers },
        payload: body.payload,
      });
      expect(up.statusCode, up.body).toBe(201);
    }
    const view = await app.inject({ url: `/api/v1/cases/${id}`, headers: shop.headers });
    expect(view.json()).toMatchObject({ channel: 'store' });
    const files = await app.inject({ url: `/api/v1/cases/${id}/attachments`, headers: shop.headers });
    expect(
      files.json().items.map((f: { filename: string; content_type: string }) => [f.filename, f.content_type]),
    ).toEqual([
      ['şikayət-forması.pdf', 'application/pdf'],
      ['forma-səhifə-2.jpg', 'image/jpeg'],
    ]);
    const row = await db
      .selectFrom('cases')
      .select(['channel', 'created_by', 'served_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const staffId = (await kh.actor('agent')).userId;
    expect(row).toEqual({
      channel: 'store',
      created_by: staffId,
      served_by: 'Aynur Quliyeva, Gənclik filialı',
    });
    const timeline = (
      await app.inject({ url: `/api/v1/cases/${id}/timeline`, headers: shop.headers })
    ).json();
    expect(timeline.items.map((e: { type: string }) => e.type)).toEqual([
      'registered',
      'attachment_added',
      'attachment_added',
    ]);
    expect(timeline.items[0]).toMatchObject({
      actor: { kind: 'user', id: staffId },
      data: { channel: 'store' },
    });
  });
});

describe('a video call with the customer', () => {
  async function videoCase() {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: hrAgent.headers,
      payload: {
        type: 'inquiry',
        channel: 'video',
        category: 'eligibility',
        description: 'استفسار عن أهلية برنامج تمهير عبر مكالمة فيديو',
        locale: 'ar',
        customer: { firstName: 'هند', lastName: 'الزهراني', phone: '+966505551212' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const post = (id: string, payload: object, s = hrAgent) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/video-calls`,
      headers: { ...s.headers, 'accept-language': 'en' },
      payload,
    });

  it('is recorded on the case timeline with its https link and duration', async () => {
    const id = await videoCase();
    const res = await post(id, {
      url: 'https://meet.hrdf.example.sa/room/8842?pwd=x',
      durationSeconds: 540,
      at: '2026-03-02T09:15:00Z',
    });
    expect(res.statusCode, res.body).toBe(201);
    const timeline = (
      await app.inject({ url: `/api/v1/cases/${id}/timeline`, headers: hrAgent.headers })
    ).json();
    expect(timeline.items.filter((e: { type: string }) => e.type === 'video_call')).toMatchObject([
      {
        actor: { kind: 'user', id: (await hr.actor('agent')).userId },
        data: {
          url: 'https://meet.hrdf.example.sa/room/8842?pwd=x',
          durationSeconds: 540,
          startedAt: '2026-03-02T09:15:00.000Z',
        },
      },
    ]);
  });

  it('refuses a link that is not https, with the reason in the reader’s language', async () => {
    const id = await videoCase();
    const plain = await post(id, {
      url: 'http://meet.example.sa/r/1',
      durationSeconds: 60,
      at: '2026-03-02T09:00:00Z',
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.fields).toMatchObject([
      {
        field: 'url',
        reason: 'https_only',
        message: '“url” must be a secure link that starts with https://.',
      },
    ]);
    const script = await post(id, {
      url: 'javascript:alert(1)',
      durationSeconds: 60,
      at: '2026-03-02T09:00:00Z',
    });
    expect(script.json().error.fields).toMatchObject([{ field: 'url', reason: 'https_only' }]);
    const events = await db.selectFrom('case_events').select('type').where('case_id', '=', id).execute();
    expect(events.map((e) => e.type)).not.toContain('video_call');
  });

  it("is not recorded on another organisation's case", async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: shop.headers,
      payload: khComplaint(),
    });
    const res = await post(created.json().id, {
      url: 'https://meet.example.sa/r/2',
      durationSeconds: 60,
      at: '2026-03-02T09:00:00Z',
    });
    expect(res.statusCode).toBe(404);
  });
});
