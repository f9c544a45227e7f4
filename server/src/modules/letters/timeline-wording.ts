// The case timeline told to the customer: one sentence per event that concerns them, in the letter's
// language. Internal events (notes, owner changes, supervisor escalations, attachments) are not told.
// Values inside a sentence are isolated (see wording.ts) so a Latin number or a Russian department
// name keeps its own direction inside Arabic.
import type { Locale } from '../../platform/i18n/locales.ts';
import { isolate as i } from './wording.ts';

export interface TimelineWording {
  registered(caseNumber: string): string;
  acknowledged: string;
  assessed: string;
  investigationStarted: string;
  informationRequested: string;
  customerReplied: string;
  transferred(department: string): string;
  /** `reason` is the agent's own text, told as written. */
  extended(newDate: string, reason: string | null): string;
  responded(mode: 'written' | 'verbal'): string;
  closed: string;
  reopened: string;
  objectionRaised: string;
  escalatedExternally: string;
  /** Said instead of the customer's name when none was recorded. */
  unnamedCustomer: string;
}

/** A value that ends a sentence: the full stop is added only when it has none ("10 июля 2026 г."). */
const last = (text: string) => `${i(text)}${/[.!?。؟…]$/u.test(text) ? '' : '.'}`;

export const TIMELINE_WORDING: Record<Locale, TimelineWording> = {
  ar: {
    registered: (n) => `تم تسجيل الشكوى برقم ${i(n)}.`,
    acknowledged: 'تم تأكيد استلام الشكوى.',
    assessed: 'تم إجراء التقييم الأولي للشكوى.',
    investigationStarted: 'بدأت دراسة الشكوى والتحقق منها.',
    informationRequested: 'طلبنا منكم معلومات إضافية.',
    customerReplied: 'استلمنا منكم المعلومات المطلوبة.',
    transferred: (d) => `أُحيلت الشكوى إلى ${i(d)} لدراستها.`,
    extended: (d, r) => `تم تمديد موعد حل الشكوى إلى ${last(d)}${r ? ` السبب: ${last(r)}` : ''}`,
    responded: (m) =>
      m === 'verbal' ? 'أبلغناكم بردنا شفهيا بموافقتكم.' : 'أعددنا ردنا وأرسلناه إليكم كتابيا.',
    closed: 'تم إغلاق الشكوى.',
    reopened: 'أُعيد فتح الشكوى لمزيد من الدراسة.',
    objectionRaised: 'تم تسجيل اعتراضكم على ردنا.',
    escalatedExternally: 'أُحيلت الشكوى إلى جهة خارجية.',
    unnamedCustomer: 'عميلنا',
  },
  en: {
    registered: (n) => `Your complaint was registered under No. ${i(n)}.`,
    acknowledged: 'We confirmed that we had received your complaint.',
    assessed: 'The initial assessment of your complaint was completed.',
    investigationStarted: 'The investigation of your complaint began.',
    informationRequested: 'We asked you for additional information.',
    customerReplied: 'We received the information we had asked you for.',
    transferred: (d) => `Your complaint was passed to ${i(d)} for review.`,
    extended: (d, r) => `The resolution date was extended to ${last(d)}${r ? ` Reason: ${last(r)}` : ''}`,
    responded: (m) =>
      m === 'verbal'
        ? 'We gave you our answer verbally, as you agreed.'
        : 'We prepared our answer and sent it to you in writing.',
    closed: 'Your complaint was closed.',
    reopened: 'Your complaint was reopened for further review.',
    objectionRaised: 'Your objection to our answer was registered.',
    escalatedExternally: 'Your complaint was referred to an external body.',
    unnamedCustomer: 'customer',
  },
  ru: {
    registered: (n) => `Обращение зарегистрировано под номером ${i(n)}.`,
    acknowledged: 'Получение обращения подтверждено.',
    assessed: 'Проведена первичная оценка обращения.',
    investigationStarted: 'Начата проверка по обращению.',
    informationRequested: 'У Вас запрошена дополнительная информация.',
    customerReplied: 'Получена запрошенная у Вас информация.',
    transferred: (d) => `Обращение передано на рассмотрение в подразделение «${i(d)}».`,
    extended: (d, r) => `Срок рассмотрения продлён до ${last(d)}${r ? ` Причина: ${last(r)}` : ''}`,
    responded: (m) =>
      m === 'verbal'
        ? 'Ответ дан Вам устно, с Вашего согласия.'
        : 'Подготовлен и направлен Вам письменный ответ.',
    closed: 'Обращение закрыто.',
    reopened: 'Обращение возобновлено для дополнительного рассмотрения.',
    objectionRaised: 'Зарегистрировано Ваше возражение на наш ответ.',
    escalatedExternally: 'Обращение передано во внешний орган.',
    unnamedCustomer: 'клиент',
  },
  kk: {
    registered: (n) => `Өтініш ${i(n)} нөмірімен тіркелді.`,
    acknowledged: 'Өтініштің қабылданғаны расталды.',
    assessed: 'Өтінішке алғашқы бағалау жүргізілді.',
    investigationStarted: 'Өтініш бойынша тексеру басталды.',
    informationRequested: 'Сізден қосымша ақпарат сұралды.',
    customerReplied: 'Сізден сұралған ақпарат алынды.',
    transferred: (d) => `Өтініш қарау үшін «${i(d)}» бөлімшесіне берілді.`,
    extended: (d, r) => `Қарау мерзімі ${i(d)} дейін ұзартылды.${r ? ` Себебі: ${last(r)}` : ''}`,
    responded: (m) =>
      m === 'verbal'
        ? 'Жауап Сіздің келісіміңізбен ауызша берілді.'
        : 'Жазбаша жауап дайындалып, Сізге жіберілді.',
    closed: 'Өтініш жабылды.',
    reopened: 'Өтініш қосымша қарау үшін қайта ашылды.',
    objectionRaised: 'Жауабымызға білдірген қарсылығыңыз тіркелді.',
    escalatedExternally: 'Өтініш сыртқы органға жіберілді.',
    unnamedCustomer: 'клиент',
  },
  az: {
    registered: (n) => `Müraciət ${i(n)} nömrəsi ilə qeydə alındı.`,
    acknowledged: 'Müraciətin qəbul edildiyi təsdiqləndi.',
    assessed: 'Müraciət ilkin qiymətləndirmədən keçirildi.',
    investigationStarted: 'Müraciət üzrə araşdırmaya başlanıldı.',
    informationRequested: 'Sizdən əlavə məlumat istənildi.',
    customerReplied: 'Sizdən istənilən məlumat alındı.',
    transferred: (d) => `Müraciət baxılmaq üçün «${i(d)}» bölməsinə göndərildi.`,
    extended: (d, r) => `Baxılma müddəti ${i(d)} tarixinədək uzadıldı.${r ? ` Səbəb: ${last(r)}` : ''}`,
    responded: (m) =>
      m === 'verbal'
        ? 'Cavab razılığınızla Sizə şifahi olaraq bildirildi.'
        : 'Yazılı cavab hazırlanaraq Sizə göndərildi.',
    closed: 'Müraciət bağlandı.',
    reopened: 'Müraciət əlavə baxılmaq üçün yenidən açıldı.',
    objectionRaised: 'Cavabımıza etirazınız qeydə alındı.',
    escalatedExternally: 'Müraciət kənar quruma göndərildi.',
    unnamedCustomer: 'müştəri',
  },
};
