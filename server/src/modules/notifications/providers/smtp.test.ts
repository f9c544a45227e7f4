import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpConfig } from './config.ts';
import { leaves, readMime } from './mime-reader.test-helper.ts';
import { SmtpProvider } from './smtp.ts';
import { type OutboundMessage, ProviderError } from './types.ts';

interface Received {
  user: unknown;
  from: string;
  to: string[];
  raw: Buffer;
}

const received: Received[] = [];
let server: SMTPServer;
let port: number;

// A real SMTP server on a free port: plain text (no STARTTLS), AUTH required.
beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === 's3cret')
        return callback(null, { user: auth.username });
      callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      const [local] = address.address.split('@');
      if (local === 'nobody')
        return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      if (local === 'full')
        return callback(Object.assign(new Error('Mailbox full, try later'), { responseCode: 452 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          user: session.user,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  port = (server.server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(resolve)));

const config = (overrides: Partial<SmtpConfig> = {}): SmtpConfig => ({
  kind: 'smtp',
  host: '127.0.0.1',
  port,
  secure: false,
  user: 'mailer',
  password: 's3cret',
  from: '"Umniah Care" <care@umniah.example>',
  replyTo: 'support@umniah.example',
  ...overrides,
});

const ARABIC = 'عزيزي العميل، تم تسجيل شكواك برقم UM-2026-000123. سنرد عليك خلال ثلاثة أيام عمل.';
const message = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: '0b6e2c1e-7f3a-4c55-9d0e-5a1f2b3c4d5e',
  channel: 'email',
  to: 'customer@example.jo',
  subject: 'تم تسجيل شكواك UM-2026-000123',
  text: ARABIC,
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('SMTP provider', () => {
  it('delivers an Arabic message with an attachment, our Message-ID and the auto-generated marker', async () => {
    const provider = new SmtpProvider(config());
    const pdf = Buffer.from('%PDF-1.4\n% final answer\n%%EOF\n');
    const result = await provider.send(
      message({
        html: `<p dir="rtl">${ARABIC}</p>`,
        attachments: [{ filename: 'answer.pdf', content: pdf, contentType: 'application/pdf' }],
      }),
    );
    await provider.close();

    expect(result.providerMessageId).toBe('<0b6e2c1e-7f3a-4c55-9d0e-5a1f2b3c4d5e@umniah.example>');
    const mail = received.at(-1)!;
    expect(mail).toMatchObject({ user: 'mailer', from: 'care@umniah.example', to: ['customer@example.jo'] });

    const parsed = readMime(mail.raw);
    expect(parsed.headers.get('message-id')).toBe(result.providerMessageId);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('subject')).toBe('تم تسجيل شكواك UM-2026-000123');
    expect(parsed.headers.get('from')).toBe('Umniah Care <care@umniah.example>');
    expect(parsed.headers.get('reply-to')).toBe('support@umniah.example');

    const parts = leaves(parsed);
    const plain = parts.find((p) => p.headers.get('content-type')?.startsWith('text/plain'))!;
    expect(plain.headers.get('content-type')).toMatch(/charset=utf-8/i);
    expect(plain.body.toString('utf8')).toBe(ARABIC);
    const html = parts.find((p) => p.headers.get('content-type')?.startsWith('text/html'))!;
    expect(html.body.toString('utf8')).toBe(`<p dir="rtl">${ARABIC}</p>`);
    const attachment = parts.find((p) => p.headers.get('content-type')?.startsWith('application/pdf'))!;
    expect(attachment.headers.get('content-disposition')).toMatch(/attachment; filename="?answer\.pdf"?/);
    expect(attachment.body.equals(pdf)).toBe(true);
  });

  it('sends a retry of the same notification with the same Message-ID', async () => {
    const provider = new SmtpProvider(config());
    const first = await provider.send(message({ id: 'n-42' }));
    const second = await provider.send(message({ id: 'n-42' }));
    await provider.close();
    expect(first.providerMessageId).toBe(second.providerMessageId);
    const ids = received.slice(-2).map((m) => readMime(m.raw).headers.get('message-id'));
    expect(ids).toEqual(['<n-42@umniah.example>', '<n-42@umniah.example>']);
  });

  it('reports refused credentials as permanent', async () => {
    const provider = new SmtpProvider(config({ password: 'wrong' }));
    const err = await failure(provider.send(message()));
    expect(err.permanent).toBe(true);
    expect(err.message).toMatch(/535/);
  });

  it('reports a rejected recipient as permanent and a deferred one as transient', async () => {
    const provider = new SmtpProvider(config());
    expect((await failure(provider.send(message({ to: 'nobody@example.jo' })))).permanent).toBe(true);
    expect((await failure(provider.send(message({ to: 'full@example.jo' })))).permanent).toBe(false);
  });

  it('reports a server that is down as transient', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const freePort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const provider = new SmtpProvider(config({ port: freePort }), { timeoutMs: 2000 });
    const err = await failure(provider.send(message()));
    expect(err.permanent).toBe(false);
  });

  it('refuses to send an SMS', async () => {
    const provider = new SmtpProvider(config());
    const err = await failure(provider.send(message({ channel: 'sms', to: '+962791234567' })));
    expect(err.permanent).toBe(true);
  });
});
