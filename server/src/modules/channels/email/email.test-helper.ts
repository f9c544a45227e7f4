// Shared by the e-mail channel tests: an inbox and an e-mail channel made through the admin API
// (as the org's administrator), and a mail client speaking SMTP to our listener.
import type { FastifyInstance } from 'fastify';
import { createTransport } from 'nodemailer';
import type { Session } from '../../../../../test/http.ts';

/** A 1×1 PNG: passes the attachment content check. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export async function createEmailChannel(
  app: FastifyInstance,
  admin: Session,
  opts: { code: string; address: string; config?: Record<string, unknown>; department?: string },
): Promise<void> {
  const inbox = await app.inject({
    method: 'PUT',
    url: `/api/v1/admin/inboxes/${opts.code}`,
    headers: admin.headers,
    payload: {
      name: {
        en: 'Complaints by e-mail',
        az: 'E-poçt şikayətləri',
        ru: 'Жалобы',
        kk: 'Шағымдар',
        ar: 'الشكاوى',
      },
      department: opts.department ?? 'customer_care',
    },
  });
  if (inbox.statusCode >= 300) throw new Error(`inbox: ${inbox.statusCode} ${inbox.body}`);
  const channel = await app.inject({
    method: 'PUT',
    url: `/api/v1/admin/channels/${opts.code}`,
    headers: admin.headers,
    payload: { inbox: opts.code, kind: 'email', address: opts.address, config: opts.config ?? {} },
  });
  if (channel.statusCode >= 300) throw new Error(`channel: ${channel.statusCode} ${channel.body}`);
}

/** A mail client talking plain SMTP to 127.0.0.1:port. */
export function mailer(port: number) {
  return createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
}
