// Replies an agent writes on a case that came by web chat (POST /cases/{id}/replies → channel
// outbox → worker): each becomes a line of the chat, pushed to the visitor's open socket by the
// chat hub, or read by the widget at its next connection. The thread key is the chat's id.
import type { Db } from '../../../platform/db/db.ts';
import { ProviderError } from '../../notifications/providers/index.ts';
import type { ChannelReply, ChannelSender } from '../deliver-replies.ts';
import { insertChatMessage, lockSession, noticeOf } from './chat.repository.ts';
import { changeChats } from './chat-hub.ts';
import { chatExternalId } from './chat-transcript.ts';

export class WebChatSender implements ChannelSender {
  constructor(
    private readonly db: Db,
    private readonly now = () => new Date(),
  ) {}

  async send(channel: { id: string; orgId: string }, reply: ChannelReply): Promise<{ externalId?: string }> {
    return changeChats(this.db, async (trx, notify) => {
      const s = await lockSession(trx, channel.orgId, reply.threadKey);
      if (!s || s.channel_id !== channel.id)
        throw new ProviderError('the chat of this case no longer exists', true);
      // a retried delivery (the worker stopped after this committed) finds its line already written
      const written = await trx
        .selectFrom('case_messages')
        .select(['author_id', 'external_id'])
        .where('org_id', '=', channel.orgId)
        .where('id', '=', reply.id)
        .forUpdate()
        .executeTakeFirst();
      if (written?.external_id) return { externalId: written.external_id };
      const m = await insertChatMessage(trx, s, {
        author: 'agent',
        authorId: written?.author_id ?? null,
        body: reply.body,
        at: this.now(),
      });
      const externalId = chatExternalId(s.id, m.seq);
      await trx
        .updateTable('case_messages')
        .set({ external_id: externalId })
        .where('org_id', '=', channel.orgId)
        .where('id', '=', reply.id)
        .execute();
      await notify(noticeOf(s, 'message'));
      return { externalId };
    });
  }
}
