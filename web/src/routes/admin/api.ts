// The administration API as the admin screens read and change it (server: org, admin, sla,
// notifications, channels and audit routes). Every change invalidates what it made stale.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { Locale, LocalizedText, Org, StaffUser } from '../../api/types.ts';

// ---------------------------------------------------------------------------------------------
// Shapes

export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface CalendarSpec {
  name?: string;
  timezone: string;
  week: Partial<Record<Weekday, [string, string][]>>;
  holidays: { date: string; name?: LocalizedText; estimated?: boolean }[];
  closures: { from: string; to: string; reason?: string }[];
}

export interface CalendarItem {
  code: string;
  isDefault: boolean;
  version: number;
  calendar: CalendarSpec;
  updatedAt: string;
  departments: string[];
}

export const SLA_STAGES = ['acknowledge', 'first_response', 'investigation', 'resolution'] as const;
export type SlaStageName = (typeof SLA_STAGES)[number];
export type SlaUnit = 'business_hours' | 'business_days';
export interface SlaTarget {
  amount: number;
  unit: SlaUnit;
}
export interface SlaPolicy {
  code: string;
  name: LocalizedText;
  caseType: string | null;
  priority: string | null;
  segment: string | null;
  channel: string | null;
  position: number;
  targets: Partial<Record<SlaStageName, SlaTarget>>;
  warnAtPercent: number;
  managerAfter: SlaTarget | null;
  active: boolean;
}

export interface FormField {
  key: string;
  required: boolean;
  label: LocalizedText;
  maxLength?: number;
  options?: { value: string; label: LocalizedText }[];
}

/** GET /api/v1/org with the parts only administration reads. */
export interface AdminOrg extends Org {
  settings: Org['settings'] & { requireIdentityCheck?: boolean };
  categories: (Org['categories'][number] & { defaultPriority: string; healthOrSafety: boolean })[];
  form: { version: number; fields: (FormField & { path?: string })[] };
}

export interface AdminUser extends StaffUser {
  locale: Locale;
}

export interface RolesAnswer {
  permissions: string[];
  items: { code: string; name: LocalizedText; permissions: string[] }[];
}

export type NotificationChannel = 'sms' | 'email';
export const NOTIFICATION_EVENTS = [
  'registered',
  'acknowledged',
  'info_requested',
  'extended',
  'resolved',
  'offer',
  'survey',
  'closed',
  'otp',
] as const;

export interface Template {
  event: string;
  channel: NotificationChannel;
  locale: Locale;
  subject?: string;
  body: string;
  custom: boolean;
}

export interface TemplatePreview {
  subject?: string;
  body: string;
  problems: string[];
  sms?: {
    encoding: 'GSM-7' | 'UCS-2';
    units: number;
    segments: number;
    perSegment: number;
    remainingInSegment: number;
    parts: string[];
  };
}

export type ProviderConfig = Record<string, unknown> & { kind: 'smtp' | 'smpp' | 'http' };
export interface ProviderItem {
  channel: NotificationChannel;
  configured: boolean;
  config: ProviderConfig | null;
  updatedAt: string | null;
  delivery: 'provider' | 'local-outbox';
}

export interface OutboxItem {
  id: string;
  caseNumber: string | null;
  event: string;
  audience: string;
  channel: string;
  recipient: string;
  locale: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  provider: string | null;
  lastError: string | null;
  subject: string | null;
  body: string | null;
  segments: number | null;
  createdAt: string;
  sentAt: string | null;
}

export interface Inbox {
  code: string;
  name: LocalizedText;
  active: boolean;
  department: string;
  calendar: string | null;
  autoReply: LocalizedText | null;
  members: string[];
}

export const CHANNEL_KINDS = [
  'email',
  'web_chat',
  'whatsapp',
  'telegram',
  'messenger',
  'phone',
  'store',
  'video',
] as const;
export interface ChannelItem {
  code: string;
  kind: (typeof CHANNEL_KINDS)[number];
  address: string | null;
  config: Record<string, unknown>;
  active: boolean;
  inbox: string;
}

export interface AuditEntry {
  seq: string | number;
  at: string;
  actor_id: string | null;
  actor_kind: string;
  action: string;
  entity: string;
  entity_id: string;
  data: unknown;
  hash: string;
}

export interface AuditVerification {
  rows: number;
  ok: boolean;
  firstBroken?: { seq: number; problem: string };
}

// ---------------------------------------------------------------------------------------------
// Reading

const STALE = 30_000;

/** Same key and request as the session's organisation, so a change here refreshes the whole app. */
export function useAdminOrg() {
  return useQuery({
    queryKey: ['org'],
    queryFn: () => api<AdminOrg>('/api/v1/org'),
    staleTime: STALE,
  });
}

export function useAdminUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => (await api<{ items: AdminUser[] }>('/api/v1/users')).items,
    staleTime: STALE,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['admin', 'roles'],
    queryFn: () => api<RolesAnswer>('/api/v1/admin/roles'),
    staleTime: STALE,
  });
}

export function useOutbox(status: string) {
  return useQuery({
    queryKey: ['admin', 'outbox', status],
    queryFn: async () =>
      (await api<{ items: OutboxItem[] }>(`/api/v1/admin/outbox${query({ status, limit: 100 })}`)).items,
    refetchInterval: 20_000,
    placeholderData: (previous) => previous,
  });
}

/** The items of GET /api/v1/admin/<name>, under the key ['admin', <name>] its changes make stale. */
function useAdminList<T>(name: string) {
  return useQuery({
    queryKey: ['admin', name],
    queryFn: async () => (await api<{ items: T[] }>(`/api/v1/admin/${name}`)).items,
    staleTime: STALE,
  });
}

export const useCalendars = () => useAdminList<CalendarItem>('calendars');
export const useSlaPolicies = () => useAdminList<SlaPolicy>('sla-policies');
export const useTemplates = () => useAdminList<Template>('templates');
export const useProviders = () => useAdminList<ProviderItem>('providers');
export const useInboxes = () => useAdminList<Inbox>('inboxes');
export const useChannels = () => useAdminList<ChannelItem>('channels');

// ---------------------------------------------------------------------------------------------
// Changing

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface AdminRequest {
  method: Method;
  path: string;
  body?: Record<string, unknown>;
}

/**
 * One administrative change: sends `path` with the body and, once it succeeded, refetches the
 * queries it made stale (by key prefix).
 */
export function useAdminChange<V, R = unknown>(
  request: (vars: V) => AdminRequest,
  stale: readonly (readonly string[])[],
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => {
      const r = request(vars);
      return api<R>(r.path, { method: r.method, body: r.body });
    },
    onSuccess: () => Promise.all(stale.map((key) => client.invalidateQueries({ queryKey: key }))),
  });
}

export const enc = encodeURIComponent;

export interface TemplateDraft {
  event: string;
  channel: NotificationChannel;
  locale: Locale;
  subject?: string;
  body: string;
}

/** The server renders the draft with sample values: the text, its problems and its SMS parts. */
export function useTemplatePreview(draft: TemplateDraft) {
  return useQuery({
    queryKey: ['admin', 'template-preview', draft],
    queryFn: () =>
      api<TemplatePreview>('/api/v1/admin/templates/preview', {
        method: 'POST',
        body: draft as unknown as Record<string, unknown>,
      }),
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
