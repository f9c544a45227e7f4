// The one error type. Codes are stable API; each maps to an HTTP status here and to a message
// key in every locale (platform/i18n/messages). List for API users: docs/api-errors.md.

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RESPONSE_REQUIRED: 409,
  IDEMPOTENCY_MISMATCH: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** The field's key as the client sent it (e.g. `patronymic`, `customer.phone`). */
  field: string;
  /** Stable reason code, e.g. `required`, `invalid_phone`, `too_long`. */
  reason: string;
  /** Values for the localised message (limits, allowed values). */
  params?: Record<string, string | number>;
  /** The field's label as the org's form names it, when it has one. */
  label?: Partial<Record<string, string>>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const validation = (fields: FieldError[]) => new AppError('VALIDATION_FAILED', {}, fields);
