// The five policy profiles from seeds/, in seed order. Each is data an administrator loads and
// then adjusts; the demo seeder ships them as they are.
import { hrdf } from './hrdf.ts';
import { jusanMobile } from './jusan-mobile.ts';
import { kontaktHome } from './kontakt-home.ts';
import { sawa } from './sawa.ts';
import type { PolicyProfile } from './types.ts';
import { umniah } from './umniah.ts';

export type { PolicyProfile } from './types.ts';
export { hrdf, jusanMobile, kontaktHome, sawa, umniah };

export const PROFILES: PolicyProfile[] = [umniah, jusanMobile, sawa, hrdf, kontaktHome];

export function findProfile(key: string): PolicyProfile | undefined {
  const k = key.toLowerCase();
  return PROFILES.find(
    (p) => p.slug === k || p.policyId.toLowerCase() === k || p.casePrefix.toLowerCase() === k,
  );
}
