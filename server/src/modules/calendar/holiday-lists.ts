// Editable yearly public-holiday lists for countries the holiday library does not cover (JO, SY).
// Transcribed from python-holidays 0.101 (MIT). Lunar (Islamic) dates are estimates, marked
// estimated: true, that an administrator confirms each year once the dates are announced.
// To add a year, append an entry keyed by the year; lists are whole local dates.
import type { CalendarHoliday } from './calendar.ts';

function h(monthDay: string, en: string, ar: string, estimated = false) {
  return { monthDay, name: { en, ar }, estimated };
}

type ListEntry = ReturnType<typeof h>;

const LISTS: Record<'JO' | 'SY', Record<number, ListEntry[]>> = {
  JO: {
    2026: [
      h('01-01', "New Year's Day", 'رأس السنة الميلادية'),
      h('01-16', "Isra' and Mi'raj", 'ليلة المعراج', true),
      h('03-20', 'Eid al-Fitr', 'عيد الفطر', true),
      h('03-21', 'Eid al-Fitr Holiday', 'عطلة عيد الفطر', true),
      h('03-22', 'Eid al-Fitr Holiday', 'عطلة عيد الفطر', true),
      h('05-01', 'Labor Day', 'عيد العمال'),
      h('05-25', 'Independence Day', 'عيد الإستقلال'),
      h('05-26', 'Arafat Day', 'يوم عرفة', true),
      h('05-27', 'Eid al-Adha', 'عيد الأضحى', true),
      h('05-28', 'Eid al-Adha Holiday', 'عطلة عيد الأضحى', true),
      h('05-29', 'Eid al-Adha Holiday', 'عطلة عيد الأضحى', true),
      h('06-16', 'Islamic New Year', 'رأس السنة الهجرية', true),
      h('08-25', "Prophet's Birthday", 'عيد المولد النبوي', true),
      h('12-25', 'Christmas Day', 'عيد الميلاد المجيد'),
    ],
    2027: [
      h('01-01', "New Year's Day", 'رأس السنة الميلادية'),
      h('01-05', "Isra' and Mi'raj", 'ليلة المعراج', true),
      h('03-09', 'Eid al-Fitr', 'عيد الفطر', true),
      h('03-10', 'Eid al-Fitr Holiday', 'عطلة عيد الفطر', true),
      h('03-11', 'Eid al-Fitr Holiday', 'عطلة عيد الفطر', true),
      h('05-01', 'Labor Day', 'عيد العمال'),
      h('05-15', 'Arafat Day', 'يوم عرفة', true),
      h('05-16', 'Eid al-Adha', 'عيد الأضحى', true),
      h('05-17', 'Eid al-Adha Holiday', 'عطلة عيد الأضحى', true),
      h('05-18', 'Eid al-Adha Holiday', 'عطلة عيد الأضحى', true),
      h('05-25', 'Independence Day', 'عيد الإستقلال'),
      h('06-06', 'Islamic New Year', 'رأس السنة الهجرية', true),
      h('08-14', "Prophet's Birthday", 'عيد المولد النبوي', true),
      h('12-25', "Christmas Day; Isra' and Mi'raj", 'عيد الميلاد المجيد; ليلة المعراج', true),
    ],
  },
  SY: {
    2026: [
      h('01-01', "New Year's Day", 'عيد رأس السنة الميلادية'),
      h('03-08', 'Revolution Day', 'الثورة السورية'),
      h('03-20', 'Eid al-Fitr', 'عيد الفطر', true),
      h('03-21', "Eid al-Fitr; Mother's Day", 'عيد الفطر; عيد الأم', true),
      h('03-22', 'Eid al-Fitr', 'عيد الفطر', true),
      h('04-05', 'Gregorian Easter Sunday', 'عيد الفصح حسب التقويم الغربي'),
      h('04-12', 'Julian Easter Sunday', 'عيد الفصح حسب التقويم الشرقي'),
      h('04-17', 'Independence Day', 'عيد الاستقلال'),
      h('05-01', 'Labor Day', 'عيد العمال'),
      h('05-06', "Martyrs' Day", 'عيد الشهداء'),
      h('05-26', 'Eid al-Adha', 'عيد الأضحى', true),
      h('05-27', 'Eid al-Adha', 'عيد الأضحى', true),
      h('05-28', 'Eid al-Adha', 'عيد الأضحى', true),
      h('05-29', 'Eid al-Adha', 'عيد الأضحى', true),
      h('06-16', 'Islamic New Year', 'رأس السنة الهجرية', true),
      h('08-25', "Prophet's Birthday", 'عيد المولد النبوي الشريف', true),
      h('10-06', 'Tishreen Liberation War Day', 'ذكرى حرب تشرين التحريرية'),
      h('12-08', 'Liberation Day', 'عيد التحرير'),
      h('12-25', 'Christmas Day', 'عيد الميلاد'),
      h('12-26', 'Boxing Day', 'يوم الصناديق'),
    ],
    2027: [
      h('01-01', "New Year's Day", 'عيد رأس السنة الميلادية'),
      h('03-08', 'Revolution Day', 'الثورة السورية'),
      h('03-09', 'Eid al-Fitr', 'عيد الفطر', true),
      h('03-10', 'Eid al-Fitr', 'عيد الفطر', true),
      h('03-11', 'Eid al-Fitr', 'عيد الفطر', true),
      h('03-21', "Mother's Day", 'عيد الأم'),
      h('03-28', 'Gregorian Easter Sunday', 'عيد الفصح حسب التقويم الغربي'),
      h('04-17', 'Independence Day', 'عيد الاستقلال'),
      h('05-01', 'Labor Day', 'عيد العمال'),
      h('05-02', 'Julian Easter Sunday', 'عيد الفصح حسب التقويم الشرقي'),
      h('05-06', "Martyrs' Day", 'عيد الشهداء'),
      h('05-15', 'Eid al-Adha', 'عيد الأضحى', true),
      h('05-16', 'Eid al-Adha', 'عيد الأضحى', true),
      h('05-17', 'Eid al-Adha', 'عيد الأضحى', true),
      h('05-18', 'Eid al-Adha', 'عيد الأضحى', true),
      h('06-06', 'Islamic New Year', 'رأس السنة الهجرية', true),
      h('08-14', "Prophet's Birthday", 'عيد المولد النبوي الشريف', true),
      h('10-06', 'Tishreen Liberation War Day', 'ذكرى حرب تشرين التحريرية'),
      h('12-08', 'Liberation Day', 'عيد التحرير'),
      h('12-25', 'Christmas Day', 'عيد الميلاد'),
      h('12-26', 'Boxing Day', 'يوم الصناديق'),
    ],
  },
};

export type ListCountry = keyof typeof LISTS;

export function isListCountry(country: string): country is ListCountry {
  return Object.hasOwn(LISTS, country);
}

/** The list for one country and year, or undefined when nobody has written it yet. */
export function listedHolidays(country: ListCountry, year: number): CalendarHoliday[] | undefined {
  return LISTS[country][year]?.map((e) => ({
    date: `${year}-${e.monthDay}`,
    name: { ...e.name },
    estimated: e.estimated,
  }));
}

export function listedYears(country: ListCountry): number[] {
  return Object.keys(LISTS[country]).map(Number);
}
