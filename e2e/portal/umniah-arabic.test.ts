/// <reference lib="dom" />
// The customer portal in Arabic, end to end, in a real Chromium against the real server (Umniah):
// a customer submits a complaint through the approved form; the local SMS centre (SMPP) receives
// the number in Arabic; the customer follows the link, types the one-time code from the OTP SMS
// and sees the expected date; an agent resolves the case over the API; the local SMTP server
// receives the final answer with its steps and the PDF letter; the survey link from the SMS
// records a rating.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnswerLetter } from '../../server/src/modules/letters/index.ts';
import { deliverDue, ProviderRegistry } from '../../server/src/modules/notifications/deliver.ts';
import { signIn } from '../../test/http.ts';
import { LocalSmsc, LocalSmtp } from '../../test/local-servers.ts';
import {
  cspViolations,
  expectAccessible,
  launchBrowser,
  newPage,
  type Riza,
  screenshot,
  startRiza,
} from '../harness.ts';

let riza: Riza;
let browser: Browser;
let smsc: LocalSmsc;
let smtp: LocalSmtp;
let providers: ProviderRegistry;

const PHONE_LOCAL = '0791234567';
const PHONE_SMSC = '962791234567'; // international TON: E.164 without the plus
const EMAIL = 'layla.haddad@example.jo';
const DESCRIPTION =
  'وصلتني فاتورة بقيمة ٤٥ دينارًا بينما اشتراكي الشهري ٢٠ دينارًا فقط، ولم أستخدم أي خدمة إضافية.';
const STEPS = [
  'مراجعة تفاصيل الفاتورة مع قسم الفوترة',
  'إلغاء الرسوم غير المبررة وإعادة ٢٥ دينارًا إلى الرصيد',
];

