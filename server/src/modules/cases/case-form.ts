// Validates a case registration against the org's approved form (R-INTAKE-3). Pure: the form,
// the org's lookups and the input come in; normalised values or every problem at once come out.
import type { FieldError } from '../../platform/errors.ts';
import type { LocalizedText } from '../../platform/i18n/locales.ts';
import type { Channel, FormField, FormFieldKey } from '../../profiles/types.ts';
import { normalizeEmail, normalizeIdentifier, normalizePhone } from '../customers/contacts.ts';
import type { ContactValue, CustomerDetails } from '../customers/customer.repository.ts';
import { PRIORITIES, type Priority } from './case-status.ts';

export const CASE_TYPES = ['complaint', 'suggestion', 'inquiry', 'compliment'] as const;
export type CaseTypeCode = (typeof CASE_TYPES)[number];
export const CHANNELS: Channel[] = [
  'call_centre',
  'store',
  'web_form',
  'mobile_app',
  'chat',
  'email',
  'social',
  'messaging',
  'video',
  'letter',
];

export interface CaseInput {
  type: string;
  channel: string;
  category?: string;
  service?: string;
  priority?: string;
  subject?: string;
  description?: string;
  remedySought?: string;
  servedBy?: string;
  locale?: string;
  department?: string;
  customer: {
    kind?: 'person' | 'business';
    segment?: 'individual' | 'business_owner';
    firstName?: string;
    lastName?: string;
    patronymic?: string;
    businessName?: string;
    phone?: string;
    email?: string;
    nationalId?: string;
    accountId?: string;
    /** messaging-platform user ids the customer wrote from (set by channels, not forms) */
    handles?: { kind: 'telegram' | 'messenger'; value: string }[];
  };
  custom?: Record<string, string>;
}

export interface FormLookups {
  country: string;
  enabledTypes: Set<string>;
  enabledChannels: Set<string>;
  categories: Map<
    string,
    {
      id: string;
      active: boolean;
      department_id: string;
      default_priority: string;
      health_or_safety: boolean;
    }
  >;
  services: Map<string, { id: string; active: boolean }>;
}

export interface ValidCase {
  type: CaseTypeCode;
  channel: Channel;
  categoryId: string | null;
  categoryDepartmentId: string | null;
  serviceId: string | null;
  priority: Priority;
  subject: string;
  description: string;
  remedySought: string | null;
  servedBy: string | null;
  customer: CustomerDetails;
  contacts: ContactValue[];
  custom: Record<string, string>;
}

/** Where each standard form key lives in the request body (also the `field` in errors). */
export const FIELD_PATH: Record<Exclude<FormFieldKey, `custom.${string}`>, string> = {
  first_name: 'customer.firstName',
  last_name: 'customer.lastName',
  patronymic: 'customer.patronymic',
  business_name: 'customer.businessName',
  phone: 'customer.phone',
  email: 'customer.email',
  national_id: 'customer.nationalId',
  account_id: 'customer.accountId',
  served_by: 'servedBy',
  subject: 'subject',
  description: 'description',
  remedy_sought: 'remedySought',
  category: 'category',
  service: 'service',
};

const DEFAULT_MAX: Partial<Record<string, number>> = {
  'customer.firstName': 100,
  'customer.lastName': 100,
  'customer.patronymic': 100,
  'customer.businessName': 200,
  servedBy: 200,
  subject: 200,
  description: 10_000,
  remedySought: 2_000,
};

export function fieldPath(key: FormFieldKey): string {
  return key.startsWith('custom.') ? key : FIELD_PATH[key as keyof typeof FIELD_PATH];
}

function valueAt(input: CaseInput, path: string): string | undefined {
  if (path.startsWith('custom.')) return input.custom?.[path.slice(7)];
  if (path.startsWith('customer.'))
    return (input.customer as Record<string, string | undefined>)[path.slice(9)];
  return (input as unknown as Record<string, string | undefined>)[path];
}

const clean = (v: string | undefined) => {
  const s = v?.normalize('NFC').trim();
  return s ? s : undefined;
};

export type Labeller = (path: string) => LocalizedText | undefined;

/**
 * Returns either the normalised case or the list of field errors. Field errors carry the field's
 * path and a reason; the HTTP layer turns them into messages in the caller's language using the
 * form's own labels.
 */
