// Use-case: register a case from any channel (R-INTAKE-1…6). Guard, then one transaction that
// writes the customer, the case, its first events and the audit rows; nothing is written when
// the input is refused.
import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../../platform/db/db.ts';
import { AppError, validation } from '../../platform/errors.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import type { FormField } from '../../profiles/types.ts';
import { appendAudit } from '../audit/audit.ts';
import { findOrCreateCustomer } from '../customers/customer.repository.ts';
import { noticeForAction, noticeRegistered } from '../notifications/case-notices.ts';
import type { OrgContext } from '../orgs/org.repository.ts';
import { searchVector } from '../search/search-vector.ts';
import { planSlaAtRegistration, startSlaAtRegistration } from '../sla/sla-lifecycle.ts';
import { allocateCaseNumber, appendCaseEvents, newTrackingToken } from './case.repository.ts';
import { type CaseInput, type FormLookups, fieldPath, validateCaseInput } from './case-form.ts';

export interface Registrar {
  /** null when the customer registers through the portal or an unattended channel */
  userId: string | null;
  departmentId: string | null;
}

export interface RegisterOptions {
  /** First-contact resolution: register and communicate the response in one step (R-INTAKE-6). */
  resolveNow?: { response: string; mode?: 'written' | 'verbal'; customerAgreedToVerbal?: boolean };
  now?: Date;
  /** arrived by itself through a channel: see validateCaseInput */
  unattended?: boolean;
  /** send the customer nothing (an automatic message: answering it could start a mail loop) */
  silent?: boolean;
  /** the customer consented to the privacy notice at this instant (portal, app) */
  privacyConsentAt?: Date;
  /**
   * Runs inside the transaction once the case is written, before the audit rows: the audit head
   * stays locked from then until commit, so reads for the response belong here, not after.
   */
  beforeAudit?: (caseId: string) => Promise<void>;
}

export interface FormAndLookups {
  form: { version: number; fields: FormField[] };
  lookups: FormLookups;
}

/** The org's active form and what validating it needs, in one statement. */
export async function loadFormAndLookups(trx: Trx, org: OrgContext): Promise<FormAndLookups> {
  const row = await trx
    .selectNoFrom((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('case_forms')
          .select(['version', 'fields'])
          .where('org_id', '=', org.orgId)
          .where('active', '=', true),
      ).as('form'),
      jsonArrayFrom(
        eb
          .selectFrom('categories')
          .select(['id', 'code', 'active', 'department_id', 'default_priority', 'health_or_safety'])
          .where('org_id', '=', org.orgId),
      ).as('categories'),
      jsonArrayFrom(
        eb.selectFrom('services').select(['id', 'code', 'active']).where('org_id', '=', org.orgId),
      ).as('services'),
    ])
    .executeTakeFirstOrThrow();
  const types = org.settings.caseTypes ?? {};
  return {
    form: row.form
      ? { version: row.form.version, fields: row.form.fields as FormField[] }
      : { version: 0, fields: [] },
    lookups: {
      country: org.country,
      enabledTypes: new Set(
        ['complaint', 'suggestion', 'inquiry', 'compliment'].filter(
          (t) => types[t as keyof typeof types]?.enabled ?? true,
        ),
      ),
      enabledChannels: new Set(org.settings.channels ?? []),
      categories: new Map(row.categories.map((c) => [c.code, c])),
      services: new Map(row.services.map((s) => [s.code, s])),
    },
  };
}

/** The department's accountable lead, else the org's first active customer-service manager. */
async function accountableOwner(trx: Trx, orgId: string, departmentId: string): Promise<string> {
  const row = await trx
    .selectFrom('departments as d')
    .leftJoin('users as u', (j) =>
      j.onRef('u.org_id', '=', 'd.org_id').onRef('u.id', '=', 'd.lead_user_id').on('u.active', '=', true),
    )
    .select('u.id')
    .where('d.org_id', '=', orgId)
    .where('d.id', '=', departmentId)
    .executeTakeFirst();
  if (row?.id) return row.id;
  const manager = await trx
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role_code', 'in', ['cs_manager', 'administrator'])
    .where('active', '=', true)
    .orderBy(sql`role_code = 'cs_manager'`, 'desc')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (!manager) throw new AppError('CONFLICT', { reason: 'no_accountable_owner' });
  return manager.id;
}

export async function defaultDepartmentId(trx: Trx, orgId: string): Promise<string> {
  const row = await trx
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('kind', '=', 'contact_centre')
    .where('active', '=', true)
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', { reason: 'no_contact_centre' });
  return row.id;
}

