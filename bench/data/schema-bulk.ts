// Bulk loading is much faster without the secondary indexes and foreign keys of the tables being
// filled: COPY then only writes heap and primary-key entries, and each index is built once from
// sorted data afterwards. Definitions are read from the catalog (pg_get_indexdef /
// pg_get_constraintdef) so they are restored exactly as the migrations made them, and re-adding
// each foreign key re-checks every generated row against its parent.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import { BENCH_DATA_DIR } from '../lib/postgres.ts';

export interface DroppedSchema {
  indexes: { table: string; name: string; def: string }[];
  foreignKeys: { table: string; name: string; def: string }[];
}

export async function dropForBulkLoad(client: pg.Client, tables: readonly string[]): Promise<DroppedSchema> {
  const regclasses = tables.map((t) => `public.${t}`);
  const indexes = await client.query<{ table: string; name: string; def: string }>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name,
            pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                         WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
      ORDER BY 1, 2`,
    [regclasses],
  );
  const foreignKeys = await client.query<{ table: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint
      WHERE contype = 'f' AND conrelid = ANY($1::regclass[])
      ORDER BY 1, 2`,
    [regclasses],
  );
  const dropped: DroppedSchema = { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
  // Kept on disk first, so an interrupted load can be repaired by hand on an external database.
  await fs.mkdir(BENCH_DATA_DIR, { recursive: true });
  await fs.writeFile(path.join(BENCH_DATA_DIR, 'restore-schema.sql'), restoreSql(dropped));
  for (const fk of dropped.foreignKeys) {
    await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
  }
  for (const ix of dropped.indexes) await client.query(`DROP INDEX ${ix.name}`);
  return dropped;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function restoreSql(d: DroppedSchema): string {
  return [
    ...d.indexes.map((ix) => `${ix.def};`),
    ...d.foreignKeys.map((fk) => `ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.def};`),
    '',
  ].join('\n');
}

/** Rebuilds the indexes, then re-adds (and so re-validates) every foreign key. */
export async function restoreAfterBulkLoad(
  client: pg.Client,
  dropped: DroppedSchema,
  log: (msg: string) => void,
): Promise<void> {
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query('SET max_parallel_maintenance_workers = 2');
  for (const ix of dropped.indexes) {
    const t0 = Date.now();
    await client.query(ix.def);
    log(`  index ${ix.name} (${ix.table}) built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  for (const fk of dropped.foreignKeys) {
    const t0 = Date.now();
    await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.def}`);
    log(`  foreign key ${fk.name} checked in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  await fs.rm(path.join(BENCH_DATA_DIR, 'restore-schema.sql'), { force: true });
}

/** The names of every index and foreign key: the same before and after a bulk load. */
export async function schemaObjectNames(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT conname FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
    ORDER BY 1`.execute(db);
  return rows.map((r) => r.name);
}
