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
};
