// Default customer notifications in the five languages: what every org starts with and may edit.
// Written to be polite and plain; SMS texts are short because Arabic, Cyrillic and Azerbaijani
// letters put them in UCS-2 (70 characters per SMS). Free text from agents ({question}, {result},
// {offer}, {reason}) stands on its own line so its own punctuation never clashes with ours.
import type { Locale } from '../../platform/i18n/locales.ts';
import type { NotificationChannel, NotificationEvent, OrgTemplates, TemplateSource } from './templates.ts';

type ByLocale = Record<Locale, TemplateSource>;

const GREETING: Record<Locale, string> = {
  ar: 'مرحبًا {customerName}،',
  en: 'Dear {customerName},',
  ru: 'Здравствуйте, {customerName}!',
  kk: 'Сәлеметсіз бе, {customerName}!',
  az: 'Hörmətli {customerName},',
};

const SIGN_OFF: Record<Locale, string> = {
  ar: 'مع خالص التحية،\nفريق خدمة العملاء في {orgName}',
  en: 'Kind regards,\n{orgName} Customer Care',
  ru: 'С уважением,\nслужба поддержки клиентов {orgName}',
  kk: 'Құрметпен,\n{orgName} клиенттерді қолдау қызметі',
  az: 'Hörmətlə,\n{orgName} müştəri xidməti',
};

/** An e-mail addressed to the customer: greeting, paragraphs, sign-off. */
function letter(locale: Locale, subject: string, ...paragraphs: string[]): TemplateSource {
  return { subject, body: [GREETING[locale], ...paragraphs, SIGN_OFF[locale]].join('\n\n') };
}

const sms = (body: string): TemplateSource => ({ body });

const registered: Record<NotificationChannel, ByLocale> = {
  sms: {
    ar: sms('{orgName}: تم تسجيل طلبك برقم {caseNumber}. للمتابعة: {trackingUrl}'),
    en: sms(
      '{orgName}: we have registered your request under number {caseNumber}. Track it here: {trackingUrl}',
    ),
    ru: sms('{orgName}: ваше обращение зарегистрировано под номером {caseNumber}. Статус: {trackingUrl}'),
    kk: sms('{orgName}: өтінішіңіз {caseNumber} нөмірімен тіркелді. Күйі: {trackingUrl}'),
    az: sms('{orgName}: müraciətiniz {caseNumber} nömrəsi ilə qeydə alındı. Status: {trackingUrl}'),
  },
  email: {
    ar: letter(
      'ar',
      'تم تسجيل طلبك رقم {caseNumber}',
      'شكرًا لتواصلك مع {orgName}. تم تسجيل طلبك برقم {caseNumber}، ويُرجى ذكر هذا الرقم عند التواصل معنا بشأنه.',
      'يمكنك متابعة حالة طلبك في أي وقت عبر الرابط التالي:\n{trackingUrl}',
    ),
    en: letter(
      'en',
      'Your request {caseNumber} has been registered',
      'Thank you for contacting {orgName}. We have registered your request under number {caseNumber}. Please quote this number whenever you contact us about it.',
      'You can follow its progress at any time here:\n{trackingUrl}',
    ),
    ru: letter(
      'ru',
      'Ваше обращение {caseNumber} зарегистрировано',
      'Благодарим, что обратились в {orgName}. Ваше обращение зарегистрировано под номером {caseNumber}. Пожалуйста, указывайте этот номер, когда связываетесь с нами по этому вопросу.',
      'Следить за ходом рассмотрения можно в любое время по ссылке:\n{trackingUrl}',
    ),
    kk: letter(
      'kk',
      '{caseNumber} нөмірлі өтінішіңіз тіркелді',
      'Бізге хабарласқаныңызға рахмет. Өтінішіңіз {caseNumber} нөмірімен тіркелді. Осы мәселе бойынша хабарласқанда осы нөмірді көрсетуіңізді сұраймыз.',
      'Өтінішіңіздің қаралу барысын кез келген уақытта мына сілтеме арқылы бақылай аласыз:\n{trackingUrl}',
    ),
    az: letter(
      'az',
      '{caseNumber} nömrəli müraciətiniz qeydə alındı',
      'Bizimlə əlaqə saxladığınız üçün təşəkkür edirik. Müraciətiniz {caseNumber} nömrəsi ilə qeydə alındı. Bu məsələ ilə bağlı bizə yazanda və ya zəng edəndə həmin nömrəni qeyd edin.',
      'Müraciətinizin gedişatını istənilən vaxt bu linkdən izləyə bilərsiniz:\n{trackingUrl}',
    ),
  },
};

