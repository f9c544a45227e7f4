/// <reference lib="dom" />
// The manager's screens in Kazakh against the real server (Jusan Mobile profile): a phone complaint
// registered by an agent, transferred to the network department, resolved there, closed from the
// daily follow-up board, and counted on the dashboard; bulk transfer with per-case results; the
// downloads; accessibility; English screenshots.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { label } from '../../server/src/modules/analytics/labels.ts';
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
} from '../harness.ts';
import { apiAs, eventually, patient, registeredOn } from './helpers.ts';

let riza: Riza;
let browser: Browser;

beforeAll(async () => {
  [riza, browser] = await Promise.all([startRiza('jusan-mobile'), launchBrowser()]);
});

/** The Kazakh UI text of a key, with {{…}} filled in, as a user reads it. */
function kk(key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = CATALOGUES.kk;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no kk text for ${key}`);
  return node.replace(/\{\{\s*(\w+)(?:,\s*number)?\s*\}\}/g, (_, name: string) => String(vars[name]));
}

interface Registered {
  id: string;
  number: string;
  status: string;
}

async function registerPhoneComplaint(subject: string): Promise<Registered> {
  const asAgent = await apiAs(riza, 'agent');
  return asAgent<Registered>('POST', '/api/v1/cases', {
    type: 'complaint',
    channel: 'call_centre',
    // taken by the contact centre on the line; the network department is a transfer away
    department: 'subscriber_service',
    category: 'coverage',
    service: 'mobile_tariffs',
    subject,
    description: 'Үйде ұялы байланыс күн сайын кешкі сағат 8-ден кейін үзіліп қалады, интернет жүктелмейді.',
    locale: 'kk',
    customer: { firstName: 'Әсел', lastName: 'Нұрланқызы', phone: '+77015550123' },
  });
}

/** The case a case-view address shows, read from the database. */
async function caseAt(url: string) {
  const id = new URL(url).pathname.split('/').pop()!;
  return riza.db
    .selectFrom('cases')
    .select(['id', 'number', 'status', 'channel', 'type'])
    .where('org_id', '=', riza.orgId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
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

describe('daily follow-up in Kazakh (Jusan Mobile)', { timeout: 240_000 }, () => {
  it('takes a phone complaint from registration through transfer and resolution to a bulk close, and the dashboard counts it', async () => {
    const today = todayIn('Asia/Almaty');
    const manager = await newPage(browser, 'kk-KZ');
    patient(manager);
    await signInThroughUi(manager.page, riza, 'cs_manager', 'kk');
    await manager.page.getByRole('link', { name: kk('manager.nav.dashboards') }).click();
    await manager.page.waitForURL(/\/manager\/dashboards/);
    const before = await registeredOn(manager.page, today);

    // 1. the agent registers the call with the organisation's form (the phone channel is preselected)
    const agent = await newPage(browser, 'kk-KZ');
    patient(agent);
    await signInThroughUi(agent.page, riza, 'agent', 'kk');
    await agent.page.goto(`${riza.url}/cases/new`);
    const form = agent.page.locator('main form');
    await form.getByLabel(/^Аты/).fill('Әсел');
    await form.getByLabel('Тегі').fill('Нұрланқызы');
    await form.getByLabel('Байланыс телефоны').fill('+7 701 555 01 23');
    await form.getByLabel('Сұраныс тақырыбы').click();
    await agent.page.getByRole('option', { name: 'SIM-картаны ауыстыру және нөмірді бұғаттау' }).click();
    await form
      .getByLabel('Сұраныстың мәні')
      .fill('eSIM-ге ауысқаннан кейін нөмір желіге тіркелмейді, қоңырау шалу мүмкін емес.');
    await form.getByRole('button', { name: kk('agent2.register.submit') }).click();
    await agent.page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const c = await caseAt(agent.page.url());
    expect(c).toMatchObject({ status: 'received', channel: 'call_centre', type: 'complaint' });

    // the board lists it with the contact centre's open cases
    await manager.page.getByRole('link', { name: kk('manager.nav.followUp') }).click();
    await manager.page.waitForURL(/\/manager\/follow-up/);
    await boardRow(manager.page, 'open', c.number).waitFor();
    expect(await boardRow(manager.page, 'ready', c.number).count()).toBe(0);

    // 2. the front line cannot solve it: the agent transfers it to the network department
    await agent.page.getByRole('button', { name: kk('actions.transfer'), exact: true }).click();
    const transfer = agent.page.getByRole('dialog');
    await transfer.getByLabel(kk('actions.toDepartment')).click();
    await agent.page.getByRole('option', { name: 'Желіні пайдалану департаменті' }).click();
    await transfer
      .getByLabel(kk('actions.reason'))
      .fill('Қосшыдағы базалық станцияны желі бөлімі тексеруі керек.');
    await transfer.getByRole('button', { name: kk('actions.transferSubmit') }).click();
    await eventually(() => transfer.count()).toBe(0);
    await eventually(() => statusOf(c.id)).toBe('waiting_on_department');
    await agent.context.close();

    // 3. the network department's lead resolves it and records what the customer was told
    const network = await newPage(browser, 'kk-KZ');
    patient(network);
    await signInThroughUi(network.page, riza, 'department_staff', 'kk');
    await network.page.goto(`${riza.url}/cases/${c.id}`);
    await network.page.getByRole('button', { name: kk('actions.respond'), exact: true }).click();
    const respond = network.page.getByRole('dialog');
    await respond
      .getByLabel(kk('actions.result'))
      .fill(
        'Базалық станцияның антеннасы ауыстырылды, байланыс қалпына келді. Абонентке телефон арқылы хабарланды.',
      );
    await respond.getByRole('button', { name: kk('actions.respondSubmit') }).click();
    await eventually(() => respond.count()).toBe(0);
    await eventually(() => statusOf(c.id)).toBe('response_communicated');
    await network.context.close();

    // 4. the manager closes it from the board with a bulk close
    const page = manager.page;
    await page.reload();
    const row = boardRow(page, 'ready', c.number);
    await row.waitFor();
    expect(await boardRow(page, 'open', c.number).count()).toBe(0);
    await row.getByRole('checkbox', { name: kk('manager.board.selectCase', { number: c.number }) }).check();
    await page
      .locator('[data-board="ready"]')
      .getByRole('button', { name: kk('manager.board.closeSelected_other', { count: 1 }) })
      .click();
    const confirm = page.getByRole('dialog');
    await eventually(() => confirm.getByRole('heading').textContent()).toBe(
      kk('manager.close.title_other', { count: 1 }),
    );
    await expectAccessible(page, 'close dialog (kk)');
    await confirm.getByRole('button', { name: kk('manager.close.submit_other', { count: 1 }) }).click();
    const outcome = page.locator(`[data-bulk-results="close"] [data-case-number="${c.number}"]`);
    await eventually(() => outcome.getAttribute('data-outcome')).toBe('ok');
    expect(await outcome.textContent()).toContain(kk('status.closed'));
    expect(await statusOf(c.id)).toBe('closed');
    await eventually(() => row.count()).toBe(0);
    await expectAccessible(page, 'follow-up board with results (kk)');

    // 5. the dashboard counts it: one more case registered today
    await page.getByRole('link', { name: kk('manager.nav.dashboards') }).click();
    await page.waitForURL(/\/manager\/dashboards/);
    await eventually(() => registeredOn(page, today)).toBe(before + 1);
    await expectAccessible(page, 'dashboards (kk)');

    expect(await cspViolations(page)).toEqual([]);
    expect(manager.problems).toEqual([]);
    await manager.context.close();
  });

  it('transfers selected contact-centre cases in bulk and reports each case: moved, or refused with the reason', async () => {
    const asAgent = await apiAs(riza, 'agent');
    const movable = await registerPhoneComplaint('Роумингте интернет істемейді');
    const waiting = await registerPhoneComplaint('SMS хабарламалар келмейді');
    // waiting on the customer's answer: the lifecycle does not allow a transfer now
    await asAgent('POST', `/api/v1/cases/${waiting.id}/actions/request_information`, {
      message: 'Қай нөмірден SMS күтесіз?',
    });

    const { page, problems } = await newPage(browser, 'kk-KZ');
    patient({ page });
    await signInThroughUi(page, riza, 'cs_manager', 'kk');
    await page.goto(`${riza.url}/manager/follow-up`);
    for (const c of [movable, waiting])
      await boardRow(page, 'open', c.number)
        .getByRole('checkbox', { name: kk('manager.board.selectCase', { number: c.number }) })
        .check();
    await page
      .locator('[data-board="open"]')
      .getByRole('button', { name: kk('manager.board.transferSelected_other', { count: 2 }) })
      .click();
    const dialog = page.getByRole('dialog');
    // nothing is sent without a department and a reason
    await dialog.getByRole('button', { name: kk('manager.transfer.submit_other', { count: 2 }) }).click();
    await eventually(() => dialog.locator('.mantine-InputWrapper-error').allTextContents()).toEqual([
      kk('manager.transfer.departmentRequired'),
      kk('manager.transfer.reasonRequired'),
    ]);
    await dialog.getByLabel(kk('actions.toDepartment')).click();
    await page.getByRole('option', { name: 'Өнімдер мен тарифтер бөлімі' }).click();
    await dialog.getByLabel(kk('actions.reason')).fill('Тариф шарттарын өнімдер бөлімі түсіндіруі керек.');
    await dialog.getByRole('button', { name: kk('manager.transfer.submit_other', { count: 2 }) }).click();

    const results = page.locator('[data-bulk-results="transfer"]');
    await results.waitFor();
    const moved = results.locator(`[data-case-number="${movable.number}"]`);
    const refused = results.locator(`[data-case-number="${waiting.number}"]`);
    expect(await moved.getAttribute('data-outcome')).toBe('ok');
    expect(await moved.textContent()).toContain(kk('status.waiting_on_department'));
    expect(await refused.getAttribute('data-outcome')).toBe('refused');
    expect(await refused.textContent()).toContain(kk('manager.results.error.INVALID_TRANSITION'));
    expect(await results.textContent()).toContain(kk('manager.results.refused_other', { count: 1 }));
    // focus lands on the outcome, for keyboard and screen-reader users
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-bulk-results'))).toBe(
      'transfer',
    );

    expect(await statusOf(movable.id)).toBe('waiting_on_department');
    expect(await statusOf(waiting.id)).toBe('waiting_on_customer');
    const reason = await riza.db
      .selectFrom('case_events')
      .select('reason')
      .where('org_id', '=', riza.orgId)
      .where('case_id', '=', movable.id)
      .where('type', '=', 'transferred')
      .executeTakeFirstOrThrow();
    expect(reason.reason).toBe('Тариф шарттарын өнімдер бөлімі түсіндіруі керек.');
    // the refused case stays on the board, the moved one has left it
    await eventually(() => boardRow(page, 'open', movable.number).count()).toBe(0);
    expect(await boardRow(page, 'open', waiting.number).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('downloads each dashboard as CSV and Excel with Kazakh headings, and shows the team in Kazakh', async () => {
    const { page, problems } = await newPage(browser, 'kk-KZ');
    patient({ page });
    await signInThroughUi(page, riza, 'cs_manager', 'kk');
    await page.goto(`${riza.url}/manager/dashboards?period=days30&department=network`);
    const card = page.locator('[data-chart="volume-trend"]');
    const csv = await card.locator('a[data-export="csv"]').getAttribute('href');
    expect(csv).toMatch(/^\/api\/v1\/reports\/volumes\?.*by=day.*department=network.*format=csv/);
    const res = await page.request.get(`${riza.url}${csv}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await res.text()).split(/\r?\n/)[0]).toContain(label('registered', 'kk'));

    const xlsx = await page.locator('[data-chart="backlog"] a[data-export="xlsx"]').getAttribute('href');
    const file = await page.request.get(`${riza.url}${xlsx}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-disposition']).toContain('backlog.xlsx');
    expect((await file.body()).subarray(0, 2).toString()).toBe('PK'); // a zip: an OOXML workbook

    // every card has either its chart and numbers, or its designed empty state
    for (const id of ['volume-trend', 'volume-by', 'fcr', 'backlog', 'sla', 'extensions', 'csat']) {
      const c = page.locator(`[data-chart="${id}"]`);
      await c.locator('[data-numbers], [data-empty]').first().waitFor({ state: 'attached' });
    }

    await page.getByRole('link', { name: kk('manager.nav.team') }).click();
    await page.waitForURL(/\/manager\/team/);
    const lead = page.locator('tr[data-user-id]', { hasText: 'Бауыржан Оспанов' });
    await lead.waitFor();
    expect(await lead.textContent()).toContain('Желіні пайдалану департаменті');
    await expectAccessible(page, 'team (kk)');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the board and the dashboards in English (screenshots)', async () => {
    const { page, problems } = await newPage(browser);
    patient({ page });
    await signInThroughUi(page, riza, 'cs_manager', 'en');
    await page.goto(`${riza.url}/manager/follow-up`);
    await page.locator('[data-board="ready"] tbody tr').first().waitFor();
    await eventually(() => page.locator('main h1').textContent()).toBe('Daily follow-up');
    await expectAccessible(page, 'follow-up board (en)');
    await screenshot(page, 'en-manager-follow-up', true);
    await page.goto(`${riza.url}/manager/dashboards?period=days30`);
    await page.locator('[data-chart="backlog"] [data-numbers]').waitFor({ state: 'attached' });
    await page.locator('.recharts-surface').first().waitFor();
    await expectAccessible(page, 'dashboards (en)');
    await screenshot(page, 'en-manager-dashboards', true);
    await page.goto(`${riza.url}/manager/team`);
    await page.locator('tr[data-user-id]').first().waitFor();
    await screenshot(page, 'en-manager-team');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
