import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../access/permissions.ts';
import { searchQuery } from '../search/normalize.ts';
import { addNote } from './case-actions.ts';
import { type CaseListFilters, listCases } from './case-list.ts';

let db: Db;
let kh: TestOrg;
let agent: Actor;
/** Cases that match "kondisioner" by their own text or a note, newest first. */
const expected: string[] = [];
const tsQuery = searchQuery('kondisioner')!;

// Twelve cases a minute apart, newest first: which ones mention the word in their own text (T),
// only in a note (N), in both (B) or nowhere (-).
const LAYOUT = ['T', '-', 'N', 'T', '-', '-', 'B', 'N', '-', 'T', '-', 'N'];

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  agent = await kh.actor('agent');
  const start = Date.now() - 3_600_000;
  for (const [k, kind] of [...LAYOUT.entries()].reverse()) {
    const own = kind === 'T' || kind === 'B';
    const at = new Date(start + (LAYOUT.length - k) * 60_000);
    const { id } = await registerAs(
      db,
      kh,
      agent,
      khComplaint({
        description: own ? 'Kondisionerin pultu işləmir.' : 'Paltaryuyan maşın səs salır.',
      }),
      at,
    );
    await db.transaction().execute((trx) => addNote(trx, agent, id, 'Müştəri ilə danışıldı.', at));
    if (kind === 'N' || kind === 'B') {
      await db
        .transaction()
        .execute((trx) => addNote(trx, agent, id, 'Əslində kondisioner haqqındadır.', at));
    }
    if (kind !== '-') expected.unshift(id);
  }
}, 180_000);

async function ids(f: Omit<CaseListFilters, 'tsQuery'>) {
  return (await listCases(db, kh.org.orgId, { ...f, tsQuery })).map((c) => c.id);
}

describe('searching the case list', () => {
  it('finds cases by their own text and by their messages, newest first', async () => {
    expect(await ids({ limit: 50 })).toEqual(expected);
  });

  it('gives the same pages whether the newest cases fill a page or the GIN indexes are needed', async () => {
    // window: how many newest cases are read one by one; 1–3 leave the page to the indexes,
    // 12 and more cover every case
    for (const searchWindow of [1, 2, 3, 4, 6, 12, 100]) {
      for (const limit of [1, 2, 3, 5, 8]) {
        const got = await ids({ limit, searchWindow });
        expect(got, `window ${searchWindow}, limit ${limit}`).toEqual(expected.slice(0, limit));
      }
    }
  });

  it('pages through every match with the keyset cursor, whatever the window', async () => {
    for (const searchWindow of [2, 5, 100]) {
      const seen: string[] = [];
      let after: CaseListFilters['after'];
      for (let page = 0; page < 10; page++) {
        const views = await listCases(db, kh.org.orgId, { tsQuery, limit: 2, searchWindow, after });
        if (!views.length) break;
        seen.push(...views.map((v) => v.id));
        const last = views[views.length - 1]!;
        after = { createdAt: new Date(last.createdAt), id: last.id };
      }
      expect(seen, `window ${searchWindow}`).toEqual(expected);
    }
  });

  it('applies the list filters to matches found through messages too', async () => {
    const got = await ids({ limit: 50, searchWindow: 2, ownerId: '00000000-0000-7000-8000-000000000000' });
    expect(got).toEqual([]);
    const owner = (await listCases(db, kh.org.orgId, { limit: 1 }))[0]!.owner.id;
    expect(await ids({ limit: 50, searchWindow: 2, ownerId: owner })).toEqual(expected);
    expect(await ids({ limit: 50, searchWindow: 2, status: ['closed'] })).toEqual([]);
  });
});
