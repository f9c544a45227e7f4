// What every messaging platform provides: its settings check, how to tell its webhooks are
// genuine, how to read them, and how to send a reply. Plus small helpers shared by the three. Pure.
import type { ConfigCheck } from '../channel-config.ts';
import type { ChannelSender } from '../deliver-replies.ts';
import type { InboundMessage } from '../ingest.ts';

export type MessagingKind = 'whatsapp' | 'telegram' | 'messenger';
export type Headers = Record<string, string | string[] | undefined>;
export type Settings = Record<string, unknown>;

export interface MessagingPlatform {
  kind: MessagingKind;
  check: ConfigCheck;
  sender: ChannelSender;
  /** the token Meta's GET subscription handshake must present; absent: the platform has no handshake */
  verifyToken?(config: Settings): string;
  /** true only when the request provably comes from the platform (signature or secret over `raw`) */
  authentic(config: Settings, headers: Headers, raw: Buffer): boolean;
  /** the customer messages in one webhook delivery; everything else (statuses, echoes, edits) is left out */
  parse(update: unknown, config: Settings, now: Date): InboundMessage[];
}

// --- settings checks ---------------------------------------------------------------------------

type Rule = (value: unknown) => string | null;

export const secret: Rule = (v) =>
  typeof v === 'string' && /^\S{1,1000}$/.test(v) ? null : 'must be a non-empty value without spaces';
export const numericId: Rule = (v) =>
  typeof v === 'string' && /^\d{1,30}$/.test(v) ? null : 'must be the numeric id, as a string';

/** An https URL; plain http only to this machine (a local imitation of the platform in tests). */
export const apiBase: Rule = (v) => {
  if (typeof v !== 'string') return 'must be a URL';
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return 'must be a URL';
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return 'must be an https URL';
  if (url.search || url.hash || url.username) return 'must not carry a query, fragment or credentials';
  return null;
};

/** Every required key present and valid, optional ones valid when given, nothing unknown. */
export function checkSettings(
  config: Settings,
  required: Record<string, Rule>,
  optional: Record<string, Rule> = {},
): string[] {
  const problems: string[] = [];
  for (const [key, rule] of Object.entries(required)) {
    if (config[key] === undefined || config[key] === '') problems.push(`${key} is required`);
    else {
      const p = rule(config[key]);
      if (p) problems.push(`${key} ${p}`);
    }
  }
  for (const [key, rule] of Object.entries(optional)) {
    if (config[key] === undefined) continue;
    const p = rule(config[key]);
    if (p) problems.push(`${key} ${p}`);
  }
  for (const key of Object.keys(config)) {
    if (!(key in required) && !(key in optional)) problems.push(`${key} is not a known setting`);
  }
  return problems;
}

export const setting = (config: Settings, key: string): string => {
  const v = config[key];
  return typeof v === 'string' ? v : '';
};

export const baseUrl = (config: Settings, fallback: string): string =>
  (setting(config, 'apiBase') || fallback).replace(/\/+$/, '');

// --- reading webhook payloads ------------------------------------------------------------------

/** The array at `v`, or none: a payload of the wrong shape yields nothing rather than a crash. */
export const many = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

/** The platform's send time, unless it is missing or in the future (it starts the SLA clock). */
export function sentAt(ms: number, now: Date): Date {
  return Number.isFinite(ms) && ms > 0 && ms <= now.getTime() ? new Date(ms) : now;
}

/** "[image] caption": media are recorded by kind (and caption); the files stay on the platform. */
export function placeholder(kind: string, ...details: (string | undefined)[]): string {
  const rest = details.filter((d) => d?.trim()).join(' ');
  return rest ? `[${kind}] ${rest}` : `[${kind}]`;
}
