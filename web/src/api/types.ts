// The JSON the Riza API answers with, as the web app reads it (server: server/src/http/routes).
export type Locale = 'ar' | 'en' | 'ru' | 'kk' | 'az';
export type LocalizedText = Partial<Record<Locale, string>>;

export interface Me {
  user: {
    id: string;
    email: string;
    display_name: string;
    locale: string;
    role_code: string;
    department_id: string | null;
  };
  orgId: string;
  permissions: string[];
  /** not sent yet; when the server adds it, a reloaded tab no longer depends on the stored token */
  csrfToken?: string;
}

export interface LoginResult {
  user: { id: string; role: string; locale: string };
  csrfToken: string;
}

export interface Department {
  id: string;
  code: string;
  name: LocalizedText;
  kind: string;
  leadUserId: string | null;
  active: boolean;
}

export interface Org {
  id: string;
  slug: string;
  name: LocalizedText;
  country: string;
  timezone: string;
  defaultLocale: Locale;
  locales: Locale[];
  settings: {
    caseTypes?: Partial<Record<string, { enabled: boolean; name?: LocalizedText }>>;
    channels?: string[];
    hijri?: boolean;
  };
  departments: Department[];
  categories: { id: string; code: string; name: LocalizedText; departmentId: string; active: boolean }[];
  services: { id: string; code: string; name: LocalizedText; active: boolean }[];
  roles: { code: string; name: LocalizedText; permissions: string[] }[];
}

export type SlaStage = 'acknowledge' | 'first_response' | 'investigation' | 'resolution';
/** `stopped`: the case ended (withdrawn, rejected) before the stage was met */
export type SlaState = 'on_track' | 'due_soon' | 'breached' | 'met' | 'paused' | 'stopped';

export interface CaseSla {
  stages: {
    stage: SlaStage;
    dueAt: string;
    state: SlaState;
    remainingBusinessMs: number | null;
    metAt: string | null;
  }[];
  paused: boolean;
  extensions: number;
  /** the resolution date promised to the customer */
  expectedResolutionAt?: string | null;
}

export interface CaseView {
  id: string;
  number: string;
  type: string;
  status: string;
  channel: string;
  priority: string;
  subject: string;
  description: string;
  remedySought: string | null;
  servedBy: string | null;
  locale: string;
  firstContactResolution: boolean;
  rejectionReason: string | null;
  createdAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  responseCommunicatedAt: string | null;
  closedAt: string | null;
  department: { id: string; code: string; name: LocalizedText };
  owner: { id: string; displayName: string };
  customer: {
    id: string;
    kind: string;
    segment: string;
    firstName: string | null;
    lastName: string | null;
    patronymic: string | null;
    businessName: string | null;
    phoneMasked: string | null;
  };
  category: { id: string; code: string; name: LocalizedText } | null;
  service: { id: string; code: string; name: LocalizedText } | null;
  /** added by the SLA work; absent or null until then */
  sla?: CaseSla | null;
}

/** The customer's name as a list row and the case view both carry it. */
export type CustomerName = Pick<
  CaseView['customer'],
  'id' | 'kind' | 'firstName' | 'lastName' | 'patronymic' | 'businessName'
>;

/** A name picked in the request's language by the server. */
export interface NamedRef {
  id: string;
  code: string;
  name: string;
}

/** The most pressing running SLA stage of a case (GET /api/v1/cases rows). */
export interface SlaSummary {
  stage: SlaStage;
  state: SlaState;
  dueAt: string;
  remainingBusinessMs: number | null;
}

/** A row of GET /api/v1/cases: what queues, boards and search results show. */
export interface CaseListItem {
  id: string;
  number: string;
  type: string;
  status: string;
  channel: string;
  priority: string;
  /** the subject, or the start of the description when there is none */
  summary: string;
  createdAt: string;
  updatedAt: string;
  responseCommunicatedAt: string | null;
  department: NamedRef;
  category: NamedRef | null;
  service: NamedRef | null;
  owner: { id: string; displayName: string };
  customer: CustomerName;
  escalationLevel: number;
  /** null when no SLA stage is running */
  sla: SlaSummary | null;
}

export interface CasePage {
  items: CaseListItem[];
  nextCursor: string | null;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  at: string;
  actor: { kind: 'user' | 'customer' | 'system'; id: string | null; name: string | null };
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

export interface StaffUser {
  id: string;
  email: string;
  display_name: string;
  role_code: string;
  department_id: string | null;
  active: boolean;
}

export interface FieldMessage {
  field: string;
  reason: string;
  message: string;
}
