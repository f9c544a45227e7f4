// One LISTEN connection per process, fanned out to the server-sent-event streams of that process.
// PostgreSQL delivers a notification only when the transaction that wrote the event commits, so a
// listener never sees a change that was rolled back.
import { EventEmitter } from 'node:events';
import pg from 'pg';

export interface CaseEventNotice {
  org: string;
  case: string;
  seq: number;
  type: string;
  department: string | null;
  owner: string | null;
  status: string | null;
}

export class LiveEvents {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private closed = false;

  constructor(private readonly databaseUrl: string) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<this> {
    try {
      await this.connect();
    } catch (e) {
      // the process refuses to start; no retries behind its back
      this.closed = true;
      throw e;
    }
    return this;
  }

  private retrySoon(): void {
    setTimeout(() => {
      // a failed attempt schedules the next one itself
      if (!this.closed) this.connect().catch(() => {});
    }, 1000).unref();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'riza-live' });
    client.on('notification', (msg) => {
      if (msg.channel !== 'riza_case_events' || !msg.payload) return;
      try {
        const n = JSON.parse(msg.payload) as CaseEventNotice;
        this.emitter.emit(n.org, n);
      } catch {
        // a malformed payload is not ours to deliver
      }
    });
    // the database restarting must not end live updates for good: reconnect every second until it
    // answers again (a restart takes longer than one pause)
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      if (!this.closed) this.retrySoon();
    };
    client.on('error', onLost);
    try {
      await client.connect();
      await client.query('LISTEN riza_case_events');
    } catch (e) {
      onLost();
      throw e;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
  }

  subscribe(orgId: string, listener: (n: CaseEventNotice) => void): () => void {
    this.emitter.on(orgId, listener);
    return () => this.emitter.off(orgId, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => {});
  }
}
