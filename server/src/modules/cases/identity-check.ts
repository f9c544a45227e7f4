// Use-cases (R-REC-3, HRDF): before a caller's personal data is shown, the agent records which
// identifying questions the caller answered. The check is a timeline event and an audit row; it
// unmasks the customer of that case for that agent only, and only for a few hours, so a record
// left open on a desk does not stay readable for the next caller.
import type { DbOrTrx, Trx } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import type { LocalizedText } from '../../platform/i18n/locales.ts';
import { type Actor, can, canReadCase } from '../access/permissions.ts';
import { appendAudit } from '../audit/audit.ts';
import { maskPhone } from '../customers/contacts.ts';
import { appendCaseEvents, lockCase } from './case.repository.ts';

/** What an agent may ask a caller to prove who they are; the answers themselves are never stored. */
export const IDENTITY_QUESTIONS = [
  'national_id',
  'date_of_birth',
  'registered_phone',
  'account_number',
  'address',
] as const;
export type IdentityQuestion = (typeof IDENTITY_QUESTIONS)[number];

export const MIN_IDENTITY_QUESTIONS = 2;
/** How long one check unmasks the customer for the agent who made it. */
export const IDENTITY_CHECK_VALID_MS = 4 * 60 * 60 * 1000;

const QUESTIONS_LABEL: LocalizedText = {
  en: 'Identification questions answered',
  ar: 'أسئلة التحقق التي أجاب عنها المتصل',
  ru: 'Вопросы для проверки личности, на которые ответил клиент',
  kk: 'Клиент жауап берген жеке басын растау сұрақтары',
  az: 'Zəng edənin cavab verdiyi eyniləşdirmə sualları',
};

export interface CustomerDetailsView {
  id: string;
  kind: string;
  segment: string;
  /** true when the values below are unmasked */
  verified: boolean;
  /** the organisation asks for an identity check before showing personal data */
  identityCheckRequired: boolean;
  /** when this agent's last check on this case stops unmasking, if it still does */
  verifiedUntil: string | null;
  firstName: string | null;
  lastName: string | null;
  patronymic: string | null;
  businessName: string | null;
  phones: string[];
  emails: string[];
  nationalId: string | null;
  accountId: string | null;
}

async function readableCase(db: DbOrTrx, actor: Actor, caseId: string) {
  const c = await db
    .selectFrom('cases')
    .select(['id', 'number', 'customer_id', 'department_id', 'owner_id'])
    .where('org_id', '=', actor.orgId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c || !canReadCase(actor, c)) throw notFound();
  return c;
}

export async function recordIdentityCheck(
  trx: Trx,
  actor: Actor,
  caseId: string,
  questions: string[],
  now = new Date(),
): Promise<{ verifiedUntil: string }> {
  if (!can(actor, 'cases:work')) throw new AppError('FORBIDDEN');
  const asked = [...new Set(questions ?? [])];
  const unknown = asked.findIndex((q) => !(IDENTITY_QUESTIONS as readonly string[]).includes(q));
  if (unknown >= 0) {
    throw validation([{ field: 'questions', reason: 'invalid_value', label: QUESTIONS_LABEL }]);
  }
  if (asked.length < MIN_IDENTITY_QUESTIONS) {
    throw validation([
      {
        field: 'questions',
        reason: 'out_of_range',
        params: { min: MIN_IDENTITY_QUESTIONS, max: IDENTITY_QUESTIONS.length },
        label: QUESTIONS_LABEL,
      },
    ]);
  }
  const c = await lockCase(trx, actor.orgId, caseId);
  if (!c || !canReadCase(actor, c)) throw notFound();
  // in the order of the fixed list, so the timeline and the audit read the same whatever was ticked first
  const answered = IDENTITY_QUESTIONS.filter((q) => asked.includes(q));
  await appendCaseEvents(trx, [
    {
      orgId: actor.orgId,
      caseId,
      type: 'identity_verified',
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      data: { questions: answered },
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorKind: 'user',
      action: 'case.identity_verified',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, customerId: c.customer_id, questions: answered },
    },
  ]);
  return { verifiedUntil: new Date(now.getTime() + IDENTITY_CHECK_VALID_MS).toISOString() };
}

/** First letter, then dots: enough to tell two callers apart, not to know who they are. */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const first = [...name.trim()][0] ?? '';
  return `${first}•••`;
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${[...local][0] ?? ''}•••@${[...domain][0] ?? ''}•••${tld}`;
}

export function maskIdentifier(value: string): string {
  if (value.length <= 2) return '•'.repeat(value.length);
  return '•'.repeat(Math.min(value.length - 2, 8)) + value.slice(-2);
}

/**
 * The customer of a case for this agent: unmasked when the organisation does not require an
 * identity check, or when this agent checked the caller's identity on this case recently enough.
 */
export async function customerForAgent(
  db: DbOrTrx,
  actor: Actor,
  caseId: string,
  now = new Date(),
): Promise<CustomerDetailsView> {
  const c = await readableCase(db, actor, caseId);
  const [org, customer, contacts, lastCheck] = await Promise.all([
    db.selectFrom('orgs').select('settings').where('org_id', '=', actor.orgId).executeTakeFirstOrThrow(),
    db
      .selectFrom('customers')
      .select(['id', 'kind', 'segment', 'first_name', 'last_name', 'patronymic', 'business_name'])
      .where('org_id', '=', actor.orgId)
      .where('id', '=', c.customer_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('customer_contacts')
      .select(['kind', 'value'])
      .where('org_id', '=', actor.orgId)
      .where('customer_id', '=', c.customer_id)
      .orderBy('kind')
      .orderBy('value')
      .execute(),
    db
      .selectFrom('case_events')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('org_id', '=', actor.orgId)
      .where('case_id', '=', caseId)
      .where('type', '=', 'identity_verified')
      .where('actor_id', '=', actor.userId)
      .executeTakeFirst(),
  ]);
  const required = Boolean((org.settings as { requireIdentityCheck?: boolean } | null)?.requireIdentityCheck);
  const checkedAt = lastCheck?.at ? new Date(lastCheck.at as Date | string) : null;
  const until = checkedAt ? new Date(checkedAt.getTime() + IDENTITY_CHECK_VALID_MS) : null;
  const fresh = until !== null && until > now && checkedAt !== null && checkedAt <= now;
  const verified = !required || fresh;
  const values = (kind: string) => contacts.filter((x) => x.kind === kind).map((x) => x.value);
  const phones = values('phone');
  const emails = values('email');
  const nationalId = values('national_id')[0] ?? null;
  const accountId = values('account_id')[0] ?? null;
  return {
    id: customer.id,
    kind: customer.kind,
    segment: customer.segment,
    verified,
    identityCheckRequired: required,
    verifiedUntil: fresh && until ? until.toISOString() : null,
    firstName: verified ? customer.first_name : maskName(customer.first_name),
    lastName: verified ? customer.last_name : maskName(customer.last_name),
    patronymic: verified ? customer.patronymic : maskName(customer.patronymic),
    // an establishment's name is on the public commercial register, not the caller's personal data
    businessName: customer.business_name,
    phones: verified ? phones : phones.map(maskPhone),
    emails: verified ? emails : emails.map(maskEmail),
    nationalId: verified || !nationalId ? nationalId : maskIdentifier(nationalId),
    accountId: verified || !accountId ? accountId : maskIdentifier(accountId),
  };
}
