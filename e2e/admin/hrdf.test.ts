/// <reference lib="dom" />
// The administration screens in Arabic (HRDF, Hijri dates on): the calendar screen laid out right
// to left with Hijri dates beside lunar holidays to confirm; axe and screenshots of every screen;
// a role without administration sees no section and is told why; and the pseudo-locale walk of
// every screen and dialog finds no untranslated text.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cspViolations,
  expectAccessible,
  launchBrowser,
  newPage,
  type Riza,
  screenshot,
  signInThroughUi,
  startRiza,
  untranslated,
} from '../harness.ts';
import { poll, SLOW, uiText, watchProblems } from './helpers.ts';

let riza: Riza;
let browser: Browser;
const ar = (key: string, vars?: Record<string, string | number>) => uiText('ar', `admin.${key}`, vars);

beforeAll(async () => {
  [riza, browser] = await Promise.all([startRiza('hrdf'), launchBrowser()]);
});

const SECTIONS = [
  'organisation',
  'calendars',
  'sla',
  'structure',
  'form',
  'users',
  'roles',
  'templates',
  'providers',
  'outbox',
  'inboxes',
  'audit',
];

/** Opens a screen from the navigation, as a user would (no page load). */
async function openAdmin(page: Page, section: string, lng: string) {
  const name =
    lng === 'xx' ? `⟦${uiText('en', `admin.nav.${section}`)}⟧` : uiText(lng, `admin.nav.${section}`);
  await page.locator('nav').getByRole('link', { name, exact: true }).click();
  await page.waitForURL(new RegExp(`/admin/${section}`));
  await page.locator('main h1').waitFor();
  await page.waitForLoadState('networkidle');
}

