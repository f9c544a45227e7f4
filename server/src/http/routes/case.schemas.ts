import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { CASE_TYPES, CHANNELS } from '../../modules/cases/case-form.ts';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  PRIORITIES,
  REJECTION_REASONS,
} from '../../modules/cases/case-status.ts';
import { SLA_STAGES } from '../../modules/sla/sla-policy.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';

const str = (max: number) => Type.String({ maxLength: max });
const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const CustomerInput = Type.Object(
  {
    kind: Type.Optional(lit(['person', 'business'] as const)),
    segment: Type.Optional(lit(['individual', 'business_owner'] as const)),
    firstName: Type.Optional(str(200)),
    lastName: Type.Optional(str(200)),
    patronymic: Type.Optional(str(200)),
    businessName: Type.Optional(str(300)),
    phone: Type.Optional(str(40)),
    email: Type.Optional(str(254)),
    nationalId: Type.Optional(str(100)),
    accountId: Type.Optional(str(100)),
  },
  { additionalProperties: false },
);

export const CaseCreateBody = Type.Object(
  {
    type: Type.String({ maxLength: 40, description: CASE_TYPES.join(' | ') }),
    channel: Type.String({ maxLength: 40, description: CHANNELS.join(' | ') }),
    category: Type.Optional(str(100)),
    service: Type.Optional(str(100)),
    department: Type.Optional(str(100)),
    priority: Type.Optional(Type.String({ maxLength: 20, description: PRIORITIES.join(' | ') })),
    subject: Type.Optional(str(1000)),
    description: Type.Optional(str(20_000)),
    remedySought: Type.Optional(str(5000)),
    servedBy: Type.Optional(str(500)),
    locale: Type.Optional(lit(LOCALES)),
    customer: CustomerInput,
    custom: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), str(5000))),
    resolveNow: Type.Optional(
      Type.Object(
        {
          response: str(20_000),
          mode: Type.Optional(lit(['written', 'verbal'] as const)),
          customerAgreedToVerbal: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const CaseActionBody = Type.Object(
  {
    reason: Type.Optional(str(5000)),
    department: Type.Optional(str(100)),
    ownerId: Type.Optional(Type.String({ format: 'uuid' })),
    message: Type.Optional(str(20_000)),
    mode: Type.Optional(lit(['written', 'verbal'] as const)),
    customerAgreedToVerbal: Type.Optional(Type.Boolean()),
    steps: Type.Optional(Type.Array(str(2000), { maxItems: 50 })),
    rejection: Type.Optional(lit(REJECTION_REASONS)),
    duplicateOf: Type.Optional(str(40)),
    assessment: Type.Optional(
      Type.Object(
        {
          severity: Type.Integer({ minimum: 1, maximum: 3 }),
          complexity: Type.Integer({ minimum: 1, maximum: 3 }),
          impact: Type.Integer({ minimum: 1, maximum: 3 }),
          urgency: Type.Integer({ minimum: 1, maximum: 3 }),
          healthOrSafety: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const CaseActionParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  action: lit(CASE_ACTIONS),
});
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({ maxLength: 400, description: `comma-separated: ${CASE_STATUSES.join(', ')}` }),
    ),
    queue: Type.Optional(lit(['mine', 'department', 'all'] as const)),
    department: Type.Optional(str(100)),
    owner: Type.Optional(Type.String({ format: 'uuid' })),
    type: Type.Optional(str(40)),
    category: Type.Optional(str(100)),
    channel: Type.Optional(str(40)),
    priority: Type.Optional(str(40)),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    q: Type.Optional(str(500)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(str(200)),
  },
  { additionalProperties: false },
);

/**
 * A value or null, as a JSON Schema type list (OpenAPI 3.1) rather than anyOf: fast-json-stringify
 * serialises a type list with one check instead of trying each branch.
 */
const nullable = <T extends TSchema>(schema: T) =>
  Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type as string, 'null'] });

const NamedRef = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String({ description: 'in the language of the request' }),
});

const SLA_STATES = ['on_track', 'due_soon', 'breached', 'paused'] as const;

/** A row of GET /api/v1/cases; the response is serialised from this schema (fast-json-stringify). */
export const CaseListItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  number: Type.String(),
  type: Type.String(),
  status: Type.String({ description: CASE_STATUSES.join(' | ') }),
  channel: Type.String(),
  priority: Type.String(),
  summary: Type.String({
    description: 'the subject, or the first 200 characters of the description when there is none',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  responseCommunicatedAt: nullable(Type.String({ format: 'date-time' })),
  department: NamedRef,
  category: nullable(NamedRef),
  service: nullable(NamedRef),
  owner: Type.Object({ id: Type.String({ format: 'uuid' }), displayName: Type.String() }),
  customer: Type.Object(
    {
      id: Type.String({ format: 'uuid' }),
      kind: Type.String({ description: 'person | business' }),
      firstName: nullable(Type.String()),
      lastName: nullable(Type.String()),
      patronymic: nullable(Type.String()),
      businessName: nullable(Type.String()),
    },
    {
      description:
        "the customer's name only; contacts are on the case view, after an identity check where required",
    },
  ),
  escalationLevel: Type.Integer(),
  sla: nullable(
    Type.Object(
      {
        stage: Type.String({ description: SLA_STAGES.join(' | ') }),
        state: Type.String({ description: SLA_STATES.join(' | ') }),
        dueAt: Type.String({ format: 'date-time' }),
        remainingBusinessMs: nullable(
          Type.Number({ description: 'business time left in the case calendar; negative when overdue' }),
        ),
      },
      {
        description:
          'the most pressing running SLA stage: overdue first, then due soon, on track, paused (earliest due among equals); null when no stage is running',
      },
    ),
  ),
});

export const CaseListPage = Type.Object({
  items: Type.Array(CaseListItem),
  nextCursor: nullable(Type.String({ description: 'pass as `cursor` for the next page' })),
});
