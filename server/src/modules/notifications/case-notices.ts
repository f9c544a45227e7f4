// Which customer messages a case's lifecycle sends (R-INTAKE-4, R-FLOW-5, -6, R-QA-4), queued in
// the outbox inside the same transaction as the change. Variables hold raw values (ISO instants,
// ids); the delivery job writes dates and links for the reader when it renders the template.
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../../platform/db/db.ts';
import type { CaseAction } from '../cases/case-status.ts';
import { type CustomerNotice, enqueueCustomerNotice } from './outbox.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NoticeCase {
  org_id: string;
  id: string;
  number: string;
  department_id: string;
  category_id: string | null;
  channel: string;
  owner_id: string;
}

/** After registration: the number (and the tracking link) by SMS at once, and by e-mail. */
export async function noticeRegistered(
  trx: Trx,
  c: Pick<NoticeCase, 'org_id' | 'id' | 'number'>,
  known?: CustomerNotice['known'],
) {
  await enqueueCustomerNotice(trx, {
    orgId: c.org_id,
    caseId: c.id,
    event: 'registered',
    variables: { caseNumber: c.number },
    dedupeKey: `registered:${c.id}`,
    ...(known ? { known } : {}),
  });
}

/** After a lifecycle action; `seq` makes the key unique per occurrence (an action may repeat). */
export async function noticeForAction(
  trx: Trx,
  c: NoticeCase,
  action: CaseAction,
  data: { message?: string | null; steps?: string[]; actorId: string | null; seq: string },
): Promise<void> {
  const base = { orgId: c.org_id, caseId: c.id };
  const key = (event: string) => `${event}:${c.id}:${data.seq}`;
  switch (action) {
    case 'acknowledge':
      await enqueueCustomerNotice(trx, {
        ...base,
        event: 'acknowledged',
        variables: { caseNumber: c.number },
        dedupeKey: key('acknowledged'),
      });
      return;
    case 'request_information':
      await enqueueCustomerNotice(trx, {
        ...base,
        event: 'info_requested',
        variables: { caseNumber: c.number, question: data.message ?? '' },
        dedupeKey: key('info_requested'),
      });
      return;
    case 'respond': {
      await enqueueCustomerNotice(trx, {
        ...base,
        event: 'resolved',
        variables: { caseNumber: c.number, result: data.message ?? '', steps: (data.steps ?? []).join('\n') },
        dedupeKey: key('resolved'),
      });
      const token = await createSurvey(trx, c, data.actorId);
      await enqueueCustomerNotice(trx, {
        ...base,
        event: 'survey',
        variables: { caseNumber: c.number, surveyToken: token },
        dedupeKey: key('survey'),
        channels: ['sms'],
      });
      return;
    }
    case 'close':
      await enqueueCustomerNotice(trx, {
        ...base,
        event: 'closed',
        variables: { caseNumber: c.number },
        dedupeKey: key('closed'),
      });
      return;
    default:
      return;
  }
}

/**
 * A survey for this resolution, fixed to who and what it rates. The link's token is stored only as
 * a hash; the raw token travels in the survey message's variables.
 */
export async function createSurvey(trx: Trx, c: NoticeCase, agentId: string | null): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  await trx
    .insertInto('surveys')
    .values({
      org_id: c.org_id,
      id: uuidv7(),
      case_id: c.id,
      token_hash: hashToken(token),
      agent_id: agentId ?? c.owner_id,
      department_id: c.department_id,
      category_id: c.category_id,
      channel: c.channel,
    })
    .execute();
  return token;
}