beforeAll(async () => {
  [riza, browser, smsc, smtp] = await Promise.all([
    startRiza('umniah'),
    launchBrowser(),
    new LocalSmsc().start(),
    new LocalSmtp().start(),
  ]);
  providers = new ProviderRegistry(riza.db);
  // the sample cases' own messages go to the local outbox first, so the servers hear only ours
  await deliver();
  const admin = await signIn(riza.app, 'umniah', riza.email('administrator'));
  for (const [channel, config] of [
    [
      'sms',
      {
        kind: 'smpp',
        host: '127.0.0.1',
        port: smsc.port,
        systemId: smsc.systemId,
        password: smsc.password,
        sourceAddr: 'Umniah',
      },
    ],
    [
      'email',
      {
        kind: 'smtp',
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        from: '"أمنية" <care@umniah.example>',
      },
    ],
  ] as const) {
    const res = await riza.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/providers/${channel}`,
      headers: admin.headers,
      payload: { config },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});

afterAll(async () => {
  await providers.close();
  await Promise.all([smsc.close(), smtp.close()]);
});

/** What the worker would do: deliver the outbox through the org's providers. */
function deliver() {
  return deliverDue({ db: riza.db, providers, publicUrl: riza.url, letter: buildAnswerLetter }, 1000);
}

const smsTo = (phone: string) => smsc.accepted.filter((s) => s.to === phone);

/** Arabic-Indic digits read as the digits they are. */
const westernDigits = (s: string) => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('customer portal in Arabic (Umniah)', () => {
  it('takes a complaint, texts its number, opens it with the texted code, shows the answer and records the survey', async () => {
    const { page, problems } = await newPage(browser, 'ar-JO');

    // the home page: right to left, in Arabic, the org's name as its brand
    await page.goto(`${riza.url}/portal/umniah?lng=ar`);
    await page.getByRole('heading', { level: 1, name: 'كيف يمكننا مساعدتك؟' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'ar',
    ]);
    expect(await page.locator('header').textContent()).toContain('أمنية');
    expect(await page.title()).toBe('كيف يمكننا مساعدتك؟ · أمنية');
    await expectAccessible(page, 'portal home (ar)');
    await screenshot(page, 'portal-home-ar');

    // the form, sent empty: every problem at once, in Arabic, beside its field
    await page.getByRole('link', { name: 'تقديم شكوى' }).click();
    await page.waitForURL(/\/portal\/umniah\/submit\?type=complaint/);
    expect(await page.getByRole('radio', { name: 'شكوى' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'إرسال', exact: true }).click();
    const summary = page.locator('.portal-error-summary');
    await summary.waitFor();
    // the summary takes the focus, so a screen reader reads the problems first
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('portal-error-summary');
    const fieldErrors = await page.locator('.mantine-InputWrapper-error').allTextContents();
    expect(fieldErrors).toEqual(
      expect.arrayContaining([
        'الحقل «الاسم الأول» مطلوب.',
        'الحقل «رقم الهاتف للتواصل» مطلوب.',
        'يرجى الموافقة على «إشعار الخصوصية» لإرسال طلبك.',
      ]),
    );
    await expectAccessible(page, 'portal form with errors (ar)');
    await screenshot(page, 'portal-form-errors-ar', true);

    await chooseOption(page, 'الخدمة', 'خدمة الخطوط المفوترة');
    await chooseOption(page, 'طبيعة الشكوى أو الاقتراح', 'اعتراض على قيمة الفاتورة');
    await page.getByRole('textbox', { name: 'تفاصيل المشكلة أو الاقتراح' }).fill(DESCRIPTION);
    await page.getByRole('textbox', { name: 'الحل الذي تطلبه' }).fill('إعادة المبلغ الزائد إلى رصيدي');
    await page.getByRole('textbox', { name: 'الاسم الأول' }).fill('ليلى');
    await page.getByRole('textbox', { name: 'اسم العائلة' }).fill('حداد');
    await page.getByRole('textbox', { name: 'رقم الهاتف للتواصل' }).fill(PHONE_LOCAL);
    await page.getByRole('textbox', { name: 'البريد الإلكتروني' }).fill(EMAIL);
    await page.getByRole('checkbox', { name: /قرأت إشعار الخصوصية/ }).check();
    await page.getByRole('button', { name: 'إرسال', exact: true }).click();

    // the confirmation: the number and the expected date at once
    await page.getByRole('heading', { level: 1, name: 'تم تسجيل طلبك' }).waitFor();
    const number = (await page.locator('[data-case-number]').textContent())?.trim() ?? '';
    expect(number).toMatch(/^UM-\d{4}-\d{6}$/);
    const expected = await page.locator('[data-expected-date] time').textContent();
    expect(expected).toMatch(/[٠-٩]/);
    await expectAccessible(page, 'portal confirmation (ar)');
    await screenshot(page, 'portal-confirmation-ar');

    const row = await riza.db
      .selectFrom('cases')
      .select(['id', 'channel', 'locale', 'privacy_consent_at', 'description'])
      .where('org_id', '=', riza.orgId)
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'web_form', locale: 'ar', description: DESCRIPTION });
    expect(row.privacy_consent_at).toBeInstanceOf(Date);

    // the SMS centre receives the number, in Arabic (UCS-2), with the tracking link
    await deliver();
    const registered = smsTo(PHONE_SMSC).find((s) => s.text.includes(number));
    expect(registered, 'registration SMS').toBeTruthy();
    expect(registered!.text).toMatch(/تم تسجيل طلبك/);
    expect(registered!.dataCoding).toBe(8);
    const trackingUrl = /https?:\/\/\S+\/track\?number=\S+/.exec(registered!.text)?.[0];
    expect(trackingUrl).toBe(`${riza.url}/portal/umniah/track?number=${number}`);

    // the link from the SMS: the number is filled in; a code goes to the phone on the case
    await page.goto(trackingUrl!);
    expect(await page.getByLabel('رقم الطلب').inputValue()).toBe(number);
    await page.getByRole('button', { name: 'أرسل لي رمزًا' }).click();
    await page.getByRole('status').filter({ hasText: /رمز/ }).waitFor();
    await deliver();
    const otp = smsTo(PHONE_SMSC).find((s) => /رمز التحقق/.test(s.text));
    expect(otp, 'OTP SMS').toBeTruthy();
    const code = /\d{6}/.exec(westernDigits(otp!.text))?.[0];
    expect(code).toMatch(/^\d{6}$/);
    await expectAccessible(page, 'portal code entry (ar)');

    // a wrong code first: the server's refusal, in Arabic, beside the field
    await page.getByLabel('الرمز الوارد في الرسالة النصية').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'عرض طلبي' }).click();
    await page.locator('.mantine-InputWrapper-error').waitFor();
    await page.getByLabel('الرمز الوارد في الرسالة النصية').fill(code!);
    await page.getByRole('button', { name: 'عرض طلبي' }).click();

    // the case: status in customer words, the expected date, the stages so far
    await page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
    expect(await page.locator('[data-customer-status]').getAttribute('data-customer-status')).toBe(
      'received',
    );
    expect(await page.locator('[data-expected-date] time').textContent()).toBe(expected);
    expect(
      await page
        .locator('[data-event-type]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-event-type'))),
    ).toEqual(['registered']);
    expect(await page.getByText(DESCRIPTION).count()).toBe(1);
    await expectAccessible(page, 'portal case view (ar)');
    await screenshot(page, 'portal-track-ar', true);

    // the agent resolves it over the API: acknowledge → investigate → respond with the steps
    const agent = await signIn(riza.app, 'umniah', riza.email('agent'));
    for (const [action, payload] of [
      ['acknowledge', {}],
      ['investigate', {}],
      [
        'respond',
        { message: 'راجعنا فاتورتك ووجدنا رسومًا احتُسبت خطأً، وقد أُعيد المبلغ إلى رصيدك.', steps: STEPS },
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
    await deliver();

    // the final answer by e-mail lists the steps and carries the PDF letter
    const answerMail = smtp.accepted.find((m) => m.to.includes(EMAIL) && m.parsed.text?.includes(STEPS[1]!));
    expect(answerMail, 'final answer e-mail').toBeTruthy();
    for (const step of STEPS) expect(answerMail!.parsed.text).toContain(step);
    expect(answerMail!.parsed.attachments.map((a) => [a.contentType, a.filename])).toEqual([
      ['application/pdf', `${number}.pdf`],
    ]);
    expect(answerMail!.parsed.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');

    // the customer's page, reloaded within the session, shows the answer and the letter
    await page.reload();
    await page.locator('[data-answer]').waitFor();
    expect(await page.locator('[data-customer-status]').getAttribute('data-customer-status')).toBe(
      'answered',
    );
    const answerText = await page.locator('[data-answer]').textContent();
    for (const step of STEPS) expect(answerText).toContain(step);
    const href = await page.locator('[data-letter-link]').getAttribute('href');
    const letter = await page.request.get(`${riza.url}${href}`);
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toBe('application/pdf');
    expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page, 'portal case answered (ar)');
    await screenshot(page, 'portal-answered-ar', true);

    // the survey link from the SMS records one rating
    const surveySms = smsTo(PHONE_SMSC).find((s) => s.text.includes('/portal/umniah/survey/'));
    expect(surveySms, 'survey SMS').toBeTruthy();
    const surveyUrl = /https?:\/\/\S+\/survey\/[A-Za-z0-9_-]+/.exec(surveySms!.text)![0];
    await page.goto(surveyUrl);
    await page.getByRole('heading', { level: 1, name: 'ما رأيك في خدمتنا؟' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(number);
    // the fourth star, as a person clicks it (the radio itself is visually hidden)
    const four = await page.getByRole('radio', { name: '٤ من ٥: راضٍ' }).getAttribute('id');
    await page.locator(`label[for="${four}"]`).click();
    await expect.poll(() => page.locator('#portal-rating-word').textContent()).toBe('راضٍ');
    await page.getByLabel(/هل تودّ إخبارنا بشيء/).fill('تعامل سريع ومهذب، شكرًا لكم.');
    await expectAccessible(page, 'portal survey (ar)');
    await screenshot(page, 'portal-survey-ar');
    await page.getByRole('button', { name: 'إرسال تقييمي' }).click();
    await page.locator('[data-survey-done]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('شكرًا لتقييمك');
    await expectAccessible(page, 'portal survey thanks (ar)');
    await screenshot(page, 'portal-survey-thanks-ar');

    const survey = await riza.db
      .selectFrom('surveys')
      .select(['rating', 'comment', 'answered_at'])
      .where('org_id', '=', riza.orgId)
      .where('case_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(survey.rating).toBe(4);
    expect(survey.comment).toBe('تعامل سريع ومهذب، شكرًا لكم.');
    expect(survey.answered_at).toBeInstanceOf(Date);

    // the link opened again: already answered, nothing to send twice
    await page.reload();
    await page.locator('[data-survey-done]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('لقد قيّمت هذا الطلب من قبل');

    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('opens in the org’s language for a visitor whose browser speaks none of ours, and offers its languages first', async () => {
    const { page } = await newPage(browser, 'fr-FR');
    await page.goto(`${riza.url}/portal/umniah`);
    await page.getByRole('heading', { level: 1, name: 'كيف يمكننا مساعدتك؟' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('button', { name: /اللغة/ }).click();
    const items = page.getByRole('menuitem');
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-lng')))).toEqual([
      'ar',
      'en',
      'ru',
      'kk',
      'az',
    ]);
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'ltr',
      'en',
    ]);
    // the org's own words (its name, the form's labels) follow the language too
    await page.getByRole('link', { name: 'Make a complaint' }).click();
    await page.getByLabel('Contact phone number').waitFor();
    await page.context().close();
  });

  it('turns a robot that fills the hidden field away without registering anything', async () => {
    const { page } = await newPage(browser, 'ar-JO');
    await page.goto(`${riza.url}/portal/umniah/submit?lng=ar`);
    const honeypot = page.locator('input[name="website"]');
    // out of sight, out of the tab order, hidden from assistive technology
    await honeypot.waitFor({ state: 'attached' });
    expect(
      await honeypot.evaluate(
        (el) => el.getBoundingClientRect().right < 0 || el.getBoundingClientRect().left > window.innerWidth,
      ),
    ).toBe(true);
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);

    const before = await riza.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', riza.orgId)
      .executeTakeFirstOrThrow();
    await chooseOption(page, 'الخدمة', 'خدمة الخطوط المفوترة');
    await chooseOption(page, 'طبيعة الشكوى أو الاقتراح', 'اعتراض على قيمة الفاتورة');
    await page.getByRole('textbox', { name: 'تفاصيل المشكلة أو الاقتراح' }).fill('عرض خاص جدًا');
    await page.getByRole('textbox', { name: 'الاسم الأول' }).fill('روبوت');
    await page.getByRole('textbox', { name: 'اسم العائلة' }).fill('آلي');
    await page.getByRole('textbox', { name: 'رقم الهاتف للتواصل' }).fill('0797654321');
    await page.getByRole('checkbox', { name: /قرأت إشعار الخصوصية/ }).check();
    await honeypot.fill('http://spam.example', { force: true });
    await page.getByRole('button', { name: 'إرسال', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'تم تسجيل طلبك' }).waitFor();
    const after = await riza.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', riza.orgId)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await page.context().close();
  });
});
