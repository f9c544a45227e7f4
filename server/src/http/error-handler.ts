// Maps every error to one JSON shape with a stable code and a message in the caller's language:
// { error: { code, message, fields?: [{ field, reason, message }] } }
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BUILTIN_LABELS } from '../modules/cases/case-form.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { type Locale, negotiateLocale } from '../platform/i18n/locales.ts';
import { type MessageKey, t } from '../platform/i18n/translate.ts';

export function requestLocale(request: FastifyRequest): Locale {
  return negotiateLocale(
    request.headers['accept-language'],
    (request.actor?.locale as Locale | undefined) ?? 'en',
  );
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Fastify's schema errors → our field errors. */
function fromAjv(errors: AjvError[], context: string | undefined): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const base = e.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const prefix = context && context !== 'body' ? `${context}.` : '';
    switch (e.keyword) {
      case 'required':
        out.push({
          field: prefix + [base, String(e.params.missingProperty)].filter(Boolean).join('.'),
          reason: 'required',
        });
        break;
      case 'maxLength':
      case 'maxItems':
        out.push({ field: prefix + base, reason: 'too_long', params: { max: Number(e.params.limit) } });
        break;
      case 'minLength':
        out.push({
          field: prefix + base,
          reason: Number(e.params.limit) <= 1 ? 'required' : 'too_short',
          params: { min: Number(e.params.limit) },
        });
        break;
      case 'format':
      case 'pattern':
        out.push({ field: prefix + base, reason: 'invalid_format' });
        break;
      case 'additionalProperties':
        out.push({
          field: prefix + [base, String(e.params.additionalProperty)].filter(Boolean).join('.'),
          reason: 'unknown_field',
        });
        break;
      default:
        out.push({ field: prefix + (base || context || 'body'), reason: 'invalid_value' });
    }
  }
  // one message per field is enough
  return out.filter((f, i) => out.findIndex((g) => g.field === f.field) === i);
}

export function localiseFields(fields: FieldError[], locale: Locale) {
  return fields.map((f) => {
    const label =
      f.label?.[locale] ??
      BUILTIN_LABELS[f.field]?.[locale] ??
      f.label?.en ??
      BUILTIN_LABELS[f.field]?.en ??
      f.field;
    const key = `field.${f.reason}` as MessageKey;
    let message: string;
    try {
      message = t(locale, key, { label, max: 0, min: 0, ...f.params });
    } catch {
      message = t(locale, 'field.invalid_value', { label });
    }
    return { field: f.field, reason: f.reason, message, ...(f.params ? { params: f.params } : {}) };
  });
}

export function errorBody(err: AppError, locale: Locale) {
  const params: Record<string, string | number> = {
    count: err.fields.length,
    detected: 'none',
    allowed: '',
    max: '',
    seconds: 0,
    ...err.params,
  };
  return {
    error: {
      code: err.code,
      message: t(locale, `error.${err.code}` as MessageKey, params),
      ...(err.fields.length ? { fields: localiseFields(err.fields, locale) } : {}),
    },
  };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = requestLocale(request);
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if ((error as FastifyError).validation) {
      const fe = error as FastifyError;
      appError = new AppError(
        'VALIDATION_FAILED',
        {},
        fromAjv(fe.validation as AjvError[], fe.validationContext),
      );
    } else if (
      (error as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE' ||
      (error as FastifyError).statusCode === 413
    ) {
      appError = new AppError('PAYLOAD_TOO_LARGE', { max: 'limit' });
    } else if ((error as FastifyError).statusCode === 415) {
      appError = new AppError('UNSUPPORTED_MEDIA_TYPE');
    } else if ((error as FastifyError).statusCode === 429) {
      appError = new AppError('RATE_LIMITED', { seconds: 60 });
    } else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
      appError = new AppError('BAD_REQUEST');
    } else if (isUnstorableText(error)) {
      appError = new AppError('BAD_REQUEST');
    } else if (isDatabaseDown(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      appError = new AppError('UNAVAILABLE');
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('INTERNAL');
    }
    if (appError.code === 'RATE_LIMITED') reply.header('retry-after', String(appError.params.seconds ?? 60));
    reply.status(appError.status).send(errorBody(appError, locale));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody(new AppError('NOT_FOUND'), requestLocale(request)));
  });
}

/**
 * The router refuses a URL before any route or hook runs (bad %-encoding, an over-long parameter):
 * answer in our error shape, with the security headers helmet's hook would have set.
 */
export function frameworkErrorHandler(opts: { hsts: boolean }) {
  return (_error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply
      .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
      .header('x-content-type-options', 'nosniff');
    if (opts.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    reply.status(400).send(errorBody(new AppError('BAD_REQUEST'), requestLocale(request)));
  };
}

/** Text PostgreSQL cannot store (a NUL character) is the client's mistake, not a failure of ours. */
function isUnstorableText(error: unknown): boolean {
  return ['22021', '22P05'].includes((error as { code?: string }).code ?? '');
}

function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '08006', '08001', '08003'].includes(
      e.code ?? '',
    ) ||
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(
      e.message ?? '',
    )
  );
}
