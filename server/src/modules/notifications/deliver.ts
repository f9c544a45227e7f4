// Delivers the notification outbox. Each message is taken under a row lock (SKIP LOCKED, so any
// number of workers share the queue), rendered for its reader, handed to the org's provider, and
// marked sent in the same transaction. A worker killed mid-send rolls back: the message is still
// pending and goes out on the next pass; a message the provider had not accepted was not sent.
// (The one gap is a kill between the provider's acceptance and our commit — a few milliseconds;
// e-mail carries a stable Message-ID so the receiving side can recognise such a repeat.)
import type { Db, Trx } from '../../platform/db/db.ts';
import type { NotificationRow } from '../../platform/db/schema.ts';
import { isLocale, type Locale, type LocalizedText } from '../../platform/i18n/locales.ts';
import { templateFor } from './default-templates.ts';
import {
  createProvider,
  type OutboundMessage,
  type Provider,
  ProviderError,
  parseProviderConfig,
} from './providers/index.ts';
import { smsSegments } from './sms-segments.ts';
import { isStaffEvent, renderStaffText } from './staff-texts.ts';
import { dateVariables, type OrgTemplates, renderTemplate } from './templates.ts';

export const MAX_ATTEMPTS = 8;
/** Seconds before attempt n+1 (n = attempts made so far). */
export function backoffSeconds(attempts: number): number {
  return Math.min(6 * 3600, 30 * 4 ** Math.max(0, attempts - 1));
}

/** The org's configured provider per channel, built once per configuration version. */
export class ProviderRegistry {
  private readonly cache = new Map<string, { version: number; provider: Provider }>();

  constructor(private readonly db: Db) {}

  async get(orgId: string, channel: 'sms' | 'email'): Promise<Provider | null> {
    const row = await this.db
      .selectFrom('notification_providers')
      .select(['config', 'version', 'active'])
      .where('org_id', '=', orgId)
      .where('channel', '=', channel)
      .executeTakeFirst();
    const key = `${orgId}:${channel}`;
    const cached = this.cache.get(key);
    if (!row?.active) {
      if (cached) await this.drop(key);
      return null;
    }
    if (cached && cached.version === row.version) return cached.provider;
    if (cached) await this.drop(key);
    const parsed = parseProviderConfig(row.config);
    if (!parsed.ok)
      throw new ProviderError(`provider configuration invalid: ${parsed.problems.join('; ')}`, true);
    const provider = createProvider(parsed.config);
    this.cache.set(key, { version: row.version, provider });
    return provider;
  }

  private async drop(key: string) {
    const c = this.cache.get(key);
    this.cache.delete(key);
    await c?.provider.close().catch(() => {});
  }

  async close(): Promise<void> {
    for (const key of [...this.cache.keys()]) await this.drop(key);
  }
}

export interface DeliveryDeps {
  db: Db;
  providers: ProviderRegistry;
  publicUrl: string;
  /** the final written answer as a PDF for the `resolved` e-mail, when the org's case has one */
  letter?: (
    trx: Trx,
    orgId: string,
    caseId: string,
    locale: Locale,
  ) => Promise<{ filename: string; pdf: Buffer } | null>;
  now?: () => Date;
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
  /** kept in the local outbox because the org has no provider for the channel */
  local: number;
}

/** Delivers what is due, one message per transaction, until nothing is due or `limit` is reached. */
export async function deliverDue(deps: DeliveryDeps, limit = 100): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0, local: 0 };
  for (let i = 0; i < limit; i++) {
    const outcome = await deps.db.transaction().execute((trx) => deliverOne(trx, deps));
    if (outcome === 'none') break;
    result[outcome]++;
  }
  return result;
}

