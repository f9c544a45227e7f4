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
  'portal.privacy_notice':
    '{org} использует данные из этой формы только для того, чтобы зарегистрировать и рассмотреть ваше обращение, ответить на него, связаться с вами по нему, а также оценить и улучшить своё обслуживание. Данные хранятся столько, сколько требуют закон и правила хранения документов {org}, и доступны только сотрудникам, которые занимаются вашим обращением. Вы можете запросить доступ к своим данным, их исправление или удаление. Отправляя форму, вы соглашаетесь на такое использование.',
  'portal.code_sent':
    'Если обращение с таким номером существует и в нём указан телефон, на этот телефон отправлен код подтверждения. Код действует {minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}.',
  'portal.status.received': 'Получено',
  'portal.status.in_progress': 'Рассматривается',
  'portal.status.awaiting_your_reply': 'Ожидает вашего ответа',
  'portal.status.answered': 'Дан ответ',
  'portal.status.closed': 'Закрыто',
  'portal.status.under_review': 'Повторно рассматривается по вашему возражению',
  'portal.status.escalated': 'Передано во внешний орган',
  'portal.status.withdrawn': 'Отозвано',
  'portal.status.rejected': 'Не принято к рассмотрению',
  'portal.event.registered': 'Ваше обращение зарегистрировано',
  'portal.event.acknowledged': 'Мы подтвердили получение обращения',
  'portal.event.information_requested': 'Мы запросили у вас дополнительную информацию',
  'portal.event.customer_replied': 'Вы ответили',
  'portal.event.responded': 'Мы отправили вам ответ',
  'portal.event.extended': 'Ожидаемый срок решения перенесён',
  'portal.event.closed': 'Обращение закрыто',
  'portal.label.code': 'Код подтверждения',
  'portal.label.consent': 'Уведомление о конфиденциальности',
  'portal.label.message': 'Сообщение',
  'portal.label.rating': 'Оценка',
  'portal.label.comment': 'Комментарий',
  'portal.label.number': 'Номер обращения',
  'field.invalid_code': '«{label}» неверен или больше не действует. Запросите новый код.',
  'field.consent_required': 'Чтобы отправить обращение, примите «{label}».',
  'field.invalid_setting': '«{label}»: {problem}',
  'field.confidential':
    '«{label}» содержит данные, которые нельзя отправлять через публичную социальную платформу ({kinds}). Отправьте их по электронной почте или сообщите по телефону.',
  'field.https_only': '«{label}»: нужна защищённая ссылка, начинающаяся с https://.',
  // web chat: how a visitor who gave no name is called in a transcript
  'chat.visitor': 'Посетитель',
};