const acknowledged: Record<NotificationChannel, ByLocale> = {
  sms: {
    ar: sms('{orgName}: طلبك رقم {caseNumber} قيد المعالجة، ونتوقع الرد عليك بحلول {dueDate}.'),
    en: sms('{orgName}: we are working on your request {caseNumber} and expect to reply by {dueDate}.'),
    ru: sms('{orgName}: обращение {caseNumber} принято в работу. Ответ ожидается до {dueDate}.'),
    kk: sms('{orgName}: {caseNumber} өтінішіңіз қарауға алынды. Жауап мерзімі: {dueDate}.'),
    az: sms('{orgName}: {caseNumber} nömrəli müraciətiniz icraya götürüldü. Cavab tarixi: {dueDate}.'),
  },
  email: {
    ar: letter(
      'ar',
      'طلبك رقم {caseNumber} قيد المعالجة',
      'نود إعلامك بأن طلبك رقم {caseNumber} قد أُحيل إلى الفريق المختص، ونتوقع الرد عليك بحلول {dueDate}. وسنبلغك إن طرأ أي تغيير.',
      'يمكنك متابعة حالة طلبك عبر الرابط التالي:\n{trackingUrl}',
    ),
    en: letter(
      'en',
      'We are working on your request {caseNumber}',
      'Your request {caseNumber} has been reviewed and passed to the team responsible for it. We expect to give you an answer by {dueDate}, and we will let you know if anything changes.',
      'You can follow its progress here:\n{trackingUrl}',
    ),
    ru: letter(
      'ru',
      'Обращение {caseNumber} принято в работу',
      'Ваше обращение {caseNumber} рассмотрено и передано ответственному подразделению. Мы рассчитываем дать ответ до {dueDate}. Если что-то изменится, мы сразу сообщим.',
      'Следить за ходом рассмотрения можно по ссылке:\n{trackingUrl}',
    ),
    kk: letter(
      'kk',
      '{caseNumber} өтінішіңіз қарауға алынды',
      '{caseNumber} нөмірлі өтінішіңіз қаралып, жауапты бөлімге жіберілді. Жауап беру мерзімі: {dueDate}. Өзгеріс болса, сізге міндетті түрде хабарлаймыз.',
      'Өтінішіңіздің қаралу барысын мына сілтеме арқылы бақылай аласыз:\n{trackingUrl}',
    ),
    az: letter(
      'az',
      '{caseNumber} nömrəli müraciətiniz icraya götürüldü',
      '{caseNumber} nömrəli müraciətiniz nəzərdən keçirildi və məsul bölməyə göndərildi. Cavabı {dueDate} tarixinədək verməyi planlaşdırırıq. Hər hansı dəyişiklik olarsa, sizə xəbər verəcəyik.',
      'Müraciətinizin gedişatını bu linkdən izləyə bilərsiniz:\n{trackingUrl}',
    ),
  },
};

