// Test doubles that speak the real protocols: a `ws` client that keeps every message it received,
// and the admin API calls that set up a web chat inbox, channel and calendar.
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import WebSocket from 'ws';
import type { Session } from '../../../../../test/http.ts';

export type WsMessage = Record<string, unknown> & { type: string };

export class WsClient {
  readonly received: WsMessage[] = [];
  private waiters: { match: (m: WsMessage) => boolean; resolve: (m: WsMessage) => void }[] = [];
  closed: { code: number; reason: string } | null = null;
  private closeWaiters: ((c: { code: number; reason: string }) => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as WsMessage;
      this.received.push(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(m)) return true;
        w.resolve(m);
        return false;
      });
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const w of this.closeWaiters) w(this.closed);
    });
  }

  /** Opens a socket; rejects with the HTTP status when the server refuses the upgrade. */
  static connect(url: string, headers: Record<string, string> = {}): Promise<WsClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      const client = new WsClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The first message (already received or still to come) that matches, after `from` messages. */
  next(match: (m: WsMessage) => boolean, timeoutMs = 5000, from = 0): Promise<WsMessage> {
    const seen = this.received.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`),
          ),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Sends and waits for the first matching message that arrives after it. */
  async request(message: object, match: (m: WsMessage) => boolean, timeoutMs = 5000): Promise<WsMessage> {
    const from = this.received.length;
    this.send(message);
    return this.next(match, timeoutMs, from);
  }

  waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket not closed')), timeoutMs);
      this.closeWaiters.push((c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}

export const SHOP = 'https://shop.kontakt-home.example';

/** Open around the clock: tests that are not about hours must not depend on when they run. */
export function alwaysOpen(timezone: string) {
  const day = [['00:00', '24:00']];
  return {
    timezone,
    week: { sun: day, mon: day, tue: day, wed: day, thu: day, fri: day, sat: day },
    holidays: [],
    closures: [],
  };
}

/** Closed from an hour ago until `hours` from now (a one-off closure), else open around the clock. */
export function closedNow(timezone: string, now: Date, hours: number) {
  const at = DateTime.fromJSDate(now, { zone: timezone });
  const fmt = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm");
  return {
    ...alwaysOpen(timezone),
    closures: [
      { from: fmt(at.minus({ hours: 1 })), to: fmt(at.plus({ hours }).startOf('minute')), reason: 'test' },
    ],
  };
}

/** Calendar, inbox and web chat channel through the admin API, as the org's administrator would. */
export async function setUpWebChat(
  app: FastifyInstance,
  admin: Session,
  opts: {
    code?: string;
    department?: string;
    calendar: object;
    config?: Record<string, unknown>;
    members?: string[];
  },
): Promise<{ code: string }> {
  const code = opts.code ?? 'webchat';
  const put = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'PUT', url, headers: admin.headers, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  };
  await put(`/api/v1/admin/calendars/${code}-hours`, opts.calendar);
  await put(`/api/v1/admin/inboxes/${code}`, {
    name: { en: 'Web chat', az: 'Onlayn çat' },
    department: opts.department ?? 'customer_care',
    calendar: `${code}-hours`,
    ...(opts.members ? { members: opts.members } : {}),
  });
  await put(`/api/v1/admin/channels/${code}`, {
    inbox: code,
    kind: 'web_chat',
    config: opts.config ?? {
      allowedOrigins: [SHOP],
      greeting: { en: 'Hello! How can we help?', az: 'Salam! Sizə necə kömək edə bilərik?' },
    },
  });
  return { code };
}
