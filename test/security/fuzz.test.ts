// Property tests with hostile input against the public portal and the staff case API, through
// app.inject on a real PostgreSQL: never a 5xx, every refusal in the one error shape, and a
// refused request writes nothing (cases, customers, timeline events, notifications).

import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASE_ACTIONS } from '../../server/src/modules/cases/case-status.ts';
import type { Db } from '../../server/src/platform/db/db.ts';
import { createTestDatabase } from '../db.ts';
import { createOrg, type TestOrg } from '../factories.ts';
import { createTestApp, type Session, signIn } from '../http.ts';
import { hostileJson, hostileString, mutated, withHostileText } from './hostile.ts';
import { newIp, openPortalCase } from './portal-session.ts';

let db: Db;
let app: FastifyInstance;
let um: TestOrg;
let agent: Session;
let manager: Session;
/** the portal's case: a customer's session opens it */
let caseId: string;
let caseNumber: string;
/** a staff case that random actions may move anywhere */
let junkCaseId: string;
let portalSession: Record<string, string>;

// modest in `npm test`; RIZA_FUZZ_RUNS=2000 for a deeper hunt
const RUNS = { numRuns: Number(process.env.RIZA_FUZZ_RUNS) || 100 };
/** properties that make several requests per run */
const HEAVY = { numRuns: Math.ceil(RUNS.numRuns * 0.4) };
const LANGS = ['ar', 'en', 'ru', 'kk', 'az', 'xx', '*', 'ar;q=abc', ''];

