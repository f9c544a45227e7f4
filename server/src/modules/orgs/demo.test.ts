// The demo that `npm start` loads must show every SLA state, in every profile, whatever the day.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { TEST_PASSWORD } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import { PROFILES } from '../../profiles/index.ts';
import { listCaseViews } from '../cases/case.repository.ts';
import { sweepSla } from '../sla/sla-sweep.ts';
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
      const views = await listCaseViews(db, orgId, { limit: 500 });
      const states = new Set(views.flatMap((v) => v.sla?.stages.map((s) => s.state) ?? []));
      for (const state of ['on_track', 'due_soon', 'breached', 'met', 'paused']) {
        expect([...states], state).toContain(state);
      }
      // the sweep has recorded the breaches and escalated those cases
      expect(views.some((v) => v.escalationLevel >= 1)).toBe(true);
    });
  }
});
