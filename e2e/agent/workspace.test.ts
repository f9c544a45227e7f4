/// <reference lib="dom" />
// The agent workspace in a real Chromium against the real server (Umniah profile, Arabic
// sample cases): sign in, search, note, transfer; RTL; accessibility; the CSP holds.
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../test/factories.ts';
import {
  cspViolations,
  expectAccessible,
  launchBrowser,
  newPage,
  type Riza,
  screenshot,
  signInThroughUi,
  startRiza,
} from '../harness.ts';

let riza: Riza;
let browser: Browser;

beforeAll(async () => {
  [riza, browser] = await Promise.all([startRiza('umniah'), launchBrowser()]);
});

const BILL_SUBJECT = 'فاتورة أعلى بكثير من قيمة الاشتراك';

describe('agent workspace', () => {
  it('lets an agent sign in, find a case by search, add a note and transfer it', async () => {
    const { page, problems } = await newPage(browser);
    await signInThroughUi(page, riza, 'agent', 'en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('My cases');

    await page.getByRole('link', { name: /^All cases/ }).click();
    await page.waitForURL(/\/queues\/all/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('All cases');
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('فاتورة الاشتراك');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('فاتورة الاشتراك');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain(BILL_SUBJECT);

    // keyboard: j puts the cursor on the first row, Enter opens it
    await page.locator('main h1').click();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\//);
    await expect.poll(() => page.locator('h1').textContent()).toBe(BILL_SUBJECT);
    expect(await page.locator('h1 [dir="auto"]').count()).toBe(1);
    // one deadline badge per SLA stage the API reports for the case, with its state
    const apiCase = await page.evaluate(async () => (await fetch(`/api/v1${location.pathname}`)).json());
    const stages = (apiCase.sla?.stages ?? []) as { state: string }[];
    const badges = page.getByRole('group', { name: 'Deadlines' }).locator('[data-sla-state]');
    expect(await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-sla-state')))).toEqual(
      stages.map((st) => st.state),
    );

    const note = 'Called the customer back; billing will check the roaming charges.';
    await page.getByLabel('Internal note').fill(note);
    await page.getByRole('button', { name: 'Add note' }).click();
    const noteItem = page.locator('[data-event-type="note_added"]');
    await expect.poll(() => noteItem.first().textContent()).toContain(note);

    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // the server's own localised errors are shown: a transfer without a reason is refused
    await dialog.getByLabel('To department').click();
    await page.getByRole('option', { name: 'Technical support' }).click();
    await dialog.getByRole('button', { name: 'Transfer the case' }).click();
    await expect.poll(() => dialog.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await dialog.locator('.mantine-InputWrapper-error').allTextContents()).toContain(
      '“Reason” is required.',
    );

    await dialog
      .getByLabel('Reason')
      .fill('The bill spike comes from a faulty data session; technical support must check it.');
    await dialog.getByRole('button', { name: 'Transfer the case' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => page.locator('header [data-status]').first().textContent())
      .toBe('Waiting on department');
    await expect.poll(() => page.locator('[data-event-type="transferred"]').count()).toBe(1);

    const row = await riza.db
      .selectFrom('cases as c')
      .innerJoin('departments as d', (j) =>
        j.onRef('d.org_id', '=', 'c.org_id').onRef('d.id', '=', 'c.department_id'),
      )
      .select(['c.status', 'd.code'])
      .where('c.org_id', '=', riza.orgId)
      .where('c.subject', '=', BILL_SUBJECT)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'waiting_on_department', code: 'technical_support' });
    const notes = await riza.db
      .selectFrom('case_messages')
      .select('body')
      .where('org_id', '=', riza.orgId)
      .where('kind', '=', 'note')
      .execute();
    expect(notes.map((n) => n.body)).toContain(note);

    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('sends a signed-out visitor to sign in, then back to the case they asked for', async () => {
    const { page } = await newPage(browser);
    const c = await riza.db
      .selectFrom('cases')
      .select(['id', 'number'])
      .where('org_id', '=', riza.orgId)
      .orderBy('number')
      .executeTakeFirstOrThrow();
    await page.goto(`${riza.url}/cases/${c.id}?lng=en`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.locator('input[name="org"]').fill(riza.slug);
    await page.locator('input[name="email"]').fill(riza.email('agent'));
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(new RegExp(`/cases/${c.id}`));
    await expect.poll(() => page.locator('header').last().textContent()).toContain(c.number);

    // the session ends on the server (expired, signed out elsewhere): the next answer is 401
    await riza.db.deleteFrom('sessions').where('org_id', '=', riza.orgId).execute();
    await page.reload();
    await page.waitForURL(/\/sign-in\?next=%2Fcases%2F/);
    await page.context().close();
  });

  it("shows the server's translated message when sign-in fails", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${riza.url}/sign-in?lng=ru`);
    await page.locator('input[name="org"]').fill(riza.slug);
    await page.locator('input[name="email"]').fill(riza.email('agent'));
    await page.locator('input[name="password"]').fill('not the password');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Неверная организация, e-mail или пароль.');
    await page.context().close();
  });

  it('lays the app out right to left in Arabic, with the navigation on the right', async () => {
    const { page, problems } = await newPage(browser, 'ar-JO');
    await page.goto(`${riza.url}/sign-in?lng=ar`);
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'ar',
    ]);
    await screenshot(page, 'ar-sign-in');
    await signInThroughUi(page, riza, 'agent', 'ar');
    await page.getByRole('link', { name: /^كل الحالات/ }).click();
    await page.waitForURL(/\/queues\/all/);
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(3);

    const nav = await page.locator('nav').first().boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(nav && main).toBeTruthy();
    expect(nav!.x).toBeGreaterThan(main!.x); // inline start is the right edge
    expect(nav!.x + nav!.width).toBeGreaterThan(1280 - 2);
    // the back arrow and other pointing icons face the reading direction
    await screenshot(page, 'ar-queue');

    await page.locator('tbody tr a').first().click();
    await page.waitForURL(/\/cases\//);
    await page.locator('h1').waitFor();
    const mirrored = await page
      .locator('svg[data-mirror]')
      .first()
      .evaluate((el) => getComputedStyle(el).transform);
    expect(mirrored).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    // customer-written text keeps its own direction whatever the UI language
    const customerText = await page.locator('section [dir="auto"]').count();
    expect(customerText).toBeGreaterThan(2);
    await screenshot(page, 'ar-case');
    await page.getByRole('button', { name: 'تحويل', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').getByRole('heading').textContent()).toBe('تحويل');
    await screenshot(page, 'ar-transfer-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'إلغاء' }).first().click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await screenshot(page, 'ar-case-full', true);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('accessibility and the language switch', () => {
  it('passes axe (no serious or critical violations) on sign-in, queue and case view in English and Arabic, and remembers the language chosen', async () => {
    const { page, problems } = await newPage(browser);
    await page.goto(`${riza.url}/sign-in?lng=en`);
    await page.locator('input[name="org"]').waitFor();
    await expectAccessible(page, 'sign-in (en)');
    await screenshot(page, 'en-sign-in');

    await signInThroughUi(page, riza, 'cs_manager', 'en');
    await page.getByRole('link', { name: /^All cases/ }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(3);
    await expectAccessible(page, 'queue (en)');
    await screenshot(page, 'en-queue');
    await page.locator('tbody tr a').first().click();
    await page.locator('[data-event-type]').first().waitFor();
    await expectAccessible(page, 'case view (en)');
    await screenshot(page, 'en-case');

    // the switch re-renders in place: Arabic, right to left, nothing reloaded
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('menuitem', { name: 'العربية' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.locator('#timeline-heading').textContent()).toBe('سجل الحالة');
    await expectAccessible(page, 'case view (ar)');
    await page.getByRole('link', { name: 'العودة إلى القائمة' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(3);
    await expectAccessible(page, 'queue (ar)');

    // the choice is kept for this user on this device: signing out and in again stays Arabic
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.locator('input[name="org"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await expectAccessible(page, 'sign-in (ar)');
    await page.locator('input[name="org"]').fill(riza.slug);
    await page.locator('input[name="email"]').fill(riza.email('cs_manager'));
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/queues\/mine/);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('حالاتي');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
