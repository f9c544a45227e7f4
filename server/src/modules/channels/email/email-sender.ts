// Agents' replies on e-mail cases: sent through the organisation's own SMTP relay (its e-mail
// notification provider) but from the channel's address, as an answer in the customer's thread
// (In-Reply-To / References), with the case number in the subject. Our Message-ID is derived from
// the reply's id, so a retried send is recognisably the same message, and it is returned as the
// external id so the customer's answer to it threads back into the case.
import { createTransport, type Transporter } from 'nodemailer';
import type { Db } from '../../../platform/db/db.ts';
import { isLocale } from '../../../platform/i18n/locales.ts';
import { toHtml } from '../../notifications/deliver.ts';
import { ProviderError, parseProviderConfig } from '../../notifications/providers/index.ts';
import type { ChannelReply, ChannelSender } from '../deliver-replies.ts';
import { emailConfigOf } from './email-config.ts';

// Failures without an SMTP reply that another attempt cannot fix (as for notifications).
const PERMANENT_CODES = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE', 'EREQUIRETLS']);

/** The customer's subject without the reply prefixes and case tags earlier rounds added. */
export function replySubject(original: string, caseNumber: string): string {
  let s = original.replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = s
      .replace(/^(re|fwd?|aw|sv|antw|ответ|отв|رد)\s*(\[\d+\])?\s*:\s*/iu, '')
      .replace(/\s*\[[A-Z]{1,5}X?-\d{4}-\d{6}\]\s*/u, ' ')
      .trim();
    if (next === s) break;
    s = next;
  }
  return `Re: ${s ? `${s} ` : ''}[${caseNumber}]`;
}

export class EmailReplySender implements ChannelSender {
  private readonly transports = new Map<string, { version: number; transport: Transporter }>();

  constructor(
    private readonly db: Db,
    private readonly options: { timeoutMs?: number } = {},
  ) {}

  async send(
    channel: { id: string; orgId: string; config: Record<string, unknown>; address: string | null },
    reply: ChannelReply,
  ): Promise<{ externalId?: string }> {
    const { orgId } = channel;
    if (!channel.address) throw new ProviderError('the e-mail channel has no address to send from', true);
    const thread = await this.db
      .selectFrom('channel_threads as t')
      .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 't.org_id').onRef('c.id', '=', 't.case_id'))
      .select(['t.case_id', 't.customer_id', 'c.subject', 'c.locale'])
      .where('t.org_id', '=', orgId)
      .where('t.channel_id', '=', channel.id)
      .where('t.thread_key', '=', reply.threadKey)
      .executeTakeFirst();
    if (!thread) throw new ProviderError('the e-mail thread of this reply is unknown', true);
    const inbound = this.db
      .selectFrom('case_messages')
      .select(['external_id', 'meta'])
      .where('org_id', '=', orgId)
      .where('case_id', '=', thread.case_id)
      .where('channel_id', '=', channel.id)
      .where('kind', '=', 'inbound')
      .where('external_id', 'is not', null);
    const last = await inbound
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const first = await inbound.orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
    const to = await this.customerEmail(orgId, thread.customer_id, (last?.meta as { from?: string })?.from);
    if (!to) throw new ProviderError('the customer has no e-mail address', true);

    const transport = await this.transport(orgId);
    const domain = channel.address.split('@')[1] ?? 'localhost';
    const messageId = `<${reply.id.replace(/[^\w.-]/g, '-')}@${domain}>`;
    const references = [...new Set([reply.threadKey, last?.external_id].filter((x): x is string => !!x))];
    const subject = (first?.meta as { subject?: string })?.subject || thread.subject;
    const fromName = emailConfigOf(channel.config).fromName;
    try {
      await transport.sendMail({
        from: fromName ? { name: fromName, address: channel.address } : channel.address,
        to,
        subject: replySubject(subject, reply.caseNumber),
        text: reply.body,
        html: toHtml(reply.body, isLocale(thread.locale) ? thread.locale : 'en'),
        messageId,
        ...(last?.external_id && { inReplyTo: last.external_id }),
        references,
      });
    } catch (e) {
      const err = e as { code?: string; permanent?: boolean; responseCode?: number; message?: string };
      const permanent =
        err.permanent ?? ((err.responseCode ?? 0) >= 500 || PERMANENT_CODES.has(err.code ?? ''));
      throw new ProviderError(`SMTP delivery failed: ${err.message ?? String(e)}`, permanent, { cause: e });
    }
    return { externalId: messageId };
  }

  /** The address the customer last wrote from when it is theirs, else their newest e-mail contact. */
  private async customerEmail(orgId: string, customerId: string, lastFrom: string | undefined) {
    const rows = await this.db
      .selectFrom('customer_contacts')
      .select('value')
      .where('org_id', '=', orgId)
      .where('customer_id', '=', customerId)
      .where('kind', '=', 'email')
      .orderBy('created_at', 'desc')
      .execute();
    return rows.find((r) => r.value === lastFrom)?.value ?? rows[0]?.value ?? null;
  }

  /** The org's SMTP relay, built once per version of its e-mail provider settings. */
  private async transport(orgId: string): Promise<Transporter> {
    const row = await this.db
      .selectFrom('notification_providers')
      .select(['config', 'version', 'active'])
      .where('org_id', '=', orgId)
      .where('channel', '=', 'email')
      .executeTakeFirst();
    const cached = this.transports.get(orgId);
    if (cached && (!row?.active || cached.version !== row.version)) {
      this.transports.delete(orgId);
      cached.transport.close();
    }
    // an administrator may still set it up: try again later rather than lose the reply
    if (!row?.active) throw new ProviderError('the organisation has no e-mail provider configured', false);
    if (cached && cached.version === row.version) return cached.transport;
    const parsed = parseProviderConfig(row.config);
    if (!parsed.ok)
      throw new ProviderError(`e-mail provider configuration invalid: ${parsed.problems.join('; ')}`, false);
    const c = parsed.config;
    if (c.kind !== 'smtp') throw new ProviderError(`the e-mail provider is ${c.kind}, not SMTP`, false);
    const timeout = this.options.timeoutMs ?? 30_000;
    const transport = createTransport({
      host: c.host,
      port: c.port,
      secure: c.secure,
      ...(c.user !== undefined && { auth: { user: c.user, pass: c.password ?? '' } }),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    this.transports.set(orgId, { version: row.version, transport });
    return transport;
  }

  async close(): Promise<void> {
    for (const { transport } of this.transports.values()) transport.close();
    this.transports.clear();
  }
}
