import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { DEFAULT_TEMPLATES, templateFor } from './default-templates.ts';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  previewTemplate,
  renderTemplate,
  sampleVariables,
  validateTemplate,
} from './templates.ts';

const every = NOTIFICATION_EVENTS.flatMap((event) =>
  NOTIFICATION_CHANNELS.flatMap((channel) => LOCALES.map((locale) => ({ event, channel, locale }))),
);

// Letters only each language uses, so a text copied from another language is caught.
const SCRIPT = {
  ar: /[\u0600-\u06FF]/,
  en: /^[\x20-\x7E\n]*$/,
  ru: /[а-яё]/i,
  kk: /[әғқңөұүһі]/i,
  az: /[əğışçöü]/i,
} as const;

describe('default templates', () => {
  it('cover every event × channel × language', () => {
    expect(every).toHaveLength(9 * 2 * 5);
    for (const { event, channel, locale } of every) {
      expect(DEFAULT_TEMPLATES[event][channel][locale]?.body, `${event}/${channel}/${locale}`).toBeTruthy();
    }
  });

  it.each(every)(
    '$event / $channel / $locale validates and renders with sample values',
    ({ event, channel, locale }) => {
      const source = DEFAULT_TEMPLATES[event][channel][locale];
      expect(validateTemplate(event, channel, source, locale)).toEqual([]);
      const out = renderTemplate(source, locale, sampleVariables(event, locale));
      expect(out.body.length).toBeGreaterThan(20);
      expect(out.body).not.toMatch(/[{}]/);
      expect(out.body).toMatch(SCRIPT[locale]);
      if (channel === 'email') {
        expect(out.subject?.length).toBeGreaterThan(5);
        expect(out.subject).toMatch(SCRIPT[locale]);
      } else {
        expect(out.subject).toBeUndefined();
      }
    },
  );

  it.each(NOTIFICATION_EVENTS.flatMap((event) => LOCALES.map((locale) => ({ event, locale }))))(
    'SMS $event / $locale stays within 3 segments',
    ({ event, locale }) => {
      const preview = previewTemplate(event, 'sms', DEFAULT_TEMPLATES[event].sms[locale], locale);
      expect(preview.sms?.segments).toBeLessThanOrEqual(3);
    },
  );

  it('fits the SMS without agent-written text in two segments in every language', () => {
    for (const event of ['registered', 'acknowledged', 'survey', 'closed', 'otp'] as const) {
      for (const locale of LOCALES) {
        const preview = previewTemplate(event, 'sms', DEFAULT_TEMPLATES[event].sms[locale], locale);
        expect(preview.sms?.segments, `${event}/${locale}`).toBeLessThanOrEqual(2);
      }
    }
  });

  it('keeps English SMS in the GSM alphabet, so they cost 160 characters a segment', () => {
    for (const event of NOTIFICATION_EVENTS) {
      const preview = previewTemplate(event, 'sms', DEFAULT_TEMPLATES[event].sms.en, 'en');
      expect(preview.sms?.encoding, event).toBe('GSM-7');
    }
  });

  it('says the one-time code validity with the right Arabic plural', () => {
    const source = DEFAULT_TEMPLATES.otp.sms.ar;
    const say = (minutes: number) =>
      renderTemplate(source, 'ar', { code: '1234', orgName: 'هدف', minutes }).body;
    expect(say(1)).toContain('صالح لمدة دقيقة واحدة');
    expect(say(2)).toContain('صالح لمدة دقيقتين');
    expect(say(5)).toContain('صالح لمدة ٥ دقائق');
    expect(say(15)).toContain('صالح لمدة ١٥ دقيقة');
  });

  it('greets an unnamed customer politely', () => {
    const vars = { ...sampleVariables('closed', 'ru'), customerName: '' };
    expect(renderTemplate(DEFAULT_TEMPLATES.closed.email.ru, 'ru', vars).body).toMatch(
      /^Здравствуйте, уважаемый клиент!/,
    );
  });

  it('drops the objection paragraph cleanly when the org has none', () => {
    const vars = { ...sampleVariables('resolved', 'en'), howToObject: '' };
    expect(renderTemplate(DEFAULT_TEMPLATES.resolved.email.en, 'en', vars).body).not.toMatch(/\n\n\n/);
  });
});

describe('templateFor', () => {
  it('uses the org’s own text for a language when it has one and the default otherwise', () => {
    const own = { body: 'Müraciət {caseNumber} qeydə alındı: {trackingUrl}' };
    const org = { registered: { sms: { az: own } } };
    expect(templateFor('registered', 'sms', 'az', org)).toBe(own);
    expect(templateFor('registered', 'sms', 'ru', org)).toBe(DEFAULT_TEMPLATES.registered.sms.ru);
    expect(templateFor('registered', 'email', 'az', org)).toBe(DEFAULT_TEMPLATES.registered.email.az);
    expect(templateFor('closed', 'sms', 'kk')).toBe(DEFAULT_TEMPLATES.closed.sms.kk);
  });
});
