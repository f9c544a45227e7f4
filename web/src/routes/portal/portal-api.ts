// The public portal API (server: server/src/http/routes/portal.routes.ts, docs/portal.md): what the
// portal reads and sends, and the hooks the screens use. Customers have no account; the portal
// session is the httpOnly cookie `riza_portal` the server sets after the one-time code.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { ApiError } from '../../api/client.ts';
import type { FieldMessage, Locale } from '../../api/types.ts';
import { PSEUDO } from '../../i18n/languages.ts';

/** A date as the server writes it for people: Gregorian, Hijri where the org enables it. */
export interface PeopleDate {
  gregorian: string;
  hijri?: string;
  iso: string;
}

export interface PortalField {
  key: string;
  /** where the value goes in the submission body, e.g. `customer.phone`; also the error's `field` */
  field: string;
  label: string;
  required: boolean;
  maxLength?: number;
  options?: { value: string; label: string }[];
}

export interface PortalInfo {
  org: { slug: string; name: string; country: string; timezone: string };
  locale: Locale;
  direction: 'rtl' | 'ltr';
  languages: Locale[];
  defaultLanguage: Locale;
  hijri: boolean;
  channels: string[];
  caseTypes: { code: string; name: string }[];
  form: { version: number; fields: PortalField[] };
  categories: { code: string; name: string }[];
  services: { code: string; name: string }[];
  privacyNotice: string;
}

export interface PortalReceipt {
  number: string;
  expectedResolutionAt: string | null;
  expectedResolution: PeopleDate | null;
}

export type CustomerStatus =
  | 'received'
  | 'in_progress'
  | 'awaiting_your_reply'
  | 'answered'
  | 'closed'
  | 'under_review'
  | 'escalated'
  | 'withdrawn'
  | 'rejected';

export interface CustomerEvent {
  type:
    | 'registered'
    | 'acknowledged'
    | 'information_requested'
    | 'customer_replied'
    | 'responded'
    | 'extended'
    | 'closed';
  at: string;
  label: string;
  question?: string;
  message?: string;
  answer?: string;
  steps?: string[];
  newDueAt?: string;
  newDate?: PeopleDate;
  reason?: string;
}

export interface CustomerCase {
  number: string;
  type: { code: string; name: string };
  channel: string;
  registeredAt: string;
  status: { code: CustomerStatus; label: string; internal: string };
  subject: string;
  description: string;
  category: string | null;
  service: string | null;
  expectedResolutionAt: string | null;
  expectedResolution: PeopleDate | null;
  informationRequest: { pending: boolean; question: string | null };
  answer: { text: string; at: string; steps: string[] } | null;
  history: CustomerEvent[];
}

export interface SurveyView {
  caseNumber: string;
  answered: boolean;
  answeredAt: string | null;
  rating: number | null;
}

/** The submission body: the form's values plus the type, the channel, consent and the honeypot. */
export interface PortalSubmission {
  type: string;
  channel: 'web_form';
  locale?: Locale;
  category?: string;
  service?: string;
  subject?: string;
  description?: string;
  remedySought?: string;
  servedBy?: string;
  customer: Record<string, string>;
  custom?: Record<string, string>;
  consent: boolean;
  website: string;
}

/** The language the server should answer in: the UI's, English for the pseudo-locale. */
export function serverLanguage(): Locale {
  const lng = i18next.language;
  return (lng === PSEUDO || !lng ? 'en' : lng) as Locale;
}

export const portalBase = (org: string) => `/api/v1/portal/${encodeURIComponent(org)}`;

/**
 * fetch() for the portal. The shared `api()` cannot send an Idempotency-Key, and its staff
 * session handling (CSRF token, sign-in redirect on 401) has no meaning here.
 */
export async function portalRequest<T>(
  path: string,
  init: { method?: string; body?: object | FormData; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': serverLanguage(),
    ...init.headers,
  };
  let body: BodyInit | undefined;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? 'GET', headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; fields?: FieldMessage[] } } | null)
      ?.error;
    throw new ApiError(res.status, error?.code ?? 'HTTP_ERROR', error?.message ?? '', error?.fields ?? []);
  }
  return json as T;
}

/**
 * An Idempotency-Key per distinct body: a retry of the same submission (double click, lost
 * answer) reuses the key and gets the first answer back; a corrected form gets a new one.
 * getRandomValues, unlike randomUUID, also works on plain-HTTP addresses.
 */