describe('administration in Arabic (HRDF)', () => {
  it('lays the calendar screen out right to left, with Hijri dates beside the lunar holidays to confirm', async () => {
    const { page, problems: seen } = await newPage(browser, 'ar-SA');
    const problems = watchProblems(page, seen);
    page.setDefaultTimeout(SLOW);
    await signInThroughUi(page, riza, 'administrator', 'ar');
    await openAdmin(page, 'calendars', 'ar');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'ar',
    ]);
    const nav = (await page.locator('nav').first().boundingBox())!;
    const main = (await page.locator('main').boundingBox())!;
    expect(nav.x).toBeGreaterThan(main.x); // the navigation is at the inline start: the right
    await expectAccessible(page, 'calendars (ar)');
    await screenshot(page, 'admin-ar-calendars', true);

    await page.locator('[data-calendar="main"] a').first().click();
    await page.waitForURL(/\/admin\/calendars\/main/);
    const sunday = page.locator('tr[data-weekday="sun"]');
    await sunday.locator('input').first().waitFor();
    // the week starts on Sunday in Saudi Arabia, and the day's name is in the right-hand column
    expect(await page.locator('tr[data-weekday]').first().getAttribute('data-weekday')).toBe('sun');
    const day = (await sunday.locator('th').boundingBox())!;
    const hours = (await sunday.locator('td').boundingBox())!;
    expect(day.x).toBeGreaterThan(hours.x);
    // the "back" arrow points to the right, the way back in Arabic
    const back = page.getByRole('link', { name: ar('calendars.back') }).locator('svg[data-mirror]');
    expect(await back.evaluate((el) => getComputedStyle(el).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    // the text of the times reads left to right inside the right-to-left page
    const time = sunday.getByRole('textbox').first();
    expect(await time.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

    await page.getByText(ar('calendars.allYears'), { exact: true }).click();
    const estimated = page.locator('[data-holidays] tbody tr').filter({ hasText: ar('calendars.estimated') });
    await poll(() => estimated.count()).toBeGreaterThan(0);
    // the Umm al-Qura date beside the Gregorian one, for an org that shows Hijri dates
    expect(await estimated.first().textContent()).toMatch(/هـ/);
    const before = await estimated.count();
    await estimated
      .first()
      .getByRole('button', { name: new RegExp(ar('calendars.confirm')) })
      .click();
    await poll(() => estimated.count()).toBe(before - 1);
    await expectAccessible(page, 'calendar editor (ar)');
    await screenshot(page, 'admin-ar-calendar-editor', true);
    await screenshot(page, 'admin-ar-calendar-editor-top');
    expect(await cspViolations(page)).toEqual([]);
    expect(problems()).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('passes axe on every screen in Arabic, with screenshots', async () => {
    const { page, problems: seen } = await newPage(browser, 'ar-SA');
    const problems = watchProblems(page, seen);
    page.setDefaultTimeout(SLOW);
    await signInThroughUi(page, riza, 'administrator', 'ar');
    for (const section of SECTIONS) {
      await openAdmin(page, section, 'ar');
      await expectAccessible(page, `${section} (ar)`);
      await screenshot(page, `admin-ar-${section}`, true);
    }
    await page.locator('[data-seq] button').first().click();
    await page.getByRole('button', { name: ar('audit.verify') }).click();
    await page.locator('[data-audit-ok]').waitFor();
    await screenshot(page, 'admin-ar-audit-verified');
    expect(problems()).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('shows an agent no administration, and tells them why if they open it anyway', async () => {
    const { page } = await newPage(browser, 'ar-SA');
    page.setDefaultTimeout(SLOW);
    await signInThroughUi(page, riza, 'agent', 'ar');
    expect(await page.locator('nav').getByText(ar('nav.title')).count()).toBe(0);
    await page.goto(`${riza.url}/admin/users`);
    await poll(() => page.locator('main').textContent()).toContain(ar('common.notAllowedTitle'));
    await page.context().close();
  }, 60_000);
});

describe('pseudo-locale', () => {
  async function expectAllTranslated(page: Page, screen: string) {
    await page.evaluate(() => document.fonts.ready);
    expect(await untranslated(page), screen).toEqual([]);
  }

  /** Opens a dialog with the button, checks it, and closes it with Cancel. */
  async function dialog(page: Page, button: string, screen: string) {
    await page
      .getByRole('button', { name: `⟦${button}⟧` })
      .first()
      .click();
    const d = page.getByRole('dialog');
    await d.waitFor();
    await expectAllTranslated(page, screen);
    await d.getByRole('button', { name: '⟦Cancel⟧' }).last().click();
    await d.waitFor({ state: 'detached' });
  }

  it('finds no untranslated text on any administration screen or dialog', async () => {
    const { page, problems: seen } = await newPage(browser);
    const problems = watchProblems(page, seen);
    page.setDefaultTimeout(SLOW);
    await signInThroughUi(page, riza, 'administrator', 'xx');
    for (const section of SECTIONS) {
      await openAdmin(page, section, 'xx');
      await expectAllTranslated(page, section);
    }

    await openAdmin(page, 'calendars', 'xx');
    await dialog(page, 'New calendar', 'new calendar');
    await page.locator('[data-calendar="main"] a').first().click();
    await page.locator('[data-holidays]').waitFor();
    await page.getByRole('button', { name: '⟦Add holiday⟧' }).click();
    await page.getByRole('button', { name: '⟦Add closure⟧' }).click();
    await expectAllTranslated(page, 'calendar editor with new rows');

    await openAdmin(page, 'sla', 'xx');
    await dialog(page, 'New policy', 'new SLA policy');
    await page.locator('[data-policy] button').nth(1).click();
    await expectAllTranslated(page, 'retire SLA policy');
    await page.getByRole('dialog').getByRole('button', { name: '⟦Cancel⟧' }).last().click();

    await openAdmin(page, 'structure', 'xx');
    await dialog(page, 'New department', 'new department');
    for (const tab of ['Categories', 'Services']) {
      await page.getByRole('tab', { name: `⟦${tab}⟧` }).click();
      await page.locator('main table, main .mantine-EmptyState-root').first().waitFor();
      await expectAllTranslated(page, tab);
    }
    await dialog(page, 'New service', 'new service');

    await openAdmin(page, 'form', 'xx');
    await dialog(page, 'Add a field', 'add a field');

    await openAdmin(page, 'users', 'xx');
    await dialog(page, 'New user', 'new user');
    await page
      .locator('tr[data-user] button:not([disabled])')
      .filter({ hasText: '⟦Deactivate⟧' })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    await expectAllTranslated(page, 'deactivate user');
    await page.getByRole('dialog').getByRole('button', { name: '⟦Cancel⟧' }).last().click();

    await openAdmin(page, 'templates', 'xx');
    await page.getByText('⟦E-mail⟧', { exact: true }).click();
    await page.locator('[data-preview-subject]').waitFor();
    await page.getByRole('textbox', { name: '⟦Text⟧' }).fill('{caseNumber} {nope}');
    await page.locator('[data-problems]').waitFor();
    await expectAllTranslated(page, 'e-mail template with problems');

    await openAdmin(page, 'providers', 'xx');
    await page.getByText('⟦HTTP gateway⟧', { exact: true }).click();
    await page.getByRole('button', { name: '⟦Add header⟧' }).click();
    await expectAllTranslated(page, 'HTTP gateway settings');

    await openAdmin(page, 'inboxes', 'xx');
    await dialog(page, 'New inbox', 'new inbox');
    await page.getByRole('tab', { name: '⟦Channels⟧' }).click();
    await page.locator('main .mantine-EmptyState-root, main table').first().waitFor();
    await expectAllTranslated(page, 'channels');

    await openAdmin(page, 'audit', 'xx');
    await page.getByRole('button', { name: '⟦Verify the chain⟧' }).click();
    await page.locator('[data-audit-ok]').waitFor();
    await page.locator('[data-seq] button').first().click();
    await expectAllTranslated(page, 'audit verified, entry open');

    // a role without administration is told why, in its language
    await page.goto(`${riza.url}/admin/no-such-screen`);
    await page.locator('main .mantine-EmptyState-root').waitFor();
    await expectAllTranslated(page, 'unknown administration screen');
    expect(problems()).toEqual([]);
    await page.context().close();
  }, 300_000);
});
