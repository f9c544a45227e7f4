// Customer notification templates (issue 4, R-INTAKE-4, R-I18N-1): one ICU MessageFormat text per
// org × event × channel × language, with a fixed, typed set of variables per event so that an
// administrator's edit is checked before it can reach a customer.
import { IntlMessageFormat } from 'intl-messageformat';
import { type DateForPeopleOptions, defaultDigits, formatDateForPeople } from '../../platform/i18n/dates.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { type SmsSegmentInfo, smsSegments, splitSms } from './sms-segments.ts';

export const NOTIFICATION_EVENTS = [
  'registered',
  'acknowledged',
  'info_requested',
  'extended',
  'resolved',
  'offer',
  'survey',
  'closed',
  'otp',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_CHANNELS = ['sms', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** An e-mail has a subject and a body; an SMS only a body. Both are ICU MessageFormat. */
export interface TemplateSource {
  subject?: string;
  body: string;
}
export interface RenderedTemplate {
  subject?: string;
  body: string;
}

/** An org's own texts; whatever is missing falls back to the defaults. */
export type OrgTemplates = Partial<
  Record<NotificationEvent, Partial<Record<NotificationChannel, Partial<Record<Locale, TemplateSource>>>>>
>;

interface VariableSpec {
  kind: 'text' | 'number';
  description: string;
  /** said instead of an empty value, so "Dear {customerName}" still reads well for an unnamed customer */
  whenEmpty?: Record<Locale, string>;
}

/** Every variable a template may use. Dates arrive already written for people (see `dateVariables`). */
export const TEMPLATE_VARIABLES = {
  orgName: { kind: 'text', description: 'Name of the organisation in the customer’s language' },
  customerName: {
    kind: 'text',
    description: 'Customer’s name; a polite generic address when it is not known',
    whenEmpty: {
      ar: 'عميلنا العزيز',
      en: 'customer',
      ru: 'уважаемый клиент',
      kk: 'құрметті клиент',
      az: 'müştəri',
    },
  },
  caseNumber: { kind: 'text', description: 'Case number to quote, e.g. UM-2026-000123' },
  trackingUrl: { kind: 'text', description: 'Link to follow the case on the portal' },
  dueDate: {
    kind: 'text',
    description: 'Expected resolution date; with the Hijri date in brackets where the org shows it',
  },
  dueDateHijri: {
    kind: 'text',
    description: 'Expected resolution date in the Hijri calendar only; may be empty',
  },
  reason: { kind: 'text', description: 'Why the date moved, or why the case cannot be resolved as asked' },
  newDate: {
    kind: 'text',
    description: 'New expected date; with the Hijri date in brackets where the org shows it',
  },
  newDateHijri: { kind: 'text', description: 'New expected date in the Hijri calendar only; may be empty' },
  result: { kind: 'text', description: 'The decision and the remedy given to the customer' },
  steps: { kind: 'text', description: 'The steps taken on the case, one per line; may be empty' },
  howToObject: {
    kind: 'text',
    description: 'How and by when to object or escalate (whom to contact); may be empty',
  },
  question: { kind: 'text', description: 'The agent’s question to the customer' },
  offer: { kind: 'text', description: 'The alternative service or compensation offered' },
  surveyUrl: { kind: 'text', description: 'Link to the satisfaction survey' },
  code: { kind: 'text', description: 'One-time code for the portal' },
  minutes: { kind: 'number', description: 'Minutes the one-time code stays valid' },
} as const satisfies Record<string, VariableSpec>;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;

interface EventVariables {
  /** must appear in every template of the event: the message is pointless without it */
  required: readonly TemplateVariable[];
  /** supplied by the sender as well and free to use */
  optional: readonly TemplateVariable[];
}

const COMMON = ['orgName', 'customerName'] as const;

export const EVENT_VARIABLES = {
  registered: { required: ['caseNumber', 'trackingUrl'], optional: [...COMMON, 'dueDate', 'dueDateHijri'] },
  acknowledged: { required: ['caseNumber'], optional: [...COMMON, 'trackingUrl', 'dueDate', 'dueDateHijri'] },
  info_requested: { required: ['caseNumber', 'question'], optional: [...COMMON, 'trackingUrl'] },
  extended: {
    required: ['caseNumber', 'reason', 'newDate'],
    optional: [...COMMON, 'newDateHijri', 'trackingUrl'],
  },
  resolved: {
    required: ['caseNumber', 'result'],
    optional: [...COMMON, 'steps', 'howToObject', 'trackingUrl'],
  },
  offer: { required: ['caseNumber', 'offer'], optional: [...COMMON, 'reason', 'trackingUrl'] },
  survey: { required: ['surveyUrl'], optional: [...COMMON, 'caseNumber'] },
  closed: { required: ['caseNumber'], optional: [...COMMON, 'trackingUrl'] },
  otp: { required: ['code'], optional: ['orgName', 'minutes'] },
} as const satisfies Record<NotificationEvent, EventVariables>;

type EventVariable<E extends NotificationEvent> =
  | (typeof EVENT_VARIABLES)[E]['required'][number]
  | (typeof EVENT_VARIABLES)[E]['optional'][number];
type ValueOf<V extends TemplateVariable> = (typeof TEMPLATE_VARIABLES)[V]['kind'] extends 'number'
  ? number
  : string;

/** What the sender supplies for an event: every variable of the event (text may be empty where documented). */
export type TemplateVars<E extends NotificationEvent> = { [V in EventVariable<E>]: ValueOf<V> };
export type TemplateValues = Partial<Record<TemplateVariable, string | number>>;

export function eventVariables(event: NotificationEvent): TemplateVariable[] {
  const spec: EventVariables = EVENT_VARIABLES[event];
  return [...spec.required, ...spec.optional];
}

function isTemplateVariable(name: string): name is TemplateVariable {
  return Object.hasOwn(TEMPLATE_VARIABLES, name);
}

/** A date as two template variables: the text people read (Hijri in brackets when wanted) and the Hijri date alone. */
export function dateVariables(at: Date, options: DateForPeopleOptions): { date: string; hijri: string } {
  const d = formatDateForPeople(at, options);
  return { date: d.hijri ? `${d.gregorian} (${d.hijri})` : d.gregorian, hijri: d.hijri ?? '' };
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** Same digits as dates (Arabic-Indic for Arabic), so `#` in a plural matches the dates beside it. */
function messageLocale(locale: Locale): string {
  return defaultDigits(locale) === 'arab' ? `${locale}-u-nu-arab` : locale;
}

// Compiled formats, bounded: templates come from the database and may be edited many times.
const compiled = new Map<string, IntlMessageFormat>();
const MAX_COMPILED = 1000;

function compile(text: string, locale: Locale): IntlMessageFormat {
  const key = `${locale}\u0000${text}`;
  let fmt = compiled.get(key);
  if (!fmt) {
    // ignoreTag: a "<" in a customer message is text, not markup
    fmt = new IntlMessageFormat(text, messageLocale(locale), undefined, { ignoreTag: true });
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, fmt);
  }
  return fmt;
}

function withFallbacks(locale: Locale, vars: TemplateValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars)) if (value !== undefined) out[name] = value;
  for (const [name, spec] of Object.entries(TEMPLATE_VARIABLES) as [string, VariableSpec][]) {
    if (spec.whenEmpty && (out[name] === undefined || out[name] === '')) out[name] = spec.whenEmpty[locale];
  }
  return out;
}

