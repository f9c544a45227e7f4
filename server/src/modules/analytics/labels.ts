// Column headings of exported reports, in the reader's language.
import type { Locale } from '../../platform/i18n/locales.ts';

const L = {
  group: { en: 'Group', ar: 'المجموعة', ru: 'Группа', kk: 'Топ', az: 'Qrup' },
  period: { en: 'Period', ar: 'الفترة', ru: 'Период', kk: 'Кезең', az: 'Dövr' },
  registered: { en: 'Registered', ar: 'المسجلة', ru: 'Зарегистрировано', kk: 'Тіркелді', az: 'Qeydə alınıb' },
  complaints: { en: 'Complaints', ar: 'الشكاوى', ru: 'Жалобы', kk: 'Шағымдар', az: 'Şikayətlər' },
  fcr: {
    en: 'Resolved at first contact',
    ar: 'المحلولة من أول اتصال',
    ru: 'Решено при первом обращении',
    kk: 'Алғашқы байланыста шешілді',
    az: 'İlk müraciətdə həll olunub',
  },
  fcrRate: {
    en: 'First-contact resolution rate',
    ar: 'نسبة الحل من أول اتصال',
    ru: 'Доля решённых при первом обращении',
    kk: 'Алғашқы байланыста шешу үлесі',
    az: 'İlk müraciətdə həll nisbəti',
  },
  answered: { en: 'Answered', ar: 'تم الرد', ru: 'Дан ответ', kk: 'Жауап берілді', az: 'Cavablandırılıb' },
  open: { en: 'Open', ar: 'مفتوحة', ru: 'Открыто', kk: 'Ашық', az: 'Açıq' },
  department: { en: 'Department', ar: 'القسم', ru: 'Отдел', kk: 'Бөлім', az: 'Şöbə' },
  total: { en: 'Total', ar: 'المجموع', ru: 'Всего', kk: 'Барлығы', az: 'Cəmi' },
  breached: { en: 'Overdue', ar: 'متأخرة', ru: 'Просрочено', kk: 'Мерзімі өтті', az: 'Gecikmiş' },
  oldest: {
    en: 'Oldest registered',
    ar: 'الأقدم تسجيلًا',
    ru: 'Самое раннее',
    kk: 'Ең ертесі',
    az: 'Ən köhnə',
  },
  days: { en: 'days', ar: 'أيام', ru: 'дн.', kk: 'күн', az: 'gün' },
  agent: { en: 'Staff member', ar: 'الموظف', ru: 'Сотрудник', kk: 'Қызметкер', az: 'Əməkdaş' },
  role: { en: 'Role', ar: 'الدور', ru: 'Роль', kk: 'Рөлі', az: 'Rol' },
  waiting: {
    en: 'Waiting on the customer',
    ar: 'بانتظار العميل',
    ru: 'Ждут клиента',
    kk: 'Клиентті күтуде',
    az: 'Müştəri gözlənilir',
  },
  stage: { en: 'Stage', ar: 'المرحلة', ru: 'Этап', kk: 'Кезең', az: 'Mərhələ' },
  metOnTime: { en: 'Met on time', ar: 'أُنجزت في الموعد', ru: 'В срок', kk: 'Мерзімінде', az: 'Vaxtında' },
  metLate: { en: 'Met late', ar: 'أُنجزت متأخرة', ru: 'С опозданием', kk: 'Кешігіп', az: 'Gecikmə ilə' },
  extended: { en: 'Extended', ar: 'مُدّدت', ru: 'Продлено', kk: 'Ұзартылды', az: 'Uzadılıb' },
  warned: { en: 'Warned', ar: 'نُبّه', ru: 'Предупреждено', kk: 'Ескертілді', az: 'Xəbərdarlıq' },
  compliance: { en: 'Compliance', ar: 'نسبة الالتزام', ru: 'Соблюдение', kk: 'Сақталуы', az: 'Uyğunluq' },
  meanHours: {
    en: 'Mean business hours to meet',
    ar: 'متوسط ساعات العمل حتى الإنجاز',
    ru: 'Среднее рабочих часов',
    kk: 'Орташа жұмыс сағаты',
    az: 'Orta iş saatı',
  },
  sheetVolumes: { en: 'Volumes', ar: 'الأحجام', ru: 'Объёмы', kk: 'Көлемдер', az: 'Həcmlər' },
  sheetBacklog: { en: 'Backlog', ar: 'المتراكم', ru: 'Очередь', kk: 'Кезек', az: 'Gözləyənlər' },
  sheetTeam: { en: 'Team', ar: 'الفريق', ru: 'Команда', kk: 'Команда', az: 'Komanda' },
  sheetSla: { en: 'SLA', ar: 'اتفاقية الخدمة', ru: 'SLA', kk: 'SLA', az: 'SLA' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ReportLabel = keyof typeof L;

export function label(key: ReportLabel, locale: Locale): string {
  return L[key][locale];
}