const infoRequested: Record<NotificationChannel, ByLocale> = {
  sms: {
    ar: sms('{orgName}: لمتابعة طلبك رقم {caseNumber} نحتاج إلى إجابتك:\n{question}\nللرد: {trackingUrl}'),
    en: sms(
      '{orgName}: to continue with your request {caseNumber} we need your answer:\n{question}\nReply here: {trackingUrl}',
    ),
    ru: sms('{orgName}: по обращению {caseNumber} просим ответить:\n{question}\n{trackingUrl}'),
    kk: sms('{orgName}: {caseNumber} өтініші бойынша жауабыңызды күтеміз:\n{question}\n{trackingUrl}'),
    az: sms(
      '{orgName}: {caseNumber} nömrəli müraciət üzrə cavabınızı gözləyirik:\n{question}\n{trackingUrl}',
    ),
  },
  email: {
    ar: letter(
      'ar',
      'نحتاج إلى معلومات إضافية بشأن طلبك رقم {caseNumber}',
      'لنتمكن من متابعة معالجة طلبك رقم {caseNumber}، نرجو تزويدنا بالمعلومات التالية:',
      '{question}',
      'يمكنك الرد على هذه الرسالة أو عبر الرابط التالي، وسنستأنف العمل على طلبك فور وصول ردك:\n{trackingUrl}',
    ),
    en: letter(
      'en',
      'We need some information about your request {caseNumber}',
      'To continue handling your request {caseNumber}, we need a little more information from you:',
      '{question}',
      'Please reply to this e-mail or answer through the link below. We will carry on as soon as we hear from you.\n{trackingUrl}',
    ),
    ru: letter(
      'ru',
      'Нужна дополнительная информация по обращению {caseNumber}',
      'Чтобы продолжить рассмотрение вашего обращения {caseNumber}, нам нужна дополнительная информация:',
      '{question}',
      'Ответьте, пожалуйста, на это письмо или по ссылке ниже. Мы продолжим работу сразу после вашего ответа.\n{trackingUrl}',
    ),
    kk: letter(
      'kk',
      '{caseNumber} өтініші бойынша қосымша ақпарат қажет',
      '{caseNumber} нөмірлі өтінішіңізді әрі қарай қарау үшін бізге қосымша ақпарат қажет:',
      '{question}',
      'Осы хатқа немесе төмендегі сілтеме арқылы жауап беруіңізді сұраймыз. Жауабыңызды алған бойда жұмысты жалғастырамыз.\n{trackingUrl}',
    ),
    az: letter(
      'az',
      '{caseNumber} nömrəli müraciət üzrə əlavə məlumat lazımdır',
      '{caseNumber} nömrəli müraciətinizə baxılmasını davam etdirmək üçün bizə əlavə məlumat lazımdır:',
      '{question}',
      'Xahiş edirik, bu məktuba və ya aşağıdakı link vasitəsilə cavab verəsiniz. Cavabınızı alan kimi işi davam etdirəcəyik.\n{trackingUrl}',
    ),
  },
};

const extended: Record<NotificationChannel, ByLocale> = {
  sms: {
    ar: sms(
      '{orgName}: نعتذر عن تأخر معالجة طلبك رقم {caseNumber}.\nالسبب: {reason}\nالموعد الجديد: {newDate}',
    ),
    en: sms(
      '{orgName}: sorry, your request {caseNumber} needs more time.\nReason: {reason}\nNew expected date: {newDate}',
    ),
    ru: sms('{orgName}: срок по обращению {caseNumber} продлён.\nПричина: {reason}\nНовый срок: {newDate}'),
    kk: sms('{orgName}: {caseNumber} өтінішінің мерзімі ұзарды.\nСебебі: {reason}\nЖаңа мерзім: {newDate}'),
    az: sms(
      '{orgName}: {caseNumber} nömrəli müraciətin müddəti uzadıldı.\nSəbəb: {reason}\nYeni tarix: {newDate}',
    ),
  },
  email: {
    ar: letter(
      'ar',
      'موعد جديد للرد على طلبك رقم {caseNumber}',
      'نعتذر منك، فمعالجة طلبك رقم {caseNumber} تحتاج إلى وقت أطول مما توقعنا.',
      'السبب: {reason}\nالموعد الجديد المتوقع: {newDate}',
      'نبذل قصارى جهدنا لإنهاء طلبك في أقرب وقت، وسنبقيك على اطلاع. يمكنك متابعة حالته عبر الرابط:\n{trackingUrl}',
    ),
    en: letter(
      'en',
      'New expected date for your request {caseNumber}',
      'We are sorry, but resolving your request {caseNumber} is taking longer than we expected.',
      'Reason: {reason}\nNew expected date: {newDate}',
      'We are doing our best to finish sooner and will keep you informed. You can follow its progress here:\n{trackingUrl}',
    ),
    ru: letter(
      'ru',
      'Новый срок ответа по обращению {caseNumber}',
      'Приносим извинения: рассмотрение вашего обращения {caseNumber} займёт больше времени, чем мы планировали.',
      'Причина: {reason}\nНовый срок: {newDate}',
      'Мы делаем всё возможное, чтобы ответить раньше, и будем держать вас в курсе. Следить за ходом рассмотрения можно по ссылке:\n{trackingUrl}',
    ),
    kk: letter(
      'kk',
      '{caseNumber} өтініші бойынша жауаптың жаңа мерзімі',
      'Кешірім сұраймыз: {caseNumber} нөмірлі өтінішіңізді қарау біз күткеннен ұзағырақ уақыт алады.',
      'Себебі: {reason}\nЖаңа мерзім: {newDate}',
      'Жауапты ертерек беру үшін барымызды саламыз және сізді хабардар етіп отырамыз. Қаралу барысын мына сілтеме арқылы бақылай аласыз:\n{trackingUrl}',
    ),
    az: letter(
      'az',
      '{caseNumber} nömrəli müraciət üzrə cavabın yeni tarixi',
      'Üzr istəyirik, {caseNumber} nömrəli müraciətinizə baxılması gözlədiyimizdən çox vaxt aparır.',
      'Səbəb: {reason}\nYeni tarix: {newDate}',
      'Cavabı daha tez vermək üçün əlimizdən gələni edirik və sizi məlumatlandıracağıq. Gedişatı bu linkdən izləyə bilərsiniz:\n{trackingUrl}',
    ),
  },
};