/**
 * Renders a template. Throws the ICU error on bad syntax or a variable the template uses but `vars`
 * lacks — call `validateTemplate` when the template is saved so this does not happen at send time.
 */
export function renderTemplate(
  source: TemplateSource,
  locale: Locale,
  vars: TemplateValues,
): RenderedTemplate {
  const values = withFallbacks(locale, vars);
  // an empty optional variable on its own line (e.g. {howToObject}) must not leave a gap
  const body = String(compile(source.body, locale).format(values))
    .replace(/(?:[ \t]*\n){3,}/g, '\n\n')
    .trim();
  if (source.subject === undefined) return { body };
  // a subject is one line, whatever the variables held
  const subject = String(compile(source.subject, locale).format(values)).replace(/\s+/g, ' ').trim();
  return { subject, body };
}

// ---------------------------------------------------------------------------------------------
// Validation

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
// Numeric values of TYPE in @formatjs/icu-messageformat-parser (not a direct dependency of ours).
const T = { literal: 0, argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, pound: 7, tag: 8 };

interface Usage {
  name: string;
  type: number;
  pluralType?: 'cardinal' | 'ordinal';
  keys: string[];
}

function usages(elements: Element[], out: Usage[] = []): Usage[] {
  for (const el of elements) {
    if (el.type === T.literal || el.type === T.pound) continue;
    if (el.type === T.tag && 'children' in el) {
      usages(el.children, out);
      continue;
    }
    const options = 'options' in el ? el.options : {};
    out.push({
      name: 'value' in el ? el.value : '',
      type: el.type,
      pluralType: 'pluralType' in el ? el.pluralType : undefined,
      keys: Object.keys(options),
    });
    for (const option of Object.values(options)) usages(option.value, out);
  }
  return out;
}

