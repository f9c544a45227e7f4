// Human Resources Development Fund "Hadaf", Saudi Arabia — contact-centre communication rules
// (press report, seeds/003; only its first half is the policy). Sunday–Thursday 08:00–20:00;
// identity verified by identifying questions; a free dedicated line for establishment owners;
// customers are contacted only through the contact centre; every call recorded and kept six
// months; chat and video through the Fund's website; verified social accounts only, nothing
// confidential over them; Modern Standard Arabic; at most three holds per call; a post-service
// rating; common problems escalated by e-mail to the department concerned.
import type { PolicyProfile } from './types.ts';

export const hrdf: PolicyProfile = {
  policyId: 'HR',
  slug: 'hrdf',
  casePrefix: 'HR',
  name: {
    ar: 'صندوق تنمية الموارد البشرية (هدف)',
    en: 'Human Resources Development Fund (HRDF)',
    ru: 'Фонд развития человеческих ресурсов (HRDF)',
    kk: 'Адами ресурстарды дамыту қоры (HRDF)',
    az: 'İnsan Resurslarının İnkişafı Fondu (HRDF)',
  },
  country: 'SA',
  defaultLocale: 'ar',
  locales: ['ar', 'en'],
  timezone: 'Asia/Riyadh',
  hijri: true,

  caseTypes: {
    inquiry: {
      enabled: true,
      name: {
        ar: 'استفسار أو طلب',
        en: 'Inquiry or request',
        ru: 'Вопрос или обращение',
        kk: 'Сұрақ немесе өтініш',
        az: 'Sorğu və ya müraciət',
      },
    },
    complaint: {
      enabled: true,
      name: { ar: 'شكوى', en: 'Complaint', ru: 'Жалоба', kk: 'Шағым', az: 'Şikayət' },
    },
    suggestion: {
      enabled: true,
      name: { ar: 'اقتراح', en: 'Suggestion', ru: 'Предложение', kk: 'Ұсыныс', az: 'Təklif' },
    },
    compliment: {
      enabled: false,
      name: { ar: 'شكر وإشادة', en: 'Compliment', ru: 'Благодарность', kk: 'Алғыс', az: 'Təşəkkür' },
    },
  },

  // Phone (free number), chat and video calls through the website, verified social accounts and
  // their private messages.
  channels: ['call_centre', 'chat', 'video', 'social', 'messaging'],

  roles: {
    administrator: {
      ar: 'مسؤول النظام',
      en: 'System administrator',
      ru: 'Администратор системы',
      kk: 'Жүйе әкімшісі',
      az: 'Sistem administratoru',
    },
    cs_manager: {
      ar: 'مدير مركز التواصل',
      en: 'Contact centre manager',
      ru: 'Руководитель контакт-центра',
      kk: 'Байланыс орталығының басшысы',
      az: 'Əlaqə mərkəzinin rəhbəri',
    },
    supervisor: {
      ar: 'مشرف مركز التواصل',
      en: 'Contact centre supervisor',
      ru: 'Супервайзер контакт-центра',
      kk: 'Байланыс орталығының супервайзері',
      az: 'Əlaqə mərkəzinin supervayzeri',
    },
    agent: {
      ar: 'ممثل خدمة العملاء',
      en: 'Customer service representative',
      ru: 'Специалист по обслуживанию клиентов',
      kk: 'Клиенттерге қызмет көрсету маманы',
      az: 'Müştəri xidməti nümayəndəsi',
    },
    qa_officer: {
      ar: 'أخصائي ضبط الجودة',
      en: 'Quality assurance specialist',
      ru: 'Специалист по контролю качества',
      kk: 'Сапаны бақылау маманы',
      az: 'Keyfiyyətə nəzarət mütəxəssisi',
    },
    department_staff: {
      ar: 'موظف الإدارة المعنية',
      en: 'Staff of the department concerned',
      ru: 'Сотрудник профильного управления',
      kk: 'Тиісті басқарма қызметкері',
      az: 'Aidiyyəti idarənin əməkdaşı',
    },
    finance: {
      ar: 'موظف إدارة الصرف',
      en: 'Disbursement officer',
      ru: 'Специалист по выплатам',
      kk: 'Төлемдер жөніндегі маман',
      az: 'Ödənişlər üzrə mütəxəssis',
    },
    auditor: {
      ar: 'مراجع داخلي',
      en: 'Internal auditor',
      ru: 'Внутренний аудитор',
      kk: 'Ішкі аудитор',
      az: 'Daxili auditor',
    },
  },

  departments: [
    {
      code: 'contact_centre',
      kind: 'contact_centre',
      name: {
        ar: 'إدارة مركز التواصل',
        en: 'Contact centre',
        ru: 'Управление контакт-центра',
        kk: 'Байланыс орталығы басқармасы',
        az: 'Əlaqə mərkəzi idarəsi',
      },
    },
    {
      // "توفير خط خاص لأصحاب المنشآت من خلال الرقم المجاني": its own queue and priority. Listed
      // after the main contact centre (and coded to sort after it), which takes uncategorised cases.
      code: 'owners_line',
      kind: 'contact_centre',
      name: {
        ar: 'خط أصحاب المنشآت',
        en: "Establishment owners' line",
        ru: 'Линия для владельцев предприятий',
        kk: 'Кәсіпорын иелеріне арналған желі',
        az: 'Müəssisə sahibləri üçün xətt',
      },
    },
    {
      code: 'employment_programmes',
      kind: 'specialised',
      name: {
        ar: 'إدارة برامج دعم التوظيف',
        en: 'Employment support programmes',
        ru: 'Управление программ содействия занятости',
        kk: 'Жұмыспен қамтуды қолдау бағдарламалары басқармасы',
        az: 'Məşğulluğa dəstək proqramları idarəsi',
      },
    },
    {
      code: 'training_programmes',
      kind: 'specialised',
      name: {
        ar: 'إدارة برامج التدريب والتأهيل',
        en: 'Training and qualification programmes',
        ru: 'Управление программ обучения и квалификации',
        kk: 'Оқыту және біліктілік бағдарламалары басқармасы',
        az: 'Təlim və ixtisasartırma proqramları idarəsi',
      },
    },
    {
      code: 'digital_platforms',
      kind: 'specialised',
      name: {
        ar: 'إدارة المنصات الإلكترونية (طاقات ودروب)',
        en: 'Digital platforms (Taqat, Doroob)',
        ru: 'Управление электронных платформ («Такат», «Дуруб»)',
        kk: 'Электрондық платформалар басқармасы («Тақат», «Дуруб»)',
        az: 'Elektron platformalar idarəsi (Taqat, Dorub)',
      },
    },
    {
      code: 'disbursement',
      kind: 'finance',
      name: {
        ar: 'إدارة الصرف',
        en: 'Disbursement',
        ru: 'Управление выплат',
        kk: 'Төлемдер басқармасы',
        az: 'Ödənişlər idarəsi',
      },
    },
    {
      code: 'quality',
      kind: 'quality',
      name: {
        ar: 'إدارة الجودة والالتزام',
        en: 'Quality and compliance',
        ru: 'Управление качества и комплаенса',
        kk: 'Сапа және комплаенс басқармасы',
        az: 'Keyfiyyət və uyğunluq idarəsi',
      },
    },
  ],

  // "عرض وتسويق برامج وخدمات هدف للعميل": the Fund's programmes are its service catalogue.
  services: [
    {
      code: 'employment_support',
      name: {
        ar: 'برنامج دعم التوظيف',
        en: 'Employment support programme',
        ru: 'Программа поддержки трудоустройства',
        kk: 'Жұмысқа орналасуды қолдау бағдарламасы',
        az: 'İşə düzəlməyə dəstək proqramı',
      },
    },
    {
      code: 'tamheer',
      name: {
        ar: 'برنامج تمهير للتدريب على رأس العمل',
        en: 'Tamheer on-the-job training',
        ru: 'Программа «Тамхир»: обучение на рабочем месте',
        kk: '«Тамхир» бағдарламасы: жұмыс орнында оқыту',
        az: '«Təmhir» proqramı: iş yerində təlim',
      },
    },
    {
      code: 'training_support',
      name: {
        ar: 'دعم التدريب والشهادات المهنية',
        en: 'Training and professional certificate support',
        ru: 'Поддержка обучения и профессиональных сертификатов',
        kk: 'Оқыту мен кәсіби сертификаттарды қолдау',
        az: 'Təlimə və peşə sertifikatlarına dəstək',
      },
    },
    {
      code: 'localisation_support',
      name: {
        ar: 'دعم التوطين للمنشآت',
        en: 'Saudisation support for establishments',
        ru: 'Поддержка саудизации для предприятий',
        kk: 'Кәсіпорындарға арналған саудизацияны қолдау',
        az: 'Müəssisələr üçün səudiləşdirməyə dəstək',
      },
    },
    {
      code: 'qurrah',
      name: {
        ar: 'برنامج قرة لدعم ضيافة أطفال المرأة العاملة',
        en: 'Qurrah childcare support for working women',
        ru: 'Программа «Курра»: поддержка детского ухода для работающих женщин',
        kk: '«Құрра» бағдарламасы: жұмыс істейтін әйелдердің балаларын күтуге қолдау',
        az: '«Qurrə» proqramı: işləyən qadınların uşaqlarına qulluğa dəstək',
      },
    },
    {
      code: 'wusool',
      name: {
        ar: 'برنامج وصول لدعم نقل المرأة العاملة',
        en: 'Wusool transport support for working women',
        ru: 'Программа «Вусул»: поддержка транспорта для работающих женщин',
        kk: '«Вусул» бағдарламасы: жұмыс істейтін әйелдердің жол жүруіне қолдау',
        az: '«Vusul» proqramı: işləyən qadınların nəqliyyat xərclərinə dəstək',
      },
    },
    {
      code: 'remote_work',
      name: {
        ar: 'برنامج العمل عن بُعد',
        en: 'Remote work programme',
        ru: 'Программа удалённой работы',
        kk: 'Қашықтан жұмыс істеу бағдарламасы',
        az: 'Məsafədən iş proqramı',
      },
    },
    {
      code: 'taqat',
      name: {
        ar: 'البوابة الوطنية للعمل (طاقات)',
        en: 'National Labour Gateway (Taqat)',
        ru: 'Национальный портал труда («Такат»)',
        kk: 'Ұлттық еңбек порталы («Тақат»)',
        az: 'Milli Əmək Portalı (Taqat)',
      },
    },
    {
      code: 'doroob',
      name: {
        ar: 'منصة دروب للتدريب الإلكتروني',
        en: 'Doroob e-learning platform',
        ru: 'Платформа онлайн-обучения «Дуруб»',
        kk: '«Дуруб» онлайн оқыту платформасы',
        az: '«Dorub» elektron təlim platforması',
      },
    },
  ],

  categories: [
    {
      code: 'disbursement_delay',
      department: 'disbursement',
      defaultPriority: 'high',
      name: {
        ar: 'تأخر صرف الدعم',
        en: 'Delayed support payment',
        ru: 'Задержка выплаты поддержки',
        kk: 'Қолдау төлемінің кешігуі',
        az: 'Dəstək ödənişinin gecikməsi',
      },
    },
    {
      code: 'eligibility',
      department: 'employment_programmes',
      defaultPriority: 'low',
      name: {
        ar: 'الأهلية وشروط البرامج',
        en: 'Programme eligibility and conditions',
        ru: 'Право на участие и условия программ',
        kk: 'Бағдарламаларға қатысу құқығы мен шарттары',
        az: 'Proqramlarda iştirak hüququ və şərtlər',
      },
    },
    {
      code: 'employment_support_request',
      department: 'employment_programmes',
      defaultPriority: 'normal',
      name: {
        ar: 'طلبات دعم التوظيف',
        en: 'Employment support applications',
        ru: 'Заявки на поддержку трудоустройства',
        kk: 'Жұмысқа орналасуды қолдауға өтінімдер',
        az: 'İşə düzəlməyə dəstək müraciətləri',
      },
    },
    {
      code: 'women_programmes',
      department: 'employment_programmes',
      defaultPriority: 'normal',
      name: {
        ar: 'برامج دعم المرأة العاملة (قرة ووصول)',
        en: 'Working-women programmes (Qurrah, Wusool)',
        ru: 'Программы для работающих женщин («Курра», «Вусул»)',
        kk: 'Жұмыс істейтін әйелдерге арналған бағдарламалар («Құрра», «Вусул»)',
        az: 'İşləyən qadınlar üçün proqramlar («Qurrə», «Vusul»)',
      },
    },
    {
      code: 'tamheer',
      department: 'training_programmes',
      defaultPriority: 'normal',
      name: {
        ar: 'طلبات تمهير وشؤون المتدربين',
        en: 'Tamheer applications and trainee matters',
        ru: 'Заявки «Тамхир» и вопросы стажёров',
        kk: '«Тамхир» өтінімдері және тағылымдамашылар мәселелері',
        az: '«Təmhir» müraciətləri və təcrübəçilərlə bağlı məsələlər',
      },
    },
    {
      code: 'trainee_safety',
      department: 'training_programmes',
      defaultPriority: 'urgent',
      healthOrSafety: true,
      name: {
        ar: 'سلامة المتدرب في بيئة العمل',
        en: 'Trainee safety at the workplace',
        ru: 'Безопасность стажёра на рабочем месте',
        kk: 'Тағылымдамашының жұмыс орнындағы қауіпсіздігі',
        az: 'Təcrübəçinin iş yerində təhlükəsizliyi',
      },
    },
    {
      code: 'training_support',
      department: 'training_programmes',
      defaultPriority: 'normal',
      name: {
        ar: 'دعم التدريب والشهادات المهنية',
        en: 'Training and professional certificate support',
        ru: 'Поддержка обучения и профессиональных сертификатов',
        kk: 'Оқыту мен кәсіби сертификаттарды қолдау',
        az: 'Təlimə və peşə sertifikatlarına dəstək',
      },
    },
    {
      code: 'taqat_account',
      department: 'digital_platforms',
      defaultPriority: 'normal',
      name: {
        ar: 'الحساب في منصة طاقات',
        en: 'Taqat account',
        ru: 'Учётная запись на портале «Такат»',
        kk: '«Тақат» порталындағы тіркелгі',
        az: 'Taqat portalında hesab',
      },
    },
    {
      code: 'doroob_courses',
      department: 'digital_platforms',
      defaultPriority: 'low',
      name: {
        ar: 'دورات دروب وشهاداتها',
        en: 'Doroob courses and certificates',
        ru: 'Курсы и сертификаты «Дуруб»',
        kk: '«Дуруб» курстары мен сертификаттары',
        az: '«Dorub» kursları və sertifikatları',
      },
    },
    {
      code: 'establishment_services',
      department: 'owners_line',
      defaultPriority: 'high',
      name: {
        ar: 'خدمات أصحاب المنشآت ودعم التوطين',
        en: "Establishment owners' services and Saudisation support",
        ru: 'Услуги для владельцев предприятий и поддержка саудизации',
        kk: 'Кәсіпорын иелеріне арналған қызметтер және саудизацияны қолдау',
        az: 'Müəssisə sahiblərinə xidmətlər və səudiləşdirməyə dəstək',
      },
    },
    {
      // Only verified accounts speak for the Fund; fake ones asking for fees are handled at once.
      code: 'impersonation',
      department: 'contact_centre',
      defaultPriority: 'high',
      name: {
        ar: 'انتحال صفة الصندوق أو حسابات غير موثقة',
        en: 'Impersonation of the Fund or unverified accounts',
        ru: 'Мошенничество от имени Фонда или неверифицированные аккаунты',
        kk: 'Қордың атын жамылу немесе расталмаған аккаунттар',
        az: 'Fondun adından dələduzluq və ya təsdiqlənməmiş hesablar',
      },
    },
    {
      code: 'agent_conduct',
      department: 'quality',
      defaultPriority: 'normal',
      name: {
        ar: 'أسلوب موظف مركز التواصل',
        en: 'Contact centre staff conduct',
        ru: 'Поведение сотрудника контакт-центра',
        kk: 'Байланыс орталығы қызметкерінің мінез-құлқы',
        az: 'Əlaqə mərkəzi əməkdaşının davranışı',
      },
    },
    {
      code: 'incorrect_information',
      department: 'quality',
      defaultPriority: 'high',
      name: {
        ar: 'معلومات غير صحيحة أو مضللة',
        en: 'Incorrect or misleading information',
        ru: 'Неверная или вводящая в заблуждение информация',
        kk: 'Қате немесе жаңылыстыратын ақпарат',
        az: 'Yanlış və ya çaşdırıcı məlumat',
      },
    },
    {
      code: 'data_confidentiality',
      department: 'quality',
      defaultPriority: 'high',
      name: {
        ar: 'سرية البيانات والخصوصية',
        en: 'Data confidentiality and privacy',
        ru: 'Конфиденциальность данных',
        kk: 'Деректердің құпиялылығы',
        az: 'Məlumatların məxfiliyi',
      },
    },
  ],

  form: [
    {
      // Asked for on every request; the identity check itself is the identifying questions
      // (R-REC-3). Optional only because a profile's sample customers cannot carry an ID number
      // yet (ProfileSampleCase.customer has no nationalId), and the demo seeder validates them
      // against this form.
      key: 'national_id',
      required: false,
      maxLength: 10,
      label: {
        ar: 'رقم الهوية الوطنية أو الإقامة',
        en: 'National ID or Iqama number',
        ru: 'Номер национального удостоверения или икамы',
        kk: 'Ұлттық куәлік немесе икама нөмірі',
        az: 'Milli şəxsiyyət vəsiqəsinin və ya iqamənin nömrəsi',
      },
    },
    {
      key: 'first_name',
      required: true,
      maxLength: 100,
      label: { ar: 'الاسم الأول', en: 'First name', ru: 'Имя', kk: 'Аты', az: 'Ad' },
    },
    {
      key: 'last_name',
      required: true,
      maxLength: 100,
      label: { ar: 'اسم العائلة', en: 'Family name', ru: 'Фамилия', kk: 'Тегі', az: 'Soyad' },
    },
    {
      key: 'phone',
      required: true,
      label: {
        ar: 'رقم الجوال',
        en: 'Mobile number',
        ru: 'Номер мобильного телефона',
        kk: 'Ұялы телефон нөмірі',
        az: 'Mobil telefon nömrəsi',
      },
    },
    {
      key: 'email',
      required: false,
      label: {
        ar: 'البريد الإلكتروني',
        en: 'E-mail',
        ru: 'Электронная почта',
        kk: 'Электрондық пошта',
        az: 'E-poçt',
      },
    },
    {
      key: 'business_name',
      required: false,
      maxLength: 200,
      label: {
        ar: 'اسم المنشأة (لأصحاب المنشآت)',
        en: 'Establishment name (for establishment owners)',
        ru: 'Название предприятия (для владельцев предприятий)',
        kk: 'Кәсіпорын атауы (кәсіпорын иелері үшін)',
        az: 'Müəssisənin adı (müəssisə sahibləri üçün)',
      },
    },
    {
      key: 'custom.unified_number',
      required: false,
      maxLength: 10,
      label: {
        ar: 'الرقم الوطني الموحد للمنشأة',
        en: "Establishment's unified national number",
        ru: 'Единый национальный номер предприятия',
        kk: 'Кәсіпорынның бірыңғай ұлттық нөмірі',
        az: 'Müəssisənin vahid milli nömrəsi',
      },
    },
    {
      key: 'service',
      required: false,
      label: {
        ar: 'البرنامج أو الخدمة',
        en: 'Programme or service',
        ru: 'Программа или услуга',
        kk: 'Бағдарлама немесе қызмет',
        az: 'Proqram və ya xidmət',
      },
    },
    {
      key: 'category',
      required: true,
      label: {
        ar: 'نوع الطلب',
        en: 'Type of request',
        ru: 'Вид обращения',
        kk: 'Өтініш түрі',
        az: 'Müraciətin növü',
      },
    },
    {
      key: 'description',
      required: true,
      maxLength: 4000,
      label: {
        ar: 'تفاصيل الطلب',
        en: 'Details of the request',
        ru: 'Подробности обращения',
        kk: 'Өтініштің толық мазмұны',
        az: 'Müraciətin təfərrüatları',
      },
    },
    {
      key: 'remedy_sought',
      required: false,
      maxLength: 1000,
      label: {
        ar: 'الحل الذي تطلبه',
        en: 'Remedy you are seeking',
        ru: 'Какое решение вы ожидаете',
        kk: 'Сіз күтетін шешім',
        az: 'Gözlədiyiniz həll',
      },
    },
  ],

  users: [
    { email: 'admin@hrdf.demo', displayName: 'فهد العتيبي', role: 'administrator', locale: 'ar' },
    {
      email: 'noura.alqahtani@hrdf.demo',
      displayName: 'نورة القحطاني',
      role: 'cs_manager',
      department: 'contact_centre',
      leads: 'contact_centre',
      locale: 'ar',
    },
    {
      email: 'abdullah.alshehri@hrdf.demo',
      displayName: 'عبدالله الشهري',
      role: 'supervisor',
      department: 'contact_centre',
      locale: 'ar',
    },
    {
      email: 'reem.almutairi@hrdf.demo',
      displayName: 'ريم المطيري',
      role: 'agent',
      department: 'contact_centre',
      locale: 'ar',
    },
    {
      email: 'sultan.aldosari@hrdf.demo',
      displayName: 'سلطان الدوسري',
      role: 'supervisor',
      department: 'owners_line',
      leads: 'owners_line',
      locale: 'ar',
    },
    {
      email: 'majed.alghamdi@hrdf.demo',
      displayName: 'ماجد الغامدي',
      role: 'agent',
      department: 'owners_line',
      locale: 'ar',
    },
    {
      email: 'khalid.alharbi@hrdf.demo',
      displayName: 'خالد الحربي',
      role: 'department_staff',
      department: 'employment_programmes',
      leads: 'employment_programmes',
      locale: 'ar',
    },
    {
      email: 'munira.alsubaie@hrdf.demo',
      displayName: 'منيرة السبيعي',
      role: 'department_staff',
      department: 'training_programmes',
      leads: 'training_programmes',
      locale: 'ar',
    },
    {
      email: 'turki.alanazi@hrdf.demo',
      displayName: 'تركي العنزي',
      role: 'department_staff',
      department: 'digital_platforms',
      leads: 'digital_platforms',
      locale: 'ar',
    },
    {
      email: 'sarah.alshammari@hrdf.demo',
      displayName: 'سارة الشمري',
      role: 'finance',
      department: 'disbursement',
      leads: 'disbursement',
      locale: 'ar',
    },
    {
      email: 'haifa.alzahrani@hrdf.demo',
      displayName: 'هيفاء الزهراني',
      role: 'qa_officer',
      department: 'quality',
      leads: 'quality',
      locale: 'ar',
    },
    {
      email: 'omar.bashraheel@hrdf.demo',
      displayName: 'عمر باشراحيل',
      role: 'auditor',
      department: 'quality',
      locale: 'en',
    },
  ],

  sampleCases: [
    {
      type: 'complaint',
      channel: 'call_centre',
      category: 'disbursement_delay',
      service: 'employment_support',
      subject: 'تأخر صرف دعم التوظيف ثلاثة أشهر',
      description:
        'اعتُمدت منشأتنا في برنامج دعم التوظيف عن موظفَين سعوديَّين جديدَين، ولم يُصرف الدعم منذ ثلاثة أشهر رغم رفع مسيّرات الرواتب في مواعيدها.',
      remedySought: 'صرف المستحقات المتأخرة وإبلاغنا بسبب التأخير.',
      locale: 'ar',
      customer: {
        kind: 'business',
        segment: 'business_owner',
        businessName: 'مؤسسة ركن البناء للمقاولات',
        firstName: 'عبدالرحمن',
        lastName: 'الحارثي',
        phone: '+966505318742',
      },
      servedBy: 'ماجد الغامدي',
      stage: 'transferred',
    },
    {
      type: 'inquiry',
      channel: 'chat',
      category: 'eligibility',
      service: 'tamheer',
      subject: 'شروط الالتحاق ببرنامج تمهير',
      description:
        'تخرجت قبل ستة أشهر بدرجة البكالوريوس في نظم المعلومات، وأرغب في معرفة شروط الالتحاق ببرنامج تمهير ومدة التدريب والمكافأة الشهرية.',
      locale: 'ar',
      customer: { firstName: 'لمى', lastName: 'العسيري', phone: '+966551742093' },
      servedBy: 'ريم المطيري',
      stage: 'resolved_on_the_spot',
    },
    {
      type: 'complaint',
      channel: 'call_centre',
      category: 'establishment_services',
      service: 'localisation_support',
      subject: 'عدم احتساب جميع الموظفين في طلب دعم التوطين',
      description:
        'رفعنا طلب دعم التوطين لمنشأتنا قبل أسبوعين، لكن النظام لا يُظهر سوى أربعة من الموظفين السعوديين السبعة المسجلين في التأمينات الاجتماعية.',
      remedySought: 'تصحيح بيانات الطلب واحتساب جميع الموظفين المستحقين.',
      locale: 'ar',
      customer: {
        kind: 'business',
        segment: 'business_owner',
        businessName: 'شركة الواحة للتجارة',
        firstName: 'فيصل',
        lastName: 'المالكي',
        phone: '+966530427816',
      },
      servedBy: 'ماجد الغامدي',
      stage: 'acknowledged',
    },
    {
      type: 'complaint',
      channel: 'social',
      category: 'impersonation',
      service: 'remote_work',
      subject: 'حساب يدّعي أنه الصندوق ويطلب رسوم تسجيل',
      description:
        'تواصل معي حساب على منصة إكس يحمل شعار الصندوق، وطلب تحويل 300 ريال رسومَ تسجيل في برنامج العمل عن بُعد. هل هذا الحساب رسمي؟',
      remedySought: 'التحقق من الحساب والإبلاغ عنه.',
      locale: 'ar',
      customer: { firstName: 'سعد', lastName: 'القرني', phone: '+966562093184' },
      stage: 'responded',
    },
    {
      type: 'complaint',
      channel: 'video',
      category: 'trainee_safety',
      service: 'tamheer',
      subject: 'بيئة تدريب غير آمنة في منشأة تمهير',
      description:
        'أتدرب ضمن برنامج تمهير في مستودع، ويُطلب مني تشغيل رافعة شوكية دون تدريب أو معدات سلامة، وقد تعرّض زميل لإصابة الأسبوع الماضي.',
      remedySought: 'نقلي إلى منشأة أخرى والتحقق من التزام المنشأة بمعايير السلامة.',
      locale: 'ar',
      customer: { firstName: 'بندر', lastName: 'الرشيدي', phone: '+966541860327' },
      stage: 'transferred',
    },
    {
      type: 'inquiry',
      channel: 'messaging',
      category: 'taqat_account',
      service: 'taqat',
      subject: 'تعذّر الدخول إلى حساب طاقات',
      description:
        'عند محاولة الدخول إلى حسابي في منصة طاقات عبر النفاذ الوطني الموحد تظهر رسالة «بيانات غير مكتملة»، ولا أستطيع تحديث سيرتي الذاتية.',
      locale: 'ar',
      customer: { firstName: 'هند', lastName: 'الشهري', phone: '+966507294561' },
      stage: 'acknowledged',
    },
    {
      type: 'suggestion',
      channel: 'chat',
      category: 'doroob_courses',
      service: 'doroob',
      subject: 'إضافة اختبارات تجريبية لدورات دروب',
      description:
        'أقترح إضافة اختبارات تجريبية قبل الاختبار النهائي في دورات منصة دروب، ليتمكن المتدرب من تقييم استعداده قبل التقدم للحصول على الشهادة.',
      locale: 'ar',
      customer: { firstName: 'ياسر', lastName: 'الزهراني', phone: '+966558401736' },
      stage: 'received',
    },
    {
      type: 'complaint',
      channel: 'call_centre',
      category: 'agent_conduct',
      service: 'qurrah',
      subject: 'وضعي على الانتظار مرات عديدة',
      description:
        'اتصلت بمركز التواصل للاستفسار عن طلبي في برنامج قرة، فوضعني الموظف على الانتظار خمس مرات خلال المكالمة، ثم حُوّلت إلى تقييم الخدمة دون الحصول على إجابة.',
      remedySought: 'الحصول على إجابة واضحة عن حالة طلبي.',
      locale: 'ar',
      customer: { firstName: 'أمل', lastName: 'الدوسري', phone: '+966566718205' },
      stage: 'closed',
    },
  ],
};
