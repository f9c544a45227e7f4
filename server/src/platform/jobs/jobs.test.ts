// Two workers starting at the same moment on a database pg-boss has not set up yet: pg-boss
// creates its queues without a lock, so the two can deadlock in PostgreSQL. Both must come up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { LocalDiskStore } from '../storage/storage.ts';
import { type Jobs, startJobs } from './jobs.ts';

describe('starting the job queue', () => {
  it('brings two workers up together on a new database, round after round', async () => {
    for (let round = 0; round < 4; round++) {
      const { db, url } = await createTestDatabase();
      const opts = {
        log: () => {},
        slaSweepSeconds: 3600,
        publicUrl: 'http://localhost:3000',
        store: new LocalDiskStore(mkdtempSync(path.join(tmpdir(), 'riza-jobs-'))),
      };
      const started = await Promise.allSettled([startJobs(db, url, opts), startJobs(db, url, opts)]);
      const up = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      await Promise.all(up.map((j: Jobs) => j.stop()));
      await db.destroy();
      expect(
        started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'up')),
        `round ${round}`,
      ).toEqual(['up', 'up']);
    }
  }, 180_000);
});
