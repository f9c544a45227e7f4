// Row types as Kysely sees them. Keep in step with server/src/migrations.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Json = ColumnType<unknown, string | unknown, string | unknown>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultNow = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgTable {
  org_id: string;
  slug: string;
  case_prefix: string;
  name: Json;
  country: string;
  default_locale: string;
  locales: string[];
  timezone: string;
  settings: Json;
  created_at: DefaultNow;
}
export interface RoleTable {
  org_id: string;
  code: string;
  name: Json;
  permissions: string[];
}
export interface DepartmentTable {
  org_id: string;
  id: string;
  code: string;
  name: Json;
  kind: string;
  lead_user_id: string | null;
  active: Generated<boolean>;
  calendar_id: string | null;
}
export interface UserTable {
  org_id: string;
  id: string;
  email: string;
  display_name: string;
  locale: string;
  role_code: string;
  department_id: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: DefaultNow;
}
export interface SessionTable {
  org_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: DefaultNow;
  expires_at: Timestamp;
}
export interface ApiTokenTable {
  org_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: DefaultNow;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
export interface RateLimitHitTable {
  org_id: string;
  bucket: string;
  window_start: Timestamp;
  hits: number;
}
export interface ServiceTable {
  org_id: string;
  id: string;
  code: string;
  name: Json;
  active: Generated<boolean>;
}
export interface CategoryTable {
  org_id: string;
  id: string;
  code: string;
  name: Json;
  department_id: string;
  default_priority: Generated<string>;
  health_or_safety: Generated<boolean>;
  active: Generated<boolean>;
}
export interface CaseFormTable {
  org_id: string;
  version: number;
  fields: Json;
  approved_by: string | null;
  approved_at: DefaultNow;
  active: Generated<boolean>;
}
export interface CustomerTable {
  org_id: string;
  id: string;
  kind: string;
  first_name: string | null;
  last_name: string | null;
  patronymic: string | null;
  business_name: string | null;
  segment: string;
  preferred_locale: string | null;
  merged_into_id: string | null;
  created_at: DefaultNow;
  updated_at: DefaultNow;
}
export interface CustomerContactTable {
  org_id: string;
  customer_id: string;
  kind: string;
  value: string;
  created_at: DefaultNow;
}
export interface CustomerServiceTable {
  org_id: string;
  customer_id: string;
  service_id: string;
  account_ref: Generated<string>;
}
export interface CaseNumberCounterTable {
  org_id: string;
  year: number;
  last_value: number;
}
export interface CaseTable {
  org_id: string;
  id: string;
  number: string;
  tracking_token: string;
  type: string;
  status: string;
  resume_status: string | null;
  channel: string;
  priority: string;
  assessment: Json | null;
  category_id: string | null;
  service_id: string | null;
  customer_id: string;
  department_id: string;
  owner_id: string;
  subject: string;
  description: string;
  remedy_sought: string | null;
  served_by: string | null;
  form_data: Json;
  locale: string;
  first_contact_resolution: Generated<boolean>;
  rejection_reason: string | null;
  created_by: string | null;
  created_at: DefaultNow;
  updated_at: DefaultNow;
  acknowledged_at: Timestamp | null;
  response_communicated_at: Timestamp | null;
  closed_at: Timestamp | null;
  sla_policy_id: string | null;
  escalation_level: Generated<number>;
  privacy_consent_at: Timestamp | null;
  segment: Generated<string>;
  search_vector: ColumnType<string, unknown, unknown>;
}
export interface CaseEventTable {
  org_id: string;
  case_id: string;
  seq: number;
  type: string;
  actor_id: string | null;
  actor_kind: string;
  at: DefaultNow;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data: Json;
}
export interface CaseMessageTable {
  org_id: string;
  case_id: string;
  id: string;
  kind: string;
  channel: string;
  body: string;
  author_id: string | null;
  created_at: DefaultNow;
  channel_id: ColumnType<string | null, string | null | undefined, string | null>;
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  html: ColumnType<string | null, string | null | undefined, string | null>;
  meta: ColumnType<unknown, string | undefined, string>;
  search_vector: ColumnType<string, unknown, unknown>;
}
export interface AttachmentTable {
  org_id: string;
  case_id: string;
  id: string;
  filename: string;
  content_type: string;
  size_bytes: ColumnType<string, number, number>;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: DefaultNow;
}
export interface IdempotencyKeyTable {
  org_id: string;
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: Json;
  created_at: DefaultNow;
}
export interface AuditLogTable {
  org_id: string;
  seq: ColumnType<string, number | string, never>;
  at: Timestamp;
  actor_id: string | null;
  actor_kind: string;
  action: string;
  entity: string;
  entity_id: string;
  data: Json;
  prev_hash: string;
  hash: string;
}
export interface AuditHeadTable {
  org_id: string;
  last_seq: ColumnType<string, number | string, number | string>;
  last_hash: string;
}

export interface CalendarTable {
  org_id: string;
  id: string;
  code: string;
  is_default: Generated<boolean>;
  spec: Json;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: DefaultNow;
}
export interface SlaPolicyTable {
  org_id: string;
  id: string;
  code: string;
  name: Json;
  case_type: string | null;
  priority: string | null;
  segment: string | null;
  channel: string | null;
  position: Generated<number>;
  targets: Json;
  warn_at_percent: Generated<number>;
  manager_after: Json | null;
  active: Generated<boolean>;
  updated_at: DefaultNow;
}
type BigMs = ColumnType<string, number | string, number | string>;
export interface CaseSlaStageTable {
  org_id: string;
  case_id: string;
  stage: string;
  cycle: Generated<number>;
  target_amount: ColumnType<string, number | string, number | string>;
  target_unit: string;
  calendar_id: string;
  started_at: Timestamp;
  original_due_at: Timestamp;
  due_at: Timestamp;
  warn_at: Timestamp | null;
  warned_at: Timestamp | null;
  breached_at: Timestamp | null;
  manager_escalate_at: Timestamp | null;
  manager_escalated_at: Timestamp | null;
  met_at: Timestamp | null;
  stopped_at: Timestamp | null;
  paused_at: Timestamp | null;
  remaining_ms: BigMs | null;
  paused_business_ms: ColumnType<string, number | string | undefined, number | string>;
  extensions: Generated<number>;
  next_check_at: Timestamp | null;
}
export interface SlaRecordTable {
  org_id: string;
  case_id: string;
  stage: string;
  cycle: number;
  kind: string;
  seq: Generated<number>;
  at: Timestamp;
  due_at: Timestamp;
  on_time: boolean | null;
  business_ms: BigMs | null;
  department_id: string;
  case_type: string;
  priority: string;
  channel: string;
  segment: string;
}
export interface NotificationTable {
  org_id: string;
  id: string;
  case_id: string | null;
  event: string;
  audience: string;
  channel: string;
  recipient: string;
  locale: string;
  variables: Json;
  dedupe_key: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: DefaultNow;
  last_error: string | null;
  provider: string | null;
  provider_message_id: string | null;
  created_at: DefaultNow;
  sent_at: Timestamp | null;
  rendered_subject: string | null;
  rendered_body: string | null;
  segments: number | null;
}
export interface NotificationAttemptTable {
  org_id: string;
  notification_id: string;
  attempt: number;
  at: DefaultNow;
  ok: boolean;
  error: string | null;
  provider: string;
  provider_message_id: string | null;
}
export interface NotificationProviderTable {
  org_id: string;
  channel: string;
  config: Json;
  version: Generated<number>;
  active: Generated<boolean>;
  updated_by: string | null;
  updated_at: DefaultNow;
}
export interface NotificationTemplateTable {
  org_id: string;
  event: string;
  channel: string;
  locale: string;
  subject: string | null;
  body: string;
  updated_by: string | null;
  updated_at: DefaultNow;
}
export interface PortalCodeTable {
  org_id: string;
  id: string;
  case_id: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: DefaultNow;
}
export interface PortalSessionTable {
  org_id: string;
  token_hash: string;
  case_id: string;
  expires_at: Timestamp;
  created_at: DefaultNow;
}
export interface SurveyTable {
  org_id: string;
  id: string;
  case_id: string;
  token_hash: string;
  agent_id: string | null;
  department_id: string;
  category_id: string | null;
  channel: string;
  sent_at: DefaultNow;
  rating: number | null;
  comment: string | null;
  answered_at: Timestamp | null;
}
export interface CaseOfferTable {
  org_id: string;
  id: string;
  case_id: string;
  kind: string;
  description: string;
  amount: ColumnType<string | null, number | string | null, number | string | null>;
  currency: string | null;
  reason: string;
  offered_by: string;
  offered_at: Timestamp;
  answer: string | null;
  answer_note: string | null;
  answered_at: Timestamp | null;
  answer_recorded_by: string | null;
}
export interface InboxTable {
  org_id: string;
  id: string;
  code: string;
  name: Json;
  department_id: string;
  calendar_id: string | null;
  auto_reply: Json | null;
  active: Generated<boolean>;
}
export interface InboxMemberTable {
  org_id: string;
  inbox_id: string;
  user_id: string;
}
export interface ChannelTable {
  org_id: string;
  id: string;
  code: string;
  inbox_id: string;
  kind: string;
  config: Json;
  address: string | null;
  active: Generated<boolean>;
  created_at: DefaultNow;
}
export interface ChannelThreadTable {
  org_id: string;
  channel_id: string;
  thread_key: string;
  case_id: string;
  customer_id: string;
  last_message_at: Timestamp;
}
export interface ChannelOutboxTable {
  org_id: string;
  id: string;
  channel_id: string;
  thread_key: string;
  case_id: string;
  message_id: string;
  body: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: DefaultNow;
  last_error: string | null;
  external_id: string | null;
  created_at: DefaultNow;
  sent_at: Timestamp | null;
}
export interface CallTable {
  org_id: string;
  id: string;
  channel_id: string;
  external_id: string;
  direction: Generated<string>;
  caller: string | null;
  callee: string | null;
  queue: string | null;
  agent_id: string | null;
  customer_id: string | null;
  case_id: string | null;
  state: string;
  started_at: Timestamp;
  answered_at: Timestamp | null;
  ended_at: Timestamp | null;
  wait_seconds: number | null;
  talk_seconds: number | null;
  hold_count: Generated<number>;
  hold_seconds: Generated<number>;
  held_since: Timestamp | null;
  hold_limit_exceeded: Generated<boolean>;
  abandoned: Generated<boolean>;
  unanswered: Generated<boolean>;
  recording_attachment_id: string | null;
}
export interface CallEventTable {
  org_id: string;
  call_id: string;
  seq: number;
  type: string;
  at: Timestamp;
  data: Json;
}
export interface ChatSessionTable {
  org_id: string;
  id: string;
  channel_id: string;
  visitor_token_hash: string;
  visitor_name: string | null;
  visitor_contact: string | null;
  locale: string;
  status: Generated<string>;
  agent_id: string | null;
  case_id: string | null;
  started_at: DefaultNow;
  ended_at: Timestamp | null;
}
export interface ChatMessageTable {
  org_id: string;
  chat_id: string;
  seq: number;
  author: string;
  author_id: string | null;
  body: string;
  at: DefaultNow;
}
export interface Database {
  inboxes: InboxTable;
  inbox_members: InboxMemberTable;
  channels: ChannelTable;
  channel_threads: ChannelThreadTable;
  channel_outbox: ChannelOutboxTable;
  calls: CallTable;
  call_events: CallEventTable;
  chat_sessions: ChatSessionTable;
  chat_messages: ChatMessageTable;
  case_offers: CaseOfferTable;
  notification_providers: NotificationProviderTable;
  notification_templates: NotificationTemplateTable;
  portal_codes: PortalCodeTable;
  portal_sessions: PortalSessionTable;
  surveys: SurveyTable;
  calendars: CalendarTable;
  sla_policies: SlaPolicyTable;
  case_sla_stages: CaseSlaStageTable;
  sla_records: SlaRecordTable;
  notifications: NotificationTable;
  notification_attempts: NotificationAttemptTable;
  orgs: OrgTable;
  roles: RoleTable;
  departments: DepartmentTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  rate_limit_hits: RateLimitHitTable;
  services: ServiceTable;
  categories: CategoryTable;
  case_forms: CaseFormTable;
  customers: CustomerTable;
  customer_contacts: CustomerContactTable;
  customer_services: CustomerServiceTable;
  case_number_counters: CaseNumberCounterTable;
  cases: CaseTable;
  case_events: CaseEventTable;
  case_messages: CaseMessageTable;
  attachments: AttachmentTable;
  idempotency_keys: IdempotencyKeyTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadTable;
}

export type CaseRow = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type UserRow = Selectable<UserTable>;
export type OrgRow = Selectable<OrgTable>;
export type CaseSlaStageRow = Selectable<CaseSlaStageTable>;
export type SlaPolicyRow = Selectable<SlaPolicyTable>;
export type NotificationRow = Selectable<NotificationTable>;
