// Sawa, the internet provider of Pharaon Group, Syria — procedure QP-14 "إجراء خدمة الزبائن"
// (ISO 9001), seeds/002. Calls are followed per WI-14-01; the customer-service manager reads the
// control panel daily (solved and told → close; registered and unsolved → transfer to the
// specialised department); the follow-up officer tells subscribers of activation and of the paid
// installation; after-sales staff make paid visits on request; compensation for a paid service
// not received through the provider's fault goes manager → finance (advance payment) → follow-up
// officer informs → manager closes.
//
// Case numbers carry the brand the subscriber knows (SW-2026-000123); the policy id stays PH.
import type { PolicyProfile } from './types.ts';

export const sawa: PolicyProfile = {
  policyId: 'PH',
  slug: 'sawa',
  casePrefix: 'SW',
  name: {
    ar: 'سوا — مجموعة فرعون',
    en: 'Sawa (Pharaon Group)',
    ru: 'Sawa (группа компаний Pharaon)',
    kk: 'Sawa (Pharaon компаниялар тобы)',
    az: 'Sawa (Pharaon şirkətlər qrupu)',
  },
  country: 'SY',
  defaultLocale: 'ar',
  locales: ['ar', 'en'],
  timezone: 'Asia/Damascus',
  hijri: false,

  caseTypes: {
    complaint: {
      enabled: true,
      name: { ar: 'شكوى', en: 'Complaint', ru: 'Жалоба', kk: 'Шағым', az: 'Şikayət' },
    },
    inquiry: {
      enabled: true,
      name: {
        ar: 'استفسار أو طلب خدمة',
        en: 'Inquiry or service request',
        ru: 'Вопрос или заявка на услугу',
        kk: 'Сұрақ немесе қызметке өтінім',
        az: 'Sorğu və ya xidmət sifarişi',
      },
    },
    suggestion: {
      enabled: false,
      name: { ar: 'اقتراح', en: 'Suggestion', ru: 'Предложение', kk: 'Ұсыныс', az: 'Təklif' },
    },
    compliment: {
      enabled: false,
      name: { ar: 'شكر', en: 'Compliment', ru: 'Благодарность', kk: 'Алғыс', az: 'Təşəkkür' },
    },
  },

  // QP-14 speaks of customers' calls (followed in the CRM) — the call centre is the channel. The
  // sales office where subscriptions are signed and paid for is where walk-in customers are served.
  channels: ['call_centre', 'store'],

  // QP-14 §4 "المسؤوليات", in its own words.
  roles: {
    administrator: {
      ar: 'مسؤول النظام',
      en: 'System administrator',
      ru: 'Администратор системы',
      kk: 'Жүйе әкімшісі',
      az: 'Sistem administratoru',
    },
    cs_manager: {
      ar: 'مدير خدمة الزبائن',
      en: 'Customer service manager',
      ru: 'Руководитель службы обслуживания клиентов',
      kk: 'Клиенттерге қызмет көрсету менеджері',
      az: 'Müştəri xidməti meneceri',
    },
    supervisor: {
      ar: 'مشرف خدمة الزبائن',
      en: 'Customer service supervisor',
      ru: 'Супервайзер службы обслуживания клиентов',
      kk: 'Клиенттерге қызмет көрсету супервайзері',
      az: 'Müştəri xidməti supervayzeri',
    },
    agent: {
      ar: 'موظف خدمة الزبائن',
      en: 'Customer service agent',
      ru: 'Сотрудник службы обслуживания клиентов',
      kk: 'Клиенттерге қызмет көрсету қызметкері',
      az: 'Müştəri xidməti əməkdaşı',
    },
    qa_officer: {
      ar: 'مسؤول الجودة في قسم خدمة الزبائن',
      en: 'Customer service quality officer',
      ru: 'Специалист по качеству службы обслуживания клиентов',
      kk: 'Клиенттерге қызмет көрсету сапасы жөніндегі маман',
      az: 'Müştəri xidmətində keyfiyyət üzrə məsul şəxs',
    },
    follow_up_officer: {
      ar: 'موظف المتابعة',
      en: 'Follow-up officer',
      ru: 'Сотрудник по сопровождению абонентов',
      kk: 'Абоненттерді сүйемелдеу қызметкері',
      az: 'İzləmə üzrə əməkdaş',
    },
    after_sales_agent: {
      ar: 'موظف خدمة الزبائن بعد البيع',
      en: 'After-sales service agent',
      ru: 'Специалист послепродажного обслуживания',
      kk: 'Сатудан кейінгі қызмет көрсету маманы',
      az: 'Satışdan sonrakı xidmət əməkdaşı',
    },
    department_staff: {
      ar: 'موظف القسم المختص',
      en: 'Specialised department staff',
      ru: 'Сотрудник профильного отдела',
      kk: 'Бейінді бөлім қызметкері',
      az: 'Aidiyyəti şöbənin əməkdaşı',
    },
    finance: {
      ar: 'موظف القسم المالي',
      en: 'Finance department officer',
      ru: 'Сотрудник финансового отдела',
      kk: 'Қаржы бөлімінің қызметкері',
      az: 'Maliyyə şöbəsinin əməkdaşı',
    },
    auditor: {
      ar: 'مدقق الجودة',
      en: 'Quality auditor',
      ru: 'Аудитор по качеству',
      kk: 'Сапа аудиторы',
      az: 'Keyfiyyət auditoru',
    },
  },

  departments: [
    {
      code: 'customer_service',
      kind: 'contact_centre',
      name: {
        ar: 'قسم خدمة الزبائن',
        en: 'Customer service',
        ru: 'Отдел обслуживания клиентов',
        kk: 'Клиенттерге қызмет көрсету бөлімі',
        az: 'Müştəri xidməti şöbəsi',
      },
    },
    {
      code: 'technical_support',
      kind: 'specialised',
      name: {
        ar: 'قسم الدعم الفني',
        en: 'Technical support',
        ru: 'Отдел технической поддержки',
        kk: 'Техникалық қолдау бөлімі',
        az: 'Texniki dəstək şöbəsi',
      },
    },
    {
      code: 'sales',
      kind: 'specialised',
      name: {
        ar: 'قسم المبيعات',
        en: 'Sales',
        ru: 'Отдел продаж',
        kk: 'Сату бөлімі',
        az: 'Satış şöbəsi',
      },
    },
    {
      code: 'follow_up',
      kind: 'specialised',
      name: {
        ar: 'المتابعة والتفعيل',
        en: 'Follow-up and activation',
        ru: 'Сопровождение и активация',
        kk: 'Сүйемелдеу және белсендіру',
        az: 'İzləmə və aktivləşdirmə',
      },
    },
    {
      code: 'after_sales',
      kind: 'field',
      name: {
        ar: 'خدمة ما بعد البيع ودعم الشركات',
        en: 'After-sales and business support (site visits)',
        ru: 'Послепродажное обслуживание и поддержка компаний (выезды)',
        kk: 'Сатудан кейінгі қызмет және компанияларды қолдау (барып көрсету)',
        az: 'Satışdan sonrakı xidmət və şirkətlərə dəstək (yerində xidmət)',
      },
    },
    {
      code: 'finance',
      kind: 'finance',
      name: {
        ar: 'القسم المالي',
        en: 'Finance',
        ru: 'Финансовый отдел',
        kk: 'Қаржы бөлімі',
        az: 'Maliyyə şöbəsi',
      },
    },
    {
      code: 'quality',
      kind: 'quality',
      name: {
        ar: 'قسم الجودة والتدقيق',
        en: 'Quality and audit',
        ru: 'Отдел качества и аудита',
        kk: 'Сапа және аудит бөлімі',
        az: 'Keyfiyyət və audit şöbəsi',
      },
    },
  ],

  services: [
    {
      code: 'adsl',
      name: {
        ar: 'اشتراك الإنترنت ADSL',
        en: 'ADSL internet subscription',
        ru: 'Подключение к интернету ADSL',
        kk: 'ADSL интернетке жазылым',
        az: 'ADSL internet abunəsi',
      },
    },
    {
      code: 'data_exchange',
      name: {
        ar: 'اشتراك تبادل المعطيات',
        en: 'Data-exchange subscription (monthly volume tiers)',
        ru: 'Подписка с месячным объёмом трафика',
        kk: 'Айлық трафик көлемі бар жазылым',
        az: 'Aylıq trafik həcmli abunə',
      },
    },
    {
      code: 'static_ip',
      name: {
        ar: 'خدمة عنوان IP ثابت (Static IP)',
        en: 'Static IP address',
        ru: 'Статический IP-адрес',
        kk: 'Тұрақты IP мекенжайы',
        az: 'Statik IP ünvanı',
      },
    },
    {
      code: 'paid_installation',
      name: {
        ar: 'خدمة التركيب المأجورة',
        en: 'Paid installation',
        ru: 'Платная установка',
        kk: 'Ақылы орнату',
        az: 'Ödənişli quraşdırma',
      },
    },
    {
      code: 'router',
      name: {
        ar: 'أجهزة الراوتر وإعدادها',
        en: 'Routers and router set-up',
        ru: 'Роутеры и их настройка',
        kk: 'Роутерлер және оларды баптау',
        az: 'Routerlər və onların sazlanması',
      },
    },
    {
      code: 'business_lan',
      name: {
        ar: 'حلول الشركات والشبكات المحلية (LAN)',
        en: 'Business and LAN solutions',
        ru: 'Решения для компаний и локальные сети (LAN)',
        kk: 'Компанияларға арналған шешімдер және жергілікті желілер (LAN)',
        az: 'Şirkətlər üçün həllər və lokal şəbəkələr (LAN)',
      },
    },
  ],

  categories: [
    {
      code: 'no_connection',
      department: 'technical_support',
      defaultPriority: 'high',
      name: {
        ar: 'انقطاع الاتصال بالإنترنت',
        en: 'No internet connection',
        ru: 'Нет подключения к интернету',
        kk: 'Интернет байланысы жоқ',
        az: 'İnternet bağlantısı yoxdur',
      },
    },
    {
      code: 'slow_speed',
      department: 'technical_support',
      defaultPriority: 'normal',
      name: {
        ar: 'سرعة أقل من السرعة المشترك بها',
        en: 'Speed below the subscribed speed',
        ru: 'Скорость ниже оплаченной',
        kk: 'Жылдамдық төленген жылдамдықтан төмен',
        az: 'Sürət abunə olunmuş sürətdən aşağıdır',
      },
    },
    {
      code: 'browsing_dns',
      department: 'technical_support',
      defaultPriority: 'normal',
      name: {
        ar: 'مشكلة في التصفح (DNS)',
        en: 'Browsing problem (DNS)',
        ru: 'Не открываются сайты (DNS)',
        kk: 'Сайттар ашылмайды (DNS)',
        az: 'Saytlar açılmır (DNS)',
      },
    },
    {
      code: 'line_noise',
      department: 'technical_support',
      defaultPriority: 'normal',
      name: {
        ar: 'تشويش على خط الهاتف أو الحاجة إلى فلتر',
        en: 'Noise on the phone line or filter needed',
        ru: 'Помехи на телефонной линии или нужен фильтр',
        kk: 'Телефон желісіндегі кедергі немесе сүзгі қажет',
        az: 'Telefon xəttində parazit və ya filtr lazımdır',
      },
    },
    {
      code: 'router_setup',
      department: 'technical_support',
      defaultPriority: 'low',
      name: {
        ar: 'إعداد الراوتر (Bridge mode وغيره)',
        en: 'Router configuration (bridge mode and other settings)',
        ru: 'Настройка роутера (режим моста и другое)',
        kk: 'Роутерді баптау (көпір режимі және басқалар)',
        az: 'Routerin sazlanması (körpü rejimi və s.)',
      },
    },
    {
      code: 'static_ip',
      department: 'technical_support',
      defaultPriority: 'normal',
      name: {
        ar: 'طلبات عنوان IP الثابت ومشكلاته',
        en: 'Static IP requests and problems',
        ru: 'Заявки и проблемы со статическим IP',
        kk: 'Тұрақты IP бойынша өтінімдер мен мәселелер',
        az: 'Statik IP ilə bağlı sorğular və problemlər',
      },
    },
    {
      code: 'volume_dispute',
      department: 'finance',
      defaultPriority: 'normal',
      name: {
        ar: 'اعتراض على حجم التبادل الشهري المحتسب',
        en: 'Dispute over the counted monthly volume',
        ru: 'Несогласие с учтённым месячным объёмом трафика',
        kk: 'Есептелген айлық трафик көлеміне наразылық',
        az: 'Hesablanmış aylıq trafik həcminə etiraz',
      },
    },
    {
      // The manager verifies on the control panel and estimates the amount before finance pays.
      code: 'compensation',
      department: 'customer_service',
      defaultPriority: 'high',
      name: {
        ar: 'طلب تعويض عن خدمة مدفوعة لم يُستفد منها',
        en: 'Compensation for a paid service not received',
        ru: 'Компенсация за оплаченную, но не полученную услугу',
        kk: 'Төленген, бірақ алынбаған қызмет үшін өтемақы',
        az: 'Ödənilmiş, lakin alınmamış xidmət üçün kompensasiya',
      },
    },
    {
      code: 'activation_delay',
      department: 'follow_up',
      defaultPriority: 'high',
      name: {
        ar: 'تأخر تفعيل الاشتراك',
        en: 'Delayed subscription activation',
        ru: 'Задержка активации подключения',
        kk: 'Жазылымды белсендірудің кешігуі',
        az: 'Abunənin aktivləşdirilməsinin gecikməsi',
      },
    },
    {
      code: 'plan_change',
      department: 'sales',
      defaultPriority: 'normal',
      name: {
        ar: 'تغيير السرعة أو شريحة الاشتراك',
        en: 'Change of speed or subscription tier',
        ru: 'Смена скорости или пакета трафика',
        kk: 'Жылдамдықты немесе трафик пакетін ауыстыру',
        az: 'Sürətin və ya abunə paketinin dəyişdirilməsi',
      },
    },
    {
      code: 'new_subscription',
      department: 'sales',
      defaultPriority: 'low',
      name: {
        ar: 'الاستفسار عن اشتراك جديد',
        en: 'New subscription inquiry',
        ru: 'Вопрос о новом подключении',
        kk: 'Жаңа қосылу туралы сұрақ',
        az: 'Yeni abunə barədə sorğu',
      },
    },
    {
      code: 'paid_visit',
      department: 'after_sales',
      defaultPriority: 'normal',
      name: {
        ar: 'طلب زيارة تركيب أو صيانة مأجورة',
        en: 'Request for a paid installation or maintenance visit',
        ru: 'Заявка на платный выезд для установки или обслуживания',
        kk: 'Орнату немесе қызмет көрсету үшін ақылы шығуға өтінім',
        az: 'Ödənişli quraşdırma və ya texniki xidmət üçün ustanın çağırılması',
      },
    },
    {
      code: 'electrical_hazard',
      department: 'after_sales',
      defaultPriority: 'urgent',
      healthOrSafety: true,
      name: {
        ar: 'خطر كهربائي من الراوتر أو محوّل الطاقة (سخونة، دخان، شرر)',
        en: 'Electrical hazard from a router or power adapter (overheating, smoke, sparks)',
        ru: 'Электрическая опасность от роутера или блока питания (перегрев, дым, искры)',
        kk: 'Роутерден немесе қуат адаптерінен электр қаупі (қызу, түтін, ұшқын)',
        az: 'Router və ya adapterdən elektrik təhlükəsi (qızma, tüstü, qığılcım)',
      },
    },
    {
      code: 'staff_conduct',
      department: 'quality',
      defaultPriority: 'normal',
      name: {
        ar: 'أسلوب تعامل الموظف',
        en: 'Staff conduct',
        ru: 'Поведение сотрудника',
        kk: 'Қызметкердің мінез-құлқы',
        az: 'Əməkdaşın davranışı',
      },
    },
  ],

  form: [
    {
      key: 'first_name',
      required: true,
      maxLength: 100,
      label: { ar: 'الاسم', en: 'First name', ru: 'Имя', kk: 'Аты', az: 'Ad' },
    },
    {
      key: 'last_name',
      required: true,
      maxLength: 100,
      label: { ar: 'الكنية', en: 'Surname', ru: 'Фамилия', kk: 'Тегі', az: 'Soyad' },
    },
    {
      key: 'phone',
      required: true,
      label: {
        ar: 'رقم الهاتف للتواصل',
        en: 'Contact phone number',
        ru: 'Контактный телефон',
        kk: 'Байланыс телефоны',
        az: 'Əlaqə telefonu',
      },
    },
    {
      // ADSL subscriptions hang off a landline; the User Info panel is searched by it.
      key: 'account_id',
      required: false,
      maxLength: 40,
      label: {
        ar: 'رقم الهاتف الأرضي المرتبط بالاشتراك أو اسم المستخدم',
        en: 'Landline number of the subscription or user name',
        ru: 'Номер стационарного телефона, к которому привязано подключение, или имя пользователя',
        kk: 'Жазылым байланған стационар телефон нөмірі немесе пайдаланушы аты',
        az: 'Abunənin bağlı olduğu stasionar telefon nömrəsi və ya istifadəçi adı',
      },
    },
    {
      key: 'service',
      required: false,
      label: {
        ar: 'نوع الاشتراك',
        en: 'Subscription type',
        ru: 'Вид подключения',
        kk: 'Жазылым түрі',
        az: 'Abunənin növü',
      },
    },
    {
      key: 'category',
      required: true,
      label: {
        ar: 'نوع المشكلة أو الطلب',
        en: 'Type of problem or request',
        ru: 'Вид проблемы или заявки',
        kk: 'Мәселенің немесе өтінімнің түрі',
        az: 'Problemin və ya sorğunun növü',
      },
    },
    {
      key: 'description',
      required: true,
      maxLength: 4000,
      label: {
        ar: 'وصف المشكلة',
        en: 'Description of the problem',
        ru: 'Описание проблемы',
        kk: 'Мәселенің сипаттамасы',
        az: 'Problemin təsviri',
      },
    },
    {
      key: 'remedy_sought',
      required: false,
      maxLength: 1000,
      label: {
        ar: 'ما يطلبه المشترك',
        en: 'What the subscriber asks for',
        ru: 'Чего просит абонент',
        kk: 'Абоненттің сұрауы',
        az: 'Abunəçinin tələbi',
      },
    },
  ],

  users: [
    { email: 'admin@sawa.demo', displayName: 'باسل الحلبي', role: 'administrator', locale: 'ar' },
    {
      email: 'mazen.shami@sawa.demo',
      displayName: 'مازن الشامي',
      role: 'cs_manager',
      department: 'customer_service',
      leads: 'customer_service',
      locale: 'ar',
    },
    {
      email: 'lama.homsi@sawa.demo',
      displayName: 'لمى الحمصي',
      role: 'supervisor',
      department: 'customer_service',
      locale: 'ar',
    },
    {
      email: 'ghaith.nouri@sawa.demo',
      displayName: 'غيث النوري',
      role: 'agent',
      department: 'customer_service',
      locale: 'ar',
    },
    {
      email: 'reem.atassi@sawa.demo',
      displayName: 'ريم الأتاسي',
      role: 'agent',
      department: 'customer_service',
      locale: 'ar',
    },
    {
      email: 'hala.sibai@sawa.demo',
      displayName: 'هالة السباعي',
      role: 'qa_officer',
      department: 'customer_service',
      locale: 'ar',
    },
    {
      email: 'nader.khoury@sawa.demo',
      displayName: 'نادر خوري',
      role: 'follow_up_officer',
      department: 'follow_up',
      leads: 'follow_up',
      locale: 'ar',
    },
    {
      email: 'samer.jabban@sawa.demo',
      displayName: 'سامر الجبان',
      role: 'after_sales_agent',
      department: 'after_sales',
      leads: 'after_sales',
      locale: 'ar',
    },
    {
      email: 'firas.diab@sawa.demo',
      displayName: 'فراس دياب',
      role: 'department_staff',
      department: 'technical_support',
      leads: 'technical_support',
      locale: 'ar',
    },
    {
      email: 'rasha.marei@sawa.demo',
      displayName: 'رشا مرعي',
      role: 'department_staff',
      department: 'sales',
      leads: 'sales',
      locale: 'ar',
    },
    {
      email: 'wassim.kattan@sawa.demo',
      displayName: 'وسيم قطان',
      role: 'finance',
      department: 'finance',
      leads: 'finance',
      locale: 'ar',
    },
    {
      email: 'abeer.khatib@sawa.demo',
      displayName: 'عبير الخطيب',
      role: 'auditor',
      department: 'quality',
      leads: 'quality',
      locale: 'en',
    },
  ],

  sampleCases: [
    {
      type: 'complaint',
      channel: 'call_centre',
      category: 'no_connection',
      service: 'adsl',
      subject: 'انقطاع الإنترنت منذ يومين',
      description:
        'الإنترنت مقطوع تماماً منذ يومين، وضوء ADSL على الراوتر يومض ولا يثبت. جرّبت تبديل الفلتر وإعادة تشغيل الراوتر دون نتيجة، والخط الأرضي يعمل بشكل طبيعي.',
      remedySought: 'إصلاح العطل بأسرع وقت وتعويض أيام الانقطاع.',
      locale: 'ar',
      customer: { firstName: 'محمد', lastName: 'العلبي', phone: '+963944215873' },
      servedBy: 'غيث النوري',
      stage: 'transferred',
    },
    {
      type: 'complaint',
      channel: 'call_centre',
      category: 'compensation',
      service: 'data_exchange',
      subject: 'دفعت قيمة الباقة ولم أستفد منها عشرة أيام',
      description:
        'جدّدت اشتراك تبادل المعطيات بشريحة 50 غيغابايت في أول الشهر، لكن الخدمة توقفت عشرة أيام بسبب عطل في المقسم كما أبلغني الدعم الفني. أطالب بتعويض عن هذه الفترة.',
      remedySought: 'إضافة دفعة مقدمة إلى حسابي تعادل قيمة الأيام العشرة.',
      locale: 'ar',
      customer: { firstName: 'سلمى', lastName: 'الدقر', phone: '+963933718402' },
      servedBy: 'ريم الأتاسي',
      stage: 'acknowledged',
    },
    {
      type: 'inquiry',
      channel: 'call_centre',
      category: 'router_setup',
      service: 'router',
      subject: 'ضبط الراوتر على وضع Bridge',
      description:
        'اشتريت جهاز توجيه جديداً وأريد تشغيل الراوتر الحالي بوضع Bridge mode. أحتاج إلى خطوات الإعداد وإعدادات DNS الصحيحة.',
      locale: 'ar',
      customer: { firstName: 'كنان', lastName: 'حداد', phone: '+963955640371' },
      servedBy: 'غيث النوري',
      stage: 'resolved_on_the_spot',
    },
    {
      type: 'inquiry',
      channel: 'call_centre',
      category: 'paid_visit',
      service: 'business_lan',
      subject: 'طلب زيارة لتمديد شبكة LAN في المكتب',
      description:
        'لدينا مكتب محاسبة فيه ثمانية أجهزة، ونرغب بزيارة فنية مأجورة لتمديد شبكة محلية وربطها باشتراك ADSL مع عنوان IP ثابت.',
      locale: 'ar',
      customer: {
        kind: 'business',
        segment: 'business_owner',
        businessName: 'مكتب الشهابي للمحاسبة',
        firstName: 'عمار',
        lastName: 'الشهابي',
        phone: '+963112234567',
      },
      stage: 'transferred',
    },
    {
      type: 'complaint',
      channel: 'call_centre',
      category: 'activation_delay',
      service: 'adsl',
      subject: 'الاشتراك لم يُفعَّل بعد أسبوع من الدفع',
      description:
        'سدّدت رسوم اشتراك ADSL بسرعة 1 ميغابت قبل أسبوع في صالة المبيعات، وقيل لي إن التفعيل يتم خلال ثلاثة أيام، ولم يتواصل معي أحد حتى الآن.',
      remedySought: 'تفعيل الاشتراك وإبلاغي بموعد واضح.',
      locale: 'ar',
      customer: { firstName: 'رهف', lastName: 'قباني', phone: '+963988307514' },
      stage: 'responded',
    },
    {
      type: 'complaint',
      channel: 'call_centre',
      category: 'electrical_hazard',
      service: 'router',
      subject: 'رائحة احتراق من محوّل الراوتر',
      description:
        'صباح اليوم لاحظت رائحة احتراق وسخونة شديدة في محوّل الطاقة الخاص بالراوتر الذي ركّبه فنيّكم الشهر الماضي، ففصلته عن الكهرباء فوراً. أحتاج إلى استبداله بشكل آمن.',
      remedySought: 'استبدال المحوّل أو الراوتر مجاناً.',
      locale: 'ar',
      customer: { firstName: 'جورج', lastName: 'صباغ', phone: '+963945128706' },
      stage: 'acknowledged',
    },
    {
      type: 'complaint',
      channel: 'store',
      category: 'volume_dispute',
      service: 'data_exchange',
      subject: 'استهلاك غير منطقي لحجم التبادل الشهري',
      description:
        'تُظهر لوحة المستخدم أنني استهلكت 40 غيغابايت خلال أسبوع واحد، مع أن استخدامي يقتصر على التصفح والبريد الإلكتروني. أطلب التحقق من الاستهلاك.',
      remedySought: 'مراجعة الاستهلاك وإعادة الحجم المحتسب خطأً.',
      locale: 'ar',
      customer: { firstName: 'نزار', lastName: 'الحمصي', phone: '+963932481650' },
      stage: 'closed',
    },
    {
      type: 'complaint',
      channel: 'call_centre',
      category: 'staff_conduct',
      service: 'adsl',
      subject: 'إنهاء المكالمة قبل حل المشكلة',
      description:
        'اتصلت مرتين بخدمة الزبائن بخصوص بطء السرعة، وفي المرة الثانية أنهى الموظف المكالمة قبل أن أكمل شرح المشكلة ودون أن يعطيني وقتاً متوقعاً للحل.',
      locale: 'ar',
      customer: { firstName: 'ديما', lastName: 'السيد', phone: '+963996572018' },
      stage: 'received',
    },
  ],
};