function describeSyntaxError(error: unknown): string {
  const loc = (error as { location?: { start: { line: number; column: number } } }).location?.start;
  const what = error instanceof Error ? error.message : String(error);
  return `ICU syntax error ${what}${loc ? ` at line ${loc.line}, column ${loc.column}` : ''}`;
}

/** Problems with a template, in plain English for the administrator; empty when it can be saved. */
export function validateTemplate(
  event: NotificationEvent,
  channel: NotificationChannel,
  source: TemplateSource,
  locale: Locale,
): string[] {
  const problems: string[] = [];
  const allowed = new Set<string>(eventVariables(event));
  const used = new Set<string>();
  const parts: ['subject' | 'body', string][] = [['body', source.body]];

  if (channel === 'email') {
    if (!source.subject?.trim()) problems.push('subject: an e-mail needs a subject');
    else parts.unshift(['subject', source.subject]);
  } else if (source.subject !== undefined) {
    problems.push('subject: an SMS has no subject');
  }
  if (!source.body.trim()) problems.push('body: the text is empty');

  let parsed = true;
  for (const [part, text] of parts) {
    let ast: Element[];
    try {
      ast = compile(text, locale).getAst();
    } catch (error) {
      problems.push(`${part}: ${describeSyntaxError(error)}`);
      parsed = false;
      continue;
    }
    for (const use of usages(ast)) {
      used.add(use.name);
      const label = `${part}: {${use.name}}`;
      if (!isTemplateVariable(use.name)) {
        problems.push(`${label} is not a known variable`);
        continue;
      }
      if (!allowed.has(use.name)) {
        problems.push(`${label} is not available for the "${event}" notification`);
        continue;
      }
      const kind = TEMPLATE_VARIABLES[use.name].kind;
      if (kind === 'text' && [T.number, T.plural, T.date, T.time].includes(use.type)) {
        problems.push(`${label} is text and cannot be used as a number or date`);
      }
      if (use.type === T.plural) {
        const type = use.pluralType === 'ordinal' ? 'ordinal' : 'cardinal';
        const categories = new Intl.PluralRules(locale, { type }).resolvedOptions().pluralCategories;
        for (const key of use.keys) {
          if (!key.startsWith('=') && !categories.includes(key as Intl.LDMLPluralRule)) {
            problems.push(
              `${label} has plural form "${key}", which ${locale} does not use (${categories.join(', ')})`,
            );
          }
        }
      }
    }
  }
  if (!parsed) return problems;

  for (const name of EVENT_VARIABLES[event].required) {
    if (!used.has(name)) problems.push(`the "${event}" notification must include {${name}}`);
  }
  if (problems.length === 0) {
    // last guard: it must render with realistic values
    try {
      renderTemplate(source, locale, sampleVariables(event, locale));
    } catch (error) {
      problems.push(`cannot be rendered: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Samples and preview

const SAMPLE_AT = new Date('2026-11-22T09:00:00Z');
const SAMPLE_NEW_AT = new Date('2026-12-03T09:00:00Z');

// Realistic lengths matter more than content: the preview's SMS segment count relies on them.
const SAMPLE_TEXT: Record<
  Locale,
  Record<
    'orgName' | 'customerName' | 'reason' | 'result' | 'steps' | 'howToObject' | 'question' | 'offer',
    string
  >
> = {
  ar: {
    orgName: 'أمنية',
    customerName: 'أحمد الخطيب',
    reason: 'بانتظار تقرير الفريق الفني',
    result: 'تمت إعادة مبلغ ٥ دنانير إلى رصيدك',
    steps: 'فحص الخط\nمراجعة الفاتورة\nإعادة المبلغ',
    howToObject: 'إن لم تكن راضيًا عن الرد، يمكنك الاعتراض خلال ٥ أيام عبر الرابط أو بالاتصال على ١٣٣٣.',
    question: 'ما رقم الخط المتأثر؟',
    offer: 'باقة إنترنت ١٠ غيغابايت لمدة شهر',
  },
  en: {
    orgName: 'Umniah',
    customerName: 'Ahmad Al-Khatib',
    reason: 'awaiting a report from our technical team',
    result: 'JOD 5 has been credited to your balance',
    steps: 'Line checked\nBill reviewed\nAmount refunded',
    howToObject: 'If you are not satisfied, you can object within 5 days via the link or by calling 1333.',
    question: 'Which line number is affected?',
    offer: '10 GB of mobile data for one month',
  },
  ru: {
    orgName: 'Jusan Mobile',
    customerName: 'Айгерим Сапарова',
    reason: 'ожидаем заключение технической службы',
    result: 'на ваш баланс возвращено 2 000 тенге',
    steps: 'Проверена линия\nПроверен счёт\nВозвращены средства',
    howToObject: 'Если вы не согласны с ответом, вы можете подать возражение в течение 5 дней по ссылке.',
    question: 'Какой номер телефона затронут?',
    offer: '10 ГБ мобильного интернета на месяц',
  },
  kk: {
    orgName: 'Jusan Mobile',
    customerName: 'Айгерім Сапарова',
    reason: 'техникалық қызметтің қорытындысы күтілуде',
    result: 'балансыңызға 2 000 теңге қайтарылды',
    steps: 'Желі тексерілді\nШот тексерілді\nҚаражат қайтарылды',
    howToObject: 'Жауаппен келіспесеңіз, 5 күн ішінде сілтеме арқылы қарсылық білдіре аласыз.',
    question: 'Қай телефон нөмірі зардап шекті?',
    offer: 'бір айға 10 ГБ мобильді интернет',
  },
  az: {
    orgName: 'Kontakt Home',
    customerName: 'Leyla Məmmədova',
    reason: 'servis mərkəzinin rəyini gözləyirik',
    result: 'məhsul yenisi ilə əvəz olunacaq',
    steps: 'Məhsul yoxlanıldı\nServis rəyi alındı\nDəyişdirmə təsdiqləndi',
    howToObject: 'Cavabla razı deyilsinizsə, 5 gün ərzində link vasitəsilə etiraz edə bilərsiniz.',
    question: 'Məhsulu hansı mağazadan almısınız?',
    offer: '50 AZN məbləğində hədiyyə kartı',
  },
};

/** Realistic values of every variable of an event, for previews and validation. */
export function sampleVariables<E extends NotificationEvent>(event: E, locale: Locale): TemplateVars<E> {
  // Hijri dates are for Saudi orgs, which write in Arabic (and English for expatriates)
  const dateOptions = { locale, timeZone: 'Asia/Riyadh', hijri: locale === 'ar' || locale === 'en' };
  const due = dateVariables(SAMPLE_AT, dateOptions);
  const next = dateVariables(SAMPLE_NEW_AT, dateOptions);
  const all: Record<TemplateVariable, string | number> = {
    ...SAMPLE_TEXT[locale],
    caseNumber: 'UM-2026-000123',
    trackingUrl: 'https://care.example.com/t/Kx7pQ2mZ9w',
    dueDate: due.date,
    dueDateHijri: due.hijri,
    newDate: next.date,
    newDateHijri: next.hijri,
    surveyUrl: 'https://care.example.com/s/Kx7pQ2mZ9w',
    code: '482913',
    minutes: 10,
  };
  return Object.fromEntries(eventVariables(event).map((name) => [name, all[name]])) as TemplateVars<E>;
}

export interface TemplatePreview {
  subject?: string;
  /** empty when the template has problems that stop it rendering */
  body: string;
  problems: string[];
  /** for SMS: encoding, length and segments, and the text of each segment */
  sms?: SmsSegmentInfo & { parts: string[] };
}

/** Renders with sample values (overridable) and reports problems and, for SMS, what it will cost. */
export function previewTemplate(
  event: NotificationEvent,
  channel: NotificationChannel,
  source: TemplateSource,
  locale: Locale,
  vars: TemplateValues = {},
): TemplatePreview {
  const problems = validateTemplate(event, channel, source, locale);
  let rendered: RenderedTemplate;
  try {
    rendered = renderTemplate(source, locale, { ...sampleVariables(event, locale), ...vars });
  } catch {
    return { body: '', problems };
  }
  if (channel === 'email') return { ...rendered, problems };
  return {
    body: rendered.body,
    problems,
    sms: { ...smsSegments(rendered.body), parts: splitSms(rendered.body) },
  };
}
