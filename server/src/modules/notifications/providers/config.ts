// Provider settings are data an org admin edits (stored per org by the notifications module), so
// they are checked here field by field and every problem is reported at once, in plain words.
import addressparser from 'nodemailer/lib/addressparser';

export interface SmtpConfig {
  kind: 'smtp';
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** `no-reply@example.com` or `"Umniah Care" <no-reply@example.com>` */
  from: string;
  replyTo?: string;
}

export interface SmppConfig {
  kind: 'smpp';
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** Sender shown on the phone: a short code, a number, or an alphanumeric name. */
  sourceAddr: string;
  sourceTon?: number;
  sourceNpi?: number;
}

export interface HttpConfig {
  kind: 'http';
  /** May hold {to} {text} {id}, URL-encoded when filled in. */
  url: string;
  method: 'POST' | 'GET';
  headers?: Record<string, string>;
  /**
   * {to} {text} {id} are filled in escaped for `contentType` (JSON string, form or XML); with GET
   * the rendered template is the query string, URL-encoded.
   */
  bodyTemplate: string;
  contentType: string;
  /** The status that means accepted; any 2xx when absent. */
  successStatus?: number;
}

export type ProviderConfig = SmtpConfig | SmppConfig | HttpConfig;

export type ParsedProviderConfig = { ok: true; config: ProviderConfig } | { ok: false; problems: string[] };

/** Shown instead of a secret; a client that sends it back means "keep the stored value". */
export const REDACTED = '••••••';

type Json = Record<string, unknown>;

const FIELDS = {
  smtp: ['kind', 'host', 'port', 'secure', 'user', 'password', 'from', 'replyTo'],
  smpp: [
    'kind',
    'host',
    'port',
    'systemId',
    'password',
    'systemType',
    'sourceAddr',
    'sourceTon',
    'sourceNpi',
  ],
  http: ['kind', 'url', 'method', 'headers', 'bodyTemplate', 'contentType', 'successStatus'],
} as const;

// SMPP 3.4 §5.2.6: the numbering plan indicators that exist.
const SMPP_NPI = [0, 1, 3, 4, 6, 8, 9, 10, 14, 18];
const HOST = /^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/;

/** Reads typed fields off untrusted JSON, collecting a problem for each bad one. */
class Fields {
  readonly problems: string[] = [];
  constructor(private readonly json: Json) {}

  raw(name: string): unknown {
    return this.json[name];
  }

  string(name: string, opts: { optional?: boolean; max?: number; pattern?: RegExp; hint?: string } = {}) {
    const value = this.json[name];
    if (value === undefined || value === null || value === '') {
      if (!opts.optional) this.problems.push(`${name} is required`);
      return undefined;
    }
    if (typeof value !== 'string') return this.wrong(name, 'must be a string', value);
    if (opts.max !== undefined && value.length > opts.max) {
      return this.wrong(name, `must be at most ${opts.max} characters`, value);
    }
    if (opts.pattern && !opts.pattern.test(value))
      return this.wrong(name, opts.hint ?? 'is malformed', value);
    return value;
  }

  int(name: string, min: number, max: number, optional = false) {
    const value = this.json[name];
    if (value === undefined || value === null) {
      if (!optional) this.problems.push(`${name} is required`);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.wrong(name, `must be an integer between ${min} and ${max}`, value);
    }
    return value;
  }

  boolean(name: string) {
    const value = this.json[name];
    if (typeof value === 'boolean') return value;
    if (value === undefined) this.problems.push(`${name} is required`);
    else this.wrong(name, 'must be true or false', value);
    return undefined;
  }

  wrong(name: string, what: string, value: unknown): undefined {
    this.problems.push(`${name} ${what} (got ${JSON.stringify(value)?.slice(0, 80)})`);
    return undefined;
  }
}

export function parseProviderConfig(json: unknown): ParsedProviderConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problems: ['provider configuration must be a JSON object'] };
  }
  const obj = json as Json;
  const kind = obj.kind;
  if (kind !== 'smtp' && kind !== 'smpp' && kind !== 'http') {
    return { ok: false, problems: [`kind must be one of smtp, smpp, http (got ${JSON.stringify(kind)})`] };
  }
  const f = new Fields(obj);
  const allowed: readonly string[] = FIELDS[kind];
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) f.problems.push(`${key} is not a setting of a ${kind} provider`);
  }
  const config = kind === 'smtp' ? smtp(f) : kind === 'smpp' ? smpp(f) : http(f);
  return f.problems.length === 0 ? { ok: true, config } : { ok: false, problems: f.problems };
}

function mailbox(f: Fields, name: string, optional: boolean) {
  const value = f.string(name, { optional, max: 320 });
  if (value === undefined) return undefined;
  const parsed = addressparser(value, { flatten: true });
  if (parsed.length !== 1 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(parsed[0]?.address ?? '')) {
    return f.wrong(name, 'must be one e-mail address, optionally with a name: "Name" <a@example.com>', value);
  }
  return value;
}