export function idempotencyKeys(): (body: unknown) => string {
  let last: { body: string; key: string } | null = null;
  return (body) => {
    const json = JSON.stringify(body);
    if (last?.body !== json) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      last = {
        body: json,
        key: `portal-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`,
      };
    }
    return last.key;
  };
}

export function usePortalInfo(org: string) {
  const lng = serverLanguage();
  return useQuery({
    queryKey: ['portal', org, 'info', lng],
    queryFn: () => portalRequest<PortalInfo>(portalBase(org)),
    staleTime: 10 * 60_000,
    // keeps the page on screen while the labels are fetched in a newly chosen language
    placeholderData: (previous) => previous,
  });
}

export function useSubmitCase(org: string) {
  const keyFor = idempotencyKeys();
  return useMutation({
    mutationFn: (body: PortalSubmission) =>
      portalRequest<PortalReceipt>(`${portalBase(org)}/cases`, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': keyFor(body) },
      }),
  });
}

export function useRequestCode(org: string) {
  return useMutation({
    mutationFn: (number: string) =>
      portalRequest<{ message: string; codeValidMinutes: number }>(`${portalBase(org)}/track`, {
        method: 'POST',
        body: { number },
      }),
  });
}

export function useVerifyCode(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { number: string; code: string }) =>
      portalRequest<{ token: string; expiresAt: string; caseNumber: string }>(
        `${portalBase(org)}/track/verify`,
        { method: 'POST', body: input },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal', org, 'case'] }),
  });
}

export const caseKey = (org: string, number: string) => ['portal', org, 'case', number] as const;

/**
 * The case behind the portal session, or null when there is none (no code entered yet, or the
 * 30 minutes are over): the page then asks for a code instead of showing an error.
 */
export function useCustomerCase(org: string, number: string | null) {
  const lng = serverLanguage();
  return useQuery({
    queryKey: [...caseKey(org, number ?? ''), lng],
    enabled: Boolean(number),
    queryFn: async (): Promise<CustomerCase | null> => {
      try {
        return await portalRequest<CustomerCase>(
          `${portalBase(org)}/cases/${encodeURIComponent(number ?? '')}`,
        );
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 404)) return null;
        throw e;
      }
    },
    // a new language keeps the case on screen while its words are fetched; another case does not
    placeholderData: (previous, query) => (query?.queryKey[3] === number ? previous : undefined),
    // the case moves while the customer looks at it (an answer, a question)
    refetchInterval: 60_000,
  });
}

export function useReply(org: string, number: string) {
  const client = useQueryClient();
  const keyFor = idempotencyKeys();
  return useMutation({
    mutationFn: (message: string) =>
      portalRequest<CustomerCase>(`${portalBase(org)}/cases/${encodeURIComponent(number)}/reply`, {
        method: 'POST',
        body: { message },
        headers: { 'idempotency-key': keyFor({ number, message }) },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKey(org, number) }),
  });
}

export interface UploadedFile {
  id: string;
  filename: string;
  size: number;
}

export function uploadFile(org: string, number: string, file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return portalRequest<UploadedFile>(`${portalBase(org)}/cases/${encodeURIComponent(number)}/attachments`, {
    method: 'POST',
    body: form,
  });
}

export function useEndSession(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => portalRequest<{ ok: true }>(`${portalBase(org)}/session`, { method: 'DELETE' }),
    onSettled: () => client.removeQueries({ queryKey: ['portal', org, 'case'] }),
  });
}

export const surveyKey = (org: string, token: string) => ['portal', org, 'survey', token] as const;

export function useSurvey(org: string, token: string) {
  return useQuery({
    queryKey: surveyKey(org, token),
    queryFn: () => portalRequest<SurveyView>(`${portalBase(org)}/survey/${encodeURIComponent(token)}`),
  });
}

export function useAnswerSurvey(org: string, token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answer: { rating: number; comment?: string }) =>
      portalRequest<SurveyView>(`${portalBase(org)}/survey/${encodeURIComponent(token)}`, {
        method: 'POST',
        body: answer,
      }),
    onSuccess: (view) => client.setQueryData(surveyKey(org, token), view),
  });
}

/** The URL of the answer letter; the browser sends the portal cookie with it. */
export function letterUrl(org: string, number: string, lng: string): string {
  const locale = lng === PSEUDO ? 'en' : lng;
  return `${portalBase(org)}/cases/${encodeURIComponent(number)}/letter.pdf?locale=${locale}`;
}
