// Calls a messaging platform's send API and turns its refusals into ProviderErrors: permanent when
// the same request would be refused again (bad token, blocked bot, bad recipient), transient for
// network trouble, 5xx, 429 and — on Meta's Graph API — the throttling codes it sends with a 400.
import { type ProviderError, permanentError, transientError } from '../../notifications/providers/types.ts';

export interface PlatformAnswer {
  status: number;
  ok: boolean;
  body: unknown;
}

const TIMEOUT_MS = 15_000;

/** POSTs JSON. Error messages never carry the URL: Telegram and Messenger put credentials in it. */
export async function postJson(
  platform: string,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<PlatformAnswer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    const reason = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw transientError(`${platform} unreachable: ${reason}`);
  }
  const text = await res.text().catch(() => '');
  let body: unknown = text.slice(0, 300);
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // an HTML error page from a proxy: keep the start of it for the error message
  }
  return { status: res.status, ok: res.ok, body };
}

export function refusal(platform: string, status: number, detail: string, transient = false): ProviderError {
  const message = `${platform} answered ${status}: ${detail}`.slice(0, 500);
  return transient || status >= 500 || status === 429 ? transientError(message) : permanentError(message);
}

interface GraphError {
  message?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
}

// Graph API codes that mean "later": unknown/temporary service errors, app/user/page rate limits,
// WhatsApp throughput and pair rate limits. Meta answers most of them with HTTP 400.
const GRAPH_RETRY_CODES = new Set([1, 2, 4, 17, 32, 613, 80007, 130429, 131056]);

/** A refusal from Meta's Graph API (WhatsApp Cloud API, Messenger Send API). */
export function graphRefusal(platform: string, answer: PlatformAnswer): ProviderError {
  const e = (answer.body as { error?: GraphError } | null)?.error;
  if (!e) return refusal(platform, answer.status, JSON.stringify(answer.body)?.slice(0, 300) ?? '');
  const code = `#${e.code ?? '?'}${e.error_subcode ? `/${e.error_subcode}` : ''}`;
  return refusal(
    platform,
    answer.status,
    `(${code}) ${e.message ?? ''}`,
    e.is_transient === true || GRAPH_RETRY_CODES.has(Number(e.code)),
  );
}
