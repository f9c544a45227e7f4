// The final written answer of a real case (SPEC R-FLOW-5): everything the letter says comes from the
// database — the case, its customer, the org, and the timeline up to the latest answer.
import type { DbOrTrx } from '../../platform/db/db.ts';
import { isLocale, type Locale, type LocalizedText, pickText } from '../../platform/i18n/locales.ts';
import { getTimeline } from '../cases/case.repository.ts';
import { summarise } from '../cases/case-form.ts';
import { getOrgById } from '../orgs/org.repository.ts';
import { type AnswerLetterStep, renderAnswerLetter } from './letter.ts';
import { TIMELINE_WORDING, type TimelineWording } from './timeline-wording.ts';
import { WORDING } from './wording.ts';

type TimelineEvent = Awaited<ReturnType<typeof getTimeline>>[number];

const text = (data: unknown, key: string): string | undefined => {
  const value = (data as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

const texts = (data: unknown, key: string): string[] => {
  const value = (data as Record<string, unknown> | null)?.[key];
  return Array.isArray(value)
    ? value.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim())
    : [];
};

interface StepContext {
  wording: TimelineWording;
  caseNumber: string;
  departmentName(id: string | undefined): string | undefined;
  longDate(iso: string): string;
}

/** What the customer is told about one timeline event: none, one or several steps, all at its time. */
function stepsOf(e: TimelineEvent, ctx: StepContext): AnswerLetterStep[] {
  const w = ctx.wording;
  const at = new Date(e.at);
  const say = (...lines: string[]) => lines.map((line) => ({ at, text: line }));
  switch (e.type) {
    case 'registered':
      return say(w.registered(ctx.caseNumber));
    case 'acknowledged':
      return say(w.acknowledged);
    case 'assessed':
      return say(w.assessed);
    case 'investigation_started':
      return say(w.investigationStarted);
    case 'information_requested':
      return say(w.informationRequested);
    case 'customer_replied':
      return say(w.customerReplied);
    case 'transferred': {
      const department = ctx.departmentName(text(e.data, 'toDepartmentId'));
      return department ? say(w.transferred(department)) : [];
    }
    case 'sla_extended': {
      const to = text(e.data, 'toDueAt');
      return to ? say(w.extended(ctx.longDate(to), e.reason?.trim() || null)) : [];
    }
    case 'responded':
      // The steps the agent recorded with the answer come before the answer itself.
      return say(
        ...texts(e.data, 'steps'),
        w.responded(text(e.data, 'mode') === 'verbal' ? 'verbal' : 'written'),
      );
    case 'closed':
      return say(w.closed);
    case 'reopened':
      return say(w.reopened);
    case 'objection_raised':
      return say(w.objectionRaised);
    case 'escalated_externally':
      return say(w.escalatedExternally);
    default:
      // Notes, owner changes, supervisor escalations and attachments are internal.
      return [];
  }
}

/**
 * The final written answer of a case as a PDF, in `locale` (default: the case's language), or null when
 * the case has not been answered yet. The letter tells the timeline up to the latest answer, so it
 * comes out the same however often it is built.
 */
export async function buildAnswerLetter(
  db: DbOrTrx,
  orgId: string,
  caseId: string,
  locale?: Locale,
): Promise<{ filename: string; pdf: Buffer } | null> {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', (j) =>
      j.onRef('cu.org_id', '=', 'c.org_id').onRef('cu.id', '=', 'c.customer_id'),
    )
    .innerJoin('users as o', (j) => j.onRef('o.org_id', '=', 'c.org_id').onRef('o.id', '=', 'c.owner_id'))
    .select([
      'c.number',
      'c.subject',
      'c.description',
      'c.locale',
      'c.created_at',
      'cu.kind as customer_kind',
      'cu.first_name',
      'cu.patronymic',
      'cu.last_name',
      'cu.business_name',
      'o.display_name as owner_name',
    ])
    .where('c.org_id', '=', orgId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const timeline = await getTimeline(db, orgId, caseId);
  const answerAt = timeline.findLastIndex((e) => e.type === 'responded');
  if (answerAt < 0) return null;
  const answer = timeline[answerAt]!;
  const told = timeline.slice(0, answerAt + 1);

  const org = await getOrgById(db, orgId);
  if (!org) return null;
  const lang: Locale = locale ?? (isLocale(row.locale) ? row.locale : org.defaultLocale);
  const wording = TIMELINE_WORDING[lang];

  const departmentIds = [
    ...new Set(told.flatMap((e) => (e.type === 'transferred' ? [text(e.data, 'toDepartmentId')] : []))),
  ].filter((id): id is string => id !== undefined);
  const departments = departmentIds.length
    ? await db
        .selectFrom('departments')
        .select(['id', 'name'])
        .where('org_id', '=', orgId)
        .where('id', 'in', departmentIds)
        .execute()
    : [];
  const departmentNames = new Map(
    departments.map((d) => [d.id, pickText(d.name as LocalizedText, lang, org.defaultLocale)]),
  );
  const longDate = new Intl.DateTimeFormat(WORDING[lang].dateLocale, {
    dateStyle: 'long',
    timeZone: org.timezone,
  });

  const steps = told.flatMap((e) =>
    stepsOf(e, {
      wording,
      caseNumber: row.number,
      departmentName: (id) => (id ? departmentNames.get(id) || undefined : undefined),
      longDate: (iso) => longDate.format(new Date(iso)),
    }),
  );
  const customerName =
    (row.customer_kind === 'business'
      ? row.business_name
      : [row.first_name, row.patronymic, row.last_name].filter((p) => p?.trim()).join(' ')) ||
    row.business_name ||
    wording.unnamedCustomer;

  const pdf = await renderAnswerLetter({
    locale: lang,
    org: { name: pickText(org.name, lang, org.defaultLocale) || org.slug },
    caseNumber: row.number,
    registeredAt: row.created_at,
    answeredAt: new Date(answer.at),
    timeZone: org.timezone,
    customerName,
    // Registration summarises a missing subject; rows from before that rule may still have none.
    subject: row.subject.trim() || summarise(row.description.trim()),
    result: text(answer.data, 'message') ?? text(answer.data, 'response') ?? '',
    steps,
    agentName: answer.actor.name ?? row.owner_name,
  });
  return { filename: `${row.number}.pdf`, pdf };
}