export function validateCaseInput(
  input: CaseInput,
  form: FormField[],
  lookups: FormLookups,
  /**
   * A message that arrived by itself (e-mail, messaging app, chat): the form's required fields
   * cannot be asked for, only what the message carries is checked; the channel is enabled by the
   * channel registry rather than the org's list.
   */
  opts: { unattended?: boolean } = {},
): { ok: true; value: ValidCase } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: string, reason: string, params?: Record<string, string | number>) =>
    errors.push(params ? { field, reason, params } : { field, reason });

  if (!(CASE_TYPES as readonly string[]).includes(input.type)) err('type', 'invalid_value');
  else if (!lookups.enabledTypes.has(input.type)) err('type', 'disabled');
  if (!CHANNELS.includes(input.channel as Channel)) err('channel', 'invalid_value');
  else if (!opts.unattended && !lookups.enabledChannels.has(input.channel)) err('channel', 'disabled');
  if (input.priority !== undefined && !(PRIORITIES as readonly string[]).includes(input.priority)) {
    err('priority', 'invalid_value');
  }

  const required = new Set(
    opts.unattended ? [] : form.filter((f) => f.required).map((f) => fieldPath(f.key)),
  );
  required.add('description'); // the nature of the complaint is never optional
  const known = new Set(form.map((f) => fieldPath(f.key)));
  for (const key of Object.keys(input.custom ?? {})) {
    if (!known.has(`custom.${key}`)) err(`custom.${key}`, 'unknown_field');
  }
  for (const path of required) {
    if (!clean(valueAt(input, path))) err(path, 'required');
  }
  for (const f of form) {
    const path = fieldPath(f.key);
    const v = clean(valueAt(input, path));
    if (v && f.options && !f.options.some((o) => o.value === v)) err(path, 'invalid_value');
  }
  for (const [path, max] of Object.entries(DEFAULT_MAX)) {
    const formMax = form.find((f) => fieldPath(f.key) === path)?.maxLength;
    const limit = formMax ?? max!;
    const v = clean(valueAt(input, path));
    if (v && v.length > limit) err(path, 'too_long', { max: limit });
  }

  const c = input.customer ?? {};
  const contacts: ContactValue[] = [];
  const phoneRaw = clean(c.phone);
  if (phoneRaw) {
    const phone = normalizePhone(phoneRaw, lookups.country);
    if (phone) contacts.push({ kind: 'phone', value: phone });
    else err('customer.phone', 'invalid_phone');
  }
  const emailRaw = clean(c.email);
  if (emailRaw) {
    const email = normalizeEmail(emailRaw);
    if (email) contacts.push({ kind: 'email', value: email });
    else err('customer.email', 'invalid_email');
  }
  for (const [k, kind] of [
    ['nationalId', 'national_id'],
    ['accountId', 'account_id'],
  ] as const) {
    const v = clean(c[k]);
    if (v) {
      if (v.length > 64) err(`customer.${k}`, 'too_long', { max: 64 });
      else contacts.push({ kind, value: normalizeIdentifier(v) });
    }
  }

  for (const h of c.handles ?? []) {
    const v = clean(h.value);
    if ((h.kind === 'telegram' || h.kind === 'messenger') && v && v.length <= 128)
      contacts.push({ kind: h.kind, value: v });
    else err('customer.handles', 'invalid_value');
  }

  const categoryCode = clean(input.category);
  const category = categoryCode ? lookups.categories.get(categoryCode) : undefined;
  if (categoryCode && !category?.active) err('category', 'not_found');
  const serviceCode = clean(input.service);
  const service = serviceCode ? lookups.services.get(serviceCode) : undefined;
  if (serviceCode && !service?.active) err('service', 'not_found');

  if (errors.length) return { ok: false, errors };

  const description = clean(input.description)!;
  const priority =
    (input.priority as Priority | undefined) ??
    (category?.health_or_safety ? 'urgent' : ((category?.default_priority as Priority) ?? 'normal'));
  const custom: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.custom ?? {})) {
    const cv = clean(v);
    if (cv) custom[k] = cv;
  }
  return {
    ok: true,
    value: {
      type: input.type as CaseTypeCode,
      channel: input.channel as Channel,
      categoryId: category?.id ?? null,
      categoryDepartmentId: category?.department_id ?? null,
      serviceId: service?.id ?? null,
      priority,
      subject: clean(input.subject) ?? summarise(description),
      description,
      remedySought: clean(input.remedySought) ?? null,
      servedBy: clean(input.servedBy) ?? null,
      customer: {
        kind: c.kind ?? (clean(c.businessName) && !clean(c.firstName) ? 'business' : 'person'),
        segment: c.segment ?? 'individual',
        firstName: clean(c.firstName) ?? null,
        lastName: clean(c.lastName) ?? null,
        patronymic: clean(c.patronymic) ?? null,
        businessName: clean(c.businessName) ?? null,
        preferredLocale: clean(input.locale) ?? null,
      },
      contacts,
      custom,
    },
  };
}

