/// <reference lib="dom" />
// The customer portal in Azerbaijani (Kontakt Home), in a real Chromium against the real server:
// the org's own form (with the patronymic), the server's errors in Azerbaijani beside each field,
// a photo chosen in the form and attached once the texted code proves the phone, the case in the
// customer's words, a file refused for its content, and the survey.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/http.ts';
import {
  cspViolations,
  expectAccessible,
  launchBrowser,
  newPage,
  type Riza,
  screenshot,
  startRiza,
} from '../harness.ts';
import { expectAllTranslated } from './pseudo.ts';

let riza: Riza;
let browser: Browser;

beforeAll(async () => {
  [riza, browser] = await Promise.all([startRiza('kontakt-home'), launchBrowser()]);
});

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e20000000049454e44ae426082',
  'hex',
);

/** The code the customer would read in the SMS (no provider here: it waits in the outbox). */
async function latestCode(number: string): Promise<string> {
  const n = await riza.db
    .selectFrom('notifications as n')
    .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'n.org_id').onRef('c.id', '=', 'n.case_id'))
    .select('n.variables')
    .where('n.org_id', '=', riza.orgId)
    .where('c.number', '=', number)
    .where('n.event', '=', 'otp')
    .orderBy('n.created_at', 'desc')
    .executeTakeFirstOrThrow();
  return (n.variables as { code: string }).code;
}

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

