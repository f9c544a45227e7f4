/// <reference lib="dom" />
// Queues and intake in a real Chromium with live updates (Kontakt Home): the queue counts are the
// server's, the priority filter is the server's, a new case appears in an open queue by itself; a
// shop visitor's case is registered with the approved form, a scanned form and resolved on the
// spot; canned replies come from the organisation's own texts; and no screen of the workspace
// shows text that skipped translation.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { khComplaint, TEST_PASSWORD } from '../../test/factories.ts';
import { signIn } from '../../test/http.ts';
import {
  cspViolations,
  expectAccessible,
  launchBrowser,
  newPage,
  type Riza,
  screenshot,
} from '../harness.ts';
import { startLiveRiza } from './live-riza.ts';
import { expectAllTranslated } from './pseudo.ts';

let riza: Riza;
let browser: Browser;

beforeAll(async () => {
  riza = await startLiveRiza('kontakt-home');
  browser = await launchBrowser();
});

async function signInAs(page: Page, role: string, lng: string) {
  await page.goto(`${riza.url}/sign-in?lng=${lng}`);
  await page.locator('input[name="org"]').fill(riza.slug);
  await page.locator('input[name="email"]').fill(riza.email(role));
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/queues\/mine/);
}

/** An open sample case of the organisation. */
async function openCase() {
  const row = await riza.db
    .selectFrom('cases')
    .select(['id', 'number'])
    .where('org_id', '=', riza.orgId)
    .where('status', 'in', ['received', 'acknowledged', 'investigation'])
    .orderBy('number')
    .executeTakeFirstOrThrow();
  return row;
}

const LIVE = { timeout: 6_000 };

