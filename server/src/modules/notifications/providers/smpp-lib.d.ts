// The npm "smpp" package (0.5.x) ships no types; this covers the part we and our tests use.
// Named apart from smpp.ts on purpose: TypeScript ignores a .d.ts that sits beside a .ts of the same name.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  /** A PDU: header fields plus the command's parameters and TLVs as plain properties. */
  export interface PDU {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
  }

  /** One SMPP connection; emits 'connect', 'close', 'error', 'pdu' and one event per command name. */
  export interface Session extends EventEmitter {
    /** Returns false when the socket is not writable; `onResponse` gets the matching *_resp. */
    send(pdu: PDU, onResponse?: (resp: PDU) => void, onSent?: (pdu: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  interface TextEncoding {
    match(text: string): boolean;
    encode(text: string): Buffer;
    decode(bytes: Buffer): string;
  }

  interface Smpp {
    PDU: new (command: string, options?: Record<string, unknown>) => PDU;
    connect(options: { host: string; port: number; tls?: boolean }, onConnect?: () => void): Session;
    createServer(onSession?: (session: Session) => void): Server;
    createServer(options: Record<string, unknown>, onSession?: (session: Session) => void): Server;
    /** Command status codes by name: ESME_ROK, ESME_RTHROTTLED, … */
    errors: Record<string, number>;
    /** ASCII is the GSM 03.38 default alphabet, one septet per octet; UCS2 is UTF-16BE. */
    encodings: { ASCII: TextEncoding; UCS2: TextEncoding };
  }

  const smpp: Smpp;
  export default smpp;
}
