// Append-only, tamper-evident audit trail, hash-chained per org (R-REC-2): each row holds the
// hash of the previous one, so editing, deleting or reordering rows breaks the chain.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';

export interface AuditEntry {
  orgId: string;
  actorId: string | null;
  actorKind: 'user' | 'customer' | 'system';
  action: string;
  entity: string;
  entityId: string;
  data?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's own key order does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

interface Hashable {
  org_id: string;
  seq: number | string;
  at: Date;
  actor_id: string | null;
  actor_kind: string;
  action: string;
  entity: string;
  entity_id: string;
  data: unknown;
  prev_hash: string;
}

export function auditHash(row: Hashable): string {
  const payload = canonicalJson({
    org_id: row.org_id,
    seq: String(row.seq),
    at: row.at.toISOString(),
    actor_id: row.actor_id,
    actor_kind: row.actor_kind,
    action: row.action,
    entity: row.entity,
    entity_id: row.entity_id,
    data: row.data,
    prev_hash: row.prev_hash,
  });
  return createHash('sha256').update(payload).digest('hex');
}

/**
 * Appends entries inside the caller's transaction. Call it last in the transaction: the org's
 * head row stays locked until commit, which is what keeps the chain linear.
 */
export async function appendAudit(trx: Trx, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const orgId = entries[0]!.orgId;
  const lockHead = () =>
    trx
      .selectFrom('audit_heads')
      .select(['last_seq', 'last_hash'])
      .where('org_id', '=', orgId)
      .forUpdate()
      .executeTakeFirst();
  // Two statements in the usual case (lock the head; write the rows and move the head), since the
  // head stays locked until commit and every statement under it delays the org's next writer.
  let head = await lockHead();
  if (!head) {
    await trx
      .insertInto('audit_heads')
      .values({ org_id: orgId, last_seq: 0, last_hash: GENESIS })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .execute();
    head = await lockHead();
    if (!head) throw new Error(`audit head of org ${orgId} could not be created`);
  }
  let seq = Number(head.last_seq);
  let prev = head.last_hash;
  const at = new Date();
  const rows = entries.map((e) => {
    seq += 1;
    const row = {
      org_id: e.orgId,
      seq,
      at,
      actor_id: e.actorId,
      actor_kind: e.actorKind,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      data: JSON.parse(JSON.stringify(e.data ?? {})),
      prev_hash: prev,
    };
    const hash = auditHash(row);
    prev = hash;
    return { ...row, data: JSON.stringify(row.data), hash };
  });
  await trx
    .with('appended', (db) => db.insertInto('audit_log').values(rows))
    .updateTable('audit_heads')
    .set({ last_seq: seq, last_hash: prev })
    .where('org_id', '=', orgId)
    .execute();
}

export interface VerifyResult {
  orgId: string;
  rows: number;
  ok: boolean;
  /** the first row whose link is broken, and why */
  firstBroken?: { seq: number; problem: 'hash_mismatch' | 'prev_mismatch' | 'gap' | 'head_mismatch' };
}

/** Walks each org's chain in order and reports the first broken link. */
export async function verifyAudit(db: Db, orgId?: string): Promise<VerifyResult[]> {
  const orgs = orgId
    ? [{ org_id: orgId }]
    : await db.selectFrom('audit_heads').select('org_id').orderBy('org_id').execute();
  const results: VerifyResult[] = [];
  for (const { org_id } of orgs) {
    const result: VerifyResult = { orgId: org_id, rows: 0, ok: true };
    let prev = GENESIS;
    let expected = 1;
    let after = 0;
    const batch = 5000;
    outer: for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('org_id', '=', org_id)
        .where('seq', '>', sql<string>`${after}`)
        .orderBy('seq')
        .limit(batch)
        .execute();
      for (const r of rows) {
        const seq = Number(r.seq);
        result.rows += 1;
        if (seq !== expected) {
          result.firstBroken = { seq: expected, problem: 'gap' };
          break outer;
        }
        if (r.prev_hash !== prev) {
          result.firstBroken = { seq, problem: 'prev_mismatch' };
          break outer;
        }
        if (auditHash({ ...r, seq }) !== r.hash) {
          result.firstBroken = { seq, problem: 'hash_mismatch' };
          break outer;
        }
        prev = r.hash;
        expected = seq + 1;
        after = seq;
      }
      if (rows.length < batch) break;
    }
    if (!result.firstBroken) {
      const head = await db
        .selectFrom('audit_heads')
        .select(['last_seq', 'last_hash'])
        .where('org_id', '=', org_id)
        .executeTakeFirst();
      // rows deleted from the end of the chain leave the head pointing past them
      if (head && (Number(head.last_seq) !== expected - 1 || head.last_hash !== prev)) {
        result.firstBroken = { seq: expected, problem: 'head_mismatch' };
      }
    }
    result.ok = !result.firstBroken;
    results.push(result);
  }
  return results;
}
