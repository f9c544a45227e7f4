// What each kind of channel needs configured, checked when an administrator saves it, and how its
// secrets are hidden in answers. Each channel module registers its own check.
import type { ChannelKind } from './channel-kinds.ts';

export const SECRET_MARK = '••••••';
const SECRET_KEY = /secret|token|password|pass$|key$/i;

export type ConfigCheck = (config: Record<string, unknown>) => string[];

/** Checks per kind; kinds without one accept an empty configuration only. */
export const CONFIG_CHECKS: Partial<Record<ChannelKind, ConfigCheck>> = {
  store: (c) => (Object.keys(c).length ? ['a store channel has no settings'] : []),
  video: (c) => (Object.keys(c).length ? ['a video channel has no settings'] : []),
};

export function registerConfigCheck(kind: ChannelKind, check: ConfigCheck): void {
  CONFIG_CHECKS[kind] = check;
}

export function checkChannelConfig(kind: ChannelKind, config: Record<string, unknown>): string[] {
  const check = CONFIG_CHECKS[kind];
  if (check) return check(config);
  return Object.keys(config).length ? [`no settings are known for ${kind} channels yet`] : [];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Secrets hidden at any depth (an e-mail channel keeps its IMAP password under `imap`). */
export function redactChannelConfig(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [
      k,
      isObject(v)
        ? redactChannelConfig(v)
        : SECRET_KEY.test(k) && typeof v === 'string' && v
          ? SECRET_MARK
          : v,
    ]),
  );
}

/** Secrets sent back as the mark keep their stored value. */
export function keepChannelSecrets(
  next: Record<string, unknown>,
  stored: Record<string, unknown> | null,
): Record<string, unknown> {
  if (!stored) return next;
  return Object.fromEntries(
    Object.entries(next).map(([k, v]) => {
      const s = stored[k];
      if (isObject(v) && isObject(s)) return [k, keepChannelSecrets(v, s)];
      return [k, v === SECRET_MARK ? s : v];
    }),
  );
}
