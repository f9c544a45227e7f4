// SMS (or anything else) through a vendor's HTTP API, described as data: a URL, a body template
// and the status that means "accepted". Values are escaped for where they land in the request.
import type { HttpConfig } from './config.ts';
import { countSegments } from './sms-encoding.ts';
import {
  type DeliveryResult,
  type OutboundMessage,
  type Provider,
  permanentError,
  transientError,
} from './types.ts';

export interface HttpGatewayOptions {
  timeoutMs?: number;
}

type Escape = (value: string) => string;

const formEncode: Escape = (value) => new URLSearchParams({ v: value }).toString().slice(2);
const jsonEscape: Escape = (value) => JSON.stringify(value).slice(1, -1);
const xmlEscape: Escape = (value) => value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function escapeFor(contentType: string): Escape {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return jsonEscape;
  if (type === 'application/x-www-form-urlencoded') return formEncode;
  if (type.endsWith('/xml') || type.endsWith('+xml')) return xmlEscape;
  return (value) => value;
}

/** Fills {to} {text} {id}; other braces (JSON objects) are left alone. */
export function renderTemplate(
  template: string,
  values: Record<string, string>,
  escapeValue: Escape,
): string {
  return template.replace(/\{(to|text|id)\}/g, (_, name: string) => escapeValue(values[name] ?? ''));
}

export class HttpGatewayProvider implements Provider {
  readonly kind = 'http';

  constructor(
    private readonly config: HttpConfig,
    private readonly options: HttpGatewayOptions = {},
  ) {}

  async send(msg: OutboundMessage): Promise<DeliveryResult> {
    const { config } = this;
    const values = { to: msg.to, text: msg.text, id: msg.id };
    let url = renderTemplate(config.url, values, encodeURIComponent);
    let body: string | undefined;
    if (config.method === 'GET') {
      const query = renderTemplate(config.bodyTemplate, values, formEncode);
      if (query) url += (url.includes('?') ? '&' : '?') + query;
    } else {
      body = renderTemplate(config.bodyTemplate, values, escapeFor(config.contentType));
    }
    let res: Response;
    try {
      res = await fetch(url, {
        method: config.method,
        headers: this.headers(body !== undefined),
        ...(body !== undefined && { body }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      // Refused connection, DNS failure, reset or timeout: the gateway may be fine a minute later.
      const reason = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw transientError(`HTTP gateway unreachable: ${reason}`, err);
    }
    const reply = (await res.text().catch(() => '')).slice(0, 300);
    const accepted = config.successStatus ? res.status === config.successStatus : res.ok;
    if (!accepted) {
      const message = `HTTP gateway answered ${res.status}: ${reply}`;
      // 5xx and 429 are the gateway's trouble; any other answer will be the same next time.
      const transient = res.status >= 500 || res.status === 429;
      throw transient ? transientError(message) : permanentError(message);
    }
    return msg.channel === 'sms' ? { segments: countSegments(msg.text) } : {};
  }

  async close(): Promise<void> {}

  // Our Content-Type unless the configured headers already name one (in any letter case).
  private headers(withBody: boolean): Headers {
    const headers = new Headers(this.config.headers);
    if (withBody && !headers.has('content-type')) headers.set('content-type', this.config.contentType);
    return headers;
  }
}