const resolved: Record<NotificationChannel, ByLocale> = {
  sms: {
    ar: sms('{orgName}: الرد على طلبك رقم {caseNumber}:\n{result}\nالتفاصيل: {trackingUrl}'),
    en: sms('{orgName}: our answer to your request {caseNumber}:\n{result}\nDetails: {trackingUrl}'),
    ru: sms('{orgName}: ответ по обращению {caseNumber}:\n{result}\nПодробнее: {trackingUrl}'),
    kk: sms('{orgName}: {caseNumber} өтініші бойынша жауап:\n{result}\nТолығырақ: {trackingUrl}'),
    az: sms('{orgName}: {caseNumber} nömrəli müraciət üzrə cavab:\n{result}\nƏtraflı: {trackingUrl}'),
  },
  email: {
    ar: letter(
      'ar',
      'الرد على طلبك رقم {caseNumber}',
      'انتهينا من دراسة طلبك رقم {caseNumber}، وإليك نتيجتها.',
      'القرار:\n{result}',
      'الإجراءات التي اتخذناها:\n{steps}',
      '{howToObject}',
      'يمكنك الاطلاع على كامل سجل طلبك عبر الرابط:\n{trackingUrl}',
      'شكرًا لصبرك وتعاونك.',
    ),
    en: letter(
      'en',
      'Our answer to your request {caseNumber}',
      'We have completed our review of your request {caseNumber}. Here is the outcome.',
      'Our decision:\n{result}',
      'What we did:\n{steps}',
      '{howToObject}',
      'You can see the full history of your request here:\n{trackingUrl}',
      'Thank you for your patience.',
    ),
    ru: letter(
      'ru',
      'Ответ по обращению {caseNumber}',
      'Мы завершили рассмотрение вашего обращения {caseNumber} и сообщаем о результате.',
      'Наше решение:\n{result}',
      'Что было сделано:\n{steps}',
      '{howToObject}',
      'Полная история обращения доступна по ссылке:\n{trackingUrl}',
      'Благодарим за терпение.',
    ),
    kk: letter(
      'kk',
      '{caseNumber} өтініші бойынша жауап',
      '{caseNumber} нөмірлі өтінішіңізді қарауды аяқтадық. Нәтижесі төменде.',
      'Шешіміміз:\n{result}',
      'Атқарылған жұмыс:\n{steps}',
      '{howToObject}',
      'Өтінішіңіздің толық тарихын мына сілтеме арқылы көре аласыз:\n{trackingUrl}',
      'Шыдамдылығыңызға рахмет.',
    ),
    az: letter(
      'az',
      '{caseNumber} nömrəli müraciət üzrə cavabımız',
      '{caseNumber} nömrəli müraciətinizə baxılmasını başa çatdırdıq. Nəticə aşağıdadır.',
      'Qərarımız:\n{result}',
      'Görülən işlər:\n{steps}',
      '{howToObject}',
      'Müraciətinizin tam tarixçəsinə bu linkdən baxa bilərsiniz:\n{trackingUrl}',
      'Səbriniz üçün təşəkkür edirik.',
    ),
  },
};

