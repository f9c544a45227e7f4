// One module reads the environment, reports every problem at once, and refuses to start on any.
import path from 'node:path';

export interface Config {
  /** PostgreSQL connection string; when absent an embedded server is started in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  /** extra `name=value` settings for the embedded PostgreSQL (RIZA_PG_SETTINGS) */
  embeddedPgSettings: string[];
  host: string;
  port: number;
  /** Public base URL used in links sent to customers (tracking links). */
  publicUrl: string;
  logLevel: string;
  /** Mark session cookies `Secure`; on by default unless serving plain HTTP on localhost. */
  secureCookies: boolean;
  sessionTtlHours: number;
  uploadMaxBytes: number;
  storageDir: string;
  dbPoolSize: number;
  /** How often the SLA sweep looks for due warnings, breaches and escalations. */
  slaSweepSeconds: number;
  /** Port of the inbound SMTP listener for e-mail channels; null: not started. */
  smtpListenPort: number | null;
  smtpListenHost: string;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

function int(env: Env, name: string, fallback: number, problems: string[], min = 0, max = 2 ** 31): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const dataDir = path.resolve(env.RIZA_DATA_DIR || 'data');
  const port = int(env, 'PORT', 3000, problems, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = (env.RIZA_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  try {
    new URL(publicUrl);
  } catch {
    problems.push(`RIZA_PUBLIC_URL is not a URL: "${publicUrl}"`);
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`,
    );
  }
  const secureRaw = env.RIZA_SECURE_COOKIES;
  if (secureRaw !== undefined && !['true', 'false'].includes(secureRaw)) {
    problems.push('RIZA_SECURE_COOKIES must be true or false');
  }
  const secureCookies = secureRaw ? secureRaw === 'true' : publicUrl.startsWith('https://');
  const smtpPortRaw = env.RIZA_SMTP_LISTEN_PORT;
  const smtpListenPort =
    smtpPortRaw === undefined || smtpPortRaw === ''
      ? null
      : int(env, 'RIZA_SMTP_LISTEN_PORT', 0, problems, 1, 65535);
  const smtpListenHost = env.RIZA_SMTP_LISTEN_HOST || '127.0.0.1';
  if (!/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/.test(smtpListenHost)) {
    problems.push(`RIZA_SMTP_LISTEN_HOST must be a host name or IP address (got "${smtpListenHost}")`);
  }
  const config: Config = {
    databaseUrl,
    dataDir,
    embeddedPgPort: int(env, 'RIZA_EMBEDDED_PG_PORT', 54329, problems, 1024, 65535),
    embeddedPgSettings: pgSettings(env.RIZA_PG_SETTINGS, problems),
    host,
    port,
    publicUrl,
    logLevel,
    secureCookies,
    sessionTtlHours: int(env, 'RIZA_SESSION_TTL_HOURS', 12, problems, 1, 24 * 30),
    uploadMaxBytes: int(env, 'RIZA_UPLOAD_MAX_BYTES', 10 * 1024 * 1024, problems, 1024),
    storageDir: path.resolve(env.RIZA_STORAGE_DIR || path.join(dataDir, 'files')),
    dbPoolSize: int(env, 'RIZA_DB_POOL_SIZE', 10, problems, 1, 500),
    slaSweepSeconds: int(env, 'RIZA_SLA_SWEEP_SECONDS', 10, problems, 1, 300),
    smtpListenPort,
    smtpListenHost,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** `name=value name=value`; a malformed entry is a configuration problem, not a failed start later. */
function pgSettings(raw: string | undefined, problems: string[]): string[] {
  const entries = (raw ?? '').split(/\s+/).filter(Boolean);
  for (const e of entries) {
    if (!/^[a-z_][a-z0-9_.]*=\S+$/i.test(e)) problems.push(`RIZA_PG_SETTINGS: "${e}" is not name=value`);
  }
  return entries;
}
