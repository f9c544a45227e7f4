// Manager's dashboards: volumes, backlog ageing, the team's load — as JSON for the charts, or as
// CSV / XLSX files (format=csv|xlsx), each filterable by period and department.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../modules/access/permissions.ts';
import { label } from '../../modules/analytics/labels.ts';
import {
  AGE_BUCKETS,
  backlog,
  teamLoad,
  VOLUME_DIMENSIONS,
  type VolumeDimension,
  volumes,
} from '../../modules/analytics/reports.ts';
import { getOrgById } from '../../modules/orgs/org.repository.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError, validation } from '../../platform/errors.ts';
import { type ExportColumn, type ExportFormat, exportTable } from '../../platform/export/table-export.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { actorOf, requirePermission } from '../auth.ts';

const Format = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')]));

/** Staff limited to their department see only it; the department filter is checked against the org. */
export async function departmentFilter(
  db: Db,
  actor: Actor,
  code: string | undefined,
): Promise<string | undefined> {
  if (code) {
    const d = await db
      .selectFrom('departments')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('code', '=', code)
      .executeTakeFirst();
    if (!d) throw validation([{ field: 'department', reason: 'not_found' }]);
    if (!actor.permissions.has('cases:read:org') && d.id !== actor.departmentId)
      throw new AppError('FORBIDDEN');
    return d.id;
  }
  if (!actor.permissions.has('cases:read:org')) {
    if (!actor.departmentId) throw new AppError('FORBIDDEN');
    return actor.departmentId;
  }
  return undefined;
}

export async function sendExport<T>(
  reply: FastifyReply,
  rows: T[],
  columns: ExportColumn<T>[],
  format: ExportFormat,
  name: string,
  locale: Locale,
  sheet: string,
) {
  const file = await exportTable(rows, columns, format, { sheet, locale });
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${name}.${file.extension}"`)
    .header('cache-control', 'private, no-store');
  return file.body;
}

export function reportRoutes(app: FastifyInstance, db: Db) {
  const read = requirePermission('reports:read');
  const localeOf = (actor: Actor): Locale => (isLocale(actor.locale) ? actor.locale : 'en');

  app.get(
    '/api/v1/reports/volumes',
    {
      preValidation: read,
      schema: {
        tags: ['reports'],
        summary:
          'Cases registered per channel, type, category, service, department, segment or period, with first-contact resolution',
        querystring: Type.Object(
          {
            from: Type.String({ format: 'date-time' }),
            to: Type.String({ format: 'date-time' }),
            by: Type.Union(VOLUME_DIMENSIONS.map((d) => Type.Literal(d))),
            department: Type.Optional(Type.String({ maxLength: 64 })),
            format: Format,
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
        by: VolumeDimension;
        department?: string;
        format?: string;
      };
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (!(to > from)) throw validation([{ field: 'to', reason: 'not_later', params: { after: q.from } }]);
      const org = (await getOrgById(db, actor.orgId))!;
      const locale = localeOf(actor);
      const rows = await volumes(db, {
        orgId: actor.orgId,
        timezone: org.timezone,
        from,
        to,
        by: q.by,
        departmentId: await departmentFilter(db, actor, q.department),
        locale,
      });
      if (q.format === 'csv' || q.format === 'xlsx') {
        return sendExport(
          reply,
          rows,
          [
            {
              header: label(['day', 'week', 'month'].includes(q.by) ? 'period' : 'group', locale),
              value: (r) => r.name ?? r.group,
              width: 30,
            },
            { header: label('registered', locale), value: (r) => r.registered },
            { header: label('complaints', locale), value: (r) => r.complaints },
            { header: label('fcr', locale), value: (r) => r.firstContactResolved },
            { header: label('fcrRate', locale), value: (r) => r.fcrRate, numFmt: '0.0%' },
            { header: label('answered', locale), value: (r) => r.answered },
            { header: label('open', locale), value: (r) => r.open },
          ],
          q.format,
          `volumes-${q.by}`,
          locale,
          label('sheetVolumes', locale),
        );
      }
      return { from: from.toISOString(), to: to.toISOString(), by: q.by, rows };
    },
  );

  app.get(
    '/api/v1/reports/backlog',
    {
      preValidation: read,
      schema: {
        tags: ['reports'],
        summary: 'Open cases per department by age, with the overdue and the oldest',
        querystring: Type.Object(
          { department: Type.Optional(Type.String({ maxLength: 64 })), format: Format },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query as { department?: string; format?: string };
      const locale = localeOf(actor);
      const rows = await backlog(db, {
        orgId: actor.orgId,
        departmentId: await departmentFilter(db, actor, q.department),
        locale,
      });
      if (q.format === 'csv' || q.format === 'xlsx') {
        return sendExport(
          reply,
          rows,
          [
            { header: label('department', locale), value: (r) => r.department, width: 30 },
            { header: label('total', locale), value: (r) => r.total },
            ...AGE_BUCKETS.map((b) => ({
              header: `${b.key} ${label('days', locale)}`,
              value: (r: (typeof rows)[number]) => r.ages[b.key] ?? 0,
            })),
            { header: label('breached', locale), value: (r) => r.breached },
            { header: label('oldest', locale), value: (r) => r.oldestAt, width: 26 },
          ],
          q.format,
          'backlog',
          locale,
          label('sheetBacklog', locale),
        );
      }
      return { buckets: AGE_BUCKETS.map((b) => b.key), rows };
    },
  );

  app.get(
    '/api/v1/reports/team',
    {
      preValidation: read,
      schema: {
        tags: ['reports'],
        summary: 'Who holds what: open cases per accountable owner, waiting, overdue, oldest',
        querystring: Type.Object(
          { department: Type.Optional(Type.String({ maxLength: 64 })), format: Format },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query as { department?: string; format?: string };
      const locale = localeOf(actor);
      const rows = await teamLoad(db, {
        orgId: actor.orgId,
        departmentId: await departmentFilter(db, actor, q.department),
        locale,
      });
      if (q.format === 'csv' || q.format === 'xlsx') {
        return sendExport(
          reply,
          rows,
          [
            { header: label('agent', locale), value: (r) => r.name, width: 28 },
            { header: label('role', locale), value: (r) => r.role },
            { header: label('department', locale), value: (r) => r.department, width: 26 },
            { header: label('open', locale), value: (r) => r.open },
            { header: label('waiting', locale), value: (r) => r.waitingOnCustomer },
            { header: label('breached', locale), value: (r) => r.breached },
            { header: label('oldest', locale), value: (r) => r.oldestAt, width: 26 },
          ],
          q.format,
          'team',
          locale,
          label('sheetTeam', locale),
        );
      }
      return { rows };
    },
  );
}
