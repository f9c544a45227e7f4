/// <reference lib="dom" />
// Shared by the manager's browser tests: API calls as a given staff member (for the steps the
// issue allows through the API), reading numbers as the UI prints them, and the pseudo-locale scan.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD } from '../../test/factories.ts';
import type { Riza } from '../harness.ts';

/** A signed-in API session (cookie + CSRF) for the first user of the profile with this role. */
export async function apiAs(riza: Riza, role: string) {
  const login = await riza.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { org: riza.slug, email: riza.email(role), password: TEST_PASSWORD },
  });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = login.cookies.find((c) => c.name === 'riza_session')!;
  const headers = {
    cookie: `riza_session=${cookie.value}`,
    'x-csrf-token': login.json().csrfToken as string,
  };
  return async <T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
    const res = await riza.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as T;
  };
}

/**
 * The harness fails a stuck step after 8 s; these flows run on a machine shared with other test
 * suites and benchmarks, so each step here may take longer before it counts as stuck.
 */
export function patient(w: { page: Page }): void {
  w.page.context().setDefaultTimeout(20_000);
}

/** expect.poll with the same patience (its own default is one second). */
export function eventually<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 20_000, interval: 200 });
}

/** A number as Intl printed it in any of the five languages (Arabic-Indic digits, grouping). */
export function parseShownNumber(text: string | null): number {
  const western = (text ?? '').replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  const digits = western.replace(/[^0-9]/g, '');
  if (!digits) throw new Error(`no number in "${text}"`);
  return Number(digits);
}

/** The "registered" count of one day in the dashboard's table of numbers (opened if closed). */
export async function registeredOn(page: Page, day: string): Promise<number> {
  const card = page.locator('[data-chart="volume-trend"]');
  // nothing registered in the whole period: the card says so instead of drawing zeros
  await card.locator('[data-numbers], [data-empty]').first().waitFor({ state: 'attached', timeout: 45_000 });
  if (await card.locator('[data-empty]').count()) return 0;
  if (!(await card.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)))
    await card.locator('details > summary').click();
  const cell = card.locator(`tr[data-bucket="${day}"] [data-col="registered"]`);
  return parseShownNumber(await cell.textContent());
}
