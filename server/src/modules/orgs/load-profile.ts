// Loads a policy profile as a new organisation: roles, departments, services, categories, the
// approved form, staff, and (for demos) sample cases walked through the real use-cases.
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/db.ts';
import { PROFILE_SLA_POLICIES } from '../../profiles/sla-policies.ts';
import type { PolicyProfile } from '../../profiles/types.ts';
import { actorFor, hashPassword } from '../access/auth.ts';
import { DEFAULT_ROLE_PERMISSIONS, ROLE_CODES } from '../access/permissions.ts';
import { appendAudit } from '../audit/audit.ts';
import { orgStartingCalendar } from '../calendar/profiles.ts';
import { applyCaseAction } from '../cases/case-actions.ts';
import { registerCase } from '../cases/register-case.ts';
import { calendarForDepartment, listPolicies, policyColumns } from '../sla/sla.repository.ts';
import { matchPolicy } from '../sla/sla-policy.ts';
import { type DemoAge, demoRegistrationTime } from './demo-timing.ts';
import { getOrgById, getOrgBySlug } from './org.repository.ts';

const ROLE_NAMES: Record<string, Record<string, string>> = {
  administrator: {
    en: 'Administrator',
    ar: 'مسؤول النظام',
    ru: 'Администратор',
    kk: 'Әкімші',
    az: 'Administrator',
  },
  cs_manager: {
    en: 'Customer-service manager',
    ar: 'مدير خدمة العملاء',
    ru: 'Руководитель службы клиентов',
    kk: 'Клиенттерге қызмет көрсету басшысы',
    az: 'Müştəri xidmətləri meneceri',
  },
  supervisor: { en: 'Supervisor', ar: 'مشرف', ru: 'Супервайзер', kk: 'Супервайзер', az: 'Supervayzer' },
  agent: { en: 'Agent', ar: 'موظف خدمة العملاء', ru: 'Оператор', kk: 'Оператор', az: 'Operator' },
  qa_officer: {
    en: 'Quality officer',
    ar: 'مسؤول الجودة',
    ru: 'Специалист по качеству',
    kk: 'Сапа маманы',
    az: 'Keyfiyyət mütəxəssisi',
  },
  follow_up_officer: {
    en: 'Follow-up officer',
    ar: 'موظف المتابعة',
    ru: 'Специалист сопровождения',
    kk: 'Сүйемелдеу маманы',
    az: 'İzləmə mütəxəssisi',
  },
  after_sales_agent: {
    en: 'After-sales agent',
    ar: 'موظف خدمة ما بعد البيع',
    ru: 'Специалист послепродажного обслуживания',
    kk: 'Сатудан кейінгі қызмет маманы',
    az: 'Satış sonrası xidmət əməkdaşı',
  },
  department_staff: {
    en: 'Department staff',
    ar: 'موظف القسم',
    ru: 'Сотрудник отдела',
    kk: 'Бөлім қызметкері',
    az: 'Şöbə əməkdaşı',
  },
  finance: { en: 'Finance', ar: 'المالية', ru: 'Финансы', kk: 'Қаржы', az: 'Maliyyə' },
  auditor: { en: 'Auditor', ar: 'مدقق', ru: 'Аудитор', kk: 'Аудитор', az: 'Auditor' },
};

/** The example calendar each policy starts from (a copy of a profile under another slug keeps it). */
const CALENDAR_OF: Record<PolicyProfile['policyId'], string> = {
  UM: 'umniah',
  JM: 'jusan-mobile',
  PH: 'sawa',
  HR: 'hrdf',
  KH: 'kontakt-home',
};

export interface LoadedProfile {
  orgId: string;
  slug: string;
  created: boolean;
  users: { email: string; role: string }[];
}

