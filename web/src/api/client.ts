// fetch() for the Riza API: JSON in and out, the session cookie, the CSRF header on changes, and
// the UI language as Accept-Language so server errors arrive already translated.
import type { FieldMessage } from './types.ts';

const CSRF_KEY = 'riza.csrf';
let languageForServer = 'en';

export function setServerLanguage(lng: string): void {
  languageForServer = lng;
}

// The token only comes with the login answer, so it is kept for reloads and other tabs; it is
// worthless without the HttpOnly session cookie it belongs to.
export const csrf = {
  get: () => localStorage.getItem(CSRF_KEY),
  set: (token: string) => localStorage.setItem(CSRF_KEY, token),
  clear: () => localStorage.removeItem(CSRF_KEY),
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldMessage[] = [],
  ) {
    super(message);
  }

  /** The server's message for one field, if it named that field. */
  field(name: string): string | undefined {
    return this.fields.find((f) => f.field === name)?.message;
  }
}

type Body = Record<string, unknown> | FormData | undefined;

export async function api<T>(path: string, init: { method?: string; body?: Body } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': languageForServer,
  };
  let body: BodyInit | undefined;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  if (method !== 'GET') {
    const token = csrf.get();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  const text = await res.text();
  const json = text ? safeJson(text) : null;
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; fields?: FieldMessage[] } } | null)
      ?.error;
    throw new ApiError(res.status, error?.code ?? 'HTTP_ERROR', error?.message ?? '', error?.fields ?? []);
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}
