// What a web chat channel needs: the web sites allowed to embed the widget (the WebSocket's Origin
// is checked against them) and an optional greeting in the visitor's language. Pure.
import { LOCALES, type LocalizedText } from '../../../platform/i18n/locales.ts';
import type { ConfigCheck } from '../channel-config.ts';

export interface WebChatConfig {
  /** exact origins, e.g. "https://www.umniah.com" (scheme, host and port; no path) */
  allowedOrigins: string[];
  greeting?: LocalizedText;
}

const KEYS = new Set(['allowedOrigins', 'greeting']);
const MAX_ORIGINS = 50;
const MAX_GREETING = 1000;

/** "https://example.com" and "http://localhost:8080" are origins; anything with a path, a wildcard or credentials is not. */
export function isOrigin(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 200) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === value;
  } catch {
    return false;
  }
}

export const checkWebChatConfig: ConfigCheck = (c) => {
  const problems: string[] = [];
  for (const k of Object.keys(c)) if (!KEYS.has(k)) problems.push(`unknown setting ${k}`);
  const origins = c.allowedOrigins;
  if (!Array.isArray(origins) || origins.length === 0 || origins.length > MAX_ORIGINS) {
    problems.push(
      `allowedOrigins must list 1 to ${MAX_ORIGINS} web sites that embed the chat, e.g. ["https://www.example.com"]`,
    );
  } else {
    for (const o of origins) {
      if (!isOrigin(o))
        problems.push(`allowedOrigins: ${String(o)} is not an origin like https://www.example.com`);
    }
  }
  if (c.greeting !== undefined) {
    const g = c.greeting as Record<string, unknown> | null;
    if (!g || typeof g !== 'object' || Array.isArray(g)) {
      problems.push('greeting must be text per language, e.g. { "en": "Hello!", "ar": "مرحبا!" }');
    } else {
      for (const [k, v] of Object.entries(g)) {
        if (!(LOCALES as readonly string[]).includes(k)) problems.push(`greeting: ${k} is not a language`);
        else if (typeof v !== 'string' || !v.trim() || v.length > MAX_GREETING)
          problems.push(`greeting.${k} must be 1 to ${MAX_GREETING} characters`);
      }
    }
  }
  return problems;
};

export function parseWebChatConfig(config: unknown): WebChatConfig {
  const c = (config ?? {}) as Partial<WebChatConfig>;
  return {
    allowedOrigins: Array.isArray(c.allowedOrigins) ? c.allowedOrigins.filter(isOrigin) : [],
    greeting: c.greeting,
  };
}
