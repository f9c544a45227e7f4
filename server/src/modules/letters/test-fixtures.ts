// Sample answers in the five languages, for the tests and for looking at the rendered letters.
import type { Locale } from '../../platform/i18n/locales.ts';
import type { AnswerLetterInput } from './letter.ts';

const at = (iso: string) => new Date(iso);

export const SAMPLE_LETTERS: Record<Locale, AnswerLetterInput> = {
  ar: {
    locale: 'ar',
    org: { name: 'أمنية للاتصالات', address: 'عمّان، شارع الملكة رانيا 190', phone: '+962 6 500 5000' },
    caseNumber: 'UM-2025-000417',
    registeredAt: at('2025-03-02T07:40:00Z'),
    answeredAt: at('2025-03-12T11:05:00Z'),
    timeZone: 'Asia/Amman',
    customerName: 'أحمد خالد العلي',
    subject: 'خطأ في فاتورة الإنترنت لشهر شباط',
    result:
      'تبين لنا أن فاتورتكم لشهر شباط تضمنت رسوم باقة VDSL 100 لم تطلبوها. ' +
      'قررنا إلغاء هذه الرسوم وإعادة مبلغ 12.500 دينار إلى حسابكم (رقم الحساب 0791234567).',
    steps: [
      {
        at: at('2025-03-02T07:40:00Z'),
        text: 'تسجيل الشكوى عبر مركز الاتصال وإعطاؤكم الرقم UM-2025-000417.',
      },
      {
        at: at('2025-03-03T09:15:00Z'),
        text: 'مراجعة سجل الفواتير واستهلاك باقة VDSL 100 للأشهر الثلاثة الأخيرة.',
      },
      { at: at('2025-03-04T12:30:00Z'), text: 'التواصل معكم هاتفيا على الرقم 0791234567 لتأكيد التفاصيل.' },
      { at: at('2025-03-06T08:00:00Z'), text: 'Escalated to the billing team (ticket BIL-8841).' },
      { at: at('2025-03-10T10:45:00Z'), text: 'إلغاء الرسوم وإعادة 12.500 دينار إلى حسابكم.' },
    ],
    agentName: 'ليلى حداد',
    nextSteps:
      'سيظهر المبلغ المعاد في فاتورتكم القادمة. إذا لم تكونوا راضين عن هذا الرد، يمكنكم تقديم اعتراض ' +
      'خلال 14 يوما إلى هيئة تنظيم قطاع الاتصالات.',
  },
  en: {
    locale: 'en',
    org: { name: 'Kontakt Home', address: '203B Nizami Street, Baku', phone: '+994 12 555 01 00' },
    caseNumber: 'KH-2025-000981',
    registeredAt: at('2025-04-01T06:20:00Z'),
    answeredAt: at('2025-04-09T13:00:00Z'),
    timeZone: 'Asia/Baku',
    customerName: 'Sarah Mitchell',
    subject: 'Refrigerator delivered with a dented door',
    result:
      'We have confirmed that the refrigerator was damaged in transit. We will replace it with a new unit ' +
      'of the same model free of charge, and we have refunded the delivery fee of 25 AZN.',
    steps: [
      { at: at('2025-04-01T06:20:00Z'), text: 'Complaint registered by the contact centre.' },
      { at: at('2025-04-02T08:10:00Z'), text: 'Photos of the damage reviewed by the quality team.' },
      {
        at: at('2025-04-03T11:00:00Z'),
        text: 'Delivery partner asked for its loading and handover records.',
      },
      {
        at: at('2025-04-07T09:30:00Z'),
        text: 'Replacement approved by the store manager; delivery fee refunded.',
      },
    ],
    agentName: 'Murad Aliyev',
    nextSteps:
      'Our delivery team will call you within two working days to agree a date for the replacement. If you ' +
      'disagree with this answer, you may object in writing within 15 days to the Customer Care Manager.',
  },
  ru: {
    locale: 'ru',
    org: { name: 'Jusan Mobile', address: 'г. Алматы, пр. аль-Фараби, 77/7', phone: '+7 727 330 0000' },
    caseNumber: 'JM-2025-001203',
    registeredAt: at('2025-03-10T04:00:00Z'),
    answeredAt: at('2025-03-18T09:30:00Z'),
    timeZone: 'Asia/Almaty',
    customerName: 'Ирина Викторовна Соколова',
    subject: 'Низкая скорость мобильного интернета',
    result:
      'В ходе проверки выявлена неисправность базовой станции в вашем районе. Неисправность устранена ' +
      '14 марта 2025 года, на ваш счёт зачислена компенсация в размере 2 000 тенге.',
    steps: [
      { at: at('2025-03-10T04:00:00Z'), text: 'Обращение зарегистрировано, номер сообщён абоненту.' },
      { at: at('2025-03-11T06:20:00Z'), text: 'Проверена загрузка сети в зоне обслуживания абонента.' },
      {
        at: at('2025-03-12T07:45:00Z'),
        text: 'Направлена заявка в службу технической эксплуатации (№ TT-55120).',
      },
      {
        at: at('2025-03-14T10:10:00Z'),
        text: 'После устранения неисправности скорость измерена повторно: 42 Мбит/с.',
      },
      { at: at('2025-03-15T05:00:00Z'), text: 'Начислена компенсация 2 000 тенге.' },
    ],
    agentName: 'Дмитрий Ким',
  },
  kk: {
    locale: 'kk',
    org: { name: 'Jusan Mobile', address: 'Алматы қ., Әл-Фараби даңғылы, 77/7', phone: '+7 727 330 0000' },
    caseNumber: 'JM-2025-001204',
    registeredAt: at('2025-03-10T04:00:00Z'),
    answeredAt: at('2025-03-18T09:30:00Z'),
    timeZone: 'Asia/Almaty',
    customerName: 'Зуһра Ғабитқызы Нұрланова',
    subject: 'Мобильді интернет жылдамдығының төмендігі',
    result:
      'Тексеру барысында сіздің ауданыңыздағы базалық станцияда ақау анықталды. Ақау 2025 жылғы ' +
      '14 наурызда жойылды, ал шотыңызға 2 000 теңге өтемақы есептелді.',
    steps: [
      { at: at('2025-03-10T04:00:00Z'), text: 'Өтініш тіркеліп, оның нөмірі абонентке хабарланды.' },
      {
        at: at('2025-03-11T06:20:00Z'),
        text: 'Абоненттің қызмет көрсету аймағындағы желі жүктемесі тексерілді.',
      },
      {
        at: at('2025-03-12T07:45:00Z'),
        text: 'Техникалық қызмет көрсету тобына өтінім жіберілді (№ TT-55120).',
      },
      { at: at('2025-03-14T10:10:00Z'), text: 'Ақау жойылғаннан кейін жылдамдық қайта өлшенді: 42 Мбит/с.' },
      {
        at: at('2025-03-15T05:00:00Z'),
        text: 'Шотқа 2 000 теңге өтемақы есептелді, абонентке SMS жіберілді.',
      },
    ],
    agentName: 'Айгүл Сейітқали',
    nextSteps:
      'Жауаппен келіспесеңіз, 10 жұмыс күні ішінде Қазақстан Республикасы Цифрлық даму министрлігіне шағым бере аласыз.',
  },
  az: {
    locale: 'az',
    org: { name: 'Kontakt Home', address: 'Bakı, Nizami küçəsi 203B', phone: '+994 12 555 01 00' },
    caseNumber: 'KH-2025-000982',
    registeredAt: at('2025-04-01T06:20:00Z'),
    answeredAt: at('2025-04-09T13:00:00Z'),
    timeZone: 'Asia/Baku',
    customerName: 'Şəbnəm Ağayeva',
    subject: 'Soyuducunun qapısı əzik çatdırılıb',
    result:
      'Soyuducunun daşınma zamanı zədələndiyi təsdiq edildi. Məhsul pulsuz olaraq eyni modelin yeni ' +
      'nümunəsi ilə əvəz ediləcək, çatdırılma haqqı olan 25 AZN isə geri qaytarılıb.',
    steps: [
      { at: at('2025-04-01T06:20:00Z'), text: 'Müraciət çağrı mərkəzi tərəfindən qeydə alındı.' },
      {
        at: at('2025-04-02T08:10:00Z'),
        text: 'Zədənin fotoşəkilləri keyfiyyət şöbəsi tərəfindən yoxlanıldı.',
      },
      {
        at: at('2025-04-03T11:00:00Z'),
        text: 'Çatdırılma şirkətindən yükləmə və təhvil sənədləri istənildi.',
      },
      {
        at: at('2025-04-07T09:30:00Z'),
        text: 'Mağaza müdiri dəyişdirməni təsdiqlədi; çatdırılma haqqı qaytarıldı.',
      },
    ],
    agentName: 'Günel İsmayılova',
  },
};

/** A letter with `count` steps, to check that a long list flows onto further pages. */
export function withManySteps(base: AnswerLetterInput, count: number): AnswerLetterInput {
  const start = base.registeredAt.getTime();
  const steps = Array.from({ length: count }, (_, i) => ({
    at: new Date(start + i * 3_600_000 * 5),
    text: `Step ${i + 1}: follow-up action number ${i + 1} recorded on the case timeline (ref. S-${1000 + i}).`,
  }));
  return { ...base, steps };
}
