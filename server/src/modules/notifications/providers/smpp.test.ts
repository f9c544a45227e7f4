import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import smpp, { type PDU, type Server, type Session } from 'smpp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SmppConfig } from './config.ts';
import { SmppProvider } from './smpp.ts';
import { type OutboundMessage, ProviderError } from './types.ts';

/** A local SMSC built on the smpp library's server: checks the bind, records every PDU. */
class FakeSmsc {
  readonly binds: PDU[] = [];
  readonly submits: PDU[] = [];
  enquireLinks = 0;
  unbinds = 0;
  /** Status to answer the next submit_sm with (then back to OK). */
  nextSubmitStatus = 0;
  answerEnquireLink = true;
  private readonly server: Server;

  constructor() {
    this.server = smpp.createServer((session: Session) => {
      session.on('error', () => {});
      session.on('bind_transceiver', (pdu: PDU) => {
        this.binds.push(pdu);
        const ok = pdu.system_id === 'riza' && pdu.password === 'pw123';
        session.send(
          pdu.response(ok ? { system_id: 'fake' } : { command_status: smpp.errors.ESME_RINVPASWD }),
        );
      });
      session.on('submit_sm', (pdu: PDU) => {
        this.submits.push(pdu);
        const status = this.nextSubmitStatus;
        this.nextSubmitStatus = 0;
        session.send(
          pdu.response(status ? { command_status: status } : { message_id: `m${this.submits.length}` }),
        );
      });
      session.on('enquire_link', (pdu: PDU) => {
        this.enquireLinks++;
        if (this.answerEnquireLink) session.send(pdu.response());
      });
      session.on('unbind', (pdu: PDU) => {
        this.unbinds++;
        session.send(pdu.response(), () => session.close());
      });
    });
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  get port() {
    return (this.server.address() as AddressInfo).port;
  }

  get openSessions() {
    return this.server.sessions.length;
  }

  dropSessions() {
    for (const session of [...this.server.sessions]) session.destroy();
  }

  stop(): Promise<void> {
    this.dropSessions();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function setup(overrides: Partial<SmppConfig> = {}, options = {}) {
  const smsc = await new FakeSmsc().start();
  cleanup.push(() => smsc.stop());
  const provider = new SmppProvider(
    {
      kind: 'smpp',
      host: '127.0.0.1',
      port: smsc.port,
      systemId: 'riza',
      password: 'pw123',
      systemType: 'notify',
      sourceAddr: 'Kontakt',
      ...overrides,
    },
    { timeoutMs: 2000, ...options },
  );
  cleanup.push(() => provider.close());
  return { smsc, provider };
}

const sms = (text: string, id = 'n-1'): OutboundMessage => ({
  id,
  channel: 'sms',
  to: '+994501234567',
  text,
});

/** short_message as the library's server decodes it: text plus the UDH information elements. */
const decoded = (pdu: PDU) => pdu.short_message as { message: string; udh?: Buffer[] };

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('SMPP provider', () => {
  it('binds as a transceiver with the configured credentials, speaking SMPP 3.4', async () => {
    const { smsc, provider } = await setup();
    await provider.send(sms('Hello'));
    expect(smsc.binds).toHaveLength(1);
    expect(smsc.binds[0]).toMatchObject({
      command: 'bind_transceiver',
      system_id: 'riza',
      password: 'pw123',
      system_type: 'notify',
      interface_version: 0x34,
    });
  });

  it('submits Latin text in the GSM default alphabet with international addressing', async () => {
    const { smsc, provider } = await setup();
    const text = 'Your case KH-2026-000123 is registered. Track it: https://riza.example/t/Ab3';
    const result = await provider.send(sms(text));
    expect(result).toEqual({ providerMessageId: 'm1', segments: 1 });
    expect(smsc.submits[0]).toMatchObject({
      source_addr: 'Kontakt',
      source_addr_ton: 5,
      source_addr_npi: 0,
      destination_addr: '994501234567',
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      data_coding: 0,
      esm_class: 0,
    });
    expect(decoded(smsc.submits[0]!).message).toBe(text);
  });

  it('submits Arabic and Kazakh text as UCS-2 that decodes back to the original', async () => {
    const { smsc, provider } = await setup();
    const arabic = 'تم تسجيل شكواك برقم UM-2026-000123';
    const kazakh = 'Өтінішіңіз KH-2026-000123 нөмірімен тіркелді';
    await provider.send(sms(arabic));
    await provider.send(sms(kazakh));
    expect(smsc.submits.map((p) => p.data_coding)).toEqual([8, 8]);
    expect(smsc.submits.map((p) => decoded(p).message)).toEqual([arabic, kazakh]);
  });

  it('sends a long Arabic text as concatenated parts sharing one reference', async () => {
    const { smsc, provider } = await setup();
    const sentence = 'نعتذر عن الانقطاع في خدمة الإنترنت في منطقتكم، وقد تم إصلاح العطل. ';
    const text = sentence.repeat(3).trim(); // about 200 characters: three UCS-2 parts of at most 67
    const result = await provider.send(sms(text, 'notif-long'));

    expect(result.segments).toBe(3);
    expect(result.providerMessageId).toBe('m1,m2,m3');
    expect(smsc.submits).toHaveLength(3);
    const headers = smsc.submits.map((p) => [...decoded(p).udh![0]!]);
    const ref = headers[0]![2];
    expect(headers).toEqual([
      [0x00, 0x03, ref, 3, 1],
      [0x00, 0x03, ref, 3, 2],
      [0x00, 0x03, ref, 3, 3],
    ]);
    for (const pdu of smsc.submits) {
      expect(pdu.esm_class as number).toBe(0x40);
      expect(pdu.data_coding).toBe(8);
    }
    expect(smsc.submits.map((p) => decoded(p).message).join('')).toBe(text);
  });

  it('reports a throttled submit as transient and keeps the session for the next message', async () => {
    const { smsc, provider } = await setup();
    smsc.nextSubmitStatus = smpp.errors.ESME_RTHROTTLED!;
    const err = await failure(provider.send(sms('first')));
    expect(err.permanent).toBe(false);
    expect(err.message).toContain('ESME_RTHROTTLED');
    await provider.send(sms('second'));
    expect(smsc.binds).toHaveLength(1);
  });

  it('reports a full message queue as transient and an invalid destination as permanent', async () => {
    const { smsc, provider } = await setup();
    smsc.nextSubmitStatus = smpp.errors.ESME_RMSGQFUL!;
    expect((await failure(provider.send(sms('a')))).permanent).toBe(false);
    smsc.nextSubmitStatus = smpp.errors.ESME_RINVDSTADR!;
    expect((await failure(provider.send(sms('b')))).permanent).toBe(true);
  });

  it('reports refused bind credentials as permanent', async () => {
    const { provider } = await setup({ password: 'wrong' });
    const err = await failure(provider.send(sms('Hello')));
    expect(err.permanent).toBe(true);
    expect(err.message).toContain('ESME_RINVPASWD');
  });

  it('binds again after the SMSC dropped the session', async () => {
    const { smsc, provider } = await setup();
    await provider.send(sms('one'));
    smsc.dropSessions();
    await sleep(50); // let the client see the connection close
    await provider.send(sms('two'));
    expect(smsc.binds).toHaveLength(2);
    expect(smsc.submits.map((p) => decoded(p).message)).toEqual(['one', 'two']);
  });

  it('keeps the session alive with enquire_link and drops it when the SMSC stops answering', async () => {
    const { smsc, provider } = await setup({}, { enquireLinkMs: 30, timeoutMs: 300 });
    await provider.send(sms('one'));
    await vi.waitFor(() => expect(smsc.enquireLinks).toBeGreaterThanOrEqual(2));
    expect(smsc.openSessions).toBe(1);
    smsc.answerEnquireLink = false;
    await vi.waitFor(() => expect(smsc.openSessions).toBe(0), { timeout: 2000 });
    await provider.send(sms('two'));
    expect(smsc.binds).toHaveLength(2);
  });

  it('unbinds on close', async () => {
    const { smsc, provider } = await setup();
    await provider.send(sms('one'));
    await provider.close();
    expect(smsc.unbinds).toBe(1);
    await vi.waitFor(() => expect(smsc.openSessions).toBe(0));
  });

  it('reports an SMSC that is down as transient', async () => {
    const { smsc, provider } = await setup();
    await smsc.stop();
    const err = await failure(provider.send(sms('Hello')));
    expect(err.permanent).toBe(false);
  });

  it('refuses a recipient that is not an E.164 number without connecting', async () => {
    const { smsc, provider } = await setup();
    const err = await failure(provider.send({ ...sms('Hello'), to: '0791234567' }));
    expect(err.permanent).toBe(true);
    expect(smsc.binds).toHaveLength(0);
  });
});
