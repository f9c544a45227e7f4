// The public customer portal and mobile-app API (tag `portal`), plus the CSAT report. Thin routes:
// find the org by its slug, apply the abuse limits, call one use-case, present the result.
// Customers have no account: a one-time code to the case's phone opens a short portal session
// for that one case (cookie `riza_portal`, or the `X-Portal-Session` header for the app).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { can } from '../../modules/access/permissions.ts';
import { CASE_TYPES } from '../../modules/cases/case-form.ts';
import { buildAnswerLetter } from '../../modules/letters/answer-letter.ts';
import { hashToken } from '../../modules/notifications/case-notices.ts';
import { getOrgBySlug, type OrgContext } from '../../modules/orgs/org.repository.ts';
import { CSAT_DIMENSIONS, type CsatDimension, csatReport } from '../../modules/portal/csat-report.ts';
import { addCustomerAttachment } from '../../modules/portal/customer-attachment.ts';
import { getCustomerCaseView } from '../../modules/portal/customer-case.ts';
import { replyAsCustomer } from '../../modules/portal/customer-reply.ts';
import { normaliseCaseNumber, portalSessionCase } from '../../modules/portal/portal.repository.ts';
import { getPortalInfo } from '../../modules/portal/portal-info.ts';
import { PORTAL_LIMITS } from '../../modules/portal/portal-limits.ts';
import {
  decoyReceipt,
  isHoneypotFilled,
  PORTAL_CHANNELS,
  type PortalCaseInput,
  portalReceipt,
  submitPortalCase,
  submittedPhone,
} from '../../modules/portal/submit-case.ts';
import { answerSurvey, getSurvey } from '../../modules/portal/survey.ts';
import { requestTrackingCode, verifyTrackingCode } from '../../modules/portal/tracking-code.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { LOCALES, type Locale, negotiateLocale } from '../../platform/i18n/locales.ts';
import { t } from '../../platform/i18n/translate.ts';
import { requestHash, runIdempotent } from '../../platform/idempotency.ts';
import { hitRateLimit } from '../../platform/rate-limit.ts';
import { type FileStore, LocalDiskStore } from '../../platform/storage/storage.ts';
import { actorOf, requirePermission } from '../auth.ts';
import { CustomerInput } from './case.schemas.ts';
import { idempotencyKey } from './cases.routes.ts';

export const PORTAL_COOKIE = 'riza_portal';
export const PORTAL_SESSION_HEADER = 'x-portal-session';

const str = (max: number) => Type.String({ maxLength: max });
const OrgParams = Type.Object({ org: str(100) });
const CaseParams = Type.Object({ org: str(100), number: str(40) });
const SurveyParams = Type.Object({ org: str(100), token: str(100) });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(str(200)) });
const SessionHeaders = Type.Object({ [PORTAL_SESSION_HEADER]: Type.Optional(str(200)) });

const PortalCaseBody = Type.Object(
  {
    type: Type.String({ maxLength: 40, description: CASE_TYPES.join(' | ') }),
    channel: Type.Union(PORTAL_CHANNELS.map((c) => Type.Literal(c))),
    category: Type.Optional(str(100)),
    service: Type.Optional(str(100)),
    subject: Type.Optional(str(1000)),
    description: Type.Optional(str(20_000)),
    remedySought: Type.Optional(str(5000)),
    servedBy: Type.Optional(str(500)),
    locale: Type.Optional(Type.Union(LOCALES.map((l) => Type.Literal(l)))),
    customer: CustomerInput,
    custom: Type.Optional(Type.Record(str(100), str(5000))),
    consent: Type.Optional(Type.Boolean({ description: 'the customer accepted the privacy notice' })),
    website: Type.Optional(str(500)),
  },
  { additionalProperties: false },
);

type Limit = { limit: number; windowSeconds: number };