describe('queues', () => {
  it('shows the server’s queue counts, filters by priority on the server, and shows a new case without a reload', async () => {
    const { page, problems } = await newPage(browser);
    await signInAs(page, 'agent', 'en');
    await page.getByRole('link', { name: /^All cases/ }).click();
    await page.waitForURL(/\/queues\/all/);
    await expect.poll(() => page.locator('[data-live-state]').getAttribute('data-live-state')).toBe('live');
    const counts = async () =>
      page.evaluate(
        async () => (await fetch('/api/v1/cases/counts')).json() as Promise<Record<string, number>>,
      );
    const before = await counts();
    for (const queue of ['mine', 'unassigned', 'all'])
      await expect
        .poll(() => page.locator(`[data-queue-count="${queue}"]`).textContent())
        .toBe(String(before[queue]));

    const asked = page.waitForRequest(
      (r) => r.url().includes('/api/v1/cases?') && r.url().includes('priority=high'),
    );
    await page.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: 'High' }).click();
    const request = await asked;
    await expect.poll(() => new URL(page.url()).searchParams.get('priority')).toBe('high');
    // what the server answers for that request is what the table shows, nothing filtered here
    const high = await page.evaluate(
      async (url) => ((await (await fetch(url)).json()) as { items: unknown[] }).items.length,
      request.url(),
    );
    await expect.poll(() => page.locator('tbody tr').count()).toBe(high);
    expect(new Set(await page.locator('tbody tr td:nth-child(5)').allTextContents())).toEqual(
      high ? new Set(['High']) : new Set(),
    );

    // someone registers a high-priority case elsewhere: it appears here, and the counts move
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('priority')).toBe(null);
    const agent = await signIn(riza.app, riza.slug, riza.email('agent'));
    const description = 'Paltaryuyan maşın ilk yumada su buraxdı, döşəmə islandı.';
    const res = await riza.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: agent.headers,
      payload: khComplaint({ description, priority: 'high' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    await expect
      .poll(() => page.locator('tbody tr').first().textContent(), LIVE)
      .toContain(res.json().number);
    await expect
      .poll(() => page.locator('[data-queue-count="all"]').textContent(), LIVE)
      .toBe(String(before.all! + 1));
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('registering a case for a shop visitor', () => {
  it('validates with the approved form, attaches the scanned form and resolves on the spot', async () => {
    const { page, problems } = await newPage(browser);
    await signInAs(page, 'agent', 'en');
    await page.getByRole('link', { name: 'Register a case' }).click();
    await page.waitForURL(/\/cases\/new/);
    await page.getByText('Shop or service centre', { exact: true }).click();
    await page.getByRole('button', { name: 'Register the case' }).click();
    // the server's own messages, with the form's own labels
    await expect
      .poll(() => page.locator('.mantine-InputWrapper-error').allTextContents())
      .toEqual(
        expect.arrayContaining([
          '“First name” is required.',
          '“Surname” is required.',
          '“Nature of the complaint” is required.',
        ]),
      );
    await expectAccessible(page, 'register a case, with errors (en)');

    await page.getByLabel('First name').fill('Aygün');
    await page.getByLabel('Surname').fill('Quliyeva');
    await page.getByLabel("Father's name (patronymic)").fill('Vaqif qızı');
    await page.getByLabel('Contact number').fill('050 555 12 34');
    await page
      .getByLabel('Nature of the complaint')
      .fill('Aldığım tozsoranın şnuru qısa çıxdı; mağazada dəyişdirdilər.');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'paper-form.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await page.getByLabel('Resolved on the spot').check();
    await page.getByLabel('Answer given to the customer').fill('Tozsoran yenisi ilə dəyişdirildi.');
    await screenshot(page, 'agent-en-register', true);
    await page.getByRole('button', { name: 'Register as resolved' }).click();

    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.locator('header [data-status]').first().getAttribute('data-status'))
      .toBe('response_communicated');
    await expect
      .poll(() => page.locator('[data-event-type="attachment_added"]').textContent())
      .toContain('paper-form.pdf');
    const details = page.locator('section[aria-labelledby="details-heading"]');
    expect(await details.textContent()).toContain('Resolved on first contact');
    expect(await details.textContent()).toContain('Shop or service centre');
    const row = await riza.db
      .selectFrom('cases')
      .select(['channel', 'first_contact_resolution'])
      .where('org_id', '=', riza.orgId)
      .where('description', 'like', 'Aldığım tozsoranın%')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'store', first_contact_resolution: true });

    // the same form in Arabic, right to left
    await page.goto(`${riza.url}/cases/new?lng=ar`);
    await page.getByRole('heading', { name: 'تسجيل حالة' }).waitFor();
    await screenshot(page, 'agent-ar-register', true);
    await expectAccessible(page, 'register a case (ar)');
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe('canned replies', () => {
  it('fills the reply with the organisation’s own text in the customer’s language and this case’s values', async () => {
    const c = await openCase();
    const { page, problems } = await newPage(browser);
    await signInAs(page, 'administrator', 'en');
    await page.goto(`${riza.url}/cases/${c.id}`);
    await page.locator('[data-event-type]').first().waitFor();
    await page.getByRole('button', { name: 'Reply to customer', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Canned reply', { exact: true }).click();
    await page.getByRole('option', { name: 'Our answer' }).click();
    const text = dialog.getByLabel('Message');
    await expect.poll(() => text.inputValue()).toContain(c.number);
    const value = await text.inputValue();
    // Azerbaijani, the case's language; the agent completes the marked gap
    expect(value).toContain('nömrəli müraciət üzrə cavab');
    expect(value).toContain('…');
    expect(value).toContain(`/portal/kontakt-home/track?number=${c.number}`);
    await screenshot(page, 'agent-en-canned-reply');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('pseudo-locale', () => {
  it('finds no untranslated text on the workspace’s queues, intake, case view and action forms', async () => {
    const admin = await signIn(riza.app, riza.slug, riza.email('administrator'));
    const setCheck = (on: boolean) =>
      riza.app.inject({
        method: 'PATCH',
        url: '/api/v1/admin/org',
        headers: admin.headers,
        payload: { requireIdentityCheck: on },
      });
    expect((await setCheck(true)).statusCode).toBe(200);
    const c = await openCase();
    const { page, problems } = await newPage(browser);
    await signInAs(page, 'administrator', 'xx');
    await page.goto(`${riza.url}/queues/all`);
    await page.locator('tbody tr').first().waitFor();
    await expectAllTranslated(page, 'queue');

    await page.goto(`${riza.url}/cases/new`);
    await page.getByRole('button', { name: '⟦Register the case⟧' }).click();
    await page.locator('.mantine-InputWrapper-error').first().waitFor();
    await page.getByLabel('⟦Resolved on the spot⟧').check();
    await page.getByText('⟦Verbally⟧', { exact: true }).click();
    await expectAllTranslated(page, 'register a case');

    await page.goto(`${riza.url}/cases/${c.id}`);
    await page.locator('[data-identity="required"]').waitFor();
    await page.locator('[data-event-type="notification"]').first().waitFor();
    await expectAllTranslated(page, 'case view with the identity check');
    await page.getByRole('button', { name: '⟦Confirm identity⟧' }).click();
    await page.getByText('⟦Tick at least 2 questions the caller answered.⟧').waitFor();
    await expectAllTranslated(page, 'identity check with too few questions');

    for (const action of [
      '⟦Ask for information⟧',
      '⟦Extend the date⟧',
      '⟦Resolve with result⟧',
      '⟦Reply to customer⟧',
      '⟦Record an offer⟧',
    ]) {
      await page.getByRole('button', { name: action, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expectAllTranslated(page, `${action} dialog`);
      if (action === '⟦Reply to customer⟧') {
        await dialog.getByLabel('⟦Canned reply⟧', { exact: true }).click();
        await page.getByRole('listbox').waitFor();
        await expectAllTranslated(page, 'canned replies open');
        await page.keyboard.press('Escape');
        await dialog.getByLabel('⟦Message⟧').fill('Salam');
        await dialog.getByRole('button', { name: '⟦Send the reply⟧' }).click();
        await dialog.locator('[data-no-reply-channel]').waitFor();
        await expectAllTranslated(page, 'reply without a conversation');
      }
      if (action === '⟦Record an offer⟧') {
        await dialog.getByText('⟦Compensation⟧', { exact: true }).click();
        await dialog.getByLabel('⟦Offer⟧').fill('50 AZN hədiyyə kartı');
        await dialog.getByLabel('⟦Amount⟧').fill('50');
        await dialog.getByLabel('⟦Why the request cannot be met as asked⟧').fill('Model artıq satılmır.');
        await expectAllTranslated(page, 'offer of compensation');
        await dialog.getByRole('button', { name: '⟦Record the offer⟧' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.locator('[data-offer-answer="pending"]').waitFor();
        await page.locator('[data-event-type="offer_made"]').waitFor();
        await expectAllTranslated(page, 'case view with an offer');
        continue;
      }
      await dialog.getByRole('button', { name: '⟦Cancel⟧' }).first().click();
      await dialog.waitFor({ state: 'detached' });
    }
    expect((await setCheck(false)).statusCode).toBe(200);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});
