// Synthetic complaint wording per language, combined with the real texts read from
// ../shared/data (CFPB narratives, AJGT tweets, KazSAnDRA reviews). There is no Russian or
// Azerbaijani corpus there, so those two rely more on these phrases. Slots: {n} a small number,
// {amount} a sum, {order} an order or account number, {date} a date, {place} a district.
import type { Locale } from '../../server/src/platform/i18n/locales.ts';

export interface PhraseSet {
  openers: string[];
  problems: string[];
  requests: string[];
  places: string[];
  firstNames: string[];
  lastNames: string[];
}

export const PHRASES: Record<Locale, PhraseSet> = {
  ar: {
    openers: [
      'السلام عليكم،',
      'مرحبا،',
      'تحية طيبة وبعد،',
      'لو سمحتوا،',
      'أتقدم بهذه الشكوى لأن',
      'للمرة الثالثة أتواصل معكم بخصوص نفس المشكلة:',
      'مساء الخير،',
    ],
    problems: [
      'الانترنت مقطوع من {n} أيام والسرعة ضعيفة جدا.',
      'تم خصم {amount} دينار من رصيدي بدون علمي.',
      'الفاتورة هذا الشهر أعلى من المعتاد بدون أي سبب واضح.',
      'لا توجد تغطية للشبكة في منطقة {place} والمكالمات تنقطع باستمرار.',
      'تم تفعيل خدمة لم أطلبها على خطي رقم {order}.',
      'موظف خدمة العملاء أغلق الخط في وجهي ولم يحل المشكلة.',
      'طلبت نقل الرقم منذ {n} أيام ولم يتم حتى الآن.',
      'لم يتم صرف الدعم المستحق منذ {n} أشهر رغم اكتمال الطلب.',
      'المنصة الإلكترونية لا تقبل تسجيل الدخول وتظهر رسالة خطأ.',
      'الراوتر الذي استلمته من الفرع معطل من أول يوم.',
      'اشتركت في باقة {amount} جيجا لكن الرصيد انتهى خلال يومين.',
      'الفني لم يحضر في الموعد المحدد بتاريخ {date}.',
      'تم إيقاف الخط بدون إشعار مسبق رغم دفع الفاتورة.',
      'رسائل دعائية مزعجة تصلني يوميا رغم طلب إلغائها.',
      'التحويل بين الأقسام استمر ساعة كاملة بدون نتيجة.',
    ],
    requests: [
      'أرجو حل المشكلة بأسرع وقت.',
      'أطالب باسترجاع المبلغ المخصوم.',
      'أرجو التواصل معي على الرقم المسجل.',
      'أتمنى تعويضي عن فترة الانقطاع.',
      'نرجو المتابعة وشكرا.',
      'وإلا سأضطر لتقديم شكوى لهيئة تنظيم الاتصالات.',
    ],
    places: ['إربد', 'الزرقاء', 'عمان الغربية', 'الرصيفة', 'دمشق', 'حلب', 'حمص', 'الرياض', 'جدة', 'الدمام'],
    firstNames: [
      'محمد',
      'أحمد',
      'يزن',
      'ريم',
      'سارة',
      'ليث',
      'نور',
      'هبة',
      'عمر',
      'خالد',
      'رهف',
      'سلمى',
      'كنان',
      'لمى',
      'سعد',
      'بندر',
      'هند',
      'ياسر',
      'أمل',
      'ديما',
      'جورج',
      'نزار',
      'فاطمة',
      'عبدالله',
    ],
    lastNames: [
      'القيسي',
      'عبيدات',
      'الزعبي',
      'المومني',
      'العزام',
      'الحوراني',
      'العمري',
      'الخطيب',
      'الطراونة',
      'النابلسي',
      'العلبي',
      'الدقر',
      'حداد',
      'قباني',
      'صباغ',
      'الحمصي',
      'العسيري',
      'القرني',
      'الرشيدي',
      'الشهري',
      'الزهراني',
      'الدوسري',
    ],
  },
  en: {
    openers: [
      'Hello,',
      'To whom it may concern,',
      'I am writing to complain because',
      'This is my second complaint about the same issue:',
      'Good afternoon,',
    ],
    problems: [
      'My mobile data has not worked for {n} days and the speed is very low.',
      'I was charged {amount} without my consent on account {order}.',
      'My bill this month is much higher than usual with no explanation.',
      'The order {order} was not delivered on time and the courier does not answer.',
      'The refrigerator I bought on {date} stopped working and the warranty repair is delayed.',
      'I returned the item {n} weeks ago and still have not received my refund.',
      'The call centre agent was rude and ended the call.',
      'Roaming was activated without my request and I was billed for it.',
      'I cannot log in to the mobile app; it shows an error every time.',
      'The price at the till was different from the price on the shelf.',
    ],
    requests: [
      'Please resolve this as soon as possible.',
      'I want a full refund.',
      'Please call me back on my registered number.',
      'I expect compensation for the outage.',
      'Thank you for looking into this.',
    ],
    places: ['downtown', 'the airport area', 'the north district', 'the old city'],
    firstNames: ['John', 'Mary', 'David', 'Sarah', 'James', 'Linda', 'Michael', 'Emma', 'Daniel', 'Olivia'],
    lastNames: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Clark', 'Lewis', 'Walker', 'Hall'],
  },
  ru: {
    openers: [
      'Здравствуйте!',
      'Добрый день.',
      'Обращаюсь повторно по той же проблеме.',
      'Пишу жалобу, потому что',
      'Уважаемая служба поддержки,',
    ],
    problems: [
      'Уже {n} дней не работает мобильный интернет, скорость очень низкая.',
      'С моего счёта списали {amount} без моего согласия.',
      'Заказ №{order} не доставили в срок, курьер не отвечает на звонки.',
      'Холодильник, купленный {date}, перестал работать, гарантийный ремонт затянулся.',
      'Прошу вернуть деньги за возвращённый товар, прошло уже {n} дней.',
      'Оператор колл-центра грубо разговаривал и положил трубку.',
      'Нет связи в районе {place}, звонки постоянно обрываются.',
      'Роуминг подключили без моего запроса, в счёте лишние начисления.',
      'Не могу войти в мобильное приложение, выдаёт ошибку.',
      'Стиральную машину доставили с повреждённым корпусом.',
      'Цена на кассе отличалась от цены на ценнике.',
      'Условия рассрочки изменили без уведомления.',
      'Перенос номера затянулся, номер не работает уже {n} дня.',
      'Телевизор сломался через {n} недели после покупки.',
      'Мастер по установке не пришёл, я прождал весь день.',
    ],
    requests: [
      'Прошу решить вопрос как можно скорее.',
      'Требую вернуть деньги.',
      'Прошу перезвонить мне по указанному номеру.',
      'Прошу компенсацию за простой.',
      'Заранее спасибо.',
      'Иначе буду вынужден обратиться в уполномоченный орган.',
    ],
    places: ['Алмалинский', 'Медеуский', 'Бостандыкский', 'Ясамальский', 'Наримановский', 'Есильский'],
    firstNames: ['Наталья', 'Алексей', 'Ирина', 'Сергей', 'Ольга', 'Дмитрий', 'Елена', 'Андрей', 'Алия', 'Игорь'],
    lastNames: ['Иванова', 'Ли', 'Ким', 'Петров', 'Смирнова', 'Каримова', 'Попов', 'Волкова', 'Соколов', 'Орлова'],
  },
  kk: {
    openers: ['Сәлеметсіз бе!', 'Қайырлы күн!', 'Бұл мәселе бойынша екінші рет жазып отырмын.', 'Шағым жазамын, себебі'],
    problems: [
      'Ақшамды қайтарыңыздар, {n} күн болды әлі жауап жоқ.',
      'Мобильді интернет {n} күннен бері істемейді.',
      'Шоттан {amount} рұқсатсыз алынды.',
      'Тапсырыс №{order} уақытында жеткізілмеді.',
      'Байланыс жиі үзіледі, {place} ауданында қоңырау шалу мүмкін емес.',
      'Қосымшаға кіре алмаймын, қате шығады.',
      'Оператор дөрекі сөйлеп, телефонды қойып тастады.',
      'Тариф ескертусіз өзгертілді.',
      'Роуминг менің сұрауымсыз қосылды.',
    ],
    requests: [
      'Мәселені тезірек шешуді сұраймын.',
      'Ақшаны қайтаруды талап етемін.',
      'Маған хабарласуыңызды сұраймын.',
      'Алдын ала рахмет.',
    ],
    places: ['Алмалы', 'Медеу', 'Бостандық', 'Есіл', 'Сарыарқа', 'Әуезов'],
    firstNames: ['Ерлан', 'Дана', 'Әсем', 'Нұрлан', 'Айгүл', 'Бауыржан', 'Жанар', 'Қайрат', 'Гүлнар', 'Асхат'],
    lastNames: [
      'Сәрсенбаев',
      'Әлімова',
      'Бекова',
      'Тоқтаров',
      'Жұмабаев',
      'Омарова',
      'Исаев',
      'Нұрланова',
      'Қасымов',
      'Серікова',
    ],
  },
  az: {
    openers: [
      'Salam.',
      'Hörmətli müştəri xidmətləri,',
      'Eyni problemlə bağlı ikinci dəfə müraciət edirəm.',
      'Şikayət edirəm, çünki',
      'Xahiş edirəm, müraciətimə baxasınız.',
    ],
    problems: [
      'Artıq {n} gündür ki, soyuducu işləmir, zəmanət təmiri gecikir.',
      'Sifariş №{order} vaxtında çatdırılmadı, kuryer zənglərə cavab vermir.',
      'Kartımdan {amount} icazəsiz çıxılıb.',
      'Paltaryuyan maşın zədələnmiş halda çatdırıldı.',
      'Mağazada kassada qiymət etiketdəki qiymətdən fərqli idi.',
      'Hissə-hissə ödəniş şərtləri xəbərdarlıq edilmədən dəyişdirildi.',
      'Qaytarılan məhsulun pulunu hələ də geri almamışam, {n} gün keçib.',
      'Televizorun ekranı alışdan {n} həftə sonra sındı.',
      'Operator kobud danışdı və zəngi kəsdi.',
      'Onlayn mağazada ödəniş keçdi, amma sifariş ləğv olundu.',
      'Quraşdırma ustası {date} tarixində gəlmədi, bütün günü gözlədim.',
      'Noutbuk qızır və özü-özünə sönür.',
      'Kondisionerin quraşdırılması üçün əlavə pul tələb etdilər.',
      'Telefonun zəmanət kartını mağazada vermədilər.',
    ],
    requests: [
      'Problemin tez bir zamanda həll olunmasını xahiş edirəm.',
      'Pulumun geri qaytarılmasını tələb edirəm.',
      'Xahiş edirəm, qeyd etdiyim nömrə ilə əlaqə saxlayın.',
      'Əvvəlcədən təşəkkür edirəm.',
      'Məhsulun dəyişdirilməsini istəyirəm.',
    ],
    places: ['Yasamal', 'Nərimanov', 'Nəsimi', 'Binəqədi', 'Xətai', 'Sumqayıt'],
    firstNames: ['Könül', 'Aytən', 'Emil', 'Səadət', 'Nigar', 'Zaur', 'Rəşad', 'Günay', 'Elvin', 'Leyla', 'Orxan'],
    lastNames: [
      'Səmədova',
      'Novruzova',
      'Sadıqov',
      'Hüseynli',
      'Əsgərova',
      'Bağırov',
      'Məmmədov',
      'Əliyeva',
      'Quliyev',
      'Həsənova',
    ],
  },
};

