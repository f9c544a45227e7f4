// The case list (GET /api/v1/cases) stays slim: a queue page of 50 rows once carried every case's
// five-language names and every SLA stage with its dates (~3 KB a row); these tests fail if it
// grows back into the full case view.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, khComplaint, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../test/http.ts';
import { listCases, SUMMARY_CHARS } from '../modules/cases/case-list.ts';
import { PRESSING, slaViews } from '../modules/sla/sla-view.ts';
import type { Db } from '../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let agent: Session;
const long = 'Soyuducu çatdırılma zamanı zədələnib, qapısı bağlanmır. '.repeat(20);

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db);
  agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
  for (let i = 0; i < 6; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: agent.headers,
      payload: khComplaint(i === 0 ? { description: long } : { subject: `Soyuducu ${i}` }),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const first = (await listCases(db, kh.org.orgId, { limit: 1 }))[0]!;
  // registration derives a subject from the description; older or imported cases may have none
  const oldest = (await listCases(db, kh.org.orgId, { limit: 6 }))[5]!;
  await db.updateTable('cases').set({ subject: '' }).where('id', '=', oldest.id).execute();
  await app.inject({
    method: 'POST',
    url: `/api/v1/cases/${first.id}/actions/acknowledge`,
    headers: agent.headers,
    payload: {},
  });
});

const list = async (language: string) => {
  const res = await app.inject({
    url: '/api/v1/cases?limit=50',
    headers: { ...agent.headers, 'accept-language': language },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, items: res.json().items as Record<string, unknown>[] };
};

describe('the case list', () => {
  it('carries a slim row per case, well under the size of the case view', async () => {
    const { body, items } = await list('ru');
    expect(items.length).toBe(6);
    expect(Object.keys(items[0]!).sort()).toEqual(
      [
        'id',
        'number',
        'type',
        'status',
        'channel',
        'priority',
        'summary',
        'createdAt',
        'updatedAt',
        'responseCommunicatedAt',
        'department',
        'category',
        'service',
        'owner',
        'customer',
        'escalationLevel',
        'sla',
      ].sort(),
    );
    // the fat rows were ~3 KB; these hold names, ids and one SLA stage
    expect(Buffer.byteLength(body) / items.length).toBeLessThan(900);
    for (const item of items) {
      expect(Object.keys(item.sla as object).sort()).toEqual(
        ['dueAt', 'remainingBusinessMs', 'stage', 'state'].sort(),
      );
      expect(Object.keys(item.customer as object)).not.toContain('phoneMasked');
    }
  });

  it('names the department, category and service in the language of the request, as one string', async () => {
    const departments = await db
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('org_id', '=', kh.org.orgId)
      .execute();
    const nameOf = new Map(departments.map((d) => [d.id, d.name as Record<string, string>]));
    for (const language of ['ru', 'az']) {
      const { items } = await list(language);
      for (const item of items) {
        const department = item.department as { id: string; name: unknown };
        expect(department.name).toBe(nameOf.get(department.id)![language]);
        for (const other of ['category', 'service'] as const) {
          const ref = item[other] as { name: unknown } | null;
          if (ref) expect(typeof ref.name).toBe('string');
        }
      }
    }
  });

  it('shows the subject, or the start of the description when there is none', async () => {
    const { items } = await list('en');
    const summaries = items.map((i) => i.summary as string);
    expect(summaries).toContain('Soyuducu 3');
    const cut = summaries.find((s) => s.startsWith('Soyuducu çatdırılma'))!;
    expect([...cut].length).toBe(SUMMARY_CHARS + 1);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('summarises the SLA as the most pressing running stage, whatever the time', async () => {
    const ids = (await listCases(db, kh.org.orgId, { limit: 50 })).map((c) => c.id);
    const people = { locale: 'en' as const, timeZone: 'UTC', hijri: false, region: 'AZ' };
    for (const days of [0, 1, 3, 10, 400]) {
      const now = new Date(Date.now() + days * 86_400_000);
      const rows = await listCases(db, kh.org.orgId, { limit: 50 }, 'en', now);
      const full = await slaViews(db, kh.org.orgId, ids, people, now);
      for (const row of rows) {
        const running = (full.get(row.id)?.stages ?? []).filter((s) => PRESSING.includes(s.state));
        running.sort(
          (a, b) => PRESSING.indexOf(a.state) - PRESSING.indexOf(b.state) || a.dueAt.localeCompare(b.dueAt),
        );
        const want = running[0];
        expect(row.sla, `${row.number} at +${days} d`).toEqual(
          want
            ? {
                stage: want.stage,
                state: want.state,
                dueAt: want.dueAt,
                remainingBusinessMs: want.remainingBusinessMs,
              }
            : null,
        );
      }
    }
  });

  it('is described in the OpenAPI document, rows and all', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    const ok = doc.paths['/api/v1/cases'].get.responses['200'];
    const schema = ok.content['application/json'].schema;
    expect(Object.keys(schema.properties.items.items.properties)).toContain('summary');
    expect(schema.properties.items.items.properties.department.properties.name.type).toBe('string');
  });
});