export async function loadProfile(
  db: Db,
  profile: PolicyProfile,
  opts: { password: string; withSampleCases?: boolean },
): Promise<LoadedProfile> {
  const existing = await getOrgBySlug(db, profile.slug);
  if (existing) return { orgId: existing.orgId, slug: profile.slug, created: false, users: [] };
  const orgId = uuidv7();
  const passwordHash = await hashPassword(opts.password);
  const deptIds = new Map(profile.departments.map((d) => [d.code, uuidv7()]));
  const userIds = new Map(profile.users.map((u) => [u.email, uuidv7()]));
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('orgs')
      .values({
        org_id: orgId,
        slug: profile.slug,
        case_prefix: profile.casePrefix,
        name: JSON.stringify(profile.name),
        country: profile.country,
        default_locale: profile.defaultLocale,
        locales: profile.locales,
        timezone: profile.timezone,
        settings: JSON.stringify({
          caseTypes: profile.caseTypes,
          channels: profile.channels,
          hijri: profile.hijri,
          policyId: profile.policyId,
        }),
      })
      .execute();
    await trx
      .insertInto('roles')
      .values(
        ROLE_CODES.map((code) => ({
          org_id: orgId,
          code,
          name: JSON.stringify({ ...ROLE_NAMES[code], ...(profile.roles[code] ?? {}) }),
          permissions: DEFAULT_ROLE_PERMISSIONS[code],
        })),
      )
      .execute();
    await trx
      .insertInto('calendars')
      .values({
        org_id: orgId,
        id: uuidv7(),
        code: 'main',
        is_default: true,
        spec: JSON.stringify(
          orgStartingCalendar(CALENDAR_OF[profile.policyId], profile.country, new Date().getUTCFullYear()),
        ),
      })
      .execute();
    const policies = PROFILE_SLA_POLICIES[profile.policyId] ?? [];
    if (policies.length) {
      await trx
        .insertInto('sla_policies')
        .values(
          policies.map((p) => ({
            org_id: orgId,
            id: uuidv7(),
            code: p.code,
            ...policyColumns(p),
          })),
        )
        .execute();
    }
    await trx
      .insertInto('departments')
      .values(
        profile.departments.map((d) => ({
          org_id: orgId,
          id: deptIds.get(d.code)!,
          code: d.code,
          name: JSON.stringify(d.name),
          kind: d.kind,
          lead_user_id: userIds.get(profile.users.find((u) => u.leads === d.code)?.email ?? '') ?? null,
        })),
      )
      .execute();
    await trx
      .insertInto('users')
      .values(
        profile.users.map((u) => ({
          org_id: orgId,
          id: userIds.get(u.email)!,
          email: u.email.toLowerCase(),
          display_name: u.displayName,
          locale: u.locale,
          role_code: u.role,
          department_id: u.department ? deptIds.get(u.department)! : null,
          password_hash: passwordHash,
        })),
      )
      .execute();
    if (profile.services.length) {
      await trx
        .insertInto('services')
        .values(
          profile.services.map((s) => ({
            org_id: orgId,
            id: uuidv7(),
            code: s.code,
            name: JSON.stringify(s.name),
          })),
        )
        .execute();
    }
    await trx
      .insertInto('categories')
      .values(
        profile.categories.map((c) => ({
          org_id: orgId,
          id: uuidv7(),
          code: c.code,
          name: JSON.stringify(c.name),
          department_id: deptIds.get(c.department)!,
          default_priority: c.defaultPriority ?? 'normal',
          health_or_safety: c.healthOrSafety ?? false,
        })),
      )
      .execute();
    await trx
      .insertInto('case_forms')
      .values({ org_id: orgId, version: 1, fields: JSON.stringify(profile.form), approved_by: 'profile' })
      .execute();
    await appendAudit(trx, [
      {
        orgId,
        actorId: null,
        actorKind: 'system',
        action: 'org.profile_loaded',
        entity: 'org',
        entityId: orgId,
        data: { profile: profile.policyId, slug: profile.slug },
      },
    ]);
  });

  if (opts.withSampleCases) await loadSampleCases(db, orgId, profile, userIds);
  return {
    orgId,
    slug: profile.slug,
    created: true,
    users: profile.users.map((u) => ({ email: u.email, role: u.role })),
  };
}

