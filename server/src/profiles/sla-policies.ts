// The SLA policies each profile starts with (SPEC R-SLA-2). Kontakt Home's targets are the
// policy's own words (acknowledge and review within 3 business days, resolve within 10); the
// others state no numbers, so these are starting values an administrator edits.
import type { SlaPolicy } from '../modules/sla/sla-policy.ts';
import type { PolicyProfile } from './types.ts';

type Seed = Omit<
  SlaPolicy,
  'active' | 'position' | 'warnAtPercent' | 'managerAfter' | 'caseType' | 'priority' | 'segment' | 'channel'
> &
  Partial<SlaPolicy>;

const days = (amount: number) => ({ amount, unit: 'business_days' as const });
const hours = (amount: number) => ({ amount, unit: 'business_hours' as const });

function seed(s: Seed): SlaPolicy {
  return {
    caseType: null,
    priority: null,
    segment: null,
    channel: null,
    position: 100,
    warnAtPercent: 75,
    managerAfter: days(1),
    active: true,
    ...s,
  };
}

const standardName = {
  ar: 'المعيار العام',
  en: 'Standard',
  ru: 'Стандартный',
  kk: 'Стандартты',
  az: 'Standart',
};
const urgentName = { ar: 'عاجل', en: 'Urgent', ru: 'Срочный', kk: 'Шұғыл', az: 'Təcili' };

export const PROFILE_SLA_POLICIES: Record<PolicyProfile['policyId'], SlaPolicy[]> = {
  UM: [
    seed({
      code: 'standard',
      name: standardName,
      targets: { acknowledge: hours(4), first_response: hours(1), resolution: days(5) },
    }),
    seed({
      code: 'urgent',
      name: urgentName,
      priority: 'urgent',
      targets: { acknowledge: hours(1), first_response: hours(0.25), resolution: days(1) },
      managerAfter: hours(4),
    }),
    seed({
      code: 'suggestion',
      name: { ar: 'الاقتراحات', en: 'Suggestions', ru: 'Предложения', kk: 'Ұсыныстар', az: 'Təkliflər' },
      caseType: 'suggestion',
      targets: { acknowledge: days(1), resolution: days(10) },
    }),
  ],
  JM: [
    seed({
      code: 'standard',
      name: standardName,
      targets: { acknowledge: days(1), first_response: hours(1), resolution: days(10) },
    }),
    seed({
      code: 'urgent',
      name: urgentName,
      priority: 'urgent',
      targets: { acknowledge: hours(2), resolution: days(2) },
      managerAfter: hours(4),
    }),
  ],
  PH: [
    // QP-14: complaints are followed up every day; unsolved ones go to the specialised department.
    seed({
      code: 'standard',
      name: standardName,
      targets: { acknowledge: days(1), resolution: days(7) },
    }),
    seed({
      code: 'urgent',
      name: urgentName,
      priority: 'urgent',
      targets: { acknowledge: hours(2), resolution: days(2) },
      managerAfter: hours(4),
    }),
  ],
  HR: [
    seed({
      code: 'standard',
      name: standardName,
      targets: { acknowledge: hours(4), first_response: hours(1), resolution: days(5) },
    }),
    seed({
      code: 'business-owners',
      name: {
        ar: 'خط أصحاب المنشآت',
        en: 'Business owners line',
        ru: 'Линия для владельцев предприятий',
        kk: 'Кәсіпорын иелеріне арналған желі',
        az: 'Müəssisə sahibləri xətti',
      },
      segment: 'business_owner',
      targets: { acknowledge: hours(2), first_response: hours(0.5), resolution: days(3) },
      managerAfter: hours(4),
    }),
    seed({
      code: 'urgent',
      name: urgentName,
      priority: 'urgent',
      targets: { acknowledge: hours(1), first_response: hours(0.25), resolution: days(1) },
      managerAfter: hours(2),
    }),
  ],
  KH: [
    seed({
      code: 'complaints',
      name: {
        ar: 'الشكاوى (3/3/10 أيام عمل)',
        en: 'Complaints (3/3/10 business days)',
        ru: 'Жалобы (3/3/10 рабочих дней)',
        kk: 'Шағымдар (3/3/10 жұмыс күні)',
        az: 'Şikayətlər (3/3/10 iş günü)',
      },
      caseType: 'complaint',
      targets: { acknowledge: days(3), investigation: days(3), resolution: days(10) },
    }),
    seed({
      code: 'standard',
      name: standardName,
      targets: { acknowledge: days(3), first_response: hours(1), resolution: days(10) },
    }),
  ],
};
