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
  'portal.privacy_notice':
    "{org} uses the details you give in this form only to register, handle and answer your request, to contact you about it, and to measure and improve its service. They are kept for as long as the law and {org}'s records policy require and are seen only by the staff who handle your request. You may ask to see, correct or delete your data. By submitting the form you agree to this use.",
  'portal.code_sent':
    'If a case with this number exists and has a phone number, a verification code has been sent to that phone. The code is valid for {minutes, plural, one {# minute} other {# minutes}}.',
  'portal.status.received': 'Received',
  'portal.status.in_progress': 'Being handled',
  'portal.status.awaiting_your_reply': 'Waiting for your reply',
  'portal.status.answered': 'Answered',
  'portal.status.closed': 'Closed',
  'portal.status.under_review': 'Being reviewed again after your objection',
  'portal.status.escalated': 'Referred to an external body',
  'portal.status.withdrawn': 'Withdrawn',
  'portal.status.rejected': 'Not accepted for handling',
  'portal.event.registered': 'Your request was registered',
  'portal.event.acknowledged': 'We confirmed that we received your request',
  'portal.event.information_requested': 'We asked you for more information',
  'portal.event.customer_replied': 'You replied',
  'portal.event.responded': 'We sent you our answer',
  'portal.event.extended': 'The expected resolution date was moved',
  'portal.event.closed': 'Your request was closed',
  'portal.label.code': 'Verification code',
  'portal.label.consent': 'Privacy notice',
  'portal.label.message': 'Message',
  'portal.label.rating': 'Rating',
  'portal.label.comment': 'Comment',
  'portal.label.number': 'Case number',
  'field.invalid_code': '“{label}” is wrong or no longer valid. Ask for a new code.',
  'field.consent_required': 'Please accept the “{label}” to submit your request.',
  'field.invalid_setting': '“{label}”: {problem}',
  'field.confidential':
    '“{label}” contains data that must not be sent over a public social platform ({kinds}). Send it by e-mail or phone instead.',
  'field.https_only': '“{label}” must be a secure link that starts with https://.',
  // web chat: how a visitor who gave no name is called in a transcript
  'chat.visitor': 'Visitor',
} as const;

export type MessageKey = keyof typeof en;
