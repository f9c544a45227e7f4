/// <reference lib="dom" />
// The manager's screens in Arabic, right to left (Sawa, Syria — the QP-14 procedure the daily
// follow-up board comes from): the same registration → transfer → resolution → bulk close →
// dashboard flow; charts that read from the right; accessibility; the pseudo-locale walk.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES, type Tree } from '../../web/src/i18n/catalogues.ts';
import { todayIn } from '../../web/src/routes/manager/period.ts';
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
import { eventually, patient, registeredOn } from './helpers.ts';

let riza: Riza;
let browser: Browser;

beforeAll(async () => {
  [riza, browser] = await Promise.all([startRiza('sawa'), launchBrowser()]);
});

function ar(key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = CATALOGUES.ar;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ar text for ${key}`);
  return node.replace(/\{\{\s*(\w+)(?:,\s*number)?\s*\}\}/g, (_, name: string) => String(vars[name]));
}

async function statusOf(id: string): Promise<string> {
  const row = await riza.db
    .selectFrom('cases')
    .select('status')
    .where('org_id', '=', riza.orgId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status;
}

const boardRow = (page: Page, board: 'ready' | 'open', number: string) =>
  page.locator(`[data-board="${board}"] tr[data-case-number="${number}"]`);

describe('daily follow-up in Arabic (Sawa)', { timeout: 240_000 }, () => {
  it('runs the whole follow-up right to left: registered, transferred, resolved, closed in bulk, counted', async () => {
    const today = todayIn('Asia/Damascus');
    const manager = await newPage(browser, 'ar-SY');
    patient(manager);
    const page = manager.page;
    await signInThroughUi(page, riza, 'cs_manager', 'ar');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'ar',
    ]);
    await page.getByRole('link', { name: ar('manager.nav.dashboards') }).click();
    await page.waitForURL(/\/manager\/dashboards/);
    const before = await registeredOn(page, today);

    // the agent registers the call with Sawa's approved form
    const agent = await newPage(browser, 'ar-SY');
    patient(agent);
    await signInThroughUi(agent.page, riza, 'agent', 'ar');
    await agent.page.goto(`${riza.url}/cases/new`);
    const form = agent.page.locator('main form');
    await form.getByLabel(/^الاسم/).fill('رنا');
    await form.getByLabel('الكنية').fill('السيد');
    await form.getByLabel('رقم الهاتف للتواصل').fill('+963 944 123 456');
    await form.getByLabel('نوع المشكلة أو الطلب').click();
    await agent.page.getByRole('option', { name: 'طلب تعويض عن خدمة مدفوعة لم يُستفد منها' }).click();
    await form.getByLabel('وصف المشكلة').fill('انقطع الإنترنت أسبوعاً كاملاً وأطلب تعويضاً عن أيام الانقطاع.');
    await form.getByRole('button', { name: ar('agent2.register.submit') }).click();
    await agent.page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const id = new URL(agent.page.url()).pathname.split('/').pop()!;
    const c = await riza.db
      .selectFrom('cases')
      .select(['id', 'number', 'status'])
      .where('org_id', '=', riza.orgId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(c.status).toBe('received');

    await page.getByRole('link', { name: ar('manager.nav.followUp') }).click();
    await page.waitForURL(/\/manager\/follow-up/);
    await boardRow(page, 'open', c.number).waitFor();

    // the outage must be confirmed before any compensation: the agent sends it to technical support
    await agent.page.getByRole('button', { name: ar('actions.transfer'), exact: true }).click();
    const transfer = agent.page.getByRole('dialog');
    await transfer.getByLabel(ar('actions.toDepartment')).click();
    await agent.page.getByRole('option', { name: 'قسم الدعم الفني' }).click();
    await transfer
      .getByLabel(ar('actions.reason'))
      .fill('يجب أن يؤكد الدعم الفني أيام الانقطاع قبل احتساب التعويض.');
    await transfer.getByRole('button', { name: ar('actions.transferSubmit') }).click();
    await eventually(() => transfer.count()).toBe(0);
    await eventually(() => statusOf(c.id)).toBe('waiting_on_department');
    await agent.context.close();

    const support = await newPage(browser, 'ar-SY');
    patient(support);
    await signInThroughUi(support.page, riza, 'department_staff', 'ar');
    await support.page.goto(`${riza.url}/cases/${c.id}`);
    await support.page.getByRole('button', { name: ar('actions.respond'), exact: true }).click();
    const respond = support.page.getByRole('dialog');
    await respond
      .getByLabel(ar('actions.result'))
      .fill('تأكد انقطاع الخدمة سبعة أيام بسبب عطل في المقسم، وأُصلح العطل. أبلغنا المشترك بالنتيجة هاتفياً.');
    await respond.getByRole('button', { name: ar('actions.respondSubmit') }).click();
    await eventually(() => respond.count()).toBe(0);
    await eventually(() => statusOf(c.id)).toBe('response_communicated');
    await support.context.close();

    await page.reload();
    const row = boardRow(page, 'ready', c.number);
    await row.waitFor();
    await row.getByRole('checkbox', { name: ar('manager.board.selectCase', { number: c.number }) }).check();
    // the navigation sits on the right, the board's columns start from the right
    const nav = await page.locator('nav').first().boundingBox();
    const ready = await page.locator('[data-board="ready"]').boundingBox();
    const open = await page.locator('[data-board="open"]').boundingBox();
    expect(nav!.x + nav!.width).toBeGreaterThan(1280 - 2);
    expect(ready!.x).toBeGreaterThan(open!.x);
    await expectAccessible(page, 'follow-up board (ar)');
    await screenshot(page, 'ar-manager-follow-up', true);

    await page
      .locator('[data-board="ready"]')
      .getByRole('button', { name: ar('manager.board.closeSelected_one', { count: 1 }) })
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: ar('manager.close.submit_one', { count: 1 }) })
      .click();
    const outcome = page.locator(`[data-bulk-results="close"] [data-case-number="${c.number}"]`);
    await eventually(() => outcome.getAttribute('data-outcome')).toBe('ok');
    expect(await outcome.textContent()).toContain(ar('status.closed'));
    expect(await statusOf(c.id)).toBe('closed');
    await screenshot(page, 'ar-manager-follow-up-results');

    await page.getByRole('link', { name: ar('manager.nav.dashboards') }).click();
    await page.waitForURL(/\/manager\/dashboards/);
    await eventually(() => registeredOn(page, today)).toBe(before + 1);

    // the charts read from the right: values on the right-hand axis, the newest day on the left
    const trend = page.locator('[data-chart="volume-trend"]');
    const surface = await trend.locator('.recharts-surface').boundingBox();
    const yAxis = await trend.locator('.recharts-yAxis-tick-labels').boundingBox();
    expect(yAxis!.x).toBeGreaterThan(surface!.x + surface!.width / 2);
    const ticks = trend.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label');
    const first = await ticks.first().boundingBox();
    const last = await ticks.last().boundingBox();
    expect(first!.x).toBeGreaterThan(last!.x);
    await expectAccessible(page, 'dashboards (ar)');
    await screenshot(page, 'ar-manager-dashboards', true);

    await page.getByRole('link', { name: ar('manager.nav.team') }).click();
    await page.locator('tr[data-user-id]').first().waitFor();
    await expectAccessible(page, 'team (ar)');
    await screenshot(page, 'ar-manager-team');
    expect(await cspViolations(page)).toEqual([]);
    expect(manager.problems).toEqual([]);
    await manager.context.close();
  });

  it('finds no untranslated text on the board, its dialogs and results, the team view and the dashboards', async () => {
    const { page, problems } = await newPage(browser);
    patient({ page });
    await signInThroughUi(page, riza, 'cs_manager', 'xx');
    const clean = async (what: string) => {
      await page.evaluate(() => document.fonts.ready);
      expect(await untranslated(page), what).toEqual([]);
    };

    await page.goto(`${riza.url}/manager/follow-up`);
    await page.locator('[data-board="open"] tbody tr').first().waitFor();
    await page.locator('[data-board="ready"] tbody tr, [data-board="ready"] p').first().waitFor();
    await clean('follow-up board');

    await page.locator('[data-board="open"] tbody tr').first().getByRole('checkbox').check();
    await page.locator('[data-board="open"]').getByRole('button', { name: /⟦/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('button[type="submit"]').click();
    await dialog.locator('.mantine-InputWrapper-error').first().waitFor();
    await dialog.locator('.mantine-Select-input').click();
    await page.getByRole('listbox').waitFor();
    await clean('transfer dialog with its errors and department list');
    await page.getByRole('option').first().click();
    await dialog.locator('textarea').fill('⟦reason⟧');
    await dialog.locator('button[type="submit"]').click();
    await page.locator('[data-bulk-results="transfer"]').waitFor();
    await clean('bulk results');

    await page.goto(`${riza.url}/manager/team`);
    await page.locator('tr[data-user-id]').first().waitFor();
    await clean('team');

    await page.goto(`${riza.url}/manager/dashboards?period=days30`);
    for (const id of ['volume-trend', 'volume-by', 'fcr', 'backlog', 'sla', 'extensions', 'csat']) {
      const card = page.locator(`[data-chart="${id}"]`);
      await card
        .locator('[data-numbers], [data-empty]')
        .first()
        .waitFor({ state: 'attached', timeout: 45_000 });
      if (await card.locator('details').count()) await card.locator('details > summary').click();
    }
    await clean('dashboards with their tables open');
    await page.getByText('⟦Custom⟧', { exact: true }).click();
    await page.locator('[role="status"]', { hasText: '⟦' }).first().waitFor();
    await clean('custom period, incomplete');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