export function portalRoutes(
  app: FastifyInstance,
  db: Db,
  config: Config,
  store: FileStore = new LocalDiskStore(config.storageDir),
) {
  // looked up once per request, though both a hook and the handler ask
  const orgs = new WeakMap<FastifyRequest, OrgContext>();
  async function orgOf(request: FastifyRequest): Promise<OrgContext> {
    const known = orgs.get(request);
    if (known) return known;
    const org = await getOrgBySlug(db, (request.params as { org: string }).org);
    if (!org) throw notFound();
    orgs.set(request, org);
    return org;
  }
  /** The portal speaks the reader's language, else the org's own. */
  const localeOf = (request: FastifyRequest, org: OrgContext): Locale =>
    negotiateLocale(request.headers['accept-language'], org.defaultLocale);
  const limit = (org: OrgContext, bucket: string, l: Limit) =>
    hitRateLimit(db, { orgId: org.orgId, bucket: `portal:${bucket}`, ...l });

  /** The app's explicit header first, else the browser's cookie. */
  const sessionToken = (request: FastifyRequest): string | undefined => {
    const header = request.headers[PORTAL_SESSION_HEADER];
    return (typeof header === 'string' && header) || request.cookies[PORTAL_COOKIE] || undefined;
  };
  /** The case this request's portal session opens, which must be the one in the URL. */
  async function sessionCase(request: FastifyRequest, org: OrgContext) {
    const token = sessionToken(request);
    const caseId = token ? await portalSessionCase(db, org.orgId, token) : null;
    if (!caseId) throw new AppError('UNAUTHENTICATED');
    const number = normaliseCaseNumber((request.params as { number: string }).number);
    const c = await db
      .selectFrom('cases')
      .select(['id', 'number'])
      .where('org_id', '=', org.orgId)
      .where('id', '=', caseId)
      .executeTakeFirst();
    // another case than the one verified: as if it did not exist
    if (!c || c.number !== number) throw notFound();
    return c;
  }
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.get(
    '/api/v1/portal/:org',
    {
      schema: {
        tags: ['portal'],
        summary: "What the portal needs to show the org's approved form, in the reader's language",
        description:
          'Org name, languages, enabled case types, intake channels, the form (fields, labels, required), categories, services, the privacy notice and whether dates show the Hijri date too. Language from `Accept-Language`, else the org default.',
        security: [],
        params: OrgParams,
      },
    },
    async (request) => {
      const org = await orgOf(request);
      return getPortalInfo(db, org, localeOf(request, org));
    },
  );

  app.post(
    '/api/v1/portal/:org/cases',
    {
      // before schema validation: floods count even when malformed, and a robot that filled the
      // honeypot hears "registered" whatever else it sent
      preValidation: async (request, reply) => {
        const org = await orgOf(request);
        await limit(org, `submit:ip:${request.ip}`, PORTAL_LIMITS.submitPerIp);
        const body = request.body as { website?: unknown } | undefined;
        if (body && typeof body === 'object' && isHoneypotFilled(body)) {
          request.log.info({ org: org.slug }, 'portal honeypot filled; nothing stored');
          return reply.status(201).send(decoyReceipt(org, localeOf(request, org)));
        }
      },
      schema: {
        tags: ['portal'],
        summary: "Submit a complaint or suggestion through the org's approved form (web portal or app)",
        description:
          'Validated like the staff API, errors in the `Accept-Language` language. `consent: true` (the privacy notice) is required. `channel` is `web_form` or `mobile_app`. Send an `Idempotency-Key` to make retries safe. Limited per IP address and per phone number. Answers the case number and the expected resolution date.',
        security: [],
        params: OrgParams,
        headers: IdempotencyHeaders,
        body: PortalCaseBody,
      },
    },
    async (request, reply) => {
      const org = await orgOf(request);
      const body = request.body as PortalCaseInput;
      const phone = submittedPhone(org, body);
      if (phone) await limit(org, `submit:phone:${phone}`, PORTAL_LIMITS.submitPerPhone);
      const locale = localeOf(request, org);
      const result = await runIdempotent(
        db,
        { orgId: org.orgId, scope: 'portal:cases', key: idempotencyKey(request), hash: requestHash(body) },
        async (trx) => {
          const now = new Date();
          const registered = await submitPortalCase(trx, org, body, now);
          return { status: 201, body: await portalReceipt(trx, org, registered, locale, now) };
        },
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      reply.status(result.status);
      return result.body;
    },
  );

  app.post(
    '/api/v1/portal/:org/track',
    {
      schema: {
        tags: ['portal'],
        summary: "Ask for a one-time code by SMS to the case's registered phone",
        description:
          'Always answers 202 with the same body, whether the number exists or not. The code is valid 10 minutes; at most 3 codes per case per hour; limited per IP address.',
        security: [],
        params: OrgParams,
        body: Type.Object({ number: str(40) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const org = await orgOf(request);
      await limit(org, `track:ip:${request.ip}`, PORTAL_LIMITS.trackPerIp);
      await requestTrackingCode(db, org, (request.body as { number: string }).number);
      reply.status(202);
      return {
        message: t(localeOf(request, org), 'portal.code_sent', { minutes: PORTAL_LIMITS.codeTtlMinutes }),
        codeValidMinutes: PORTAL_LIMITS.codeTtlMinutes,
      };
    },
  );

  app.post(
    '/api/v1/portal/:org/track/verify',
    {
      schema: {
        tags: ['portal'],
        summary: 'Exchange the one-time code for a portal session on that case (30 minutes)',
        description:
          'The session token comes in the body (for the app: send it back as `X-Portal-Session`) and as the httpOnly cookie `riza_portal`. A wrong, expired or used code gets one and the same error; each code allows 5 attempts.',
        security: [],
        params: OrgParams,
        body: Type.Object({ number: str(40), code: str(20) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const org = await orgOf(request);
      await limit(org, `verify:ip:${request.ip}`, PORTAL_LIMITS.verifyPerIp);
      const body = request.body as { number: string; code: string };
      const s = await verifyTrackingCode(db, org, body.number, body.code);
      reply.setCookie(PORTAL_COOKIE, s.token, {
        path: `/api/v1/portal/${org.slug}`,
        httpOnly: true,
        // the portal session is only ever used from the portal's own pages
        sameSite: 'strict',
        secure: config.secureCookies,
        expires: s.expiresAt,
      });
      noStore(reply);
      return { token: s.token, expiresAt: s.expiresAt.toISOString(), caseNumber: s.number };
    },
  );

  app.delete(
    '/api/v1/portal/:org/session',
    {
      schema: {
        tags: ['portal'],
        summary: 'End the portal session (shared computers)',
        security: [],
        params: OrgParams,
        headers: SessionHeaders,
      },
    },
    async (request, reply) => {
      const org = await orgOf(request);
      const token = sessionToken(request);
      if (token) {
        await db
          .deleteFrom('portal_sessions')
          .where('org_id', '=', org.orgId)
          .where('token_hash', '=', hashToken(token))
          .execute();
      }
      reply.clearCookie(PORTAL_COOKIE, { path: `/api/v1/portal/${org.slug}` });
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/portal/:org/cases/:number',
    {
      schema: {
        tags: ['portal'],
        summary: 'The case as the customer sees it (portal session for this case required)',
        description:
          'Status in customer wording, the stages the customer sees (no internal notes or staff names), the expected resolution date (Hijri beside it where enabled), the final answer and any pending information request.',
        security: [],
        params: CaseParams,
        headers: SessionHeaders,
      },
    },
    async (request, reply) => {
      const org = await orgOf(request);
      const c = await sessionCase(request, org);
      noStore(reply);
      return getCustomerCaseView(db, org, c.id, localeOf(request, org));
    },
  );

  app.post(
    '/api/v1/portal/:org/cases/:number/reply',
    {
      schema: {
        tags: ['portal'],
        summary: 'Answer the pending information request; the case resumes and its SLA clock restarts',
        security: [],
        params: CaseParams,
        headers: Type.Composite([SessionHeaders, IdempotencyHeaders]),
        body: Type.Object({ message: str(20_000) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const org = await orgOf(request);
      const c = await sessionCase(request, org);
      await limit(org, `write:ip:${request.ip}`, PORTAL_LIMITS.writePerIp);
      const { message } = request.body as { message: string };
      const locale = localeOf(request, org);
      const result = await runIdempotent(
        db,
        {
          orgId: org.orgId,
          scope: `portal:reply:${c.id}`,
          key: idempotencyKey(request),
          hash: requestHash({ message }),
        },
        async (trx) => {
          await replyAsCustomer(trx, org.orgId, c.id, message);
          return { status: 200, body: await getCustomerCaseView(trx, org, c.id, locale) };
        },
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      noStore(reply);
      return result.body;
    },
  );

  app.post(
    '/api/v1/portal/:org/cases/:number/attachments',
    {
      schema: {
        tags: ['portal'],
        summary: 'Add a file to your open case (type checked on content; at most 10 per case)',
        security: [],
        consumes: ['multipart/form-data'],
        params: CaseParams,
        headers: SessionHeaders,
      },
    },
    async (request, reply) => {
      const org = await orgOf(request);
      const c = await sessionCase(request, org);
      await limit(org, `write:ip:${request.ip}`, PORTAL_LIMITS.writePerIp);
      const tooLarge = () =>
        new AppError('PAYLOAD_TOO_LARGE', { max: `${Math.round(config.uploadMaxBytes / 1024 / 1024)} MB` });
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detected: 'none', allowed: 'multipart/form-data' });
      }
      const file = await request.file({ limits: { fileSize: config.uploadMaxBytes, files: 1 } });
      if (!file) throw validation([{ field: 'file', reason: 'required' }]);
      const data = await file.toBuffer().catch((e: { code?: string }) => {
        throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : e;
      });
      if (file.file.truncated) throw tooLarge();
      const stored = await addCustomerAttachment(
        db,
        store,
        org.orgId,
        c.id,
        { filename: file.filename, data },
        config.uploadMaxBytes,
      );
      reply.status(201);
      return stored;
    },
  );

  app.get(
    '/api/v1/portal/:org/cases/:number/letter.pdf',
    {
      schema: {
        tags: ['portal'],
        summary: 'The final written answer as a PDF letter (once the case has been answered)',
        security: [],
        params: CaseParams,
        headers: SessionHeaders,
        querystring: Type.Object(
          { locale: Type.Optional(Type.Union(LOCALES.map((l) => Type.Literal(l)))) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const org = await orgOf(request);
      const c = await sessionCase(request, org);
      const { locale } = request.query as { locale?: Locale };
      const letter = await buildAnswerLetter(db, org.orgId, c.id, locale);
      if (!letter) throw notFound();
      noStore(reply)
        .header('content-type', 'application/pdf')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(letter.filename)}`);
      return reply.send(letter.pdf);
    },
  );

  app.get(
    '/api/v1/portal/:org/survey/:token',
    {
      schema: {
        tags: ['portal'],
        summary: 'The satisfaction survey behind an SMS link: which case, and whether it is answered',
        security: [],
        params: SurveyParams,
      },
    },
    async (request) => {
      const org = await orgOf(request);
      const s = await getSurvey(db, org.orgId, (request.params as { token: string }).token);
      if (!s) throw notFound();
      return s;
    },
  );

  app.post(
    '/api/v1/portal/:org/survey/:token',
    {
      schema: {
        tags: ['portal'],
        summary: 'Rate the service 1–5 with an optional comment; stored once (a second answer gets 409)',
        security: [],
        params: SurveyParams,
        body: Type.Object(
          { rating: Type.Integer(), comment: Type.Optional(str(5000)) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const org = await orgOf(request);
      await limit(org, `survey:ip:${request.ip}`, PORTAL_LIMITS.surveyPerIp);
      return answerSurvey(
        db,
        org.orgId,
        (request.params as { token: string }).token,
        request.body as { rating: number; comment?: string },
      );
    },
  );

  app.get(
    '/api/v1/reports/csat',
    {
      preValidation: requirePermission('reports:read'),
      schema: {
        tags: ['reports'],
        summary: 'Customer satisfaction: surveys sent, answered, mean rating, response rate, per group',
        description:
          'Surveys count in the period they were sent. `by` groups per agent (who answered the case), department, channel or category. `responseRate` = answered ÷ sent; `satisfied` = share of ratings 4–5.',
        querystring: Type.Object(
          {
            from: Type.String({ format: 'date-time' }),
            to: Type.String({ format: 'date-time' }),
            by: Type.Optional(Type.Union(CSAT_DIMENSIONS.map((d) => Type.Literal(d)))),
            department: Type.Optional(str(64)),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query as { from: string; to: string; by?: CsatDimension; department?: string };
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (!(to > from)) throw validation([{ field: 'to', reason: 'not_later', params: { after: q.from } }]);
      let departmentId: string | undefined;
      if (q.department) {
        const d = await db
          .selectFrom('departments')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('code', '=', q.department)
          .executeTakeFirst();
        if (!d) throw validation([{ field: 'department', reason: 'not_found' }]);
        departmentId = d.id;
      }
      // someone who reads only their department's cases sees only its ratings
      if (!can(actor, 'cases:read:org')) {
        if (!actor.departmentId || (departmentId && departmentId !== actor.departmentId)) {
          throw new AppError('FORBIDDEN');
        }
        departmentId = actor.departmentId;
      }
      const locale = negotiateLocale(request.headers['accept-language'], actor.locale as Locale);
      const by = q.by ?? 'agent';
      const report = await csatReport(db, { orgId: actor.orgId, from, to, by, departmentId, locale });
      return { from: from.toISOString(), to: to.toISOString(), by, ...report };
    },
  );
}