async function deliverOne(trx: Trx, deps: DeliveryDeps): Promise<keyof DeliveryResult | 'none'> {
  const now = deps.now?.() ?? new Date();
  const n = await trx
    .selectFrom('notifications')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!n) return 'none';
  const attempt = n.attempts + 1;
  let message: OutboundMessage;
  try {
    message = await compose(trx, deps, n);
  } catch (e) {
    await finish(
      trx,
      n,
      attempt,
      { ok: false, error: `could not compose: ${String(e)}`, permanent: true },
      now,
    );
    return 'failed';
  }
  const rendered = {
    rendered_subject: message.subject ?? null,
    rendered_body: message.text,
    segments: n.channel === 'sms' ? smsSegments(message.text).segments : null,
  };
  let provider: Provider | null;
  try {
    provider = await deps.providers.get(n.org_id, n.channel as 'sms' | 'email');
  } catch (e) {
    await finish(trx, n, attempt, { ok: false, error: String(e), permanent: true, rendered }, now);
    return 'failed';
  }
  if (!provider) {
    await finish(trx, n, attempt, { ok: true, provider: 'local-outbox', rendered }, now);
    return 'local';
  }
  try {
    const r = await provider.send(message);
    await finish(
      trx,
      n,
      attempt,
      { ok: true, provider: provider.kind, providerMessageId: r.providerMessageId, rendered },
      now,
    );
    return 'sent';
  } catch (e) {
    const permanent = e instanceof ProviderError ? e.permanent : false;
    const outcome = permanent || attempt >= MAX_ATTEMPTS ? 'failed' : 'retried';
    await finish(
      trx,
      n,
      attempt,
      {
        ok: false,
        error: e instanceof Error ? e.message : String(e),
        permanent: outcome === 'failed',
        provider: provider.kind,
        rendered,
      },
      now,
    );
    return outcome;
  }
}

async function finish(
  trx: Trx,
  n: NotificationRow,
  attempt: number,
  r: {
    ok: boolean;
    error?: string;
    permanent?: boolean;
    provider?: string;
    providerMessageId?: string;
    rendered?: { rendered_subject: string | null; rendered_body: string; segments: number | null };
  },
  now: Date,
) {
  await trx
    .insertInto('notification_attempts')
    .values({
      org_id: n.org_id,
      notification_id: n.id,
      attempt,
      at: now,
      ok: r.ok,
      error: r.error ?? null,
      provider: r.provider ?? 'none',
      provider_message_id: r.providerMessageId ?? null,
    })
    .execute();
  await trx
    .updateTable('notifications')
    .set({
      attempts: attempt,
      status: r.ok ? 'sent' : r.permanent ? 'failed' : 'pending',
      sent_at: r.ok ? now : null,
      next_attempt_at: r.ok || r.permanent ? now : new Date(now.getTime() + backoffSeconds(attempt) * 1000),
      last_error: r.error ?? null,
      provider: r.provider ?? null,
      provider_message_id: r.providerMessageId ?? null,
      ...(r.rendered ?? {}),
    })
    .where('org_id', '=', n.org_id)
    .where('id', '=', n.id)
    .execute();
}

