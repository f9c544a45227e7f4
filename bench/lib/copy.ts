// Bulk loading through PostgreSQL's COPY … FROM STDIN in text format: one line per row, columns
// separated by tabs, \N for NULL. Much faster than INSERT because the server parses rows in a
// tight loop with no per-statement planning or round trip.
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | Date | null | undefined;

const NEEDS_ESCAPE = /[\\\t\n\r\0]/;

/** One value in COPY text format: backslash, tab, newline and carriage return escaped. */
export function copyText(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (!NEEDS_ESCAPE.test(v)) return v;
  // NUL cannot be stored in a PostgreSQL text value at all.
  return v.replace(/[\\\t\n\r\0]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '',
  );
}

export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i ? '\t' : '') + copyText(values[i]);
  return `${line}\n`;
}

/**
 * A tsvector literal made of exactly these lexemes (no positions), equal to what
 * `array_to_tsvector(lexemes)` gives: each lexeme quoted, quotes doubled, backslashes escaped.
 */
export function tsvectorLiteral(lexemes: readonly string[]): string {
  let out = '';
  for (const w of lexemes) {
    out += `${out ? ' ' : ''}'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  }
  return out;
}

/** A stream of rows into one table over its own connection, buffered into large chunks. */
export class CopyWriter {
  rows = 0;
  private buffer: string[] = [];
  private bufferedChars = 0;
  private readonly stream: ReturnType<typeof copyFrom>;
  private readonly done: Promise<void>;

  constructor(
    client: pg.PoolClient | pg.Client,
    readonly table: string,
    readonly columns: readonly string[],
    private readonly chunkChars = 1 << 20,
    /** how much may wait in memory for the server before the producer is paused */
    private readonly maxPendingBytes = 32 << 20,
  ) {
    this.stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', () => resolve());
      this.stream.on('error', reject);
    });
    // Keep the rejection observed until end() awaits it, so an early error is not "unhandled".
    this.done.catch(() => {});
  }

  /** Queues one row; resolves at once unless the server is behind (then after it drains). */
  async write(values: readonly CopyValue[]): Promise<void> {
    const line = copyLine(values);
    this.buffer.push(line);
    this.bufferedChars += line.length;
    this.rows++;
    if (this.bufferedChars >= this.chunkChars) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedChars = 0;
    // Let the server work through what it has while the generator goes on producing; wait only
    // when a lot is pending, so that both sides stay busy instead of taking turns.
    this.stream.write(chunk);
    if (this.stream.writableLength > this.maxPendingBytes) {
      await Promise.race([
        new Promise<void>((resolve) => this.stream.once('drain', () => resolve())),
        this.done,
      ]);
    }
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.done;
    return this.rows;
  }
}
