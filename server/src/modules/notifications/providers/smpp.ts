// SMS over SMPP 3.4: one bind_transceiver session kept open, submit_sm per part, each waiting for
// its submit_sm_resp. A lost session is rebound on the next send; enquire_link notices a dead link.
import { createHash } from 'node:crypto';
import smpp, { type PDU, type Session } from 'smpp';
import type { SmppConfig } from './config.ts';
import { MAX_PARTS, planSms } from './sms-encoding.ts';
import {
  type DeliveryResult,
  type OutboundMessage,
  type Provider,
  ProviderError,
  permanentError,
  transientError,
} from './types.ts';

export interface SmppOptions {
  /** How long to wait for the connection and for each response PDU. */
  timeoutMs?: number;
  enquireLinkMs?: number;
}

const E = smpp.errors;
// The SMSC is busy or our session is in a bad state: the same message can go through later.
const TRANSIENT = new Set(
  ['RTHROTTLED', 'RMSGQFUL', 'RSYSERR', 'RSUBMITFAIL', 'RX_T_APPN', 'RINVBNDSTS', 'RALYBND'].map(
    (name) => E[`ESME_${name}`],
  ),
);
// After these the session itself is unusable, so it is dropped and the next send binds again.
const SESSION_BROKEN = new Set([E.ESME_RINVBNDSTS, E.ESME_RALYBND]);

const statusName = (status: number) =>
  Object.entries(E).find(([, code]) => code === status)?.[0] ?? `0x${status.toString(16)}`;

function statusError(what: string, status: number) {
  const message = `SMSC refused ${what}: ${statusName(status)}`;
  return new ProviderError(message, !TRANSIENT.has(status));
}

export class SmppProvider implements Provider {
  readonly kind = 'smpp';
  private link: SmscLink | undefined;
  private opening: Promise<SmscLink> | undefined;
  private closed = false;

  constructor(
    private readonly config: SmppConfig,
    private readonly options: SmppOptions = {},
  ) {}

  async send(msg: OutboundMessage): Promise<DeliveryResult> {
    if (msg.channel !== 'sms') throw permanentError(`the smpp provider cannot send ${msg.channel}`);
    if (!/^\+[1-9]\d{6,14}$/.test(msg.to)) throw permanentError(`"${msg.to}" is not an E.164 phone number`);
    if (!msg.text) throw permanentError('the SMS text is empty');
    const { dataCoding, parts } = planSms(msg.text);
    if (parts.length > MAX_PARTS) throw permanentError(`the SMS text needs ${parts.length} parts`);
    const link = await this.connected();
    // Same id, same reference: the parts of a retried message still belong together.
    const ref = createHash('sha256').update(msg.id).digest()[0]!;
    const ids: string[] = [];
    for (const [i, part] of parts.entries()) {
      const udh = parts.length > 1 ? Buffer.from([0x05, 0x00, 0x03, ref, parts.length, i + 1]) : undefined;
      const resp = await link.request('submit_sm', {
        source_addr_ton: this.config.sourceTon ?? sourceTon(this.config.sourceAddr),
        source_addr_npi: this.config.sourceNpi ?? (/^\+?\d+$/.test(this.config.sourceAddr) ? 1 : 0),
        source_addr: this.config.sourceAddr.replace(/^\+/, ''),
        dest_addr_ton: 1, // international
        dest_addr_npi: 1, // ISDN (E.164)
        destination_addr: msg.to.slice(1),
        esm_class: udh ? 0x40 : 0, // UDH indicator
        data_coding: dataCoding,
        short_message: udh ? Buffer.concat([udh, part]) : part,
      });
      if (resp.command_status !== 0) {
        if (SESSION_BROKEN.has(resp.command_status)) link.destroy();
        throw statusError(`part ${i + 1} of ${parts.length}`, resp.command_status);
      }
      ids.push(String(resp.message_id));
    }
    return { providerMessageId: ids.join(','), segments: parts.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    const link = (await this.opening?.catch(() => undefined)) ?? this.link;
    await link?.unbind();
  }

  private async connected(): Promise<SmscLink> {
    if (this.closed) throw transientError('the smpp provider is closed');
    if (this.link?.alive) return this.link;
    this.opening ??= SmscLink.open(this.config, this.options).finally(() => {
      this.opening = undefined;
    });
    this.link = await this.opening;
    return this.link;
  }
}

// Alphanumeric senders are TON 5; international numbers TON 1; short codes and the rest unknown.
function sourceTon(addr: string): number {
  if (/^\+\d+$/.test(addr) || /^\d{8,}$/.test(addr)) return 1;
  return /^\d+$/.test(addr) ? 0 : 5;
}

/** One bound SMPP session: request/response with timeouts, and keep-alive. */
class SmscLink {
  alive = true;
  private socketClosed = false;
  private readonly pending = new Set<(err: Error) => void>();
  private keepAlive: NodeJS.Timeout | undefined;

