import type { MessageKey } from './en.ts';

export const ru: Record<MessageKey, string> = {
  'error.VALIDATION_FAILED':
    'Проверьте поля: {count, plural, one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}}.',
  'error.BAD_REQUEST': 'Запрос не удалось разобрать.',
  'error.UNAUTHENTICATED': 'Войдите в систему.',
  'error.INVALID_CREDENTIALS': 'Неверная организация, e-mail или пароль.',
  'error.CSRF_FAILED':
    'Запрос отклонён: отсутствует или неверен токен безопасности. Обновите страницу и повторите попытку.',
  'error.FORBIDDEN': 'У вас нет прав на это действие.',
  'error.NOT_FOUND': 'Не найдено.',
  'error.CONFLICT': 'Это противоречит текущему состоянию. Обновите страницу и повторите попытку.',
  'error.INVALID_TRANSITION': 'Обращение в статусе «{from}» нельзя перевести действием «{action}».',
  'error.RESPONSE_REQUIRED':
    'Обращение нельзя закрыть, пока клиенту не сообщён ответ, — кроме случаев, когда оно отклонено как спам, дубликат или не относящееся к делу, с указанием причины.',
  'error.IDEMPOTENCY_MISMATCH': 'Этот Idempotency-Key уже использован для другого запроса.',
  'error.PAYLOAD_TOO_LARGE': 'Файл слишком большой (не более {max}).',
  'error.UNSUPPORTED_MEDIA_TYPE':
    'Этот тип файла не принимается{detected, select, none {} other { (похоже, это {detected})}}. Допустимо: {allowed}.',
  'error.RATE_LIMITED':
    'Слишком много попыток. Повторите через {seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}.',
  'error.UNAVAILABLE': 'Сервис временно недоступен. Повторите попытку чуть позже.',
  'error.INTERNAL': 'На нашей стороне произошла ошибка. Она зарегистрирована.',
  'field.required': 'Поле «{label}» обязательно.',
  'field.invalid_phone': '«{label}» — неверный номер телефона.',
  'field.invalid_email': '«{label}» — неверный адрес e-mail.',
  'field.too_long':
    '«{label}»: не более {max, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.',
  'field.too_short':
    '«{label}»: не менее {min, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.',
  'field.invalid_value': '«{label}»: недопустимое значение.',
  'field.invalid_format': '«{label}»: неверный формат.',
  'field.unknown_field': '«{label}» не является полем этой формы.',
  'field.not_found': '«{label}» ссылается на несуществующий объект.',
  'field.disabled': '«{label}» не включено для этой организации.',
  'field.out_of_range': '«{label}» должно быть от {min} до {max}.',
  'field.not_later': '«{label}» должно быть позже, чем {after}.',
  'field.invalid_calendar': '«{label}»: {problem}',
};
