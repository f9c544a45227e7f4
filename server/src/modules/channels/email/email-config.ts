// What an e-mail channel is configured with. The channel's `address` is where customers write
// (the SMTP listener accepts mail for it, replies go out from it); `imap` is set only when mail is
// fetched from a mailbox instead of (or besides) being delivered to the listener.
import { SECRET_MARK } from '../channel-config.ts';

export interface ImapSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 993); otherwise STARTTLS is used when the server offers it */
  secure: boolean;
  user: string;
  password: string;
  /** INBOX when absent */
  mailbox?: string;
}

export interface EmailChannelConfig {
  imap?: ImapSettings;
  /** the name shown beside the channel address on replies: "Kontakt Home" <complaints@…> */
  fromName?: string;
}

const HOST = /^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/;
const TOP = ['imap', 'fromName'];
const IMAP = ['host', 'port', 'secure', 'user', 'password', 'mailbox'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem of the configuration at once, in plain words (empty: valid). */
export function checkEmailConfig(config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(config)) {
    if (!TOP.includes(key)) problems.push(`${key} is not a setting of an e-mail channel`);
  }
  const fromName = config.fromName;
  if (fromName !== undefined) {
    if (typeof fromName !== 'string' || !fromName.trim() || fromName.length > 100 || /[\r\n]/.test(fromName))
      problems.push('fromName must be a single line of at most 100 characters');
  }
  const imap = config.imap;
  if (imap === undefined || imap === null) return problems;
  if (!isObject(imap)) return [...problems, 'imap must be an object {host, port, secure, user, password}'];
  for (const key of Object.keys(imap)) {
    if (!IMAP.includes(key)) problems.push(`imap.${key} is not an IMAP setting`);
  }
  const str = (name: string, max: number) => {
    const v = imap[name];
    if (typeof v !== 'string' || !v.trim()) problems.push(`imap.${name} is required`);
    else if (v.length > max) problems.push(`imap.${name} must be at most ${max} characters`);
    return typeof v === 'string' ? v : '';
  };
  const host = str('host', 253);
  if (host && !HOST.test(host)) problems.push('imap.host must be a host name or IP address');
  const port = imap.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
    problems.push('imap.port must be an integer between 1 and 65535');
  if (typeof imap.secure !== 'boolean') problems.push('imap.secure must be true or false');
  str('user', 256);
  // secrets are kept only at the top level of a channel's settings: the mark cannot stand in here
  if (str('password', 256) === SECRET_MARK) problems.push('imap.password must be given again');
  if (imap.mailbox !== undefined) str('mailbox', 200);
  return problems;
}

/** The stored configuration, read back (it was checked when saved). */
export function emailConfigOf(config: unknown): EmailChannelConfig {
  const c = isObject(config) ? config : {};
  const imap = isObject(c.imap) ? (c.imap as unknown as ImapSettings) : undefined;
  return {
    ...(imap && { imap }),
    ...(typeof c.fromName === 'string' && { fromName: c.fromName }),
  };
}
