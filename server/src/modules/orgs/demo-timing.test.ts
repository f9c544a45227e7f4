import { describe, expect, it } from 'vitest';
import { PROFILE_SLA_POLICIES } from '../../profiles/sla-policies.ts';
import { orgStartingCalendar } from '../calendar/profiles.ts';
import { stageState, startStage } from '../sla/sla-clock.ts';
import { stagesFor } from '../sla/sla-policy.ts';
import { demoRegistrationTime } from './demo-timing.ts';

const ORGS = [
  ['UM', 'umniah', 'JO'],
  ['JM', 'jusan-mobile', 'KZ'],
  ['PH', 'sawa', 'SY'],
  ['HR', 'hrdf', 'SA'],
  ['KH', 'kontakt-home', 'AZ'],
] as const;

describe('demo registration times', () => {
  for (const [policyId, slug, country] of ORGS) {
    it(`${slug}: finds a "due soon" start at every hour of a week, holidays included`, () => {
      const cal = orgStartingCalendar(slug, country, 2026);
      for (const policy of PROFILE_SLA_POLICIES[policyId]) {
        for (let h = 0; h < 7 * 24; h += 5) {
          const now = new Date(Date.UTC(2026, 2, 16, h)); // 16–23 March 2026: Eid al-Fitr and Nauryz
          const t = demoRegistrationTime(cal, policy, 'web_form', ['first_response'], 'due_soon', now);
          const states = stagesFor(policy.targets, 'web_form')
            .filter(([s]) => s !== 'first_response')
            .map(([stage, target]) =>
              stageState(startStage(cal, stage, target, t, policy.warnAtPercent), now),
            );
          expect(states, `${policy.code} at ${now.toISOString()}`).toContain('due_soon');
          expect(states).not.toContain('breached');
        }
      }
    });
  }
});