const offer: Record<NotificationChannel, ByLocale> = {
  sms: {
    ar: sms(
      '{orgName}: نعتذر لتعذّر حل طلبك رقم {caseNumber} كما طلبت، ونود أن نقدم لك:\n{offer}\nللرد: {trackingUrl}',
    ),
    en: sms(
      '{orgName}: we are sorry we could not resolve your request {caseNumber} as asked. We can offer you:\n{offer}\nReply here: {trackingUrl}',
    ),
    ru: sms(
      '{orgName}: к сожалению, решить вопрос {caseNumber} так, как вы просили, нельзя. Предлагаем:\n{offer}\nОтветить: {trackingUrl}',
    ),
    kk: sms(
      '{orgName}: өкінішке қарай, {caseNumber} өтінішін сұралғандай шеше алмадық. Ұсынысымыз:\n{offer}\nЖауап: {trackingUrl}',
    ),
    az: sms(
      '{orgName}: təəssüf ki, {caseNumber} nömrəli müraciəti istədiyiniz kimi həll edə bilmədik. Təklifimiz:\n{offer}\nCavab: {trackingUrl}',
    ),
  },
  email: {
    ar: letter(
      'ar',
      'عرض بديل بشأن طلبك رقم {caseNumber}',
      'نأسف لأننا لم نتمكن من حل طلبك رقم {caseNumber} بالطريقة التي طلبتها.',
      'وتقديرًا لك، نود أن نقدم لك البديل التالي:\n{offer}',
      'يُرجى إعلامنا بقبولك العرض أو رفضه بالرد على هذه الرسالة أو عبر الرابط التالي:\n{trackingUrl}',
    ),
    en: letter(
      'en',
      'An offer regarding your request {caseNumber}',
      'We are sorry that we could not resolve your request {caseNumber} in the way you asked.',
      'Instead, we would like to offer you:\n{offer}',
      'Please let us know whether you accept this offer by replying to this e-mail or through the link below:\n{trackingUrl}',
    ),
    ru: letter(
      'ru',
      'Предложение по обращению {caseNumber}',
      'К сожалению, мы не смогли решить вопрос по вашему обращению {caseNumber} так, как вы просили.',
      'Взамен мы хотели бы предложить вам:\n{offer}',
      'Пожалуйста, сообщите, принимаете ли вы это предложение, ответив на это письмо или по ссылке ниже:\n{trackingUrl}',
    ),
    kk: letter(
      'kk',
      '{caseNumber} өтініші бойынша ұсыныс',
      'Өкінішке қарай, {caseNumber} нөмірлі өтінішіңізді сіз сұрағандай шеше алмадық.',
      'Оның орнына сізге мынаны ұсынамыз:\n{offer}',
      'Осы ұсынысты қабылдайтыныңызды немесе қабылдамайтыныңызды осы хатқа немесе төмендегі сілтеме арқылы жауап беріп хабарлауыңызды сұраймыз:\n{trackingUrl}',
    ),
    az: letter(
      'az',
      '{caseNumber} nömrəli müraciət üzrə təklifimiz',
      'Təəssüf ki, {caseNumber} nömrəli müraciətinizi istədiyiniz şəkildə həll edə bilmədik.',
      'Bunun əvəzinə sizə bunu təklif edirik:\n{offer}',
      'Xahiş edirik, təklifi qəbul edib-etmədiyinizi bu məktuba və ya aşağıdakı link vasitəsilə cavab verərək bildirəsiniz:\n{trackingUrl}',
    ),
  },
};