function smtp(f: Fields): SmtpConfig {
  const config: SmtpConfig = {
    kind: 'smtp',
    host: f.string('host', { max: 253, pattern: HOST, hint: 'must be a host name or IP address' })!,
    port: f.int('port', 1, 65535)!,
    secure: f.boolean('secure')!,
    ...optional('user', f.string('user', { optional: true, max: 256 })),
    ...optional('password', f.string('password', { optional: true, max: 256 })),
    from: mailbox(f, 'from', false)!,
    ...optional('replyTo', mailbox(f, 'replyTo', true)),
  };
  if ((config.user === undefined) !== (config.password === undefined)) {
    f.problems.push('user and password must be given together');
  }
  return config;
}

// Lengths are SMPP 3.4's C-Octet string sizes less the terminating NUL.
function smpp(f: Fields): SmppConfig {
  return {
    kind: 'smpp',
    host: f.string('host', { max: 253, pattern: HOST, hint: 'must be a host name or IP address' })!,
    port: f.int('port', 1, 65535)!,
    systemId: f.string('systemId', { max: 15 })!,
    password: f.string('password', { max: 8 })!,
    ...optional('systemType', f.string('systemType', { optional: true, max: 12 })),
    sourceAddr: f.string('sourceAddr', { max: 20 })!,
    ...optional('sourceTon', f.int('sourceTon', 0, 6, true)),
    ...optional('sourceNpi', npi(f)),
  };
}

function npi(f: Fields) {
  const value = f.int('sourceNpi', 0, 18, true);
  if (value === undefined || SMPP_NPI.includes(value)) return value;
  return f.wrong('sourceNpi', `must be one of ${SMPP_NPI.join(', ')}`, value);
}

function http(f: Fields): HttpConfig {
  const url = f.string('url', { max: 2048 });
  if (url !== undefined && !/^https?:\/\/[^/\s]+/.test(url)) f.wrong('url', 'must be an http(s) URL', url);
  const method = f.string('method', { pattern: /^(POST|GET)$/, hint: 'must be POST or GET' });
  const bodyTemplate = f.string('bodyTemplate', { optional: true, max: 8192 }) ?? '';
  if (!bodyTemplate && method === 'POST') {
    f.problems.push('bodyTemplate is required for POST');
  }
  for (const placeholder of ['{to}', '{text}']) {
    if (url !== undefined && !url.includes(placeholder) && !bodyTemplate.includes(placeholder)) {
      f.problems.push(`bodyTemplate or url must contain ${placeholder}`);
    }
  }
  return {
    kind: 'http',
    url: url!,
    method: method as HttpConfig['method'],
    ...optional('headers', headers(f)),
    bodyTemplate,
    contentType: f.string('contentType', {
      max: 200,
      pattern: MEDIA_TYPE,
      hint: 'must be a media type such as application/json',
    })!,
    ...optional('successStatus', f.int('successStatus', 200, 299, true)),
  };
}

function headers(f: Fields): Record<string, string> | undefined {
  const raw = f.raw('headers');
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) return f.wrong('headers', 'must be an object', raw);
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (!HEADER_NAME.test(name)) f.problems.push(`headers: "${name}" is not a valid header name`);
    else if (typeof v !== 'string' || /[\r\n]/.test(v)) {
      f.problems.push(`headers.${name} must be a single-line string`);
    } else out[name] = v;
  }
  return out;
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

// Header names, query parameters and template fields whose values are credentials.
const SECRET_NAME = /auth|key|token|secret|pass|signature|credential/i;

/** The configuration as an API may show it: passwords, credential headers and keys hidden. */
export function redactProviderConfig(config: ProviderConfig): ProviderConfig {
  switch (config.kind) {
    case 'smtp':
      return config.password === undefined ? { ...config } : { ...config, password: REDACTED };
    case 'smpp':
      return { ...config, password: REDACTED };
    case 'http':
      return {
        ...config,
        url: redactUrl(config.url),
        bodyTemplate: redactText(config.bodyTemplate),
        ...(config.headers && {
          headers: Object.fromEntries(
            Object.entries(config.headers).map(([k, v]) => [k, SECRET_NAME.test(k) ? REDACTED : v]),
          ),
        }),
      };
  }
}

function redactUrl(url: string): string {
  return redactText(url.replace(/^(https?:\/\/[^/:@\s]+):[^/@\s]*@/, `$1:${REDACTED}@`));
}

// Covers `name=value` (query strings, form bodies) and `"name": "value"` (JSON bodies); the
// values left in place are placeholders or non-secret settings.
function redactText(text: string): string {
  return text
    .replace(/([?&]?)([\w.-]+)=([^&\s]*)/g, (m, sep, name, value) =>
      SECRET_NAME.test(name) && !isPlaceholder(value) ? `${sep}${name}=${REDACTED}` : m,
    )
    .replace(/("([\w.-]+)"\s*:\s*)"((?:[^"\\]|\\.)*)"/g, (m, head, name, value) =>
      SECRET_NAME.test(name) && !isPlaceholder(value) ? `${head}"${REDACTED}"` : m,
    );
}

const isPlaceholder = (value: string) => /^\{(to|text|id)\}$/.test(value);
