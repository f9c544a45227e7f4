// An e-mail channel (and its inbox) for an org, as an administrator would set one up, so tests can
// hand messages to the real ingest use-case.
import { v7 as uuidv7 } from 'uuid';
import type { ChannelRef } from '../../server/src/modules/channels/ingest.ts';
import type { Db } from '../../server/src/platform/db/db.ts';

export async function emailChannel(db: Db, orgId: string, departmentCode: string): Promise<ChannelRef> {
  const dept = await db
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', departmentCode)
    .executeTakeFirstOrThrow();
  const inboxId = uuidv7();
  await db
    .insertInto('inboxes')
    .values({
      org_id: orgId,
      id: inboxId,
      code: `mail-${inboxId.slice(-6)}`,
      name: JSON.stringify({ en: 'Complaints by e-mail' }),
      department_id: dept.id,
    })
    .execute();
  const channel: ChannelRef = { id: uuidv7(), kind: 'email', inboxId, departmentCode };
  await db
    .insertInto('channels')
    .values({
      org_id: orgId,
      id: channel.id,
      code: `mail-${channel.id.slice(-6)}`,
      inbox_id: inboxId,
      kind: 'email',
      config: '{}',
    })
    .execute();
  return channel;
}