const survey: Record<NotificationChannel, ByLocale> = {
  sms: {
    ar: sms('{orgName}: شكرًا لتواصلك معنا. يسعدنا تقييمك لخدمتنا عبر الرابط: {surveyUrl}'),
    en: sms(
      '{orgName}: thank you for contacting us. Please rate our service, it takes a minute: {surveyUrl}',
    ),
    ru: sms('{orgName}: спасибо за обращение! Оцените, пожалуйста, наше обслуживание: {surveyUrl}'),
    kk: sms('{orgName}: хабарласқаныңызға рахмет! Қызметімізді бағалаңыз: {surveyUrl}'),
    az: sms('{orgName}: müraciətiniz üçün təşəkkür edirik! Xidmətimizi qiymətləndirin: {surveyUrl}'),
  },
  email: {
    ar: letter(
      'ar',
      'رأيك يهمنا',
      'شكرًا لتواصلك مع {orgName}. يسعدنا أن تشاركنا رأيك في الخدمة التي حصلت عليها، ولن يستغرق ذلك أكثر من دقيقة:',
      '{surveyUrl}',
      'تساعدنا إجاباتك على تحسين خدماتنا.',
    ),
    en: letter(
      'en',
      'How was our service?',
      'Thank you for contacting {orgName}. We would value your opinion of the service you received. The survey takes about a minute:',
      '{surveyUrl}',
      'Your answers help us improve.',
    ),
    ru: letter(
      'ru',
      'Оцените наше обслуживание',
      'Благодарим, что обратились в {orgName}. Нам важно ваше мнение об обслуживании. Опрос займёт около минуты:',
      '{surveyUrl}',
      'Ваши ответы помогают нам работать лучше.',
    ),
    kk: letter(
      'kk',
      'Қызметімізді бағалаңыз',
      'Бізге хабарласқаныңызға рахмет. Көрсетілген қызмет туралы пікіріңіз біз үшін маңызды. Сауалнама бір минуттай уақыт алады:',
      '{surveyUrl}',
      'Жауаптарыңыз жұмысымызды жақсартуға көмектеседі.',
    ),
    az: letter(
      'az',
      'Xidmətimizi qiymətləndirin',
      'Bizimlə əlaqə saxladığınız üçün təşəkkür edirik. Aldığınız xidmət barədə fikriniz bizim üçün önəmlidir. Sorğu təxminən bir dəqiqə çəkir:',
      '{surveyUrl}',
      'Cavablarınız xidmətimizi yaxşılaşdırmağa kömək edir.',
    ),
  },
};

const closed: Record<NotificationChannel, ByLocale> = {
  sms: {
    ar: sms('{orgName}: تم إغلاق طلبك رقم {caseNumber}. شكرًا لتواصلك معنا.'),
    en: sms('{orgName}: your request {caseNumber} is now closed. Thank you for contacting us.'),
    ru: sms('{orgName}: обращение {caseNumber} закрыто. Спасибо, что обратились к нам.'),
    kk: sms('{orgName}: {caseNumber} өтінішіңіз жабылды. Хабарласқаныңызға рахмет.'),
    az: sms('{orgName}: {caseNumber} nömrəli müraciətiniz bağlandı. Təşəkkür edirik.'),
  },
  email: {
    ar: letter(
      'ar',
      'تم إغلاق طلبك رقم {caseNumber}',
      'نود إعلامك بأنه تم إغلاق طلبك رقم {caseNumber}. إن كانت لديك أي استفسارات أخرى، يسعدنا تواصلك معنا مع ذكر هذا الرقم.',
      'يبقى سجل طلبك متاحًا عبر الرابط:\n{trackingUrl}',
      'شكرًا لتواصلك مع {orgName}.',
    ),
    en: letter(
      'en',
      'Your request {caseNumber} is closed',
      'Your request {caseNumber} is now closed. If you have any further questions, please contact us and quote this number.',
      'Its history remains available here:\n{trackingUrl}',
      'Thank you for contacting {orgName}.',
    ),
    ru: letter(
      'ru',
      'Обращение {caseNumber} закрыто',
      'Ваше обращение {caseNumber} закрыто. Если у вас остались вопросы, свяжитесь с нами и укажите этот номер.',
      'История обращения по-прежнему доступна по ссылке:\n{trackingUrl}',
      'Спасибо, что обратились в {orgName}.',
    ),
    kk: letter(
      'kk',
      '{caseNumber} өтінішіңіз жабылды',
      '{caseNumber} нөмірлі өтінішіңіз жабылды. Қосымша сұрақтарыңыз болса, осы нөмірді көрсетіп, бізге хабарласыңыз.',
      'Өтініштің тарихы мына сілтеме арқылы қолжетімді:\n{trackingUrl}',
      'Бізге хабарласқаныңызға рахмет.',
    ),
    az: letter(
      'az',
      '{caseNumber} nömrəli müraciətiniz bağlandı',
      '{caseNumber} nömrəli müraciətiniz bağlandı. Əlavə sualınız olarsa, bu nömrəni qeyd etməklə bizimlə əlaqə saxlayın.',
      'Müraciətin tarixçəsi bu linkdə əlçatan qalır:\n{trackingUrl}',
      'Bizimlə əlaqə saxladığınız üçün təşəkkür edirik.',
    ),
  },
};

