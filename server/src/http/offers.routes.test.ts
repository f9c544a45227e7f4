// R-FLOW-7 over HTTP: an offer is recorded, the customer is told, their answer is recorded once.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, khComplaint, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../test/http.ts';
import type { Db } from '../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let agent: Session;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db);
  agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
});

describe('offers of an alternative or compensation', () => {
  it('records an offer, tells the customer, and records their answer once', async () => {
    const c = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent.headers,
        payload: khComplaint(),
      })
    ).json();
    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/offers`,
      headers: { ...agent.headers, 'accept-language': 'az' },
      payload: { kind: 'compensation', description: 'Pul qaytarılması', reason: 'Model artıq satılmır' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['amount', 'currency']);
    const made = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/offers`,
      headers: agent.headers,
      payload: {
        kind: 'compensation',
        description: 'Qiymət fərqinin qaytarılması',
        amount: 120,
        currency: 'AZN',
        reason: 'Model artıq satılmır',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const offerId = made.json().id;
    const notice = await db
      .selectFrom('notifications')
      .select(['variables'])
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', c.id)
      .where('event', '=', 'offer')
      .executeTakeFirstOrThrow();
    expect(notice.variables).toMatchObject({
      offer: 'Qiymət fərqinin qaytarılması (120 AZN)',
      reason: 'Model artıq satılmır',
    });
    const answered = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/offers/${offerId}/answer`,
      headers: agent.headers,
      payload: { answer: 'accepted', note: 'Müştəri telefonla razılaşdı' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().items[0]).toMatchObject({ kind: 'compensation', amount: 120, answer: 'accepted' });
    const twice = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/offers/${offerId}/answer`,
      headers: agent.headers,
      payload: { answer: 'declined' },
    });
    expect(twice.statusCode).toBe(409);
    const timeline = (
      await app.inject({ url: `/api/v1/cases/${c.id}/timeline`, headers: agent.headers })
    ).json();
    expect(timeline.items.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['offer_made', 'offer_answered']),
    );
  });
});
