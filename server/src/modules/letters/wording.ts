// The fixed wording of the final written answer (SPEC R-FLOW-5) in the five languages. Every value put
// into a sentence is wrapped in a first-strong isolate, so a Latin case number or phone number inside
// Arabic (or an Arabic name inside Russian) keeps its own order and does not disturb the sentence.
import type { Locale } from '../../platform/i18n/locales.ts';
import type { Direction } from './bidi-layout.ts';

/** U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE. */
export const isolate = (value: string): string => `\u2068${value}\u2069`;

/** Keeps a phone number on one line. */
export const noBreak = (value: string): string => value.replace(/ /g, '\u00A0');

/** "№" followed by a no-break space, so the sign never ends a line without its number. */
const NO = '№\u00A0';

export interface LetterWording {
  readonly direction: Direction;
  /** BCP 47 tag for dates: Latin digits everywhere, matching the Latin case numbers. */
  readonly dateLocale: string;
  readonly phoneLabel: string;
  reference(caseNumber: string, registered: string): string;
  subject(subject: string): string;
  salutation(name: string): string;
  /** Set phrase that follows the salutation in Arabic letters. */
  readonly greeting?: string;
  intro(org: string, caseNumber: string, registered: string): string;
  readonly resultHeading: string;
  readonly stepsHeading: string;
  readonly stepsIntro: string;
  readonly columns: { readonly number: string; readonly date: string; readonly action: string };
  readonly nextStepsHeading: string;
  contact(caseNumber: string, phone?: string): string;
  readonly signOff: string;
  page(n: number, total: number): string;
}

const i = isolate;

