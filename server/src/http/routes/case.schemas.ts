import { Type } from '@sinclair/typebox';
import { CASE_TYPES, CHANNELS } from '../../modules/cases/case-form.ts';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  PRIORITIES,
  REJECTION_REASONS,
} from '../../modules/cases/case-status.ts';
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