let phoneCounter = 0;
const joPhone = () => `+96279${String(2_000_000 + ++phoneCounter).slice(-7)}`;
const staffCase = () => ({
  type: 'complaint',
  channel: 'call_centre',
  service: 'postpaid',
  category: 'bill_dispute',
  subject: 'فاتورة مرتفعة',
  description: 'تم خصم مبلغ من فاتورتي لخدمة لم أطلبها.',
  remedySought: 'إرجاع المبلغ',
  locale: 'ar',
  customer: { firstName: 'سارة', lastName: 'العلي', phone: joPhone() },
});
const portalCase = () => ({ ...staffCase(), channel: 'web_form', consent: true });
const CUSTOMER_FIELDS = [
  'firstName',
  'lastName',
  'patronymic',
  'phone',
  'email',
  'kind',
  'segment',
  'nationalId',
];
const NAME_FIELDS = [
  'customer.firstName',
  'customer.lastName',
  'customer.patronymic',
  'customer.businessName',
];

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  um = await createOrg(db, 'umniah');
  app = await createTestApp(db);
  agent = await signIn(app, 'umniah', um.userEmail('agent'));
  manager = await signIn(app, 'umniah', um.userEmail('cs_manager'));
  ({
    caseId,
    number: caseNumber,
    headers: portalSession,
  } = await openPortalCase(app, db, 'umniah', portalCase()));
  const ack = await app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/actions/acknowledge`,
    headers: manager.headers,
    payload: {},
  });
  expect(ack.statusCode, ack.body).toBe(200);
  const junk = await app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: agent.headers,
    payload: staffCase(),
  });
  junkCaseId = junk.json().id;
});

async function rowCounts() {
  const { rows } = await sql<Record<string, number>>`SELECT
      (SELECT count(*) FROM cases)::int AS cases,
      (SELECT count(*) FROM customers)::int AS customers,
      (SELECT count(*) FROM case_events)::int AS case_events,
      (SELECT count(*) FROM notifications)::int AS notifications`.execute(db);
  return rows[0];
}

/** Sends one request and holds the answer to the rules every answer must keep. */
async function send(opts: InjectOptions & { json?: unknown; raw?: string }): Promise<LightMyRequestResponse> {
  const { json, raw, ...rest } = opts;
  const before = await rowCounts();
  const res = await app.inject({
    ...rest,
    ...(json !== undefined || raw !== undefined
      ? {
          payload: raw ?? JSON.stringify(json),
          headers: { 'content-type': 'application/json', ...(rest.headers as object) },
        }
      : {}),
  });
  const what = `${rest.method ?? 'GET'} ${String(rest.url).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 500)}`;
  expect(res.statusCode, what).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const error = res.json().error;
    expect(error, what).toMatchObject({
      code: expect.stringMatching(/^[A-Z_]+$/),
      message: expect.any(String),
    });
    expect(error.message.length, what).toBeGreaterThan(0);
    expect(await rowCounts(), `a refused request wrote rows: ${what}`).toEqual(before);
  }
  return res;
}

const lang = fc.constantFrom(...LANGS);
const action = fc.oneof(fc.constantFrom(...CASE_ACTIONS), hostileString);

describe('the staff case API under hostile input', () => {
  it('registers or refuses a case cleanly, whatever the body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutated(staffCase, { customer: CUSTOMER_FIELDS }), hostileJson),
        lang,
        async (body, l) => {
          await send({
            method: 'POST',
            url: '/api/v1/cases',
            headers: { ...agent.headers, 'accept-language': l },
            json: body,
          });
        },
      ),
      RUNS,
    );
  });

  it('stores or refuses hostile text in every free-text field of a well-formed case', async () => {
    await fc.assert(
      fc.asyncProperty(
        withHostileText(staffCase, ['subject', 'description', 'remedySought', ...NAME_FIELDS]),
        lang,
        async (body, l) => {
          const res = await send({
            method: 'POST',
            url: '/api/v1/cases',
            headers: { ...agent.headers, 'accept-language': l },
            json: body,
          });
          // what was stored comes back as it was sent (Unicode-normalised and trimmed at most)
          if (res.statusCode === 201)
            expect(res.json().description).toBe(String(body.description).normalize('NFC').trim());
        },
      ),
      RUNS,
    );
  });

  it('moves a case, notes and replies with hostile text cleanly', async () => {
    const requests = {
      note: (text: string) => ({ path: 'notes', body: { body: text } }),
      reply: (text: string) => ({ path: 'replies', body: { body: text } }),
      transfer: (text: string) => ({
        path: 'actions/transfer',
        body: { department: 'billing', reason: text },
      }),
      request_information: (text: string) => ({
        path: 'actions/request_information',
        body: { message: text },
      }),
      respond: (text: string) => ({ path: 'actions/respond', body: { message: text, steps: [text] } }),
      reject: (text: string) => ({ path: 'actions/reject', body: { rejection: 'duplicate', reason: text } }),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(requests) as (keyof typeof requests)[])),
        hostileString,
        async (kind, text) => {
          // each run on a fresh, acknowledged case, so every action is allowed by the lifecycle
          const c = await app.inject({
            method: 'POST',
            url: '/api/v1/cases',
            headers: manager.headers,
            payload: staffCase(),
          });
          const id = c.json().id as string;
          await app.inject({
            method: 'POST',
            url: `/api/v1/cases/${id}/actions/acknowledge`,
            headers: manager.headers,
            payload: {},
          });
          const { path, body } = requests[kind](text);
          await send({
            method: 'POST',
            url: `/api/v1/cases/${id}/${path}`,
            headers: manager.headers,
            json: body,
          });
        },
      ),
      HEAVY,
    );
  });

  it('acts on, notes and replies to a case cleanly, whatever the action, body or id', async () => {
    const actionBody = () => ({ reason: 'سبب', message: 'رسالة', department: 'billing', steps: ['خطوة'] });
    await fc.assert(
      fc.asyncProperty(
        action,
        fc.oneof(mutated(actionBody), hostileJson),
        fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileString }),
        fc.constantFrom('actions', 'notes', 'replies'),
        async (act, body, badId, kind) => {
          const id = badId === null ? junkCaseId : encodeURIComponent(badId);
          const url =
            kind === 'actions'
              ? `/api/v1/cases/${id}/actions/${encodeURIComponent(act)}`
              : `/api/v1/cases/${id}/${kind}`;
          await send({ method: 'POST', url, headers: manager.headers, json: body });
        },
      ),
      RUNS,
    );
  });

  it('searches and filters cleanly, whatever the query', async () => {
    const params = [
      'q',
      'status',
      'queue',
      'department',
      'owner',
      'type',
      'category',
      'from',
      'to',
      'limit',
      'cursor',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.oneof(fc.constantFrom(...params), hostileString), hostileString, { maxKeys: 3 }),
        hostileString,
        async (query, q) => {
          const res = await send({
            method: 'GET',
            url: '/api/v1/cases',
            // a short page: the answer's size is not what is under test
            query: { limit: '3', q, ...query },
            headers: agent.headers,
          });
          expect([200, 400], res.body).toContain(res.statusCode);
        },
      ),
      RUNS,
    );
  });

  it('refuses bodies that are not JSON, or try to reach the prototype, in the error shape', async () => {
    const raws = [
      '{',
      '{"type":',
      'nul',
      '[]',
      '"text"',
      '{"__proto__":{"admin":true},"type":"complaint"}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '\u0000',
      '{"a":1}garbage',
    ];
    for (const raw of raws) {
      const res = await send({ method: 'POST', url: '/api/v1/cases', headers: agent.headers, raw });
      expect(res.statusCode, raw).toBeGreaterThanOrEqual(400);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('the public portal under hostile input', () => {
  it('takes or refuses a submission cleanly, whatever the body or org', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutated(portalCase, { customer: CUSTOMER_FIELDS }), hostileJson),
        fc.oneof({ weight: 5, arbitrary: fc.constant('umniah') }, { weight: 1, arbitrary: hostileString }),
        lang,
        async (body, org, l) => {
          await send({
            method: 'POST',
            url: `/api/v1/portal/${encodeURIComponent(org)}/cases`,
            headers: { 'x-forwarded-for': newIp(), 'accept-language': l },
            json: body,
          });
        },
      ),
      RUNS,
    );
  });

  it('takes or refuses hostile text in a well-formed submission, and in the reply to a question', async () => {
    await fc.assert(
      fc.asyncProperty(
        withHostileText(portalCase, ['subject', 'description', 'remedySought', ...NAME_FIELDS]),
        hostileString,
        async (body, message) => {
          await send({
            method: 'POST',
            url: '/api/v1/portal/umniah/cases',
            headers: { 'x-forwarded-for': newIp() },
            json: body,
          });
          // the staff ask first, so the customer's answer is expected and reaches the database
          await app.inject({
            method: 'POST',
            url: `/api/v1/cases/${caseId}/actions/request_information`,
            headers: manager.headers,
            payload: { message: 'ما هو تاريخ الفاتورة؟' },
          });
          await send({
            method: 'POST',
            url: `/api/v1/portal/umniah/cases/${caseNumber}/reply`,
            headers: { 'x-forwarded-for': newIp(), ...portalSession },
            json: { message },
          });
        },
      ),
      HEAVY,
    );
  });

  it('answers the form description, tracking and verification cleanly, whatever is asked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('umniah'), hostileString),
        fc.constantFrom('info', 'track', 'verify'),
        fc.oneof(
          fc.record({ number: fc.oneof(fc.constant(caseNumber), hostileString), code: hostileString }),
          hostileJson,
        ),
        lang,
        async (org, what, body, l) => {
          const base = `/api/v1/portal/${encodeURIComponent(org)}`;
          const headers = { 'x-forwarded-for': newIp(), 'accept-language': l };
          if (what === 'info') await send({ method: 'GET', url: base, headers });
          else
            await send({
              method: 'POST',
              url: what === 'track' ? `${base}/track` : `${base}/track/verify`,
              headers,
              json: body,
            });
        },
      ),
      RUNS,
    );
  });

  it("handles the customer's own case, replies and survey answers cleanly, whatever is sent", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(caseNumber), hostileString),
        fc.constantFrom('view', 'reply', 'survey'),
        fc.oneof(
          fc.record({ message: hostileString }),
          fc.record({ rating: fc.integer(), comment: hostileString }),
          hostileJson,
        ),
        async (number, what, body) => {
          const headers = { 'x-forwarded-for': newIp(), ...portalSession };
          const base = '/api/v1/portal/umniah';
          if (what === 'view') {
            await send({ method: 'GET', url: `${base}/cases/${encodeURIComponent(number)}`, headers });
          } else if (what === 'reply') {
            await send({
              method: 'POST',
              url: `${base}/cases/${encodeURIComponent(number)}/reply`,
              headers,
              json: body,
            });
          } else {
            await send({
              method: 'POST',
              url: `${base}/survey/${encodeURIComponent(number)}`,
              headers,
              json: body,
            });
          }
        },
      ),
      RUNS,
    );
  });
});
