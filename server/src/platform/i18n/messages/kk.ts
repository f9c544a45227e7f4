import type { MessageKey } from './en.ts';

export const kk: Record<MessageKey, string> = {
  'error.VALIDATION_FAILED': 'Кейбір өрістерді түзету керек: {count, plural, other {# қате}}.',
  'error.BAD_REQUEST': 'Сұрау түсініксіз.',
  'error.UNAUTHENTICATED': 'Жүйеге кіріңіз.',
  'error.INVALID_CREDENTIALS': 'Ұйым, e-mail немесе құпиясөз қате.',
  'error.CSRF_FAILED':
    'Сұрау қабылданбады: қауіпсіздік белгісі жоқ немесе қате. Бетті жаңартып, қайталап көріңіз.',
  'error.FORBIDDEN': 'Бұл әрекетке рұқсатыңыз жоқ.',
  'error.NOT_FOUND': 'Табылмады.',
  'error.CONFLICT': 'Бұл ағымдағы күйге қайшы келеді. Бетті жаңартып, қайталап көріңіз.',
  'error.INVALID_TRANSITION': '«{from}» күйіндегі өтінішке «{action}» әрекетін қолдануға болмайды.',
  'error.RESPONSE_REQUIRED':
    'Клиентке жауап берілмейінше өтінішті жабуға болмайды, тек себебі көрсетіліп спам, қайталама немесе қатысы жоқ деп қабылданбаған жағдайда ғана болады.',
  'error.IDEMPOTENCY_MISMATCH': 'Бұл Idempotency-Key басқа сұрау үшін қолданылған.',
  'error.PAYLOAD_TOO_LARGE': 'Файл тым үлкен (ең көбі {max}).',
  'error.UNSUPPORTED_MEDIA_TYPE':
    'Бұл файл түрі қабылданбайды{detected, select, none {} other { (ол {detected} сияқты)}}. Қабылданатындар: {allowed}.',
  'error.RATE_LIMITED': 'Әрекет тым көп. {seconds, plural, other {# секундтан}} кейін қайталаңыз.',
  'error.UNAVAILABLE': 'Қызмет уақытша қолжетімсіз. Сәлден соң қайталап көріңіз.',
  'error.INTERNAL': 'Біз жақта қате орын алды. Ол тіркелді.',
  'field.required': '«{label}» өрісі міндетті.',
  'field.invalid_phone': '«{label}» — жарамсыз телефон нөмірі.',
  'field.invalid_email': '«{label}» — жарамсыз e-mail мекенжайы.',
  'field.too_long': '«{label}» ең көбі {max, plural, other {# таңба}} болуы керек.',
  'field.too_short': '«{label}» кемінде {min, plural, other {# таңба}} болуы керек.',
  'field.invalid_value': '«{label}» мәніне рұқсат жоқ.',
  'field.invalid_format': '«{label}» пішімі қате.',
  'field.unknown_field': '«{label}» бұл форманың өрісі емес.',
  'field.not_found': '«{label}» жоқ нысанға сілтейді.',
  'field.disabled': '«{label}» бұл ұйым үшін қосылмаған.',
  'field.out_of_range': '«{label}» мәні {min} мен {max} аралығында болуы керек.',
  'field.not_later': '«{label}» {after} уақытынан кейін болуы керек.',
  'field.invalid_calendar': '«{label}»: {problem}',
};
