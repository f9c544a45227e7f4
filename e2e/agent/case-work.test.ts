/// <reference lib="dom" />
// The agent's work on a case in a real Chromium against the real server with live updates (HRDF,
// Arabic): the caller is identified before their data is shown; information is asked for and the
// SLA pauses until the customer answers; the date is extended; an offer is made and answered; the
// case is resolved with its steps; and a second agent's page follows every step live (SSE).
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { replyAsCustomer } from '../../server/src/modules/portal/customer-reply.ts';
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

let riza: Riza;
let browser: Browser;

const CALLER = {
  firstName: 'نواف',
  lastName: 'الشمري',
  phone: '+966501234567',
  email: 'nawaf.alshammari@example.sa',
  nationalId: '1098765432',
};

beforeAll(async () => {
  // the server first, then the browser: hooks unwind in reverse, so pages close before the server
  riza = await startLiveRiza('hrdf');
  browser = await launchBrowser();
  const api = riza.app;
  const admin = await signIn(api, 'hrdf', riza.email('administrator'));
  const res = await api.inject({
    method: 'PATCH',
    url: '/api/v1/admin/org',
    headers: admin.headers,
    payload: { requireIdentityCheck: true },
  });
  expect(res.statusCode, res.body).toBe(200);
});

/** A caller's complaint registered by phone, as the contact centre would. */
async function registerCall(): Promise<{ id: string; number: string }> {
  const agent = await signIn(riza.app, 'hrdf', riza.email('agent'));
  const res = await riza.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: agent.headers,
    payload: {
      type: 'complaint',
      channel: 'call_centre',
      category: 'disbursement_delay',
      service: 'employment_support',
      description: 'لم يُصرف دعم التوظيف عن موظفَين جديدَين منذ شهرين رغم رفع مسيّرات الرواتب في موعدها.',
      remedySought: 'صرف الدعم المتأخر.',
      locale: 'ar',
      customer: CALLER,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function signInAs(page: Page, role: string, lng: string) {
  await page.goto(`${riza.url}/sign-in?lng=${lng}`);
  await page.locator('input[name="org"]').fill(riza.slug);
  await page.locator('input[name="email"]').fill(riza.email(role));
  await page.locator('input[name="password"]').fill('correct horse battery staple');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/queues\/mine/);
}

async function openCase(page: Page, id: string) {
  await page.goto(`${riza.url}/cases/${id}`);
  await page.locator('[data-event-type]').first().waitFor();
  await expect
    .poll(() => page.locator('[data-live-state]').first().getAttribute('data-live-state'))
    .toBe('live');
}

const status = (page: Page) => page.locator('header [data-status]').first().getAttribute('data-status');
const events = (page: Page, type: string) => page.locator(`[data-event-type="${type}"]`).count();
/** well under the 30 s fallback poll: what arrives this fast on a live page was pushed */
const LIVE = { timeout: 6_000 };

/** YYYY-MM-DD, days from today. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('identity check (R-REC-3)', () => {
  it('shows an HRDF agent the caller masked until they record two answered questions, then unmasked, in Arabic', async () => {
    const c = await registerCall();
    const { page, problems } = await newPage(browser, 'ar-SA');
    await signInAs(page, 'agent', 'ar');
    // the queue shows the caller by initials only
    await page.goto(`${riza.url}/queues/all`);
    const row = page.locator('tbody tr', { hasText: c.number });
    await expect.poll(() => row.textContent()).toContain('ن••• ا•••');
    expect(await row.textContent()).not.toContain(CALLER.firstName);
    await openCase(page, c.id);

    const panel = page.locator('section[aria-labelledby="customer-heading"]');
    await expect.poll(() => panel.getAttribute('data-masked')).toBe('true');
    const masked = await panel.textContent();
    expect(masked).toContain('+96650•••••67');
    expect(masked).toContain('n•••@e•••.sa');
    expect(masked).not.toContain(CALLER.phone);
    expect(masked).not.toContain(CALLER.nationalId);
    expect(masked).not.toContain(CALLER.firstName);
    await expect.poll(() => panel.locator('[data-identity]').getAttribute('data-identity')).toBe('required');
    await expectAccessible(page, 'case view with the identity check (ar)');
    await screenshot(page, 'agent-ar-identity-check');

    // one question is not enough: said before anything is sent
    await panel.getByLabel('رقم الهوية الوطنية أو الإقامة').check();
    await panel.getByRole('button', { name: 'تأكيد الهوية' }).click();
    await expect.poll(() => panel.getByText('حدّد سؤالين على الأقل أجاب عنهما المتصل.').count()).toBe(1);
    await panel.getByLabel('تاريخ الميلاد').check();
    await panel.getByRole('button', { name: 'تأكيد الهوية' }).click();

    await expect.poll(() => panel.getAttribute('data-masked')).toBe('false');
    await expect.poll(() => panel.locator('[data-identity]').getAttribute('data-identity')).toBe('verified');
    const shown = await panel.textContent();
    expect(shown).toContain(CALLER.phone);
    expect(shown).toContain(CALLER.email);
    expect(shown).toContain(CALLER.nationalId);
    expect(shown).toContain(`${CALLER.firstName} ${CALLER.lastName}`);
    const identified = page.locator('[data-event-type="identity_verified"]');
    await expect
      .poll(() => identified.textContent())
      .toContain('رقم الهوية الوطنية أو الإقامة وتاريخ الميلاد');
    await screenshot(page, 'agent-ar-identified');

    const rows = await riza.db
      .selectFrom('audit_log')
      .select('data')
      .where('org_id', '=', riza.orgId)
      .where('action', '=', 'case.identity_verified')
      .where('entity_id', '=', c.id)
      .execute();
    expect(rows.map((r) => (r.data as { questions: string[] }).questions)).toEqual([
      ['national_id', 'date_of_birth'],
    ]);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe('working a case, followed live by a second agent', () => {
  it('asks for information (SLA paused), resumes on the reply, extends, offers, resolves with steps — and the other page follows each step', async () => {
    const c = await registerCall();
    const a = await newPage(browser, 'ar-SA');
    const b = await newPage(browser, 'en-GB');
    await signInAs(a.page, 'agent', 'ar');
    await signInAs(b.page, 'cs_manager', 'en');
    await openCase(a.page, c.id);
    await openCase(b.page, c.id);
    const A = a.page;
    const B = b.page;
    await screenshot(B, 'agent-en-case');
    await expectAccessible(B, 'case view (en)');

    // ask for information: the case waits on the customer and its deadlines pause
    await A.getByRole('button', { name: 'طلب معلومات', exact: true }).click();
    const ask = A.getByRole('dialog');
    await ask.getByRole('button', { name: 'إرسال الطلب إلى العميل' }).click();
    await expect
      .poll(() => ask.locator('.mantine-InputWrapper-error').allTextContents())
      .toEqual(['الحقل «الرسالة» مطلوب.']);
    await ask
      .getByLabel('ما المعلومات التي تحتاجها من العميل؟')
      .fill('يرجى تزويدنا برقم طلب الدعم ونسخة من آخر مسيّر رواتب.');
    await screenshot(A, 'agent-ar-request-information');
    await expectAccessible(A, 'request information dialog (ar)');
    await ask.getByRole('button', { name: 'إرسال الطلب إلى العميل' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => status(A)).toBe('waiting_on_customer');
    await expect.poll(() => A.locator('header [data-sla-state="paused"]').count()).toBeGreaterThan(0);
    await expect.poll(() => A.getByText('المهلة متوقفة بانتظار العميل').count()).toBe(1);
    // what was sent to the customer is on the timeline: the question by SMS and by e-mail
    await expect.poll(() => A.locator('[data-notification-event="info_requested"]').count()).toBe(2);
    // the other page hears it without polling
    await expect.poll(() => status(B), LIVE).toBe('waiting_on_customer');
    await expect.poll(() => events(B, 'information_requested'), LIVE).toBe(1);
    await expect.poll(() => B.getByText('Clock paused while waiting on the customer').count(), LIVE).toBe(1);

    // the customer answers from the portal: both pages resume
    await riza.db
      .transaction()
      .execute((trx) =>
        replyAsCustomer(trx, riza.orgId, c.id, 'رقم الطلب 55821، وأرفقت المسيّر عبر البوابة.'),
      );
    await expect.poll(() => status(A), LIVE).toBe('received');
    await expect.poll(() => events(A, 'customer_replied'), LIVE).toBe(1);
    await expect.poll(() => A.locator('header [data-sla-state="paused"]').count(), LIVE).toBe(0);
    await expect.poll(() => events(B, 'customer_replied'), LIVE).toBe(1);

    // extend the resolution date: the server's own message for a missing reason, then done
    await A.getByRole('button', { name: 'تمديد الموعد', exact: true }).click();
    const extend = A.getByRole('dialog');
    await extend.getByLabel('موعد الحل الجديد').fill(daysFromNow(90));
    await extend.getByRole('button', { name: 'تمديد الموعد' }).click();
    await expect
      .poll(() => extend.locator('.mantine-InputWrapper-error').allTextContents())
      .toEqual(['الحقل «السبب» مطلوب.']);
    await extend
      .getByLabel('سبب تغيير الموعد')
      .fill('ننتظر تأكيد بيانات التأمينات الاجتماعية من الجهة المختصة.');
    await screenshot(A, 'agent-ar-extend');
    await expectAccessible(A, 'extend dialog (ar)');
    await extend.getByRole('button', { name: 'تمديد الموعد' }).click();
    await extend.waitFor({ state: 'detached' });
    await expect.poll(() => A.getByText('مُددت المهلة مرة واحدة').count()).toBe(1);
    await expect.poll(() => events(A, 'sla_extended')).toBe(1);
    await expect.poll(() => events(B, 'sla_extended'), LIVE).toBe(1);
    await expect.poll(() => B.getByText('Deadline extended 1 time').count(), LIVE).toBe(1);

    // an offer of compensation, and the customer's answer
    await A.getByRole('button', { name: 'تسجيل عرض', exact: true }).click();
    const offer = A.getByRole('dialog');
    await offer.getByText('تعويض', { exact: true }).click();
    await offer.getByLabel('العرض').fill('صرف دفعة مقدّمة من الدعم المستحق');
    await offer.getByLabel('المبلغ').fill('4500');
    await offer.getByLabel('سبب تعذّر تلبية الطلب كما قُدِّم').fill('لا يمكن صرف كامل المبلغ قبل اكتمال التحقق.');
    expect(await offer.getByLabel('العملة').inputValue()).toBe('SAR');
    await screenshot(A, 'agent-ar-offer');
    await expectAccessible(A, 'offer dialog (ar)');
    await offer.getByRole('button', { name: 'تسجيل العرض' }).click();
    await offer.waitFor({ state: 'detached' });
    const pending = A.locator('[data-offer-answer="pending"]');
    await expect.poll(() => pending.count()).toBe(1);
    await expect.poll(() => events(B, 'offer_made'), LIVE).toBe(1);
    await A.getByRole('button', { name: 'قبِل العميل', exact: true }).click();
    const answer = A.getByRole('dialog');
    await answer.getByLabel('ما قاله العميل (اختياري)').fill('وافق على الدفعة المقدّمة.');
    await answer.getByRole('button', { name: 'تسجيل الرد' }).click();
    await answer.waitFor({ state: 'detached' });
    await expect.poll(() => A.locator('[data-offer-answer="accepted"]').count()).toBe(1);
    await expect.poll(() => events(B, 'offer_answered'), LIVE).toBe(1);
    await expect.poll(() => B.locator('[data-offer-answer="accepted"]').count(), LIVE).toBe(1);

    // a reply needs a conversation; a phone case has none, so the answer goes as the result
    const result = 'سيُصرف الدعم المتأخر خلال خمسة أيام عمل بعد تصحيح بيانات المنشأة.';
    await A.getByRole('button', { name: 'الرد على العميل', exact: true }).click();
    const reply = A.getByRole('dialog');
    await reply.getByLabel('الرسالة').fill(result);
    await reply.getByRole('button', { name: 'إرسال الرد' }).click();
    await reply.locator('[data-no-reply-channel]').waitFor();
    await reply.getByRole('button', { name: 'الحل وتسجيل النتيجة' }).click();
    const respond = A.getByRole('dialog');
    await expect.poll(() => respond.getByLabel('النتيجة التي أُبلغ بها العميل').inputValue()).toBe(result);
    await respond
      .getByLabel('الخطوات المتخذة')
      .fill('راجعنا مسيّرات الرواتب المرفوعة\nصحّحنا بيانات الموظفين في الطلب\nأحلنا الدفعة إلى الصرف');
    // a verbal answer needs the customer's agreement
    await respond.getByText('شفهياً', { exact: true }).click();
    await respond.getByRole('button', { name: 'تسجيل النتيجة' }).click();
    await expect
      .poll(() =>
        respond
          .getByText('لا يُعتدّ بالرد الشفهي إلا بموافقة العميل: حدّد هذا المربع، أو أرسل الرد كتابيًا.')
          .count(),
      )
      .toBe(1);
    expect(await events(A, 'responded')).toBe(0);
    await respond.getByText('كتابياً', { exact: true }).click();
    await screenshot(A, 'agent-ar-resolve');
    await respond.getByRole('button', { name: 'تسجيل النتيجة' }).click();
    await respond.waitFor({ state: 'detached' });
    await expect.poll(() => status(A)).toBe('response_communicated');
    const responded = A.locator('[data-event-type="responded"]');
    await expect
      .poll(() => responded.locator('li').allTextContents())
      .toEqual([
        'راجعنا مسيّرات الرواتب المرفوعة',
        'صحّحنا بيانات الموظفين في الطلب',
        'أحلنا الدفعة إلى الصرف',
      ]);
    await expect.poll(() => status(B), LIVE).toBe('response_communicated');
    await expect.poll(() => events(B, 'responded'), LIVE).toBe(1);

    // the final written answer as a PDF letter
    const href = await A.locator('[data-letter-link]').getAttribute('href');
    const letter = await A.request.get(`${riza.url}${href}`);
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toContain('application/pdf');

    // the identity check unmasks for the agent who made it only
    expect(await B.locator('section[aria-labelledby="customer-heading"]').getAttribute('data-masked')).toBe(
      'true',
    );
    await screenshot(A, 'agent-ar-case-worked', true);
    await screenshot(B, 'agent-en-case-worked', true);
    await expectAccessible(A, 'worked case (ar)');
    for (const w of [a, b]) {
      expect(await cspViolations(w.page)).toEqual([]);
      expect(w.problems).toEqual([]);
      await w.context.close();
    }
  }, 180_000);
});