/** The message as its reader gets it: their language, their time zone, the org's own wording. */
async function compose(trx: Trx, deps: DeliveryDeps, n: NotificationRow): Promise<OutboundMessage> {
  const org = await trx
    .selectFrom('orgs')
    .select(['slug', 'name', 'timezone', 'country', 'default_locale', 'settings'])
    .where('org_id', '=', n.org_id)
    .executeTakeFirstOrThrow();
  const locale: Locale = isLocale(n.locale) ? n.locale : (org.default_locale as Locale);
  const vars = n.variables as Record<string, string | number>;
  if (isStaffEvent(n.event)) {
    const dueAt = vars.dueAt ? formatDate(String(vars.dueAt), locale, org) : undefined;
    const text = renderStaffText(n.event, locale, {
      caseNumber: String(vars.caseNumber ?? ''),
      stage: String(vars.stage ?? ''),
      dueAt,
      level: Number(vars.level ?? 1),
    });
    return { id: n.id, channel: 'email', to: n.recipient, subject: text.subject, text: text.body };
  }
  const name = org.name as LocalizedText;
  const values: Record<string, string | number> = {
    ...vars,
    orgName: name[locale] ?? name[org.default_locale as Locale] ?? org.slug,
    customerName: '',
    steps: String(vars.steps ?? ''),
    howToObject: '',
  };
  let caseNumber = String(vars.caseNumber ?? '');
  if (n.case_id) {
    const c = await trx
      .selectFrom('cases as c')
      .innerJoin('customers as cu', (j) =>
        j.onRef('cu.org_id', '=', 'c.org_id').onRef('cu.id', '=', 'c.customer_id'),
      )
      .leftJoin('case_sla_stages as s', (j) =>
        j.onRef('s.org_id', '=', 'c.org_id').onRef('s.case_id', '=', 'c.id').on('s.stage', '=', 'resolution'),
      )
      .select(['c.number', 'cu.first_name', 'cu.last_name', 'cu.business_name', 's.due_at'])
      .where('c.org_id', '=', n.org_id)
      .where('c.id', '=', n.case_id)
      .executeTakeFirstOrThrow();
    caseNumber = c.number;
    values.caseNumber = c.number;
    values.customerName = [c.first_name, c.last_name].filter(Boolean).join(' ') || c.business_name || '';
    if (c.due_at) Object.assign(values, dates('dueDate', c.due_at, locale, org));
  }
  const base = `${deps.publicUrl}/portal/${org.slug}`;
  values.trackingUrl = `${base}/track?number=${encodeURIComponent(caseNumber)}`;
  if (vars.surveyToken) values.surveyUrl = `${base}/survey/${vars.surveyToken}`;
  if (vars.newDate) Object.assign(values, dates('newDate', new Date(String(vars.newDate)), locale, org));
  const overrides = await orgTemplates(trx, n.org_id, n.event, n.channel, locale);
  const source = templateFor(n.event as never, n.channel as 'sms' | 'email', locale, overrides);
  const text = renderTemplate(source, locale, values);
  const message: OutboundMessage = {
    id: n.id,
    channel: n.channel as 'sms' | 'email',
    to: n.recipient,
    text: text.body,
    ...(text.subject ? { subject: text.subject } : {}),
  };
  if (n.channel === 'email') {
    message.html = toHtml(text.body, locale);
    if (n.event === 'resolved' && n.case_id && deps.letter) {
      const letter = await deps.letter(trx, n.org_id, n.case_id, locale);
      if (letter)
        message.attachments = [
          { filename: letter.filename, content: letter.pdf, contentType: 'application/pdf' },
        ];
    }
  }
  return message;
}

type OrgDates = { timezone: string; country: string; settings: unknown };

function dates(prefix: 'dueDate' | 'newDate', at: Date, locale: Locale, org: OrgDates) {
  const d = dateVariables(at, {
    locale,
    timeZone: org.timezone,
    hijri: Boolean((org.settings as { hijri?: boolean }).hijri),
    region: org.country,
  });
  return { [prefix]: d.date, [`${prefix}Hijri`]: d.hijri };
}

function formatDate(iso: string, locale: Locale, org: OrgDates): string {
  return dates('dueDate', new Date(iso), locale, org).dueDate as string;
}

async function orgTemplates(
  trx: Trx,
  orgId: string,
  event: string,
  channel: string,
  locale: Locale,
): Promise<OrgTemplates | undefined> {
  const row = await trx
    .selectFrom('notification_templates')
    .select(['subject', 'body'])
    .where('org_id', '=', orgId)
    .where('event', '=', event)
    .where('channel', '=', channel)
    .where('locale', '=', locale)
    .executeTakeFirst();
  if (!row) return undefined;
  const source = row.subject === null ? { body: row.body } : { subject: row.subject, body: row.body };
  return { [event]: { [channel]: { [locale]: source } } } as OrgTemplates;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** Plain text as simple HTML: paragraphs, line breaks, and the reader's direction. */
export function toHtml(text: string, locale: Locale): string {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family: sans-serif">${paragraphs}</body></html>`;
}
