import type { MessageKey } from './en.ts';

export const ar: Record<MessageKey, string> = {
  'error.VALIDATION_FAILED':
    'بعض الحقول تحتاج إلى تصحيح: {count, plural, zero {لا مشاكل} one {مشكلة واحدة} two {مشكلتان} few {# مشاكل} many {# مشكلة} other {# مشكلة}}.',
  'error.BAD_REQUEST': 'تعذّر فهم الطلب.',
  'error.UNAUTHENTICATED': 'يرجى تسجيل الدخول.',
  'error.INVALID_CREDENTIALS': 'المؤسسة أو البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  'error.CSRF_FAILED': 'رُفض الطلب لأن رمز الأمان مفقود أو غير صحيح. أعد تحميل الصفحة وحاول مرة أخرى.',
  'error.FORBIDDEN': 'ليست لديك صلاحية للقيام بهذا الإجراء.',
  'error.NOT_FOUND': 'غير موجود.',
  'error.CONFLICT': 'يتعارض هذا مع الحالة الحالية. أعد التحميل وحاول مرة أخرى.',
  'error.INVALID_TRANSITION': 'لا يمكن تطبيق الإجراء «{action}» على حالة في الوضع «{from}».',
  'error.RESPONSE_REQUIRED':
    'لا يمكن إغلاق الحالة قبل إبلاغ العميل بالرد، إلا إذا رُفضت كرسالة مزعجة أو مكررة أو خارج النطاق مع ذكر السبب.',
  'error.IDEMPOTENCY_MISMATCH': 'مفتاح Idempotency-Key هذا استُخدم من قبل لطلب مختلف.',
  'error.PAYLOAD_TOO_LARGE': 'الملف كبير جدًا (الحد الأقصى {max}).',
  'error.UNSUPPORTED_MEDIA_TYPE':
    'هذا النوع من الملفات غير مقبول{detected, select, none {} other { (يبدو أنه {detected})}}. المقبول: {allowed}.',
  'error.RATE_LIMITED':
    'محاولات كثيرة جدًا. حاول مرة أخرى بعد {seconds, plural, zero {# ثانية} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}.',
  'error.UNAVAILABLE': 'الخدمة غير متاحة مؤقتًا. حاول مرة أخرى بعد قليل.',
  'error.INTERNAL': 'حدث خطأ من جهتنا، وتم تسجيله.',
  'field.required': 'الحقل «{label}» مطلوب.',
  'field.invalid_phone': '«{label}» ليس رقم هاتف صحيحًا.',
  'field.invalid_email': '«{label}» ليس عنوان بريد إلكتروني صحيحًا.',
  'field.too_long':
    'يجب ألا يزيد «{label}» على {max, plural, zero {# حرف} one {حرف واحد} two {حرفين} few {# أحرف} many {# حرفًا} other {# حرف}}.',
  'field.too_short':
    'يجب ألا يقل «{label}» عن {min, plural, zero {# حرف} one {حرف واحد} two {حرفين} few {# أحرف} many {# حرفًا} other {# حرف}}.',
  'field.invalid_value': 'قيمة «{label}» غير مسموح بها.',
  'field.invalid_format': 'صيغة «{label}» غير صحيحة.',
  'field.unknown_field': '«{label}» ليس من حقول هذا النموذج.',
  'field.not_found': '«{label}» يشير إلى شيء غير موجود.',
  'field.disabled': '«{label}» غير مفعّل لهذه المؤسسة.',
  'field.out_of_range': 'يجب أن تكون قيمة «{label}» بين {min} و{max}.',
  'field.not_later': 'يجب أن يكون «{label}» بعد {after}.',
  'field.invalid_calendar': '«{label}»: {problem}',
  'portal.privacy_notice':
    'تستخدم {org} البيانات التي تقدّمها في هذا النموذج فقط لتسجيل طلبك ومعالجته والرد عليه، وللتواصل معك بشأنه، ولقياس جودة خدماتها وتحسينها. تُحفظ هذه البيانات للمدة التي يقتضيها القانون وسياسة حفظ السجلات لدى {org}، ولا يطّلع عليها إلا الموظفون المكلّفون بمعالجة طلبك. يحق لك طلب الاطلاع على بياناتك أو تصحيحها أو حذفها. بإرسال النموذج فإنك توافق على هذا الاستخدام.',
  'portal.code_sent':
    'إذا كان هناك طلب بهذا الرقم مسجّل عليه رقم هاتف، فقد أُرسل رمز تحقق إلى ذلك الهاتف. الرمز صالح لمدة {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.',
  'portal.status.received': 'تم الاستلام',
  'portal.status.in_progress': 'قيد المعالجة',
  'portal.status.awaiting_your_reply': 'بانتظار ردّك',
  'portal.status.answered': 'تم الرد',
  'portal.status.closed': 'مغلق',
  'portal.status.under_review': 'قيد المراجعة من جديد بعد اعتراضك',
  'portal.status.escalated': 'أُحيل إلى جهة خارجية',
  'portal.status.withdrawn': 'مسحوب',
  'portal.status.rejected': 'لم يُقبل للمعالجة',
  'portal.event.registered': 'تم تسجيل طلبك',
  'portal.event.acknowledged': 'أكّدنا استلام طلبك',
  'portal.event.information_requested': 'طلبنا منك معلومات إضافية',
  'portal.event.customer_replied': 'تم استلام ردّك',
  'portal.event.responded': 'أرسلنا إليك ردّنا',
  'portal.event.extended': 'تم تغيير الموعد المتوقع للحل',
  'portal.event.closed': 'تم إغلاق طلبك',
  'portal.label.code': 'رمز التحقق',
  'portal.label.consent': 'إشعار الخصوصية',
  'portal.label.message': 'الرسالة',
  'portal.label.rating': 'التقييم',
  'portal.label.comment': 'التعليق',
  'portal.label.number': 'رقم الطلب',
  'field.invalid_code': '«{label}» غير صحيح أو لم يعد صالحًا. اطلب رمزًا جديدًا.',
  'field.consent_required': 'يرجى الموافقة على «{label}» لإرسال طلبك.',
  'field.invalid_setting': '«{label}»: {problem}',
  'field.confidential':
    'يحتوي «{label}» على بيانات سرية لا يجوز إرسالها عبر منصة تواصل اجتماعي عامة ({kinds}). أرسلها بالبريد الإلكتروني أو الهاتف بدلًا من ذلك.',
  'field.https_only': 'يجب أن يكون «{label}» رابطًا آمنًا يبدأ بـ https://.',
  // web chat: how a visitor who gave no name is called in a transcript
  'chat.visitor': 'الزائر',
};
