/// <reference lib="dom" />
// The administration screens in Azerbaijani against the real server (Kontakt Home profile): a
// holiday added to the calendar moves the next case's acknowledgement a business day; an SMS
// template edited shows UCS-2 and its parts; an SMTP provider saved keeps its password hidden; a
// user deactivated is signed out; every screen passes axe; English screenshots.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { khComplaint } from '../../test/factories.ts';
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
import {
  type Api,
  apiAs,
  localParts,
  nextWorkingDate,
  poll,
  SLOW,
  uiText,
  watchProblems,
} from './helpers.ts';

let riza: Riza;
let browser: Browser;
let admin: Api;
const az = (key: string, vars?: Record<string, string | number>) => uiText('az', `admin.${key}`, vars);

beforeAll(async () => {
  [riza, browser] = await Promise.all([startRiza('kontakt-home'), launchBrowser()]);
  admin = await apiAs(riza, riza.email('administrator'));
});

interface CalendarSpec {
  timezone: string;
  week: Record<string, unknown[]>;
  holidays: { date: string; name?: Record<string, string> }[];
}
interface CaseView {
  id: string;
  sla?: { stages: { stage: string; dueAt: string }[] } | null;
}

async function acknowledgementDue(): Promise<string> {
  const c = await admin<CaseView>('POST', '/api/v1/cases', khComplaint());
  const due = c.sla?.stages.find((s) => s.stage === 'acknowledge')?.dueAt;
  if (!due) throw new Error('the case has no acknowledgement deadline');
  return due;
}

/** Opens a screen from the navigation, as a user would (no page load). */
async function openAdmin(page: Page, section: string, lng = 'az') {
  const name = uiText(lng, `admin.nav.${section}`);
  await page.locator('nav').getByRole('link', { name, exact: true }).click();
  await page.waitForURL(new RegExp(`/admin/${section}`));
  await page.locator('main h1').waitFor();
}

