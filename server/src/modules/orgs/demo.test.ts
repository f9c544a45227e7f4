// The demo that `npm start` loads must show every SLA state, in every profile, whatever the day.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { TEST_PASSWORD } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import { PROFILES } from '../../profiles/index.ts';
import { listCases } from '../cases/case-list.ts';
import { sweepSla } from '../sla/sla-sweep.ts';
import { slaViews } from '../sla/sla-view.ts';
import { loadProfile } from './load-profile.ts';

let db: Db;
const orgs = new Map<string, string>();

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  for (const p of PROFILES) {
    const loaded = await loadProfile(db, p, { password: TEST_PASSWORD, withSampleCases: true });
    orgs.set(p.slug, loaded.orgId);
  }
  await sweepSla(db);
}, 120_000);

describe('the demo data', () => {
  for (const p of PROFILES) {
    it(`${p.slug}: shows cases on track, due soon, breached, met and paused`, async () => {
      const orgId = orgs.get(p.slug)!;
      const cases = await listCases(db, orgId, { limit: 500 });
      const sla = await slaViews(
        db,
        orgId,
        cases.map((c) => c.id),
        { locale: 'en', timeZone: 'UTC', hijri: false, region: 'JO' },
      );
      const states = new Set([...sla.values()].flatMap((v) => v.stages.map((s) => s.state)));
      for (const state of ['on_track', 'due_soon', 'breached', 'met', 'paused']) {
        expect([...states], state).toContain(state);
      }
      // the sweep has recorded the breaches and escalated those cases
      expect(cases.some((c) => c.escalationLevel >= 1)).toBe(true);
    });
  }
});
