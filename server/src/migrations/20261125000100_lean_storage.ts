// Frozen in time: never import application code here.
// Two things every case paid for and nothing read, measured on the 1 M-case benchmark set:
// - cases.search_text (323 bytes a case on average, a fifth of the row): normalised text kept for
//   the trigram index dropped in 20261124000100; search reads search_vector, and the raw subject,
//   description and remedy stay, so the vector can always be rebuilt from them.
// - case_events_type_time (317 MB at 1 M cases, 5.7 M events): no query filters events by type
//   and time across cases; every read goes by case through the primary key. Intake wrote an entry
//   into it for each of a registration's events.
// Dropping a column only marks it dropped; old rows give the space back as they are rewritten.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS case_events_type_time`.execute(db);
  await sql`ALTER TABLE cases DROP COLUMN IF EXISTS search_text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases ADD COLUMN IF NOT EXISTS search_text text NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS case_events_type_time ON case_events (org_id, type, at)`.execute(db);
}
