// Business calendars, SLA policies, resolution-date extensions and the SLA compliance report.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { label } from '../../modules/analytics/labels.ts';
import { appendAudit } from '../../modules/audit/audit.ts';
import { parseCalendar } from '../../modules/calendar/calendar.ts';
import { getCaseView } from '../../modules/cases/case.repository.ts';
import { PRIORITIES } from '../../modules/cases/case-status.ts';
import { getOrgById } from '../../modules/orgs/org.repository.ts';
import { extendResolution } from '../../modules/sla/extend-resolution.ts';
import { listPolicies, policyColumns } from '../../modules/sla/sla.repository.ts';
import { parseSlaPolicy } from '../../modules/sla/sla-policy.ts';
import { REPORT_DIMENSIONS, REPORT_PERIODS, slaReport } from '../../modules/sla/sla-report.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { isLocale, type Locale, pickText } from '../../platform/i18n/locales.ts';
import { actorOf, requirePermission } from '../auth.ts';
import { IdParams } from './case.schemas.ts';
import { sendExport } from './reports.routes.ts';

const CodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }) });
const CASE_TYPES = ['complaint', 'suggestion', 'inquiry', 'compliment'];
const SEGMENTS = ['individual', 'business_owner'];

export function slaRoutes(app: FastifyInstance, db: Db) {
  const manage = requirePermission('settings:manage');

  app.get(
    '/api/v1/admin/calendars',
    { preValidation: manage, schema: { tags: ['administration'], summary: 'Business calendars of the org' } },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db
        .selectFrom('calendars')
        .select(['code', 'is_default', 'version', 'spec', 'updated_at'])
        .where('org_id', '=', actor.orgId)
        .orderBy('code')
        .execute();
      const depts = await db
        .selectFrom('departments as d')
        .innerJoin('calendars as k', (j) =>
          j.onRef('k.org_id', '=', 'd.org_id').onRef('k.id', '=', 'd.calendar_id'),
        )
        .select(['d.code as department', 'k.code as calendar'])
        .where('d.org_id', '=', actor.orgId)
        .execute();
      return {
        items: rows.map((r) => ({
          code: r.code,
          isDefault: r.is_default,
          version: r.version,
          calendar: r.spec,
          updatedAt: r.updated_at.toISOString(),
          departments: depts.filter((d) => d.calendar === r.code).map((d) => d.department),
        })),
      };
    },
  );

  app.get(
    '/api/v1/admin/calendars/:code',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'One calendar, in the JSON the CLI reads',
        params: CodeParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db
        .selectFrom('calendars')
        .select(['spec'])
        .where('org_id', '=', actor.orgId)
        .where('code', '=', (request.params as { code: string }).code)
        .executeTakeFirst();
      if (!row) throw notFound();
      return row.spec;
    },
  );

  app.put(
    '/api/v1/admin/calendars/:code',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Create or replace a calendar (time zone, working week, holidays, closures)',
        description:
          'The body is the calendar JSON documented in docs/calendars/README.md. `?default=true` makes it the org default. Cases already registered keep their due dates; new clocks use the new version.',
        params: CodeParams,
        querystring: Type.Object({ default: Type.Optional(Type.Boolean()) }),
        body: Type.Object({}, { additionalProperties: true }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const code = (request.params as { code: string }).code;
      const makeDefault = (request.query as { default?: boolean }).default === true;
      const parsed = parseCalendar(request.body);
      if (!parsed.ok) {
        throw validation(
          parsed.problems.map((p) => {
            const at = p.indexOf(': ');
            const field = at > 0 ? p.slice(0, at) : 'calendar';
            return { field, reason: 'invalid_calendar', params: { problem: at > 0 ? p.slice(at + 2) : p } };
          }),
        );
      }
      let created = false;
      await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('calendars')
          .select(['id', 'version', 'is_default'])
          .where('org_id', '=', actor.orgId)
          .where('code', '=', code)
          .forUpdate()
          .executeTakeFirst();
        if (makeDefault) {
          await trx
            .updateTable('calendars')
            .set({ is_default: false })
            .where('org_id', '=', actor.orgId)
            .where('code', '!=', code)
            .execute();
        }
        const spec = JSON.stringify(parsed.calendar);
        if (existing) {
          await trx
            .updateTable('calendars')
            .set({
              spec,
              version: existing.version + 1,
              is_default: existing.is_default || makeDefault,
              updated_by: actor.userId,
              updated_at: new Date(),
            })
            .where('org_id', '=', actor.orgId)
            .where('id', '=', existing.id)
            .execute();
        } else {
          created = true;
          await trx
            .insertInto('calendars')
            .values({
              org_id: actor.orgId,
              id: uuidv7(),
              code,
              is_default: makeDefault,
              spec,
              updated_by: actor.userId,
            })
            .execute();
        }
        await appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: created ? 'calendar.created' : 'calendar.updated',
            entity: 'calendar',
            entityId: code,
            data: {
              timezone: parsed.calendar.timezone,
              holidays: parsed.calendar.holidays.length,
              default: makeDefault,
            },
          },
        ]);
      });
      reply.status(created ? 201 : 200);
      return parsed.calendar;
    },
  );

  app.put(
    '/api/v1/admin/departments/:code/calendar',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: "Give a department (queue) its own calendar, or null for the org's default",
        params: CodeParams,
        body: Type.Object(
          { calendar: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const dept = (request.params as { code: string }).code;
      const wanted = (request.body as { calendar: string | null }).calendar;
      await db.transaction().execute(async (trx) => {
        let calendarId: string | null = null;
        if (wanted) {
          const k = await trx
            .selectFrom('calendars')
            .select('id')
            .where('org_id', '=', actor.orgId)
            .where('code', '=', wanted)
            .executeTakeFirst();
          if (!k) throw validation([{ field: 'calendar', reason: 'not_found' }]);
          calendarId = k.id;
        }
        const res = await trx
          .updateTable('departments')
          .set({ calendar_id: calendarId })
          .where('org_id', '=', actor.orgId)
          .where('code', '=', dept)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw notFound();
        await appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: 'department.calendar_set',
            entity: 'department',
            entityId: dept,
            data: { calendar: wanted },
          },
        ]);
      });
      return { department: dept, calendar: wanted };
    },
  );

  app.get(
    '/api/v1/admin/sla-policies',
    {
      preValidation: manage,
      schema: { tags: ['administration'], summary: 'SLA policies, in matching order' },
    },
    async (request) => {
      const actor = actorOf(request);
      const items = await listPolicies(db, actor.orgId);
      return { items: items.map(({ id: _id, ...p }) => p) };
    },
  );

  app.put(
    '/api/v1/admin/sla-policies/:code',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary:
          'Create or replace an SLA policy (targets per stage; conditions on type, priority, segment, channel)',
        description:
          'New cases use it from now on; running clocks keep the targets they started with. Send `active: false` to retire a policy.',
        params: CodeParams,
        body: Type.Object({}, { additionalProperties: true }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const code = (request.params as { code: string }).code;
      const org = (await getOrgById(db, actor.orgId))!;
      const parsed = parseSlaPolicy(
        { ...(request.body as object), code },
        {
          caseTypes: CASE_TYPES,
          priorities: PRIORITIES,
          segments: SEGMENTS,
          channels: org.settings.channels ?? [],
        },
      );
      if (!parsed.ok) throw validation(parsed.errors);
      const p = parsed.value;
      const values = { ...policyColumns(p), updated_at: new Date() };
      let created = false;
      await db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('sla_policies')
          .set(values)
          .where('org_id', '=', actor.orgId)
          .where('code', '=', code)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) {
          created = true;
          await trx
            .insertInto('sla_policies')
            .values({ org_id: actor.orgId, id: uuidv7(), code, ...values })
            .execute();
        }
        await appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: created ? 'sla_policy.created' : 'sla_policy.updated',
            entity: 'sla_policy',
            entityId: code,
            data: { targets: p.targets, active: p.active },
          },
        ]);
      });
      reply.status(created ? 201 : 200);
      return p;
    },
  );

  app.post(
    '/api/v1/cases/:id/sla/extend',
    {
      preValidation: requirePermission('cases:work'),
      schema: {
        tags: ['cases'],
        summary: 'Move the resolution date with a reason (the customer is told both)',
        params: IdParams,
        body: Type.Object(
          {
            newDueAt: Type.String({
              maxLength: 40,
              description: 'ISO 8601 instant with offset, or YYYY-MM-DD',
            }),
            reason: Type.String({ maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      await db
        .transaction()
        .execute((trx) =>
          extendResolution(trx, actor, id, request.body as { newDueAt: string; reason: string }),
        );
      return getCaseView(db, actor.orgId, id, actor.locale as Locale);
    },
  );

  app.get(
    '/api/v1/reports/sla',
    {
      preValidation: requirePermission('reports:read'),
      schema: {
        tags: ['reports'],
        summary: 'SLA compliance per stage: met on time, met late, breached, extended, warned',
        querystring: Type.Object(
          {
            from: Type.String({ format: 'date-time' }),
            to: Type.String({ format: 'date-time' }),
            by: Type.Optional(Type.Union(REPORT_DIMENSIONS.map((d) => Type.Literal(d)))),
            period: Type.Optional(Type.Union(REPORT_PERIODS.map((d) => Type.Literal(d)))),
            department: Type.Optional(Type.String({ maxLength: 64 })),
            caseType: Type.Optional(Type.String({ maxLength: 40 })),
            stage: Type.Optional(Type.String({ maxLength: 40 })),
            format: Type.Optional(
              Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')]),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query as {
        from: string;
        to: string;
        by?: (typeof REPORT_DIMENSIONS)[number];
        period?: (typeof REPORT_PERIODS)[number];
        department?: string;
        caseType?: string;
        stage?: string;
        format?: string;
      };
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (!(to > from)) throw validation([{ field: 'to', reason: 'not_later', params: { after: q.from } }]);
      const org = (await getOrgById(db, actor.orgId))!;
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
      if (departmentId === undefined && actor.departmentId && !actor.permissions.has('cases:read:org')) {
        throw new AppError('FORBIDDEN');
      }
      const rows = await slaReport(db, {
        orgId: actor.orgId,
        timezone: org.timezone,
        from,
        to,
        by: q.by ?? 'none',
        period: q.period ?? 'total',
        departmentId,
        caseType: q.caseType,
        stage: q.stage,
      });
      if (q.format === 'csv' || q.format === 'xlsx') {
        const locale: Locale = isLocale(actor.locale) ? actor.locale : 'en';
        return sendExport(
          reply,
          rows,
          [
            { header: label('period', locale), value: (r) => r.period },
            { header: label('stage', locale), value: (r) => r.stage },
            {
              header: label('group', locale),
              value: (r) => (r.groupName ? pickText(r.groupName, locale) : r.group),
              width: 26,
            },
            { header: label('metOnTime', locale), value: (r) => r.metOnTime },
            { header: label('metLate', locale), value: (r) => r.metLate },
            { header: label('breached', locale), value: (r) => r.breached },
            { header: label('extended', locale), value: (r) => r.extended },
            { header: label('warned', locale), value: (r) => r.warned },
            { header: label('compliance', locale), value: (r) => r.compliance, numFmt: '0.0%' },
            { header: label('meanHours', locale), value: (r) => r.meanBusinessHoursToMeet, numFmt: '0.0' },
          ],
          q.format,
          'sla',
          locale,
          label('sheetSla', locale),
        );
      }
      return { from: from.toISOString(), to: to.toISOString(), timezone: org.timezone, rows };
    },
  );
}