export const WORDING: Record<Locale, LetterWording> = {
  ar: {
    direction: 'rtl',
    dateLocale: 'ar-u-nu-latn',
    phoneLabel: 'هاتف',
    reference: (c, d) => `المرجع: الشكوى رقم ${i(c)} المسجلة بتاريخ ${i(d)}`,
    subject: (s) => `الموضوع: ${i(s)}`,
    salutation: (n) => `حضرة ${i(n)} المحترم/ة،`,
    greeting: 'تحية طيبة وبعد،',
    intro: (o, c, d) =>
      `نشكركم على تواصلكم مع ${i(o)}، ونفيدكم بأننا أتممنا دراسة شكواكم رقم ${i(c)} المسجلة بتاريخ ${i(d)}، ` +
      'ونود إعلامكم بنتيجتها وبجميع الإجراءات التي اتخذناها بشأنها.',
    resultHeading: 'نتيجة دراسة الشكوى',
    stepsHeading: 'الإجراءات المتخذة',
    stepsIntro: 'اتخذنا خلال دراسة شكواكم الإجراءات التالية:',
    columns: { number: 'م', date: 'التاريخ', action: 'الإجراء' },
    nextStepsHeading: 'الخطوات التالية',
    contact: (c, p) =>
      'إذا كانت لديكم أي استفسارات أو كنتم لا توافقون على هذا القرار، فيرجى التواصل معنا' +
      `${p ? ` على الرقم ${i(noBreak(p))}` : ''} مع ذكر رقم الشكوى ${i(c)}.`,
    signOff: 'وتفضلوا بقبول فائق الاحترام والتقدير،',
    page: (n, t) => `الصفحة ${n} من ${t}`,
  },
  en: {
    direction: 'ltr',
    dateLocale: 'en-GB',
    phoneLabel: 'Tel.',
    reference: (c, d) => `Re: complaint No. ${i(c)}, registered on ${i(d)}`,
    subject: (s) => `Subject: ${i(s)}`,
    salutation: (n) => `Dear ${i(n)},`,
    intro: (o, c, d) =>
      `Thank you for contacting ${i(o)}. We have completed the review of your complaint No. ${i(c)}, ` +
      `registered on ${i(d)}, and are writing to inform you of its outcome and of every step we took ` +
      'while handling it.',
    resultHeading: 'Outcome of the review',
    stepsHeading: 'Steps taken',
    stepsIntro: 'While reviewing your complaint, we took the following steps:',
    columns: { number: 'No.', date: 'Date', action: 'Action taken' },
    nextStepsHeading: 'Next steps',
    contact: (c, p) =>
      'If you have any questions, or if you disagree with this decision, please contact us' +
      `${p ? ` on ${i(noBreak(p))}` : ''}, quoting complaint No. ${i(c)}.`,
    signOff: 'Yours sincerely,',
    page: (n, t) => `Page ${n} of ${t}`,
  },
  ru: {
    direction: 'ltr',
    dateLocale: 'ru',
    phoneLabel: 'Тел.',
    reference: (c, d) => `Обращение ${NO}${i(c)} от ${i(d)}`,
    subject: (s) => `Тема: ${i(s)}`,
    salutation: (n) => `Уважаемый(-ая) ${i(n)}!`,
    intro: (o, c, d) =>
      `Благодарим Вас за обращение в компанию «${i(o)}». Сообщаем, что рассмотрение Вашего обращения ` +
      `${NO}${i(c)} от ${i(d)} завершено. Ниже приведены результат рассмотрения и все меры, принятые ` +
      'по Вашему обращению.',
    resultHeading: 'Результат рассмотрения',
    stepsHeading: 'Принятые меры',
    stepsIntro: 'В ходе рассмотрения Вашего обращения были предприняты следующие действия:',
    columns: { number: '№', date: 'Дата', action: 'Действие' },
    nextStepsHeading: 'Дальнейшие действия',
    contact: (c, p) =>
      'Если у Вас возникнут вопросы или Вы не согласны с принятым решением, пожалуйста, свяжитесь с нами' +
      `${p ? ` по телефону ${i(noBreak(p))}` : ''}, указав номер обращения ${i(c)}.`,
    signOff: 'С уважением,',
    page: (n, t) => `Страница ${n} из ${t}`,
  },
  kk: {
    direction: 'ltr',
    dateLocale: 'kk',
    phoneLabel: 'Тел.',
    reference: (c, d) => `${NO}${i(c)} өтініш, тіркелген күні: ${i(d)}`,
    subject: (s) => `Тақырыбы: ${i(s)}`,
    salutation: (n) => `Құрметті ${i(n)}!`,
    intro: (o, c, d) =>
      `«${i(o)}» компаниясына жүгінгеніңіз үшін алғыс білдіреміз. ${NO}${i(c)} өтінішіңізді ` +
      `(тіркелген күні: ${i(d)}) қарау аяқталғанын хабарлаймыз. Төменде қарау нәтижесі мен ` +
      'өтінішіңіз бойынша қабылданған барлық шаралар келтірілген.',
    resultHeading: 'Қарау нәтижесі',
    stepsHeading: 'Қабылданған шаралар',
    stepsIntro: 'Өтінішіңізді қарау барысында мынадай әрекеттер жасалды:',
    columns: { number: '№', date: 'Күні', action: 'Әрекет' },
    nextStepsHeading: 'Келесі қадамдар',
    contact: (c, p) =>
      'Сұрақтарыңыз болса немесе қабылданған шешіммен келіспесеңіз, өтініш нөмірін ' +
      `(${i(c)}) көрсетіп, бізге${p ? ` ${i(noBreak(p))} телефоны арқылы` : ''} хабарласуыңызды сұраймыз.`,
    signOff: 'Құрметпен,',
    page: (n, t) => `Бет ${n} / ${t}`,
  },
  az: {
    direction: 'ltr',
    dateLocale: 'az',
    phoneLabel: 'Tel.',
    reference: (c, d) => `${i(c)} nömrəli müraciət, qeydiyyat tarixi: ${i(d)}`,
    subject: (s) => `Mövzu: ${i(s)}`,
    salutation: (n) => `Hörmətli ${i(n)}!`,
    intro: (o, c, d) =>
      `«${i(o)}» şirkətinə müraciət etdiyiniz üçün təşəkkür edirik. ${i(d)} tarixində qeydə alınmış ` +
      `${i(c)} nömrəli müraciətinizə baxılmasının başa çatdığını bildiririk. Aşağıda baxılmanın ` +
      'nəticəsi və müraciətinizlə bağlı görülmüş bütün tədbirlər göstərilir.',
    resultHeading: 'Baxılmanın nəticəsi',
    stepsHeading: 'Görülmüş tədbirlər',
    stepsIntro: 'Müraciətinizə baxılarkən aşağıdakı tədbirlər görülmüşdür:',
    columns: { number: '№', date: 'Tarix', action: 'Görülmüş iş' },
    nextStepsHeading: 'Növbəti addımlar',
    contact: (c, p) =>
      'Suallarınız yaranarsa və ya qəbul edilmiş qərarla razı deyilsinizsə, xahiş edirik, müraciət ' +
      `nömrəsini (${i(c)}) göstərməklə${p ? ` ${i(noBreak(p))} nömrəli telefonla` : ''} bizimlə əlaqə saxlayın.`,
    signOff: 'Hörmətlə,',
    page: (n, t) => `Səhifə ${n} / ${t}`,
  },
};

/** Every letter of each language's alphabet: the fonts must draw all of them, not just today's words. */
export const ALPHABETS: Record<Locale, string> = {
  ar: 'ءآأؤإئابةتثجحخدذرزسشصضطظعغـفقكلمنهوىي،؛؟',
  en: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  ru: 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя№«»',
  kk: 'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ' + 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя№«»',
  az: 'ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZabcçdeəfgğhxıijkqlmnoöprsştuüvyz«»',
};
