// COPY is a protocol edge: checked against a real PostgreSQL, not by comparing strings.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { CopyWriter, copyText, tsvectorLiteral } from './copy.ts';

let client: pg.Client;

beforeAll(async () => {
  const { url } = await createTestDatabase();
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

describe('COPY text format', () => {
  it('stores tabs, line breaks, backslashes, quotes and right-to-left text exactly', async () => {
    await client.query(
      'CREATE TEMP TABLE t (id int, body text, meta jsonb, at timestamptz, ok boolean, gone text)',
    );
    const body = 'سطر أول\tعمود\nline two \\ back\\slash \'quote\' "double" \r end';
    const at = new Date('2026-03-01T10:20:30.456Z');
    await client.query('BEGIN');
    const w = new CopyWriter(client, 't', ['id', 'body', 'meta', 'at', 'ok', 'gone']);
    await w.write([1, body, JSON.stringify({ message: body }), at, true, null]);
    await w.write([2, 'nul\0removed', '{}', at, false, undefined]);
    expect(await w.end()).toBe(2);
    await client.query('COMMIT');
    const { rows } = await client.query('SELECT * FROM t ORDER BY id');
    expect(rows[0]).toEqual({ id: 1, body, meta: { message: body }, at, ok: true, gone: null });
    expect(rows[1].body).toBe('nulremoved');
  });

  it('writes the same tsvector as array_to_tsvector, whatever the lexemes hold', async () => {
    const lexemes = ["it's", 'back\\slash', '§soyuc', 'الانترنت', 'tab\there', 'a b'];
    const literal = copyText(tsvectorLiteral(lexemes));
    await client.query('CREATE TEMP TABLE v (v tsvector)');
    await client.query('BEGIN');
    const w = new CopyWriter(client, 'v', ['v']);
    await w.write([tsvectorLiteral(lexemes)]);
    await w.end();
    await client.query('COMMIT');
    const { rows } = await client.query('SELECT v = array_to_tsvector($1::text[]) AS same FROM v', [lexemes]);
    expect(literal).toContain('\\t');
    expect(rows[0].same).toBe(true);
  });
});
