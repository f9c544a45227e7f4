// Real local servers that speak the protocols Riza delivers over, for tests: an SMTP server
// (smtp-server) and an SMS centre speaking SMPP v3.4 (the smpp library's server). They record
// what they accepted; mail is parsed with mailparser, SMS parts are joined by their UDH reference.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import smpp, { type PDU, type Server, type Session } from 'smpp';
import { SMTPServer } from 'smtp-server';

export interface AcceptedMail {
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export class LocalSmtp {
  readonly accepted: AcceptedMail[] = [];
  /** messages whose DATA arrived; those answered with 250 are in `accepted` */
  dataSeen = 0;
  /** when set, the reply to this message's DATA is held back until `release()` (never, if the client dies) */
  holdWhen: ((raw: Buffer) => boolean) | null = null;
  private held: (() => void)[] = [];
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          this.dataSeen++;
          const raw = Buffer.concat(chunks);
          const accept = async () => {
            this.accepted.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed: await simpleParser(raw),
            });
            callback();
          };
          if (this.holdWhen?.(raw)) this.held.push(() => void accept());
          else await accept();
        });
      },
    });
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server.server, 'listening');
    return this;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  get heldCount(): number {
    return this.held.length;
  }

  release(): void {
    for (const go of this.held.splice(0)) go();
  }

  /** Forget held messages without accepting them, as a server does when the client went away. */
  dropHeld(): void {
    this.held.splice(0);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface AcceptedSms {
  to: string;
  from: string;
  text: string;
  dataCoding: number;
  parts: number;
}

export class LocalSmsc {
  readonly accepted: AcceptedSms[] = [];
  private readonly partial = new Map<string, { parts: string[]; coding: number }>();
  private readonly server: Server;

  constructor(
    readonly systemId = 'riza',
    readonly password = 'secret',
  ) {
    this.server = smpp.createServer((session: Session) => {
      session.on('error', () => {});
      session.on('bind_transceiver', (pdu: PDU) => {
        const ok = pdu.system_id === this.systemId && pdu.password === this.password;
        session.send(
          pdu.response(ok ? { system_id: 'local-smsc' } : { command_status: smpp.errors.ESME_RINVPASWD }),
        );
      });
      session.on('submit_sm', (pdu: PDU) => {
        this.collect(pdu);
        session.send(pdu.response({ message_id: `m${Date.now()}${Math.random().toString(16).slice(2, 6)}` }));
      });
      session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
      session.on('unbind', (pdu: PDU) => session.send(pdu.response(), () => session.close()));
    });
  }

  private collect(pdu: PDU) {
    const sm = pdu.short_message as { message: string; udh?: Buffer[] };
    const to = String(pdu.destination_addr);
    const from = String(pdu.source_addr);
    const coding = Number(pdu.data_coding);
    const udh = sm.udh?.find((u) => u[0] === 0x00 || u[0] === 0x08);
    if (!udh) {
      this.accepted.push({ to, from, text: sm.message, dataCoding: coding, parts: 1 });
      return;
    }
    const wide = udh[0] === 0x08;
    const ref = wide ? udh.readUInt16BE(2) : udh[2]!;
    const total = udh[wide ? 4 : 3]!;
    const index = udh[wide ? 5 : 4]!;
    const key = `${to}:${ref}`;
    const entry = this.partial.get(key) ?? { parts: new Array<string>(total).fill(''), coding };
    entry.parts[index - 1] = sm.message;
    this.partial.set(key, entry);
    if (entry.parts.every((p) => p !== '')) {
      this.partial.delete(key);
      this.accepted.push({
        to,
        from,
        text: entry.parts.join(''),
        dataCoding: entry.coding,
        parts: total,
      });
    }
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    for (const s of [...this.server.sessions]) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