describe('customer portal in Azerbaijani (Kontakt Home)', () => {
  it('submits through the org’s form, shows the server’s errors in Azerbaijani, attaches a photo, and opens the case', async () => {
    const { page, problems } = await newPage(browser, 'az-AZ');
    await page.goto(`${riza.url}/portal/kontakt-home?lng=az`);
    await page.getByRole('heading', { level: 1, name: 'Sizə necə kömək edə bilərik?' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'ltr',
      'az',
    ]);
    await expectAccessible(page, 'portal home (az)');
    await screenshot(page, 'portal-home-az');

    await page.getByRole('link', { name: 'Şikayət göndər' }).click();
    await page.waitForURL(/\/submit\?type=complaint/);
    // the org's own field: the patronymic, required on Kontakt Home's form
    await textbox(page, 'Atasının adı').waitFor();
    await textbox(page, 'Adı').fill('Leyla');
    await textbox(page, 'Soyadı').fill('Məmmədova');
    await textbox(page, 'Əlaqə nömrəsi').fill('050 12');
    await textbox(page, 'Şikayətin xarakteri').fill('Soyuducu çatdırılanda qapısı əzilmiş idi.');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'soyuducu.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Göndər', exact: true }).click();
    await page.locator('.portal-error-summary').waitFor();
    const errors = await page.locator('.mantine-InputWrapper-error').allTextContents();
    expect(errors).toEqual(
      expect.arrayContaining([
        '«Atasının adı» sahəsi mütləqdir.',
        '«Əlaqə nömrəsi» düzgün telefon nömrəsi deyil.',
        'Müraciətinizi göndərmək üçün “Məxfilik bildirişi” ilə razılaşın.',
      ]),
    );
    // what the customer typed is kept, the chosen file too
    expect(await textbox(page, 'Adı').inputValue()).toBe('Leyla');
    expect(await page.locator('.mantine-FileInput-input').textContent()).toContain('soyuducu.png');
    await expectAccessible(page, 'portal form with errors (az)');
    await screenshot(page, 'portal-form-errors-az', true);

    // a link in the summary takes the keyboard to the field it names
    await page.locator('.portal-error-summary a', { hasText: 'Atasının adı' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('customer.patronymic');
    await page.keyboard.type('Əli qızı');
    // the field's message goes once it is changed; the others stay until the next check
    await expect
      .poll(() => page.locator('.mantine-InputWrapper-error').allTextContents())
      .not.toContain('«Atasının adı» sahəsi mütləqdir.');
    await textbox(page, 'Əlaqə nömrəsi').fill('+994 50 123 45 67');
    await page.getByRole('checkbox', { name: /Məxfilik bildirişini oxudum/ }).check();
    await page.getByRole('button', { name: 'Göndər', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Müraciətiniz qeydə alındı' }).waitFor();
    const number = (await page.locator('[data-case-number]').textContent())?.trim() ?? '';
    expect(number).toMatch(/^KH-\d{4}-\d{6}$/);
    expect(await page.locator('[data-expected-date] time').textContent()).toMatch(/\d{4}/);
    const row = await riza.db
      .selectFrom('cases')
      .select(['id', 'locale', 'channel'])
      .where('org_id', '=', riza.orgId)
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ locale: 'az', channel: 'web_form' });

    // the chosen photo: attached once the code texted to the phone proves it is the customer's
    await page.getByRole('heading', { name: 'Faylı əlavə edin' }).waitFor();
    await page.getByRole('status').waitFor();
    await textbox(page, 'SMS-dəki kod').fill(await latestCode(number));
    await expectAccessible(page, 'portal confirmation with attachments (az)');
    await screenshot(page, 'portal-confirmation-az');
    await page.getByRole('button', { name: 'Faylları əlavə et' }).click();
    await page.locator('[data-upload-state="done"]').waitFor();
    const files = await riza.db
      .selectFrom('attachments')
      .select(['filename', 'content_type', 'uploaded_by'])
      .where('org_id', '=', riza.orgId)
      .where('case_id', '=', row.id)
      .execute();
    expect(files).toEqual([{ filename: 'soyuducu.png', content_type: 'image/png', uploaded_by: null }]);

    // the portal session is open now: following the case needs no second code
    await page.getByRole('link', { name: 'Bu müraciəti izlə' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
    expect(await page.locator('[data-customer-status]').getAttribute('data-customer-status')).toBe(
      'received',
    );
    expect(await page.locator('[data-expected-date] time').count()).toBe(1);
    // dates written in the browser too: Azerbaijani month names even where the browser has none
    expect(await page.locator('[data-event-type="registered"] time').textContent()).toMatch(
      /^\d{1,2} (yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr) \d{4}, \d{2}:\d{2}$/,
    );

    // a file whose content is not what its name says is refused, in Azerbaijani
    await page
      .locator('section', { hasText: 'Foto və ya sənəd əlavə edin' })
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'qəbz.png',
        mimeType: 'image/png',
        buffer: Buffer.from('not really a picture'),
      });
    await page.getByRole('button', { name: 'Faylları göndər' }).click();
    const refused = page.locator('[data-upload-state="failed"]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/qəbz\.png.*əlavə olunmadı/s);
    expect(await refused.textContent()).toContain('PDF, PNG, JPEG');
    await expectAccessible(page, 'portal case view (az)');
    await screenshot(page, 'portal-track-az', true);

    // an agent answers; the survey link the SMS would carry opens the survey in Azerbaijani
    const agent = await signIn(riza.app, 'kontakt-home', riza.email('agent'));
    for (const [action, payload] of [
      ['acknowledge', {}],
      [
        'respond',
        {
          message: 'Soyuducunuz yenisi ilə əvəz olunacaq.',
          steps: ['Çatdırılma aktı yoxlanıldı', 'Yeni soyuducu anbardan ayrıldı'],
        },
      ],
    ] as const) {
      const res = await riza.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${row.id}/actions/${action}`,
        headers: agent.headers,
        payload,
      });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    await page.reload();
    await page.locator('[data-answer]').waitFor();
    expect(await page.locator('[data-answer]').textContent()).toContain('Yeni soyuducu anbardan ayrıldı');

    const survey = await riza.db
      .selectFrom('notifications')
      .select('variables')
      .where('org_id', '=', riza.orgId)
      .where('case_id', '=', row.id)
      .where('event', '=', 'survey')
      .executeTakeFirstOrThrow();
    const token = (survey.variables as { surveyToken: string }).surveyToken;
    await page.goto(`${riza.url}/portal/kontakt-home/survey/${token}`);
    await page.getByRole('heading', { level: 1, name: 'İşimizi qiymətləndirin' }).waitFor();
    // sent without a rating: the server's message, in Azerbaijani
    await page.getByRole('button', { name: 'Qiymətimi göndər' }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('“Qiymət” 1 ilə 5 arasında olmalıdır.');
    const five = await page.getByRole('radio', { name: '5 / 5: Əla' }).getAttribute('id');
    await page.locator(`label[for="${five}"]`).click();
    await expectAccessible(page, 'portal survey (az)');
    await screenshot(page, 'portal-survey-az');
    await page.getByRole('button', { name: 'Qiymətimi göndər' }).click();
    await page.locator('[data-survey-done]').waitFor();
    const answered = await riza.db
      .selectFrom('surveys')
      .select(['rating', 'answered_at'])
      .where('org_id', '=', riza.orgId)
      .where('case_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(answered.rating).toBe(5);

    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('asks for a code for an unknown number without telling whether it exists, and refuses a wrong code', async () => {
    const { page } = await newPage(browser, 'az-AZ');
    await page.goto(`${riza.url}/portal/kontakt-home/track?number=KH-2026-999999&lng=az`);
    expect(await page.getByRole('textbox', { name: 'Müraciət nömrəsi' }).inputValue()).toBe('KH-2026-999999');
    await page.getByRole('button', { name: 'Kod göndərin' }).click();
    await page.getByRole('status').waitFor();
    await textbox(page, 'SMS-dəki kod').fill('123456');
    await page.getByRole('button', { name: 'Müraciətimi göstər' }).click();
    await expect
      .poll(() => page.locator('.mantine-InputWrapper-error').textContent())
      .toBe('“Təsdiq kodu” yanlışdır və ya artıq etibarlı deyil. Yeni kod istəyin.');
    await page.context().close();
  });

  it('says so when a survey link is not valid, and when the org does not exist', async () => {
    const { page } = await newPage(browser, 'az-AZ');
    await page.goto(`${riza.url}/portal/kontakt-home/survey/not-a-real-token-at-all?lng=az`);
    await page.getByText('Sorğu linki etibarsızdır').waitFor();
    await page.goto(`${riza.url}/portal/no-such-org?lng=az`);
    await page.getByText('Belə portal yoxdur').waitFor();
    await page.context().close();
  });

  it('finds no untranslated text on any screen of the portal (pseudo-locale)', async () => {
    const { page, problems } = await newPage(browser);
    await page.goto(`${riza.url}/portal/kontakt-home?lng=xx`);
    await page.getByRole('heading', { level: 1, name: '⟦How can we help?⟧' }).waitFor();
    await expectAllTranslated(page, 'portal home');
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('menu').waitFor();
    await expectAllTranslated(page, 'portal language menu');
    await page.keyboard.press('Escape');

    await page.goto(`${riza.url}/portal/kontakt-home/submit?lng=xx`);
    await page.getByRole('button', { name: '⟦Send⟧', exact: true }).click();
    await page.locator('.portal-error-summary').waitFor();
    await expectAllTranslated(page, 'portal form with errors');
    await page.getByRole('combobox', { name: 'Complaint topic' }).click();
    await page.getByRole('listbox').waitFor();
    await expectAllTranslated(page, 'portal form, a list open');
    await page.keyboard.press('Escape');

    await textbox(page, 'First name').fill('Leyla');
    await textbox(page, 'Surname').fill('Məmmədova');
    await textbox(page, "Father's name (patronymic)").fill('Əli qızı');
    await textbox(page, 'Contact number').fill('+994501234568');
    await textbox(page, 'Nature of the complaint').fill('Soyuducu çatdırılanda qapısı əzilmiş idi.');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '⟦Send⟧', exact: true }).click();
    await page.locator('[data-case-number]').waitFor();
    await page.getByRole('status').waitFor();
    await expectAllTranslated(page, 'portal confirmation with the code for files');
    const number = (await page.locator('[data-case-number]').textContent())?.trim() ?? '';

    await page.goto(`${riza.url}/portal/kontakt-home/track?lng=xx`);
    await page.getByRole('textbox').fill(number);
    await expectAllTranslated(page, 'portal tracking: the number');
    await page.getByRole('button', { name: '⟦Send me a code⟧' }).click();
    await page.getByRole('status').waitFor();
    await expectAllTranslated(page, 'portal tracking: the code');
    await page.getByRole('textbox').fill(await latestCode(number));
    await page.getByRole('button', { name: '⟦Show my request⟧' }).click();
    await page.locator('[data-customer-status]').waitFor();
    await expectAllTranslated(page, 'portal case view');

    const c = await riza.db
      .selectFrom('cases')
      .select('id')
      .where('org_id', '=', riza.orgId)
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    const agent = await signIn(riza.app, 'kontakt-home', riza.email('agent'));
    for (const [action, payload] of [
      ['request_information', { message: 'Çatdırılma aktının şəklini göndərə bilərsinizmi?' }],
    ] as const) {
      const res = await riza.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/actions/${action}`,
        headers: agent.headers,
        payload,
      });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    await page.reload();
    await page.locator('[data-pending-question]').waitFor();
    await expectAllTranslated(page, 'portal case view with a question');
    await page.getByRole('textbox', { name: '⟦Your answer⟧' }).fill('Şəkli əlavə etdim.');
    await page.getByRole('button', { name: '⟦Send my answer⟧' }).click();
    await page.locator('[data-event-type="customer_replied"]').waitFor();

    const res = await riza.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions/respond`,
      headers: agent.headers,
      payload: { message: 'Soyuducunuz dəyişdiriləcək.', steps: ['Akt yoxlanıldı'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    await page.reload();
    await page.locator('[data-answer]').waitFor();
    await expectAllTranslated(page, 'portal case answered');

    const survey = await riza.db
      .selectFrom('notifications')
      .select('variables')
      .where('org_id', '=', riza.orgId)
      .where('case_id', '=', c.id)
      .where('event', '=', 'survey')
      .executeTakeFirstOrThrow();
    await page.goto(
      `${riza.url}/portal/kontakt-home/survey/${(survey.variables as { surveyToken: string }).surveyToken}`,
    );
    await page.locator('[role="radiogroup"]').waitFor();
    await expectAllTranslated(page, 'portal survey');
    const three = await page.getByRole('radio').nth(2).getAttribute('id');
    await page.locator(`label[for="${three}"]`).click();
    await page.getByRole('button', { name: '⟦Send my rating⟧' }).click();
    await page.locator('[data-survey-done]').waitFor();
    await expectAllTranslated(page, 'portal survey thanks');

    await page.goto(`${riza.url}/portal/kontakt-home/survey/not-a-real-token-at-all`);
    await page.locator('.mantine-EmptyState-root').waitFor();
    await expectAllTranslated(page, 'portal survey, unknown link');
    await page.goto(`${riza.url}/portal/kontakt-home/no/such/page`);
    await page.locator('.mantine-EmptyState-root').waitFor();
    await expectAllTranslated(page, 'portal page not found');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});
