// English server messages (ICU MessageFormat). Every key here must exist in ar, ru, kk and az;
// i18n.test.ts fails otherwise.
export const en = {
  'error.VALIDATION_FAILED':
    'Some fields need attention: {count, plural, one {# problem} other {# problems}}.',
  'error.BAD_REQUEST': 'The request could not be understood.',
  'error.UNAUTHENTICATED': 'Please sign in.',
  'error.INVALID_CREDENTIALS': 'The organisation, e-mail or password is incorrect.',
  'error.CSRF_FAILED':
    'The request was refused because its security token is missing or wrong. Reload the page and try again.',
  'error.FORBIDDEN': 'You do not have permission to do this.',
  'error.NOT_FOUND': 'Not found.',
  'error.CONFLICT': 'This conflicts with the current state. Reload and try again.',
  'error.INVALID_TRANSITION': 'A case in status “{from}” cannot be moved by “{action}”.',
  'error.RESPONSE_REQUIRED':
    'The case cannot be closed before a response has been communicated to the customer, unless it is rejected as spam, a duplicate or out of scope with a reason.',
  'error.IDEMPOTENCY_MISMATCH': 'This Idempotency-Key was already used for a different request.',
  'error.PAYLOAD_TOO_LARGE': 'The file is too large (at most {max}).',
  'error.UNSUPPORTED_MEDIA_TYPE':
    'This type of file is not accepted{detected, select, none {} other { (it looks like {detected})}}. Accepted: {allowed}.',
  'error.RATE_LIMITED':
    'Too many attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  'error.UNAVAILABLE': 'The service is temporarily unavailable. Try again shortly.',
  'error.INTERNAL': 'Something went wrong on our side. The error was recorded.',
  'field.required': '“{label}” is required.',
  'field.invalid_phone': '“{label}” is not a valid phone number.',
  'field.invalid_email': '“{label}” is not a valid e-mail address.',
  'field.too_long': '“{label}” must be at most {max, plural, one {# character} other {# characters}}.',
  'field.too_short': '“{label}” must be at least {min, plural, one {# character} other {# characters}}.',
  'field.invalid_value': '“{label}” has a value that is not allowed.',
  'field.invalid_format': '“{label}” has the wrong format.',
  'field.unknown_field': '“{label}” is not a field of this form.',
  'field.not_found': '“{label}” refers to something that does not exist.',
  'field.disabled': '“{label}” is not enabled for this organisation.',
  'field.out_of_range': '“{label}” must be between {min} and {max}.',
  'field.not_later': '“{label}” must be later than {after}.',
  'field.invalid_calendar': '“{label}”: {problem}',
} as const;

export type MessageKey = keyof typeof en;
