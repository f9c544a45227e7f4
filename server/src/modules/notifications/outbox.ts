// The notification outbox: use-cases write rows here in the same transaction as the change they
// announce; a job delivers them after commit. A dedupe key per event occurrence makes emitting
// idempotent, so code that runs twice (a retried job, a re-evaluated timer) never sends twice.
import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../../platform/db/db.ts';

export type NotificationChannel = 'sms' | 'email';

export interface CustomerNotice {
  orgId: string;
  caseId: string;
  event: string;
  variables: Record<string, unknown>;
  /** unique per occurrence of the event, e.g. `extended:<caseId>:2` */
  dedupeKey: string;
  /** restrict to these channels (default: every contact the customer has) */
  channels?: NotificationChannel[];
  /**
   * The case's language and the customer's contacts, when the caller knows them already (a
   * customer created with this very case has no others); read from the database otherwise.
   */
  known?: { locale: string; contacts: { kind: string; value: string }[] };
}

/** Queues a customer notification on every channel the customer can be reached by. */
export async function enqueueCustomerNotice(trx: Trx, n: CustomerNotice): Promise<number> {
  const { locale, contacts } = n.known ?? (await recipientsOf(trx, n.orgId, n.caseId));
  const wanted = n.channels ?? ['sms', 'email'];
  const rows: { channel: NotificationChannel; recipient: string }[] = [];
  const phone = contacts.find((x) => x.kind === 'phone');
  const email = contacts.find((x) => x.kind === 'email');
  if (phone && wanted.includes('sms')) rows.push({ channel: 'sms', recipient: phone.value });
  if (email && wanted.includes('email')) rows.push({ channel: 'email', recipient: email.value });
  return insertNotifications(
    trx,
    rows.map((r) => ({
      ...r,
      orgId: n.orgId,
      caseId: n.caseId,
      event: n.event,
      audience: 'customer' as const,
      locale,
      variables: n.variables,
      dedupeKey: n.dedupeKey,
    })),
  );
}

async function recipientsOf(trx: Trx, orgId: string, caseId: string) {
  const c = await trx
    .selectFrom('cases as c')
    .innerJoin('customers as cu', (j) =>
      j.onRef('cu.org_id', '=', 'c.org_id').onRef('cu.id', '=', 'c.customer_id'),
    )
    .select(['c.customer_id', 'c.locale', 'cu.preferred_locale'])
    .where('c.org_id', '=', orgId)
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const contacts = await trx
    .selectFrom('customer_contacts')
    .select(['kind', 'value'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', c.customer_id)
    .where('kind', 'in', ['phone', 'email'])
    .orderBy('created_at')
    .execute();
  return { locale: c.locale ?? c.preferred_locale, contacts };
}

export interface StaffNotice {
  orgId: string;
  caseId: string | null;
  event: string;
  userIds: string[];
  variables: Record<string, unknown>;
  dedupeKey: string;
}

/** Queues an e-mail to each of these staff members, in their own language. */
export async function enqueueStaffNotice(trx: Trx, n: StaffNotice): Promise<number> {
  return enqueueStaffNotices(trx, [n]);
}

/** The same for many notices (of one org or several) in two statements, as the SLA sweep sends them. */
export async function enqueueStaffNotices(trx: Trx, notices: StaffNotice[]): Promise<number> {
  const wanted = notices.filter((n) => n.userIds.length);
  if (!wanted.length) return 0;
  const users = await trx
    .selectFrom('users')
    .select(['org_id', 'id', 'email', 'locale'])
    .where((eb) =>
      eb(
        eb.refTuple('org_id', 'id'),
        'in',
        wanted.flatMap((n) => n.userIds.map((id) => eb.tuple(n.orgId, id))),
      ),
    )
    .where('active', '=', true)
    .execute();
  const byKey = new Map(users.map((u) => [`${u.org_id}:${u.id}`, u]));
  return insertNotifications(
    trx,
    wanted.flatMap((n) =>
      [...new Set(n.userIds)].flatMap((id) => {
        const u = byKey.get(`${n.orgId}:${id}`);
        return u
          ? [
              {
                orgId: n.orgId,
                caseId: n.caseId,
                event: n.event,
                audience: 'staff' as const,
                channel: 'email' as const,
                recipient: u.email,
                locale: u.locale,
                variables: n.variables,
                dedupeKey: `${n.dedupeKey}:${u.id}`,
              },
            ]
          : [];
      }),
    ),
  );
}

async function insertNotifications(
  trx: Trx,
  rows: {
    orgId: string;
    caseId: string | null;
    event: string;
    audience: 'customer' | 'staff';
    channel: NotificationChannel;
    recipient: string;
    locale: string;
    variables: Record<string, unknown>;
    dedupeKey: string;
  }[],
): Promise<number> {
  if (!rows.length) return 0;
  const res = await trx
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        org_id: r.orgId,
        id: uuidv7(),
        case_id: r.caseId,
        event: r.event,
        audience: r.audience,
        channel: r.channel,
        recipient: r.recipient,
        locale: r.locale,
        variables: JSON.stringify(r.variables),
        dedupe_key: r.dedupeKey,
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'dedupe_key', 'channel']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}
