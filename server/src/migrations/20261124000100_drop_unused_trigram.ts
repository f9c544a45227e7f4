// Frozen in time: never import application code here.
// The trigram index on cases.search_text was built with the foundation for substring search that
// no query ever used (search goes through search_vector). A GIN trigram index on complaint text
// adds hundreds of entries per registered case, and intake paid for it on every insert.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS cases_trgm`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS cases_trgm ON cases USING gin (org_id, search_text gin_trgm_ops)`.execute(
    db,
  );
}
