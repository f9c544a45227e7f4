/// <reference lib="dom" />
// Shared by the administration browser tests: API calls as a staff member (to check what the UI
// did, and to register cases), the UI's own text in a language, and the pseudo-locale scan.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD } from '../../test/factories.ts';
import { CATALOGUES, type Tree } from '../../web/src/i18n/catalogues.ts';
import type { Riza } from '../harness.ts';

export type Api = <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => Promise<T>;

/** A signed-in API session (cookie + CSRF) as a user of the profile, by e-mail. */
export async function apiAs(riza: Riza, email: string): Promise<Api & { cookie: string }> {
  const login = await riza.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { org: riza.slug, email, password: TEST_PASSWORD },
  });
  expect(login.statusCode, login.body).toBe(200);
  const session = login.cookies.find((c) => c.name === 'riza_session')!;
  const cookie = `riza_session=${session.value}`;
  const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
  const call = async <T>(method: string, url: string, payload?: object): Promise<T> => {
    const res = await riza.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as T;
  };
  return Object.assign(call, { cookie });
}

/** The UI's text for a key in a language, {{…}} filled in, as the user reads it. */
export function uiText(lng: string, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = CATALOGUES[lng];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ${lng} text for ${key}`);
  return node.replace(/\{\{\s*(\w+)(?:,\s*number)?\s*\}\}/g, (_, name: string) => String(vars[name]));
}

/** The local calendar date ("YYYY-MM-DD") and minutes after midnight of an instant in a zone. */
export function localParts(iso: string, timeZone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The next date after `date` with working hours in the calendar's week and no holiday. */
export function nextWorkingDate(
  date: string,
  calendar: { week: Record<string, unknown[]>; holidays: { date: string }[] },
): string {
  const d = new Date(`${date}T12:00:00Z`);
  for (;;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    const hours = calendar.week[WEEKDAYS[d.getUTCDay()]!];
    if (hours?.length && !calendar.holidays.some((h) => h.date === iso)) return iso;
  }
}

/**
 * The page's problems less the refusals of the live-update stream: the browser-test server runs
 * without live events, so GET /api/v1/live answers 503 and the browser logs it. Any other 5xx
 * still counts.
 */
export function watchProblems(page: Page, problems: string[]): () => string[] {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 500) failed.push(new URL(r.url()).pathname);
  });
  return () => {
    const onlyLive = failed.every((p) => p === '/api/v1/live');
    return problems.filter((p) => !(onlyLive && /status of 503/.test(p)));
  };
}

/**
 * Waits for a busy machine (other test files build the web app and run browsers at the same time):
 * long enough for a screen to load, still far below the test's own timeout.
 */
export const SLOW = 20_000;

export function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: SLOW });
}