describe('administration (Kontakt Home, Azerbaijani)', () => {
  it('adds a holiday to the calendar, and the next case is acknowledged a business day later', async () => {
    const calendar = await admin<CalendarSpec>('GET', '/api/v1/admin/calendars/main');
    const zone = calendar.timezone;
    const before = await acknowledgementDue();
    // the next working day after today is either counted or is the day counting starts from:
    // making it a holiday moves the deadline by one working day either way
    const today = localParts(new Date().toISOString(), zone).date;
    const holiday = nextWorkingDate(today, calendar);

    const { page, problems: seen } = await newPage(browser, 'az-AZ');
    const problems = watchProblems(page, seen);
    page.setDefaultTimeout(SLOW);
    await signInThroughUi(page, riza, 'administrator', 'az');
    await openAdmin(page, 'calendars');
    await page.locator('[data-calendar="main"] a').first().click();
    await page.waitForURL(/\/admin\/calendars\/main/);
    const rows = page.locator('[data-holidays] tbody tr');
    await rows.first().waitFor();
    const count = await rows.count();
    await page.getByRole('button', { name: az('calendars.addHoliday') }).click();
    await poll(() => rows.count()).toBe(count + 1);
    const added = rows.last();
    await added.locator('input[type="date"]').fill(holiday);
    await added
      .getByRole('textbox', {
        name: az('calendars.holidayNameOf', { language: uiText('az', 'languageName.az'), holiday }),
      })
      .fill('Sınaq bayramı');
    await page.getByRole('button', { name: az('common.save'), exact: true }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: az('common.saved') })
          .count(),
      )
      .toBe(1);

    const saved = await admin<CalendarSpec>('GET', '/api/v1/admin/calendars/main');
    expect(saved.holidays.find((h) => h.date === holiday)).toEqual({
      date: holiday,
      name: { az: 'Sınaq bayramı' },
      estimated: false,
    });
    const after = await acknowledgementDue();
    const [was, now] = [localParts(before, zone), localParts(after, zone)];
    expect(now.date).toBe(nextWorkingDate(was.date, saved));
    // same clock time: both cases were registered moments apart
    expect(Math.abs(now.minutes - was.minutes)).toBeLessThan(10);

    await expectAccessible(page, 'calendar editor (az)');
    expect(await cspViolations(page)).toEqual([]);
    expect(problems()).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('shows a calendar error from the server next to the field it concerns', async () => {
    const { page } = await newPage(browser, 'az-AZ');
    page.setDefaultTimeout(SLOW);
    await signInThroughUi(page, riza, 'administrator', 'az');
    await openAdmin(page, 'calendars');
    await page.locator('[data-calendar="main"] a').first().click();
    const monday = page.locator('tr[data-weekday="mon"]');
    await monday.locator('input').first().waitFor();
    await monday.getByRole('textbox').nth(1).fill('25:00');
    await page.getByRole('button', { name: az('common.save'), exact: true }).click();
    // the server's own message, in Azerbaijani, under Monday
    await poll(() => monday.textContent()).toContain('week.mon[0]');
    expect(await page.getByRole('alert').first().textContent()).toBeTruthy();
    await page.context().close();
  }, 90_000);

  it('previews an edited SMS template as UCS-2 with the number of parts the SMS centre bills', async () => {
    const { page, problems: seen } = await newPage(browser, 'az-AZ');
    const problems = watchProblems(page, seen);
    page.setDefaultTimeout(SLOW);
    await signInThroughUi(page, riza, 'administrator', 'az');
    await openAdmin(page, 'templates');
    const body = page.getByRole('textbox', { name: az('templates.body') });
    await body.waitFor();
    const text =
      '{orgName}: hörmətli müştəri, şikayətiniz {caseNumber} nömrəsi ilə qeydə alındı. ' +
      'Müraciətinizə 3 iş günü ərzində baxılacaq. Statusu izləyin: {trackingUrl}';
    await body.fill(text);
    const preview = page.locator('[data-preview]');
    await poll(() => preview.locator('[data-preview-body]').textContent()).toContain('UM-2026-000123');
    await poll(() => preview.locator('[data-encoding]').getAttribute('data-encoding')).toBe('UCS-2');
    const rendered = (await preview.locator('[data-preview-body]').textContent()) ?? '';
    // UCS-2: 70 code units in one SMS, 67 per part once it is split
    const units = rendered.length;
    const parts = units <= 70 ? 1 : Math.ceil(units / 67);
    expect(parts).toBeGreaterThan(1);
    await expect
      .poll(() => preview.locator('[data-segments]').getAttribute('data-segments'))
      .toBe(String(parts));
    expect(await preview.locator('[data-segments]').textContent()).toBe(
      uiText('az', `admin.templates.segments_${parts === 1 ? 'one' : 'other'}`, { count: parts }),
    );
    await expectAccessible(page, 'templates (az)');

    await page.getByRole('button', { name: az('common.save'), exact: true }).click();
    await poll(() => page.getByText(az('templates.custom')).count()).toBeGreaterThan(0);
    const templates = await admin<{
      items: { event: string; channel: string; locale: string; body: string; custom: boolean }[];
    }>('GET', '/api/v1/admin/templates');
    expect(
      templates.items.find((t) => t.event === 'registered' && t.channel === 'sms' && t.locale === 'az'),
    ).toMatchObject({ body: text, custom: true });
    expect(problems()).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('saves an SMTP provider and shows its password only as ••••••', async () => {
    const { page, problems: seen } = await newPage(browser, 'az-AZ');
    const problems = watchProblems(page, seen);
    page.setDefaultTimeout(SLOW);
    await signInThroughUi(page, riza, 'administrator', 'az');
    await openAdmin(page, 'providers');
    const card = page.locator('[data-provider="email"]');
    await card.getByRole('textbox', { name: az('providers.host') }).fill('smtp.kontakt-home.test');
    await card.getByRole('textbox', { name: az('providers.user') }).fill('notify');
    const password = card.getByLabel(az('providers.password'), { exact: true });
    await password.fill('s3cret-Passw0rd');
    await card.getByRole('textbox', { name: az('providers.from') }).fill('not an address');
    await card.getByRole('button', { name: az('common.save'), exact: true }).click();
    // the server's localised problem appears under the field it is about
    const fromError = card.locator('.mantine-InputWrapper-error').filter({ hasText: 'from' });
    await poll(() => fromError.count()).toBe(1);

    await card
      .getByRole('textbox', { name: az('providers.from') })
      .fill('"Kontakt Home" <no-reply@kontakt-home.az>');
    await card.getByRole('button', { name: az('common.save'), exact: true }).click();
    await poll(() => card.locator('[data-configured="true"]').count()).toBe(1);
    await poll(() => password.inputValue()).toBe('••••••');
    expect(await password.getAttribute('type')).toBe('password');
    await card
      .getByRole('button', { name: az('common.showSecret') })
      .first()
      .click();
    expect(await password.getAttribute('type')).toBe('text');
    expect(await password.inputValue()).toBe('••••••');
    await poll(() => card.textContent()).toContain(az('providers.secretStored'));

    const stored = await riza.db
      .selectFrom('notification_providers')
      .select('config')
      .where('org_id', '=', riza.orgId)
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    expect(stored.config).toMatchObject({
      kind: 'smtp',
      host: 'smtp.kontakt-home.test',
      password: 's3cret-Passw0rd',
    });
    const shown = await admin<{ items: { channel: string; config: Record<string, unknown> | null }[] }>(
      'GET',
      '/api/v1/admin/providers',
    );
    expect(shown.items.find((p) => p.channel === 'email')?.config).toMatchObject({ password: '••••••' });
    expect(JSON.stringify(shown)).not.toContain('s3cret');
    await expectAccessible(page, 'providers (az)');
    expect(problems()).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('deactivates a user after confirmation, which ends their session at once', async () => {
    const email = 'narmin.abbasova@kontakt-home.demo';
    const agent = await apiAs(riza, email);
    const me = () =>
      riza.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: agent.cookie } });
    expect((await me()).statusCode).toBe(200);

    const { page, problems: seen } = await newPage(browser, 'az-AZ');
    const problems = watchProblems(page, seen);
    page.setDefaultTimeout(SLOW);
    await signInThroughUi(page, riza, 'administrator', 'az');
    await openAdmin(page, 'users');
    const row = page.locator(`tr[data-user="${email}"]`);
    await row.getByRole('button', { name: az('users.deactivate') }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.textContent()).toContain(az('users.deactivateTitle'));
    await expectAccessible(page, 'deactivate dialog (az)');
    await dialog.getByRole('button', { name: az('users.deactivate') }).click();
    await dialog.waitFor({ state: 'detached' });
    // gone from the active users, listed among the deactivated ones
    await poll(() => row.count()).toBe(0);
    await page.getByText(az('users.showInactive'), { exact: true }).click();
    await poll(() => row.locator('[data-active="false"]').textContent()).toBe(az('users.deactivated'));

    const user = await riza.db
      .selectFrom('users')
      .select('active')
      .where('org_id', '=', riza.orgId)
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(user.active).toBe(false);
    expect((await me()).statusCode).toBe(401);
    // the administrator cannot lock themselves out
    const self = page.locator(`tr[data-user="${riza.email('administrator')}"]`);
    await page.getByText(az('users.showAll'), { exact: true }).click();
    expect(await self.getByRole('button', { name: az('users.deactivate') }).isDisabled()).toBe(true);
    expect(problems()).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe('every administration screen', () => {
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

  it('passes axe in Azerbaijani and English, with screenshots of each in English', async () => {
    const { page, problems: seen } = await newPage(browser);
    const problems = watchProblems(page, seen);
    page.setDefaultTimeout(SLOW);
    await signInThroughUi(page, riza, 'administrator', 'az');
    for (const section of SECTIONS) {
      await openAdmin(page, section);
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `${section} (az)`);
    }
    await page.goto(`${riza.url}/admin/organisation?lng=en`);
    for (const section of SECTIONS) {
      await openAdmin(page, section, 'en');
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `${section} (en)`);
      await screenshot(page, `admin-en-${section}`, true);
    }
    await page.goto(`${riza.url}/admin/calendars/main`);
    await page.locator('[data-holidays]').waitFor();
    await screenshot(page, 'admin-en-calendar-editor', true);
    await page.goto(`${riza.url}/admin/sla`);
    await page.locator('[data-policy] button').first().click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'SLA policy form (en)');
    await screenshot(page, 'admin-en-sla-form');
    expect(problems()).toEqual([]);
    await page.context().close();
  }, 300_000);
});
