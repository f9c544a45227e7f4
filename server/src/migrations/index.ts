// Every migration, in order. Listed explicitly (rather than read from the folder) so that the
// same list works under tsx, Vitest and a bundled build. Names are timestamps: never rename.
import type { Migration } from 'kysely';
import * as m20261122000100 from './20261122000100_foundation.ts';
import * as m20261122000200 from './20261122000200_sla.ts';
import * as m20261122000300 from './20261122000300_communication.ts';
import * as m20261122000400 from './20261122000400_offers.ts';
import * as m20261122000500 from './20261122000500_channels.ts';
import * as m20261122000600 from './20261122000600_live_events.ts';
import * as m20261123000100 from './20261123000100_sla_report_days.ts';
import * as m20261124000100 from './20261124000100_drop_unused_trigram.ts';
import * as m20261125000100 from './20261125000100_lean_storage.ts';

export const migrations: Record<string, Migration> = {
  '20261122000100_foundation': m20261122000100,
  '20261122000200_sla': m20261122000200,
  '20261122000300_communication': m20261122000300,
  '20261122000400_offers': m20261122000400,
  '20261122000500_channels': m20261122000500,
  '20261122000600_live_events': m20261122000600,
  '20261123000100_sla_report_days': m20261123000100,
  '20261124000100_drop_unused_trigram': m20261124000100,
  '20261125000100_lean_storage': m20261125000100,
};
