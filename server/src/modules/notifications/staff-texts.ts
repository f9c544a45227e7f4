// E-mails to staff about their cases (SLA warnings and escalations), in the staff member's language.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../../platform/i18n/locales.ts';

const STAGE: Record<Locale, Record<string, string>> = {
  en: {
    acknowledge: 'acknowledgement',
    first_response: 'first response',
    investigation: 'review',
    resolution: 'resolution',
  },
  ar: {
    acknowledge: 'الإقرار بالاستلام',
    first_response: 'الرد الأول',
    investigation: 'الدراسة',
    resolution: 'الحل',
  },
  ru: {
    acknowledge: 'подтверждение',
    first_response: 'первый ответ',
    investigation: 'рассмотрение',
    resolution: 'решение',
  },
  kk: { acknowledge: 'растау', first_response: 'алғашқы жауап', investigation: 'қарау', resolution: 'шешім' },
  az: { acknowledge: 'təsdiq', first_response: 'ilk cavab', investigation: 'baxış', resolution: 'həll' },
};

const TEXTS: Record<Locale, Record<'sla_warning' | 'escalated', { subject: string; body: string }>> = {
  en: {
    sla_warning: {
      subject: 'Case {caseNumber}: {stage} due soon',
      body: 'The {stage} deadline of case {caseNumber} is {dueAt}. Please act before it passes.',
    },
    escalated: {
      subject: 'Escalated: case {caseNumber} missed its {stage} deadline',
      body: 'Case {caseNumber} missed its {stage} deadline and has been escalated to you ({level, select, 1 {supervisor} other {manager}}). Please take it in hand.',
    },
  },
  ar: {
    sla_warning: {
      subject: 'الحالة {caseNumber}: يقترب موعد {stage}',
      body: 'موعد {stage} للحالة {caseNumber} هو {dueAt}. يرجى اتخاذ الإجراء قبل انقضائه.',
    },
    escalated: {
      subject: 'تصعيد: الحالة {caseNumber} تجاوزت موعد {stage}',
      body: 'تجاوزت الحالة {caseNumber} موعد {stage} وتم تصعيدها إليك ({level, select, 1 {المشرف} other {المدير}}). يرجى متابعتها.',
    },
  },
  ru: {
    sla_warning: {
      subject: 'Обращение {caseNumber}: скоро срок этапа «{stage}»',
      body: 'Срок этапа «{stage}» по обращению {caseNumber} — {dueAt}. Пожалуйста, примите меры до его истечения.',
    },
    escalated: {
      subject: 'Эскалация: обращение {caseNumber} просрочено на этапе «{stage}»',
      body: 'Срок этапа «{stage}» по обращению {caseNumber} истёк, обращение передано вам ({level, select, 1 {руководитель группы} other {руководитель}}). Пожалуйста, возьмите его в работу.',
    },
  },
  kk: {
    sla_warning: {
      subject: '{caseNumber} өтініші: «{stage}» мерзімі жақындады',
      body: '{caseNumber} өтінішінің «{stage}» мерзімі — {dueAt}. Мерзім өткенге дейін шара қолданыңыз.',
    },
    escalated: {
      subject: 'Эскалация: {caseNumber} өтініші «{stage}» мерзімінен асып кетті',
      body: '{caseNumber} өтінішінің «{stage}» мерзімі өтті, өтініш сізге берілді ({level, select, 1 {топ жетекшісі} other {басшы}}). Оны қолға алыңыз.',
    },
  },
  az: {
    sla_warning: {
      subject: '{caseNumber} müraciəti: “{stage}” müddəti yaxınlaşır',
      body: '{caseNumber} müraciətinin “{stage}” müddəti {dueAt} tarixində bitir. Zəhmət olmasa, vaxtında tədbir görün.',
    },
    escalated: {
      subject: 'Eskalasiya: {caseNumber} müraciəti “{stage}” müddətini keçdi',
      body: '{caseNumber} müraciəti “{stage}” müddətini keçdi və sizə ötürüldü ({level, select, 1 {nəzarətçi} other {menecer}}). Zəhmət olmasa, məşğul olun.',
    },
  },
};

export function isStaffEvent(event: string): event is 'sla_warning' | 'escalated' {
  return event === 'sla_warning' || event === 'escalated';
}

export function renderStaffText(
  event: 'sla_warning' | 'escalated',
  locale: Locale,
  vars: { caseNumber: string; stage: string; dueAt?: string; level?: number },
): { subject: string; body: string } {
  const t = TEXTS[locale][event];
  const values = {
    ...vars,
    stage: STAGE[locale][vars.stage] ?? vars.stage,
    dueAt: vars.dueAt ?? '',
    level: String(vars.level ?? 1),
  };
  return {
    subject: String(new IntlMessageFormat(t.subject, locale).format(values)),
    body: String(new IntlMessageFormat(t.body, locale).format(values)),
  };
}
