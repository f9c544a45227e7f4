/// <reference lib="dom" />
// Browser tests run the real server (buildApp + listen on a free port) against a fresh test
// database seeded with one policy profile and its sample cases, and drive the system Chromium.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { loadProfile } from '../server/src/modules/orgs/load-profile.ts';
import type { Db } from '../server/src/platform/db/db.ts';
import { LiveEvents } from '../server/src/platform/db/live-events.ts';
import { createTestDatabase } from '../test/db.ts';
import { profile, TEST_PASSWORD } from '../test/factories.ts';
import { createTestApp } from '../test/http.ts';
import { ensureWebBuild } from '../web/build.ts';

export interface Riza {
  url: string;
  db: Db;
  app: FastifyInstance;
  orgId: string;
  slug: string;
  /** e-mail of the first user of the profile with this role */
  email(role: string): string;
}

export async function startRiza(slug: string): Promise<Riza> {
  await ensureWebBuild();
  const { db, url } = await createTestDatabase();
  // live updates, as `riza start` runs them: the case view opens the stream
  const live = await new LiveEvents(url).start();
  afterAll(() => live.close());
  const p = profile(slug);
  const loaded = await loadProfile(db, p, { password: TEST_PASSWORD, withSampleCases: true });
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

/** One Chromium per test file; a fresh context (cookies, storage) per test. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  afterAll(() => browser.close());
  return browser;
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** CSP violations and uncaught errors seen by the page */
  problems: string[];
}

export async function newPage(browser: Browser, locale = 'en-US'): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  // fail on the step that is stuck, well before the test's own timeout
  context.setDefaultTimeout(8_000);
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    )
      problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

export async function signInThroughUi(page: Page, riza: Riza, role: string, lng: string): Promise<void> {
  await page.goto(`${riza.url}/sign-in?lng=${lng}`);
  await page.locator('input[name="org"]').fill(riza.slug);
  await page.locator('input[name="email"]').fill(riza.email(role));
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/queues\/mine/);
}

/** axe-core on the current page: no serious or critical violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const serious = async () => {
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n    ')}`,
      );
  };
  let bad = await serious();
  // a colour caught mid-transition (hover, re-render after a language switch) is not a finding:
  // look again once the page has settled, and report what is still there
  if (bad.length) {
    await page.waitForTimeout(500);
    bad = await serious();
  }
  expect(bad, `${what}:\n${bad.join('\n')}`).toEqual([]);
}

/** RIZA_SCREENSHOTS=/some/dir saves screens for people to look at; tests never depend on it. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const dir = process.env.RIZA_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

/** Every piece of UI text outside translate="no" that is not wrapped in ⟦…⟧. */
export function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const letters = /\p{L}/u;
    const wrapped = (s: string) => s.startsWith('⟦') && s.endsWith('⟧');
    // recharts_measurement_span: the chart library's off-screen span for measuring label widths
    const exempt = (el: Element | null) =>
      !el || Boolean(el.closest('[translate="no"], script, style, noscript, #recharts_measurement_span'));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (!letters.test(text) || exempt(node.parentElement)) continue;
      if (!wrapped(text)) found.push(`text: ${text}`);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      // hidden from assistive technology (e.g. Mantine's textarea measuring helper): nobody reads it
      if (exempt(el) || el.closest('[aria-hidden="true"]')) continue;
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attr)?.trim();
        if (value && letters.test(value) && !wrapped(value)) found.push(`${attr}: ${value}`);
      }
    }
    // "<screen> · Riza": the screen may be data (a case number); the app name never is
    if (!document.title.includes('⟧')) found.push(`title: ${document.title}`);
    return found;
  });
}
