import { v7 as uuidv7 } from 'uuid';
import type { DbOrTrx, Trx } from '../../platform/db/db.ts';

/** How a customer can be found again; `telegram` and `messenger` are the platforms' user ids. */
export type ContactKind = 'phone' | 'email' | 'national_id' | 'account_id' | 'telegram' | 'messenger';
export interface ContactValue {
  kind: ContactKind;
  value: string;
}

export interface CustomerDetails {
  kind: 'person' | 'business';
  firstName?: string | null;
  lastName?: string | null;
  patronymic?: string | null;
  businessName?: string | null;
  segment: 'individual' | 'business_owner';
  preferredLocale?: string | null;
}

// Strongest identifiers first: a national id outranks a shared family phone.
const PRIORITY: ContactKind[] = ['national_id', 'account_id', 'phone', 'email'];

async function customerByContact(
  db: DbOrTrx,
  orgId: string,
  contacts: ContactValue[],
): Promise<string | null> {
  if (!contacts.length) return null;
  const rows = await db
    .selectFrom('customer_contacts as cc')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.org_id', '=', 'cc.org_id').onRef('c.id', '=', 'cc.customer_id'),
    )
    .select(['cc.kind', 'c.id', 'c.merged_into_id'])
    .where('cc.org_id', '=', orgId)
    .where((eb) =>
      eb.or(contacts.map((c) => eb.and([eb('cc.kind', '=', c.kind), eb('cc.value', '=', c.value)]))),
    )
    .execute();
  rows.sort((a, b) => PRIORITY.indexOf(a.kind as ContactKind) - PRIORITY.indexOf(b.kind as ContactKind));
  const row = rows[0];
  return row ? (row.merged_into_id ?? row.id) : null;
}

/**
 * Returns the customer who owns any of these contacts, or creates one. Safe under concurrency:
 * the contact's primary key decides which of two simultaneous creations wins, and the loser
 * uses the winner's customer.
 */
export async function findOrCreateCustomer(
  trx: Trx,
  orgId: string,
  details: CustomerDetails,
  contacts: ContactValue[],
): Promise<{ id: string; created: boolean }> {
  const existing = await customerByContact(trx, orgId, contacts);
  if (existing) {
    await addContacts(trx, orgId, existing, contacts);
    await fillMissingDetails(trx, orgId, existing, details);
    return { id: existing, created: false };
  }
  const id = uuidv7();
  await trx
    .insertInto('customers')
    .values({
      org_id: orgId,
      id,
      kind: details.kind,
      first_name: details.firstName ?? null,
      last_name: details.lastName ?? null,
      patronymic: details.patronymic ?? null,
      business_name: details.businessName ?? null,
      segment: details.segment,
      preferred_locale: details.preferredLocale ?? null,
      merged_into_id: null,
    })
    .execute();
  const claimed = await addContacts(trx, orgId, id, contacts);
  if (contacts.length && claimed < contacts.length) {
    // Someone registered the same contact at the same moment: use their customer.
    const winner = await customerByContact(trx, orgId, contacts);
    if (winner && winner !== id) {
      await trx
        .deleteFrom('customer_contacts')
        .where('org_id', '=', orgId)
        .where('customer_id', '=', id)
        .execute();
      await trx.deleteFrom('customers').where('org_id', '=', orgId).where('id', '=', id).execute();
      await addContacts(trx, orgId, winner, contacts);
      return { id: winner, created: false };
    }
  }
  return { id, created: true };
}

async function addContacts(
  trx: Trx,
  orgId: string,
  customerId: string,
  contacts: ContactValue[],
): Promise<number> {
  if (!contacts.length) return 0;
  const res = await trx
    .insertInto('customer_contacts')
    .values(contacts.map((c) => ({ org_id: orgId, customer_id: customerId, kind: c.kind, value: c.value })))
    .onConflict((oc) => oc.columns(['org_id', 'kind', 'value']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

async function fillMissingDetails(trx: Trx, orgId: string, id: string, d: CustomerDetails): Promise<void> {
  // Only fill blanks: a later call must not overwrite what the customer gave before.
  await trx
    .updateTable('customers')
    .set((eb) => ({
      first_name: eb.fn.coalesce('first_name', eb.val(d.firstName ?? null)),
      last_name: eb.fn.coalesce('last_name', eb.val(d.lastName ?? null)),
      patronymic: eb.fn.coalesce('patronymic', eb.val(d.patronymic ?? null)),
      business_name: eb.fn.coalesce('business_name', eb.val(d.businessName ?? null)),
      preferred_locale: eb.fn.coalesce('preferred_locale', eb.val(d.preferredLocale ?? null)),
      updated_at: new Date(),
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function getCustomer(db: DbOrTrx, orgId: string, id: string) {
  const customer = await db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!customer) return null;
  const contacts = await db
    .selectFrom('customer_contacts')
    .select(['kind', 'value'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', id)
    .orderBy('kind')
    .execute();
  const services = await db
    .selectFrom('customer_services as cs')
    .innerJoin('services as s', (j) =>
      j.onRef('s.org_id', '=', 'cs.org_id').onRef('s.id', '=', 'cs.service_id'),
    )
    .select(['s.id', 's.code', 's.name', 'cs.account_ref'])
    .where('cs.org_id', '=', orgId)
    .where('cs.customer_id', '=', id)
    .execute();
  return { customer, contacts, services };
}

export async function findCustomerIdByContact(db: DbOrTrx, orgId: string, contact: ContactValue) {
  return customerByContact(db, orgId, [contact]);
}

/** Moves contacts, services and cases of `sourceId` to `targetId`; the source stays as a pointer. */
export async function mergeCustomerRows(trx: Trx, orgId: string, sourceId: string, targetId: string) {
  await trx
    .updateTable('customer_contacts')
    .set({ customer_id: targetId })
    .where('org_id', '=', orgId)
    .where('customer_id', '=', sourceId)
    .execute();
  await trx
    .insertInto('customer_services')
    .columns(['org_id', 'customer_id', 'service_id', 'account_ref'])
    .expression((eb) =>
      eb
        .selectFrom('customer_services')
        .select(['org_id', eb.val(targetId).as('customer_id'), 'service_id', 'account_ref'])
        .where('org_id', '=', orgId)
        .where('customer_id', '=', sourceId),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trx
    .deleteFrom('customer_services')
    .where('org_id', '=', orgId)
    .where('customer_id', '=', sourceId)
    .execute();
  const moved = await trx
    .updateTable('cases')
    .set({ customer_id: targetId })
    .where('org_id', '=', orgId)
    .where('customer_id', '=', sourceId)
    .executeTakeFirst();
  await trx
    .updateTable('customers')
    .set({ merged_into_id: targetId, updated_at: new Date() })
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('id', '=', sourceId), eb('merged_into_id', '=', sourceId)]))
    .execute();
  return Number(moved.numUpdatedRows);
}
