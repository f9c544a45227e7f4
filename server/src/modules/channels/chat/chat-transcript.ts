// A chat's transcript on its case (R-REC-1): each message the visitor and the agents wrote becomes a
// case message keyed by (channel, "chat:<chat>:<seq>"), so copying twice, a retried request or two
// agents clicking at once add nothing. The system's own lines (joined, closed) are case events.
import { DateTime } from 'luxon';
import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../../../platform/db/db.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { t } from '../../../platform/i18n/translate.ts';
import { searchVector } from '../../search/search-vector.ts';
import { type ChatSessionRow, chatMessages, type StoredChatMessage } from './chat.repository.ts';

export const chatExternalId = (chatId: string, seq: number) => `chat:${chatId}:${seq}`;

const KIND = { visitor: 'inbound', agent: 'outbound' } as const;
/** the transcript written into the timeline event; the messages themselves are all kept in full */
const MAX_EVENT_TRANSCRIPT = 20_000;

/** Inserts one chat message as a case message unless it is there already; its id when it was new. */
export async function chatMessageToCase(
  trx: Trx,
  s: Pick<ChatSessionRow, 'org_id' | 'id' | 'channel_id'>,
  caseId: string,
  m: Pick<StoredChatMessage, 'seq' | 'author' | 'authorId' | 'body' | 'at'>,
): Promise<string | null> {
  if (m.author === 'system') return null;
  const id = uuidv7();
  const r = await trx
    .insertInto('case_messages')
    .values({
      org_id: s.org_id,
      case_id: caseId,
      id,
      kind: KIND[m.author],
      channel: 'chat',
      body: m.body,
      author_id: m.author === 'agent' ? m.authorId : null,
      created_at: new Date(m.at),
      search_vector: searchVector(m.body),
      channel_id: s.channel_id,
      external_id: chatExternalId(s.id, m.seq),
      meta: JSON.stringify({ chatId: s.id, seq: m.seq, author: m.author }),
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'channel_id', 'external_id']).where('external_id', 'is not', null).doNothing(),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

/** Copies the whole chat to the case; returns the messages that were new and the transcript as text. */
export async function copyTranscript(
  trx: Trx,
  s: ChatSessionRow,
  caseId: string,
  opts: { timezone: string; locale: Locale },
): Promise<{ added: number; total: number; text: string }> {
  const messages = await chatMessages(trx, s.org_id, s.id);
  let added = 0;
  let total = 0;
  for (const m of messages) {
    if (m.author === 'system') continue;
    total++;
    if (await chatMessageToCase(trx, s, caseId, m)) added++;
  }
  return { added, total, text: transcriptText(s, messages, opts) };
}

/** "14:02 Leyla: …" lines in the org's time zone, for people reading the case timeline. */
export function transcriptText(
  s: Pick<ChatSessionRow, 'visitor_name'>,
  messages: StoredChatMessage[],
  opts: { timezone: string; locale: Locale },
): string {
  const locale = isLocale(opts.locale) ? opts.locale : 'en';
  const visitor = s.visitor_name?.trim() || t(locale, 'chat.visitor');
  const lines: string[] = [];
  for (const m of messages) {
    if (m.author === 'system') continue;
    const time = DateTime.fromISO(m.at, { zone: opts.timezone }).toFormat('HH:mm');
    const who = m.author === 'visitor' ? visitor : (m.authorName ?? '—');
    lines.push(`${time} ${who}: ${m.body}`);
  }
  const text = lines.join('\n');
  return text.length > MAX_EVENT_TRANSCRIPT ? `${text.slice(0, MAX_EVENT_TRANSCRIPT)}…` : text;
}