/** First sentence or 80 characters of the description, on a word boundary. */
export function summarise(text: string): string {
  const first = text.split(/(?<=[.!?؟。])\s/u)[0] ?? text;
  if (first.length <= 80) return first;
  const cut = first.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${space > 40 ? cut.slice(0, space) : cut}…`;
}

/** Built-in labels for fields the form does not label (type, channel, …). */
export const BUILTIN_LABELS: Record<string, LocalizedText> = {
  consent: {
    en: 'Privacy notice',
    ar: 'إشعار الخصوصية',
    ru: 'Уведомление о конфиденциальности',
    kk: 'Құпиялылық туралы хабарлама',
    az: 'Məxfilik bildirişi',
  },
  code: { en: 'Code', ar: 'الرمز', ru: 'Код', kk: 'Код', az: 'Kod' },
  message: { en: 'Message', ar: 'الرسالة', ru: 'Сообщение', kk: 'Хабарлама', az: 'Mesaj' },
  rating: { en: 'Rating', ar: 'التقييم', ru: 'Оценка', kk: 'Баға', az: 'Qiymət' },
  comment: { en: 'Comment', ar: 'التعليق', ru: 'Комментарий', kk: 'Пікір', az: 'Şərh' },
  number: {
    en: 'Case number',
    ar: 'رقم الحالة',
    ru: 'Номер обращения',
    kk: 'Өтініш нөмірі',
    az: 'Müraciət nömrəsi',
  },
  newDueAt: { en: 'New date', ar: 'الموعد الجديد', ru: 'Новый срок', kk: 'Жаңа мерзім', az: 'Yeni tarix' },
  type: { en: 'Type', ar: 'النوع', ru: 'Тип', kk: 'Түрі', az: 'Növ' },
  channel: { en: 'Channel', ar: 'القناة', ru: 'Канал', kk: 'Арна', az: 'Kanal' },
  priority: { en: 'Priority', ar: 'الأولوية', ru: 'Приоритет', kk: 'Басымдық', az: 'Prioritet' },
  description: { en: 'Description', ar: 'الوصف', ru: 'Описание', kk: 'Сипаттама', az: 'Təsvir' },
  subject: { en: 'Subject', ar: 'الموضوع', ru: 'Тема', kk: 'Тақырып', az: 'Mövzu' },
  category: { en: 'Category', ar: 'الفئة', ru: 'Категория', kk: 'Санат', az: 'Kateqoriya' },
  service: { en: 'Service', ar: 'الخدمة', ru: 'Услуга', kk: 'Қызмет', az: 'Xidmət' },
  department: { en: 'Department', ar: 'القسم', ru: 'Отдел', kk: 'Бөлім', az: 'Şöbə' },
  'customer.phone': { en: 'Phone', ar: 'الهاتف', ru: 'Телефон', kk: 'Телефон', az: 'Telefon' },
  'customer.email': { en: 'E-mail', ar: 'البريد الإلكتروني', ru: 'E-mail', kk: 'E-mail', az: 'E-poçt' },
  'customer.firstName': { en: 'First name', ar: 'الاسم الأول', ru: 'Имя', kk: 'Аты', az: 'Adı' },
  'customer.lastName': { en: 'Surname', ar: 'اسم العائلة', ru: 'Фамилия', kk: 'Тегі', az: 'Soyadı' },
  'customer.patronymic': {
    en: 'Patronymic',
    ar: 'اسم الأب',
    ru: 'Отчество',
    kk: 'Әкесінің аты',
    az: 'Atasının adı',
  },
  'customer.nationalId': {
    en: 'National ID',
    ar: 'رقم الهوية',
    ru: 'ИИН / удостоверение',
    kk: 'ЖСН',
    az: 'FİN',
  },
  'customer.accountId': {
    en: 'Account number',
    ar: 'رقم الحساب',
    ru: 'Лицевой счёт',
    kk: 'Дербес шот',
    az: 'Hesab nömrəsi',
  },
  reason: { en: 'Reason', ar: 'السبب', ru: 'Причина', kk: 'Себебі', az: 'Səbəb' },
  response: { en: 'Response', ar: 'الرد', ru: 'Ответ', kk: 'Жауап', az: 'Cavab' },
  body: { en: 'Text', ar: 'النص', ru: 'Текст', kk: 'Мәтін', az: 'Mətn' },
  file: { en: 'File', ar: 'الملف', ru: 'Файл', kk: 'Файл', az: 'Fayl' },
};
