import type { MessageKey } from './en.ts';

export const az: Record<MessageKey, string> = {
  'error.VALIDATION_FAILED':
    'Bəzi sahələri düzəltmək lazımdır: {count, plural, one {# xəta} other {# xəta}}.',
  'error.BAD_REQUEST': 'Sorğu başa düşülmədi.',
  'error.UNAUTHENTICATED': 'Zəhmət olmasa, sistemə daxil olun.',
  'error.INVALID_CREDENTIALS': 'Təşkilat, e-poçt və ya şifrə yanlışdır.',
  'error.CSRF_FAILED':
    'Sorğu rədd edildi: təhlükəsizlik nişanı yoxdur və ya yanlışdır. Səhifəni yeniləyin və yenidən cəhd edin.',
  'error.FORBIDDEN': 'Bu əməliyyat üçün icazəniz yoxdur.',
  'error.NOT_FOUND': 'Tapılmadı.',
  'error.CONFLICT': 'Bu, cari vəziyyətlə ziddiyyət təşkil edir. Yeniləyin və yenidən cəhd edin.',
  'error.INVALID_TRANSITION': '«{from}» statusunda olan müraciətə «{action}» əməliyyatı tətbiq edilə bilməz.',
  'error.RESPONSE_REQUIRED':
    'Müştəriyə cavab bildirilməyincə müraciət bağlana bilməz; yalnız səbəb göstərilməklə spam, təkrar və ya aidiyyətsiz kimi rədd edildikdə bağlana bilər.',
  'error.IDEMPOTENCY_MISMATCH': 'Bu Idempotency-Key artıq başqa sorğu üçün istifadə olunub.',
  'error.PAYLOAD_TOO_LARGE': 'Fayl çox böyükdür (ən çox {max}).',
  'error.UNSUPPORTED_MEDIA_TYPE':
    'Bu fayl növü qəbul edilmir{detected, select, none {} other { ({detected} kimi görünür)}}. Qəbul edilənlər: {allowed}.',
  'error.RATE_LIMITED':
    'Həddindən çox cəhd. {seconds, plural, one {# saniyə} other {# saniyə}} sonra yenidən cəhd edin.',
  'error.UNAVAILABLE': 'Xidmət müvəqqəti olaraq əlçatan deyil. Bir azdan yenidən cəhd edin.',
  'error.INTERNAL': 'Bizim tərəfdə xəta baş verdi. Xəta qeydə alındı.',
  'field.required': '«{label}» sahəsi mütləqdir.',
  'field.invalid_phone': '«{label}» düzgün telefon nömrəsi deyil.',
  'field.invalid_email': '«{label}» düzgün e-poçt ünvanı deyil.',
  'field.too_long': '«{label}» ən çox {max, plural, one {# simvol} other {# simvol}} ola bilər.',
  'field.too_short': '«{label}» ən azı {min, plural, one {# simvol} other {# simvol}} olmalıdır.',
  'field.invalid_value': '«{label}» üçün bu dəyərə icazə verilmir.',
  'field.invalid_format': '«{label}» yanlış formatdadır.',
  'field.unknown_field': '«{label}» bu formanın sahəsi deyil.',
  'field.not_found': '«{label}» mövcud olmayan obyektə istinad edir.',
  'field.disabled': '«{label}» bu təşkilat üçün aktiv deyil.',
  'field.out_of_range': '“{label}” {min} ilə {max} arasında olmalıdır.',
  'field.not_later': '“{label}” {after} tarixindən sonra olmalıdır.',
  'field.invalid_calendar': '“{label}”: {problem}',
};
