// The case as the customer sees it on the portal or in the app, after the one-time code: status in
// customer words, the customer-visible stages, the expected resolution date, the final answer and
// whether we wait on them. No staff names, notes, owners or departments.
import type { DbOrTrx } from '../../platform/db/db.ts';
import type { DateForPeople } from '../../platform/i18n/dates.ts';
import { type Locale, type LocalizedText, pickText } from '../../platform/i18n/locales.ts';
import { t } from '../../platform/i18n/translate.ts';
import { type CaseStatus, isOpen } from '../cases/case-status.ts';
import type { OrgContext } from '../orgs/org.repository.ts';
import {
  CUSTOMER_STATUS,
  type CustomerEvent,
  type CustomerStatus,
  customerHistory,
  finalAnswer,
  pendingQuestion,
} from './customer-view.ts';
import { timelineRows } from './portal.repository.ts';
import { dateForPeople, expectedResolution } from './portal-dates.ts';

export interface CustomerCaseView {
  number: string;
  type: { code: string; name: string };
  channel: string;
  registeredAt: string;
  /** `code` is the customer-facing status; `internal` the lifecycle status it stands for */
  status: { code: CustomerStatus; label: string; internal: CaseStatus };
  subject: string;
  description: string;
  category: string | null;
  service: string | null;
  /** while the case is open: the date promised, Hijri beside it where the org enables it */
  expectedResolutionAt: string | null;
  expectedResolution: DateForPeople | null;
  informationRequest: { pending: boolean; question: string | null };
  answer: { text: string; at: string; steps: string[] } | null;
  history: (CustomerEvent & { label: string; newDate?: DateForPeople })[];
}

export async function getCustomerCaseView(
  db: DbOrTrx,
  org: OrgContext,
  caseId: string,
  locale: Locale,
  now = new Date(),
): Promise<CustomerCaseView | null> {
  const c = await db
    .selectFrom('cases as c')
    .leftJoin('categories as cat', (j) =>
      j.onRef('cat.org_id', '=', 'c.org_id').onRef('cat.id', '=', 'c.category_id'),
    )
    .leftJoin('services as s', (j) => j.onRef('s.org_id', '=', 'c.org_id').onRef('s.id', '=', 'c.service_id'))
    .select([
      'c.id',
      'c.number',
      'c.type',
      'c.channel',
      'c.status',
      'c.subject',
      'c.description',
      'c.created_at',
      'cat.name as category_name',
      's.name as service_name',
    ])
    .where('c.org_id', '=', org.orgId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!c) return null;
  const status = c.status as CaseStatus;
  const history = customerHistory(await timelineRows(db, org.orgId, caseId));
  const expected = isOpen(status) ? await expectedResolution(db, org, caseId, locale, now) : null;
  const question = pendingQuestion(status, history);
  const name = (v: unknown) => (v ? pickText(v as LocalizedText, locale, org.defaultLocale) : null);
  const code = CUSTOMER_STATUS[status];
  return {
    number: c.number,
    type: {
      code: c.type,
      name:
        name(org.settings.caseTypes?.[c.type as keyof NonNullable<typeof org.settings.caseTypes>]?.name) ??
        c.type,
    },
    channel: c.channel,
    registeredAt: c.created_at.toISOString(),
    status: { code, label: t(locale, `portal.status.${code}`), internal: status },
    subject: c.subject,
    description: c.description,
    category: name(c.category_name),
    service: name(c.service_name),
    expectedResolutionAt: expected?.at ?? null,
    expectedResolution: expected?.date ?? null,
    informationRequest: { pending: status === 'waiting_on_customer', question },
    answer: finalAnswer(history),
    history: history.map((e) => ({
      ...e,
      label: t(locale, `portal.event.${e.type}`),
      ...(e.newDueAt ? { newDate: dateForPeople(org, locale, new Date(e.newDueAt)) } : {}),
    })),
  };
}