/** Fathers' names for forms that ask for a patronymic (KH, JM). */
export const PATRONYMICS: Partial<Record<Locale, string[]>> = {
  az: ['Rafiq', 'Elşən', 'Ramiz', 'Nazim', 'Tahir', 'Həsən', 'Vüqar', 'Kamal'],
  ru: ['Сергеевна', 'Александрович', 'Игоревич', 'Викторовна', 'Олегович'],
  kk: ['Серікұлы', 'Бауыржанқызы', 'Ерланұлы', 'Асқарқызы'],
};

/** What staff write back, per language: answers, questions to the customer, internal notes, reasons. */
export interface StaffWording {
  replies: string[];
  questions: string[];
  notes: string[];
  reasons: string[];
}

export const STAFF_WORDING: Record<Locale, StaffWording> = {
  ar: {
    replies: [
      'تمت معالجة طلبكم وإعادة المبلغ إلى رصيدكم. شكرًا لتواصلكم معنا.',
      'قام الفريق الفني بإصلاح العطل في منطقتكم، ونعتذر عن الإزعاج.',
      'تمت مراجعة الفاتورة وتصحيح الرسوم الإضافية.',
      'تم إلغاء الخدمة غير المطلوبة وإيقاف الرسائل الدعائية.',
    ],
    questions: ['يرجى تزويدنا برقم الفاتورة وصورة عن المشكلة.', 'هل ما زالت المشكلة قائمة حتى الآن؟'],
    notes: ['تم التواصل مع القسم الفني، بانتظار الرد.', 'العميل اتصل مرة أخرى للمتابعة.'],
    reasons: ['يحتاج إلى القسم المختص', 'طلب العميل', 'معلومات غير كافية'],
  },
  en: {
    replies: [
      'We have refunded the amount to your account. Thank you for contacting us.',
      'Our engineers fixed the fault in your area; we apologise for the inconvenience.',
      'We reviewed your bill and removed the extra charges.',
    ],
    questions: ['Please send us the invoice number and a photo of the problem.', 'Is the problem still there?'],
    notes: ['Asked the technical team; waiting for their answer.', 'Customer called again to follow up.'],
    reasons: ['Needs the specialised department', 'Customer request', 'Not enough information'],
  },
  ru: {
    replies: [
      'Деньги возвращены на ваш счёт. Спасибо, что обратились к нам.',
      'Неисправность в вашем районе устранена, приносим извинения.',
      'Счёт проверен, лишние начисления сняты.',
      'Товар заменён, новый будет доставлен в течение трёх дней.',
    ],
    questions: ['Пожалуйста, пришлите номер чека и фото проблемы.', 'Проблема всё ещё сохраняется?'],
    notes: ['Запросили технический отдел, ждём ответа.', 'Клиент перезвонил уточнить статус.'],
    reasons: ['Требуется профильный отдел', 'По просьбе клиента', 'Недостаточно информации'],
  },
  kk: {
    replies: [
      'Ақшаңыз шотыңызға қайтарылды. Бізге жүгінгеніңіз үшін рахмет.',
      'Ауданыңыздағы ақау жойылды, кешірім сұраймыз.',
      'Шот тексеріліп, артық төлемдер алынып тасталды.',
    ],
    questions: ['Шот нөмірін және ақаудың суретін жіберіңізші.', 'Мәселе әлі де бар ма?'],
    notes: ['Техникалық бөлімге сұрау жіберілді.', 'Клиент қайта хабарласты.'],
    reasons: ['Мамандандырылған бөлім қажет', 'Клиенттің өтініші', 'Ақпарат жеткіліксіз'],
  },
  az: {
    replies: [
      'Pulunuz kartınıza geri qaytarıldı. Bizə müraciət etdiyiniz üçün təşəkkür edirik.',
      'Məhsul dəyişdirildi, yenisi üç gün ərzində çatdırılacaq.',
      'Servis mərkəzi təmiri başa çatdırdı, məhsulu mağazadan götürə bilərsiniz.',
    ],
    questions: ['Qaimə nömrəsini və problemin şəklini göndərin.', 'Problem hələ də davam edir?'],
    notes: ['Servis mərkəzinə sorğu göndərildi.', 'Müştəri yenidən zəng etdi.'],
    reasons: ['İxtisaslaşmış şöbə tələb olunur', 'Müştərinin xahişi', 'Məlumat kifayət deyil'],
  },
};