export async function registerCase(
  trx: Trx,
  org: OrgContext,
  registrar: Registrar,
  input: CaseInput,
  opts: RegisterOptions = {},
): Promise<{ id: string; number: string }> {
  const { form, lookups } = await loadFormAndLookups(trx, org);
  const checked = validateCaseInput(input, form.fields, lookups, { unattended: opts.unattended });
  if (!checked.ok) {
    const labels = new Map(form.fields.map((f) => [fieldPath(f.key), f.label]));
    throw validation(checked.errors.map((e) => ({ ...e, label: labels.get(e.field) })));
  }
  const v = checked.value;
  if (opts.resolveNow) {
    const r = opts.resolveNow;
    if (!r.response?.trim()) throw validation([{ field: 'resolveNow.response', reason: 'required' }]);
    if (r.mode === 'verbal' && !r.customerAgreedToVerbal) {
      throw validation([{ field: 'resolveNow.customerAgreedToVerbal', reason: 'required' }]);
    }
  }

  let departmentId: string;
  if (input.department) {
    const d = await trx
      .selectFrom('departments')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('code', '=', input.department)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!d) throw validation([{ field: 'department', reason: 'not_found' }]);
    departmentId = d.id;
  } else if (opts.resolveNow && registrar.departmentId) {
    departmentId = registrar.departmentId;
  } else {
    departmentId = v.categoryDepartmentId ?? (await defaultDepartmentId(trx, org.orgId));
  }
  // The agent who takes the case on the spot owns it; otherwise the receiving department's lead.
  const ownerId =
    registrar.userId && (opts.resolveNow || registrar.departmentId === departmentId)
      ? registrar.userId
      : await accountableOwner(trx, org.orgId, departmentId);

  const now = opts.now ?? new Date();
  const locale = input.locale && isLocale(input.locale) ? input.locale : org.defaultLocale;
  const customer = await findOrCreateCustomer(
    trx,
    org.orgId,
    { ...v.customer, preferredLocale: locale },
    v.contacts,
  );
  const actorKind: 'user' | 'customer' = registrar.userId ? 'user' : 'customer';
  const status = opts.resolveNow ? 'response_communicated' : 'received';
  const segment = v.customer.segment ?? 'individual';
  const slaCase = {
    orgId: org.orgId,
    departmentId,
    type: v.type,
    priority: v.priority,
    segment,
    channel: v.channel,
    registeredAt: now,
    resolvedNow: Boolean(opts.resolveNow),
    registeredByStaff: registrar.userId !== null,
  };
  const sla = await planSlaAtRegistration(trx, slaCase);

  // Everything is read and decided; from the number on, the org's counter row stays locked until
  // commit, so only writes follow (the audit chain's head, locked last, likewise).
  const number = await allocateCaseNumber(trx, org, now);
  const id = uuidv7();
  const searchParts = [
    number,
    v.subject,
    v.description,
    v.remedySought,
    v.customer.firstName,
    v.customer.lastName,
  ];
  await trx
    .insertInto('cases')
    .values({
      org_id: org.orgId,
      id,
      number,
      tracking_token: newTrackingToken(),
      type: v.type,
      status,
      resume_status: null,
      channel: v.channel,
      priority: v.priority,
      assessment: null,
      category_id: v.categoryId,
      service_id: v.serviceId,
      customer_id: customer.id,
      department_id: departmentId,
      owner_id: ownerId,
      subject: v.subject,
      description: v.description,
      remedy_sought: v.remedySought,
      served_by: v.servedBy,
      form_data: JSON.stringify(v.custom),
      locale,
      first_contact_resolution: Boolean(opts.resolveNow),
      rejection_reason: null,
      created_by: registrar.userId,
      created_at: now,
      updated_at: now,
      acknowledged_at: null,
      response_communicated_at: opts.resolveNow ? now : null,
      closed_at: null,
      segment,
      sla_policy_id: sla?.policyId ?? null,
      ...(opts.privacyConsentAt ? { privacy_consent_at: opts.privacyConsentAt } : {}),
      search_vector: searchVector(...searchParts),
    })
    .execute();
  if (sla) await startSlaAtRegistration(trx, { ...slaCase, caseId: id }, sla);
  const slaPolicyId = sla?.policyId ?? null;
  const events: Parameters<typeof appendCaseEvents>[1] = [
    {
      orgId: org.orgId,
      caseId: id,
      type: 'registered',
      actorId: registrar.userId,
      actorKind,
      at: now,
      toStatus: 'received',
      data: {
        channel: v.channel,
        number,
        departmentId,
        ownerId,
        customerCreated: customer.created,
        slaPolicyId,
      },
    },
  ];
  if (opts.resolveNow) {
    const r = opts.resolveNow;
    const messageId = uuidv7();
    await trx
      .insertInto('case_messages')
      .values({
        org_id: org.orgId,
        case_id: id,
        id: messageId,
        kind: 'outbound',
        channel: v.channel,
        body: r.response,
        author_id: registrar.userId,
        created_at: now,
        search_vector: searchVector(r.response),
      })
      .execute();
    events.push({
      orgId: org.orgId,
      caseId: id,
      type: 'responded',
      actorId: registrar.userId,
      actorKind,
      at: now,
      fromStatus: 'received',
      toStatus: 'response_communicated',
      data: {
        messageId,
        response: r.response,
        mode: r.mode ?? 'written',
        customerAgreedToVerbal: Boolean(r.customerAgreedToVerbal),
        firstContactResolution: true,
      },
    });
  }
  const seqs = await appendCaseEvents(trx, events, true);
  const noticeCase = {
    org_id: org.orgId,
    id,
    number,
    department_id: departmentId,
    category_id: v.categoryId,
    channel: v.channel,
    owner_id: ownerId,
  };
  if (!opts.silent) {
    // a customer created with this case has only the contacts given now
    await noticeRegistered(trx, noticeCase, customer.created ? { locale, contacts: v.contacts } : undefined);
  }
  if (opts.resolveNow) {
    await noticeForAction(trx, noticeCase, 'respond', {
      message: opts.resolveNow.response,
      actorId: registrar.userId,
      seq: String(seqs[seqs.length - 1]),
    });
  }
  await opts.beforeAudit?.(id);
  await appendAudit(trx, [
    ...(customer.created
      ? [
          {
            orgId: org.orgId,
            actorId: registrar.userId,
            actorKind,
            action: 'customer.created',
            entity: 'customer',
            entityId: customer.id,
            data: { contacts: v.contacts.map((c) => c.kind) },
          } as const,
        ]
      : []),
    ...events.map((e) => ({
      orgId: org.orgId,
      actorId: registrar.userId,
      actorKind,
      action: `case.${e.type}`,
      entity: 'case',
      entityId: id,
      data: { number, toStatus: e.toStatus ?? null },
    })),
  ]);
  return { id, number };
}
