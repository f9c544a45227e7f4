// Abuse limits and security headers: sign-in, one-time-code requests and checks, and portal
// submissions answer 429 with Retry-After and a message in the caller's language once over their
// limit; every kind of answer carries the CSP (no framing), nosniff and no X-Powered-By, and HSTS
// only when the public URL is https.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_LIMITS } from '../../server/src/modules/portal/portal-limits.ts';
import type { Db } from '../../server/src/platform/db/db.ts';
import type { Locale } from '../../server/src/platform/i18n/locales.ts';
import { t } from '../../server/src/platform/i18n/translate.ts';
import { hitRateLimit } from '../../server/src/platform/rate-limit.ts';
import { createTestDatabase } from '../db.ts';
import { createOrg, type TestOrg } from '../factories.ts';
import { createTestApp, signIn } from '../http.ts';
import { newIp, openPortalCase, type PortalCase } from './portal-session.ts';

let db: Db;
let app: FastifyInstance;
let httpsApp: FastifyInstance;
let um: TestOrg;
let portal: PortalCase;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  um = await createOrg(db, 'umniah');
  [app, httpsApp] = await Promise.all([
    createTestApp(db),
    createTestApp(db, { RIZA_PUBLIC_URL: 'https://care.umniah.example' }),
  ]);
  portal = await openPortalCase(app, db, 'umniah', {
    type: 'complaint',
    channel: 'web_form',
    service: 'postpaid',
    category: 'bill_dispute',
    description: 'تم خصم مبلغ من فاتورتي لخدمة لم أطلبها.',
    consent: true,
    customer: { firstName: 'سارة', lastName: 'العلي', phone: '+962795550202' },
  });
});

/** The request repeated until refused; the refusal must come exactly one past the limit. */
async function untilRefused(limit: number, send: (i: number) => Promise<LightMyRequestResponse>) {
  for (let i = 0; i < limit; i++) {
    const res = await send(i);
    expect(res.statusCode, `request ${i + 1} of ${limit}: ${res.body}`).not.toBe(429);
  }
  return send(limit);
}

/** 429, a Retry-After within the window, and the message in the caller's language naming it. */
function expectLimited(res: LightMyRequestResponse, lang: Locale, windowSeconds: number) {
  expect(res.statusCode, res.body).toBe(429);
  const seconds = Number(res.headers['retry-after']);
  expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= windowSeconds, String(seconds)).toBe(true);
  expect(res.json()).toEqual({
    error: { code: 'RATE_LIMITED', message: t(lang, 'error.RATE_LIMITED', { seconds }) },
  });
}

describe('rate limits', () => {
  it('stops password guessing on one account after 10 tries, in Arabic', async () => {
    const email = um.userEmail('supervisor');
    const ip = newIp();
    const res = await untilRefused(10, (i) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': ip, 'accept-language': 'ar' },
        payload: { org: 'umniah', email, password: `guess-${i}` },
      }),
    );
    expectLimited(res, 'ar', 900);
    // the right password is refused too while the window lasts: the limit is not a hint
    const right = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': newIp(), 'accept-language': 'ar' },
      payload: { org: 'umniah', email, password: 'correct horse battery staple' },
    });
    expect(right.statusCode).toBe(429);
  });

  it('stops one address trying many accounts after 30 tries, in Russian', async () => {
    const ip = newIp();
    // 28 earlier tries from this address, counted the way sign-in counts them (each real one costs
    // an argon2 verification, too slow to repeat 30 times here); the last two go through HTTP
    for (let i = 0; i < 28; i++) {
      await hitRateLimit(db, {
        orgId: um.org.orgId,
        bucket: `login:ip:${ip}`,
        limit: 30,
        windowSeconds: 900,
      });
    }
    const res = await untilRefused(2, (i) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': ip, 'accept-language': 'ru' },
        payload: { org: 'umniah', email: `nobody-${i}@umniah.demo`, password: 'x' },
      }),
    );
    expectLimited(res, 'ru', 900);
    // another address still signs in
    await signIn(app, 'umniah', um.userEmail('agent'));
  });

  it('limits one-time-code requests per address, in Kazakh', async () => {
    const ip = newIp();
    const res = await untilRefused(PORTAL_LIMITS.trackPerIp.limit, () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/portal/umniah/track',
        headers: { 'x-forwarded-for': ip, 'accept-language': 'kk' },
        payload: { number: portal.number },
      }),
    );
    expectLimited(res, 'kk', PORTAL_LIMITS.trackPerIp.windowSeconds);
  });

  it('limits one-time-code checks per address, in Azerbaijani', async () => {
    const ip = newIp();
    const res = await untilRefused(PORTAL_LIMITS.verifyPerIp.limit, (i) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/portal/umniah/track/verify',
        headers: { 'x-forwarded-for': ip, 'accept-language': 'az' },
        payload: { number: `UM-2026-${String(900_000 + i)}`, code: '000000' },
      }),
    );
    expectLimited(res, 'az', PORTAL_LIMITS.verifyPerIp.windowSeconds);
  });

  it('limits portal submissions per address, in English', async () => {
    const ip = newIp();
    // the honeypot answers like a success and still counts, so a robot cannot flood cheaply
    const res = await untilRefused(PORTAL_LIMITS.submitPerIp.limit, () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/portal/umniah/cases',
        headers: { 'x-forwarded-for': ip, 'accept-language': 'en' },
        payload: { website: 'http://spam.example' },
      }),
    );
    expectLimited(res, 'en', PORTAL_LIMITS.submitPerIp.windowSeconds);
  });
});

describe('security headers', () => {
  const requests = [
    { what: 'the web app', url: '/' },
    { what: 'a health probe', url: '/healthz' },
    { what: 'the public portal API', url: '/api/v1/portal/umniah' },
    { what: 'an unauthenticated API call', url: '/api/v1/cases' },
    { what: 'an unknown route', url: '/api/v1/nothing-here' },
    { what: 'a malformed URL', url: '/api/v1/cases/%E0%A4%A' },
    { what: 'an over-long path parameter', url: `/api/v1/portal/${'x'.repeat(300)}` },
  ];

  it('sends the CSP without framing, nosniff and no X-Powered-By on every kind of answer', async () => {
    for (const { what, url } of requests) {
      const res = await app.inject({ url });
      const csp = String(res.headers['content-security-policy'] ?? '');
      expect(csp, `${what} (${res.statusCode})`).toMatch(/(^|;)\s*frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      expect(res.headers['x-powered-by'], what).toBeUndefined();
      // plain HTTP (a LAN address, a demo): no HSTS, which would lock browsers out of it
      expect(res.headers['strict-transport-security'], what).toBeUndefined();
    }
  });

  it('sends HSTS when the public URL is https', async () => {
    for (const { what, url } of requests) {
      const res = await httpsApp.inject({ url });
      const hsts = String(res.headers['strict-transport-security'] ?? '');
      expect(hsts, `${what} (${res.statusCode})`).toMatch(/max-age=(\d+)/);
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(180 * 24 * 3600);
      expect(String(res.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
    }
  });
});