  private constructor(
    private readonly session: Session,
    private readonly timeoutMs: number,
  ) {
    session.on('close', () => {
      this.socketClosed = true;
      this.fail(transientError('the SMSC closed the connection'));
    });
    session.on('error', (err: Error) => {
      this.fail(transientError(`SMPP connection error: ${err.message}`, err));
      session.destroy();
    });
    // The SMSC may probe us, report deliveries or end the session; each needs an answer.
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('deliver_sm', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      this.alive = false;
      session.send(pdu.response(), () => session.close());
    });
  }

  static async open(config: SmppConfig, options: SmppOptions): Promise<SmscLink> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const session = await connect(config, timeoutMs);
    const link = new SmscLink(session, timeoutMs);
    const resp = await link.request('bind_transceiver', {
      system_id: config.systemId,
      password: config.password,
      system_type: config.systemType ?? '',
      interface_version: 0x34,
    });
    if (resp.command_status !== 0) {
      link.destroy();
      throw statusError('the bind', resp.command_status);
    }
    const every = options.enquireLinkMs ?? 30_000;
    // A failed or unanswered enquire_link drops the session (see request), so the next send rebinds.
    link.keepAlive = setInterval(() => link.request('enquire_link').catch(() => {}), every).unref();
    return link;
  }

  request(command: string, params: Record<string, unknown> = {}): Promise<PDU> {
    return new Promise((resolve, reject) => {
      if (!this.alive) return reject(transientError('the SMPP session is closed'));
      const fail = (err: Error) => {
        clearTimeout(timer);
        this.pending.delete(fail);
        reject(err);
      };
      const timer = setTimeout(() => {
        fail(transientError(`no ${command}_resp within ${this.timeoutMs} ms`));
        this.destroy();
      }, this.timeoutMs);
      this.pending.add(fail);
      const sent = this.session.send(new smpp.PDU(command, params), (resp) => {
        clearTimeout(timer);
        this.pending.delete(fail);
        resolve(resp);
      });
      if (!sent) fail(transientError('the SMPP connection is not writable'));
    });
  }

  destroy() {
    this.fail(transientError('the SMPP session was dropped'));
    this.session.destroy();
  }

  async unbind(): Promise<void> {
    if (this.alive) await this.request('unbind').catch(() => {});
    this.fail(transientError('the SMPP session was closed'));
    if (!this.socketClosed) await new Promise<void>((resolve) => this.session.close(resolve));
  }

  private fail(err: Error) {
    this.alive = false;
    clearInterval(this.keepAlive);
    for (const reject of [...this.pending]) reject(err);
  }
}

function connect(config: SmppConfig, timeoutMs: number): Promise<Session> {
  return new Promise((resolve, reject) => {
    const session = smpp.connect({ host: config.host, port: config.port });
    const timer = setTimeout(() => {
      session.destroy();
      reject(transientError(`no connection to ${config.host}:${config.port} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onError = (err: Error) => {
      clearTimeout(timer);
      reject(transientError(`cannot connect to ${config.host}:${config.port}: ${err.message}`, err));
    };
    session.once('error', onError);
    session.once('connect', () => {
      clearTimeout(timer);
      session.off('error', onError);
      resolve(session);
    });
  });
}