async function loadSampleCases(db: Db, orgId: string, profile: PolicyProfile, userIds: Map<string, string>) {
  const org = (await getOrgById(db, orgId))!;
  const byRole = (role: string) => profile.users.find((u) => u.role === role);
  const agentUser = byRole('agent') ?? byRole('cs_manager')!;
  const managerUser = byRole('cs_manager')!;
  const agent = (await actorFor(db, orgId, userIds.get(agentUser.email)!))!;
  const manager = (await actorFor(db, orgId, userIds.get(managerUser.email)!))!;
  const specialised = profile.departments.find((d) => d.kind === 'specialised')?.code;
  const [policies, calendar] = await Promise.all([
    listPolicies(db, orgId),
    calendarForDepartment(db, orgId, null),
  ]);
  const now = new Date();
  const minutes = (t: Date, m: number) => new Date(t.getTime() + m * 60_000);
  // Open cases take turns being fresh, nearly due and overdue; one transferred case waits on the
  // customer (paused); answered cases were answered in time.
  const ages: DemoAge[] = ['fresh', 'due_soon', 'overdue'];
  let turn = 0;
  let pausedOne = false;
  for (const s of profile.sampleCases) {
    const stage = s.stage ?? 'received';
    const open = stage === 'received' || stage === 'acknowledged' || stage === 'transferred';
    const waits = stage === 'transferred' && !pausedOne && Boolean(specialised);
    if (waits) pausedOne = true;
    const age: DemoAge = waits ? 'days_ago' : open ? ages[turn++ % ages.length]! : 'days_ago';
    const segment = s.customer.segment ?? 'individual';
    const category = profile.categories.find((c) => c.code === s.category);
    const priority = category?.healthOrSafety ? 'urgent' : (category?.defaultPriority ?? 'normal');
    const policy = matchPolicy(policies, { type: s.type, priority, segment, channel: s.channel });
    const at = calendar
      ? demoRegistrationTime(
          calendar.spec,
          policy,
          s.channel,
          stage === 'received' ? [] : ['acknowledge'],
          age,
          now,
        )
      : now;
    await db.transaction().execute(async (trx) => {
      const input = {
        type: s.type,
        channel: s.channel,
        category: s.category,
        service: s.service,
        subject: s.subject,
        description: s.description,
        remedySought: s.remedySought,
        servedBy: s.servedBy,
        locale: s.locale,
        customer: { ...s.customer },
      };
      const resolveNow = s.stage === 'resolved_on_the_spot' ? { response: replyText(s.locale) } : undefined;
      const { id } = await registerCase(
        trx,
        org,
        { userId: agent.userId, departmentId: agent.departmentId },
        input,
        { resolveNow, now: at },
      );
      if (stage === 'received' || stage === 'resolved_on_the_spot') return;
      await applyCaseAction(trx, manager, id, 'acknowledge', {}, minutes(at, 5));
      if (stage === 'transferred' && specialised) {
        await applyCaseAction(
          trx,
          manager,
          id,
          'transfer',
          { department: specialised, reason: transferReason(s.locale) },
          minutes(at, 10),
        );
        if (waits) {
          await applyCaseAction(
            trx,
            manager,
            id,
            'request_information',
            { message: questionText(s.locale) },
            minutes(at, 20),
          );
        }
      }
      if (stage === 'responded' || stage === 'closed') {
        await applyCaseAction(trx, manager, id, 'investigate', {}, minutes(at, 30));
        await applyCaseAction(
          trx,
          manager,
          id,
          'respond',
          { message: replyText(s.locale), steps: [] },
          minutes(at, 60),
        );
      }
      if (stage === 'closed') await applyCaseAction(trx, manager, id, 'close', {}, minutes(at, 90));
    });
  }
}

function questionText(locale: string): string {
  return (
    (
      {
        ar: 'يرجى تزويدنا برقم الفاتورة وصورة عن المشكلة لنتمكن من متابعة طلبكم.',
        ru: 'Пожалуйста, пришлите номер счёта и фотографию проблемы, чтобы мы могли продолжить рассмотрение.',
        kk: 'Өтінішті қарауды жалғастыру үшін шот нөмірін және ақаудың суретін жіберіңізші.',
        az: 'Müraciətinizə baxmağa davam etmək üçün qaimə nömrəsini və problemin şəklini göndərməyinizi xahiş edirik.',
      } as Record<string, string>
    )[locale] ?? 'Please send us the invoice number and a photo of the problem so that we can continue.'
  );
}

function replyText(locale: string): string {
  return (
    (
      {
        ar: 'تمت معالجة طلبكم وإبلاغكم بالنتيجة. شكرًا لتواصلكم معنا.',
        ru: 'Ваше обращение рассмотрено, о результате сообщено. Спасибо, что обратились к нам.',
        kk: 'Өтінішіңіз қаралды, нәтижесі хабарланды. Бізге жүгінгеніңіз үшін рахмет.',
        az: 'Müraciətiniz araşdırıldı və nəticə barədə sizə məlumat verildi. Bizə müraciət etdiyiniz üçün təşəkkür edirik.',
      } as Record<string, string>
    )[locale] ??
    'Your request has been handled and you have been informed of the result. Thank you for contacting us.'
  );
}

function transferReason(locale: string): string {
  return (
    (
      {
        ar: 'يحتاج إلى القسم المختص',
        ru: 'Требуется профильный отдел',
        kk: 'Мамандандырылған бөлім қажет',
        az: 'İxtisaslaşmış şöbə tələb olunur',
      } as Record<string, string>
    )[locale] ?? 'Needs the specialised department'
  );
}