// Arabic needs all six plural forms: 1 دقيقة واحدة, 2 دقيقتين, 3–10 دقائق, 11–99 and 100+ دقيقة.
const AR_MINUTES =
  '{minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}';
const EN_MINUTES = '{minutes, plural, one {# minute} other {# minutes}}';
const RU_MINUTES = '{minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}';
// Kazakh and Azerbaijani keep the noun singular after a number.
const KK_MINUTES = '{minutes, plural, other {# минут}}';
const AZ_MINUTES = '{minutes, plural, other {# dəqiqə}}';

const otp: Record<NotificationChannel, ByLocale> = {
  sms: {
    ar: sms(`رمز التحقق من {orgName}: {code}\nصالح لمدة ${AR_MINUTES}. يُرجى عدم مشاركته مع أحد.`),
    en: sms(
      `{code} is your {orgName} verification code. It is valid for ${EN_MINUTES}. Do not share it with anyone.`,
    ),
    ru: sms(`{code} — ваш код подтверждения {orgName}. Действует ${RU_MINUTES}. Никому его не сообщайте.`),
    kk: sms(`{code} — {orgName} растау коды. Код ${KK_MINUTES} бойы жарамды. Оны ешкімге айтпаңыз.`),
    az: sms(
      `{code} — {orgName} təsdiq kodunuz. Kod ${AZ_MINUTES} ərzində etibarlıdır. Kodu heç kimə deməyin.`,
    ),
  },
  email: {
    ar: {
      subject: 'رمز التحقق من {orgName}',
      body: `رمز التحقق الخاص بك هو:\n\n{code}\n\nالرمز صالح لمدة ${AR_MINUTES}. إن لم تطلب هذا الرمز فيمكنك تجاهل هذه الرسالة. يُرجى عدم مشاركة الرمز مع أي شخص، حتى لو كان من موظفينا.\n\n{orgName}`,
    },
    en: {
      subject: 'Your {orgName} verification code',
      body: `Your verification code is:\n\n{code}\n\nIt is valid for ${EN_MINUTES}. If you did not ask for it, you can ignore this e-mail. Never share this code with anyone, including our staff.\n\n{orgName}`,
    },
    ru: {
      subject: 'Код подтверждения {orgName}',
      body: `Ваш код подтверждения:\n\n{code}\n\nКод действует ${RU_MINUTES}. Если вы его не запрашивали, просто проигнорируйте это письмо. Никому не сообщайте код, в том числе нашим сотрудникам.\n\n{orgName}`,
    },
    kk: {
      subject: '{orgName}: растау кодыңыз',
      body: `Сіздің растау кодыңыз:\n\n{code}\n\nКод ${KK_MINUTES} бойы жарамды. Егер оны сұрамаған болсаңыз, бұл хатты елемеңіз. Кодты ешкімге, соның ішінде біздің қызметкерлерге де айтпаңыз.\n\n{orgName}`,
    },
    az: {
      subject: '{orgName} təsdiq kodu',
      body: `Təsdiq kodunuz:\n\n{code}\n\nKod ${AZ_MINUTES} ərzində etibarlıdır. Bu kodu siz istəməmisinizsə, bu məktubu nəzərə almayın. Kodu heç kimə, o cümlədən əməkdaşlarımıza deməyin.\n\n{orgName}`,
    },
  },
};

/** The default text of every event × channel × language. */
export const DEFAULT_TEMPLATES: Record<NotificationEvent, Record<NotificationChannel, ByLocale>> = {
  registered,
  acknowledged,
  info_requested: infoRequested,
  extended,
  resolved,
  offer,
  survey,
  closed,
  otp,
};

/** The org's own text when it has one for this language, otherwise the default. */
export function templateFor(
  event: NotificationEvent,
  channel: NotificationChannel,
  locale: Locale,
  orgTemplates?: OrgTemplates,
): TemplateSource {
  return orgTemplates?.[event]?.[channel]?.[locale] ?? DEFAULT_TEMPLATES[event][channel][locale];
}
