import { describe, expect, expectTypeOf, it } from 'vitest';
import { smsSegments } from './sms-segments.ts';
import {
  dateVariables,
  EVENT_VARIABLES,
  eventVariables,
  NOTIFICATION_EVENTS,
  previewTemplate,
  renderTemplate,
  sampleVariables,
  type TemplateVars,
  validateTemplate,
} from './templates.ts';

const AR_MINUTES =
  '{minutes, plural, zero {لا دقائق} one {دقيقة واحدة} two {دقيقتان} few {# دقائق} many {# دقيقة} other {# دقيقة}}';

describe('NOTIFICATION_EVENTS', () => {
  it('lists the nine customer notifications, each with its variables', () => {
    expect(NOTIFICATION_EVENTS).toEqual([
      'registered',
      'acknowledged',
      'info_requested',
      'extended',
      'resolved',
      'offer',
      'survey',
      'closed',
      'otp',
    ]);
    for (const event of NOTIFICATION_EVENTS) {
      for (const name of EVENT_VARIABLES[event].required) expect(eventVariables(event)).toContain(name);
    }
  });
});

describe('renderTemplate', () => {
  it('fills the variables of subject and body', () => {
    const out = renderTemplate(
      { subject: 'Case {caseNumber}', body: 'Dear {customerName}, track it at {trackingUrl}' },
      'en',
      { caseNumber: 'KH-2026-000123', customerName: 'Leyla', trackingUrl: 'https://x.test/t/1' },
    );
    expect(out).toEqual({
      subject: 'Case KH-2026-000123',
      body: 'Dear Leyla, track it at https://x.test/t/1',
    });
  });

  it('gives an SMS template no subject', () => {
    expect(renderTemplate({ body: 'Code {code}' }, 'en', { code: '1234' })).toEqual({ body: 'Code 1234' });
  });

  it.each([
    [0, 'zero', 'صالح لمدة لا دقائق'],
    [1, 'one', 'صالح لمدة دقيقة واحدة'],
    [2, 'two', 'صالح لمدة دقيقتان'],
    [3, 'few', 'صالح لمدة ٣ دقائق'],
    [11, 'many', 'صالح لمدة ١١ دقيقة'],
    [100, 'other', 'صالح لمدة ١٠٠ دقيقة'],
  ])('chooses the Arabic plural form for %i minutes (%s)', (minutes, category, expected) => {
    expect(new Intl.PluralRules('ar').select(minutes)).toBe(category);
    expect(renderTemplate({ body: `صالح لمدة ${AR_MINUTES}` }, 'ar', { minutes }).body).toBe(expected);
  });

  it('uses Russian few/many forms', () => {
    const body = '{minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}';
    expect([1, 3, 5, 21].map((minutes) => renderTemplate({ body }, 'ru', { minutes }).body)).toEqual([
      '1 минуту',
      '3 минуты',
      '5 минут',
      '21 минуту',
    ]);
  });

  it('addresses an unnamed customer politely in each language', () => {
    expect(renderTemplate({ body: 'Dear {customerName},' }, 'en', { customerName: '' }).body).toBe(
      'Dear customer,',
    );
    expect(renderTemplate({ body: 'Hörmətli {customerName},' }, 'az', {}).body).toBe('Hörmətli müştəri,');
    expect(renderTemplate({ body: 'مرحبًا {customerName}،' }, 'ar', { customerName: '' }).body).toBe(
      'مرحبًا عميلنا العزيز،',
    );
  });

  it('keeps "<" and apostrophes as text', () => {
    expect(renderTemplate({ body: "We're <on it> for {caseNumber}" }, 'en', { caseNumber: 'A-1' }).body).toBe(
      "We're <on it> for A-1",
    );
  });

  it('leaves no gap where an empty variable stood on its own line, and keeps the subject on one line', () => {
    const out = renderTemplate(
      { subject: 'About {reason}', body: 'Decision:\n{result}\n\n{howToObject}\n\nRegards' },
      'en',
      { result: 'Refunded', howToObject: '', reason: 'line\nbreak' },
    );
    expect(out).toEqual({ subject: 'About line break', body: 'Decision:\nRefunded\n\nRegards' });
  });

  it('fails loudly when a used variable is not supplied', () => {
    expect(() => renderTemplate({ body: 'Case {caseNumber}' }, 'en', {})).toThrow(/caseNumber/);
  });
});

describe('validateTemplate', () => {
  it('accepts a correct template', () => {
    expect(validateTemplate('registered', 'sms', { body: 'Case {caseNumber}: {trackingUrl}' }, 'en')).toEqual(
      [],
    );
  });

  it('reports an ICU syntax error with its position', () => {
    const problems = validateTemplate('registered', 'sms', { body: 'Case {caseNumber' }, 'en');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^body: ICU syntax error .* line 1, column 6/);
  });

  it('reports a plural without an "other" form as a syntax error', () => {
    const problems = validateTemplate('otp', 'sms', { body: '{code} {minutes, plural, one {# min}}' }, 'en');
    expect(problems.join()).toMatch(/MISSING_OTHER_CLAUSE/);
  });

  it('reports an unknown variable', () => {
    const problems = validateTemplate(
      'registered',
      'sms',
      { body: '{caseNumber} {trackingUrl} {caseNo}' },
      'en',
    );
    expect(problems).toEqual(['body: {caseNo} is not a known variable']);
  });

  it('reports a variable that the event does not supply', () => {
    const problems = validateTemplate('otp', 'sms', { body: 'Code {code} for {caseNumber}' }, 'en');
    expect(problems).toEqual(['body: {caseNumber} is not available for the "otp" notification']);
  });

  it('reports a missing required variable: a registration message without the case number', () => {
    const problems = validateTemplate(
      'registered',
      'sms',
      { body: 'Registered. Track it: {trackingUrl}' },
      'ar',
    );
    expect(problems).toEqual(['the "registered" notification must include {caseNumber}']);
  });

  it('finds variables inside plural and select branches', () => {
    const body = '{code} {minutes, plural, one {# minute for {caseNo}} other {# minutes}}';
    expect(validateTemplate('otp', 'sms', { body }, 'en')).toEqual([
      'body: {caseNo} is not a known variable',
    ]);
  });

  it('reports a text variable used as a number', () => {
    const body = '{caseNumber, plural, other {#}} {trackingUrl}';
    expect(validateTemplate('registered', 'sms', { body }, 'en')).toContain(
      'body: {caseNumber} is text and cannot be used as a number or date',
    );
  });

  it('reports a plural form the language does not have, and accepts all six Arabic forms', () => {
    const few = '{code} {minutes, plural, few {# minutes} other {# minutes}}';
    expect(validateTemplate('otp', 'sms', { body: few }, 'en')).toEqual([
      'body: {minutes} has plural form "few", which en does not use (one, other)',
    ]);
    expect(validateTemplate('otp', 'sms', { body: `{code} ${AR_MINUTES}` }, 'ar')).toEqual([]);
    expect(
      validateTemplate('otp', 'sms', { body: '{code} {minutes, plural, =0 {now} other {#}}' }, 'kk'),
    ).toEqual([]);
  });

  it('requires a subject for e-mail and none for SMS', () => {
    expect(validateTemplate('closed', 'email', { body: 'Case {caseNumber} closed' }, 'ru')).toEqual([
      'subject: an e-mail needs a subject',
    ]);
    expect(
      validateTemplate('closed', 'sms', { subject: 'x', body: 'Case {caseNumber} closed' }, 'ru'),
    ).toEqual(['subject: an SMS has no subject']);
  });

  it('accepts a required variable that appears only in the e-mail subject', () => {
    expect(
      validateTemplate('closed', 'email', { subject: 'Case {caseNumber}', body: 'It is closed.' }, 'en'),
    ).toEqual([]);
  });

  it('checks the subject too', () => {
    const problems = validateTemplate(
      'closed',
      'email',
      { subject: '{caseNumbr}', body: '{caseNumber}' },
      'en',
    );
    expect(problems).toEqual(['subject: {caseNumbr} is not a known variable']);
  });

  it('reports an empty body', () => {
    expect(validateTemplate('survey', 'sms', { body: '  ' }, 'en')).toContain('body: the text is empty');
  });
});

describe('previewTemplate', () => {
  it('renders an SMS with sample values and counts its segments', () => {
    const preview = previewTemplate(
      'registered',
      'sms',
      { body: 'تم تسجيل طلبك {caseNumber}: {trackingUrl}' },
      'ar',
    );
    expect(preview.problems).toEqual([]);
    expect(preview.body).toContain('UM-2026-000123');
    expect(preview.sms).toMatchObject({ ...smsSegments(preview.body), parts: [preview.body] });
    expect(preview.sms?.encoding).toBe('UCS-2');
  });

  it('lets the caller override sample values', () => {
    const preview = previewTemplate('otp', 'sms', { body: 'Code {code}' }, 'en', { code: '000111' });
    expect(preview.body).toBe('Code 000111');
    expect(preview.sms).toMatchObject({ encoding: 'GSM-7', units: 11, segments: 1 });
  });

  it('splits a long SMS into its segments', () => {
    const preview = previewTemplate('info_requested', 'sms', { body: '{caseNumber}: {question}' }, 'en', {
      question: 'x'.repeat(200),
    });
    expect(preview.sms?.segments).toBe(2);
    expect(preview.sms?.parts.join('')).toBe(preview.body);
  });

  it('renders an e-mail with its subject and no SMS info', () => {
    const preview = previewTemplate(
      'closed',
      'email',
      { subject: 'Closed: {caseNumber}', body: 'Bye' },
      'kk',
    );
    expect(preview).toEqual({ subject: 'Closed: UM-2026-000123', body: 'Bye', problems: [] });
  });

  it('returns the problems and no text when the template cannot render', () => {
    const preview = previewTemplate('closed', 'sms', { body: '{caseNumber' }, 'en');
    expect(preview.body).toBe('');
    expect(preview.problems[0]).toMatch(/ICU syntax error/);
  });
});

describe('sample values and dates', () => {
  it('supplies every variable of the event, with a number for minutes', () => {
    const otp = sampleVariables('otp', 'en');
    expectTypeOf(otp).toEqualTypeOf<TemplateVars<'otp'>>();
    expectTypeOf(otp.minutes).toBeNumber();
    expect(Object.keys(otp).sort()).toEqual(['code', 'minutes', 'orgName']);
    for (const event of NOTIFICATION_EVENTS) {
      const vars = sampleVariables(event, 'ar') as Record<string, unknown>;
      for (const name of eventVariables(event)) expect(vars[name], `${event}.${name}`).not.toBe('');
    }
  });

  it('writes a date with the Hijri date in brackets when the org wants it', () => {
    const at = new Date('2026-11-22T09:00:00Z');
    expect(dateVariables(at, { locale: 'en', timeZone: 'Asia/Riyadh', hijri: true })).toEqual({
      date: 'November 22, 2026 (Jumada II 12, 1448 AH)',
      hijri: 'Jumada II 12, 1448 AH',
    });
    expect(dateVariables(at, { locale: 'en', timeZone: 'Asia/Amman', hijri: false })).toEqual({
      date: 'November 22, 2026',
      hijri: '',
    });
  });
});
