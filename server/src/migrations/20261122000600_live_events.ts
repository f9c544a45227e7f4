// Frozen in time: never import application code here.
// Live updates: every new timeline event is announced on a PostgreSQL channel when its transaction
// commits, with what a listener needs to decide who may see it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION case_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE c record;
    BEGIN
      SELECT department_id, owner_id, status INTO c FROM cases WHERE org_id = NEW.org_id AND id = NEW.case_id;
      PERFORM pg_notify('riza_case_events', json_build_object(
        'org', NEW.org_id, 'case', NEW.case_id, 'seq', NEW.seq, 'type', NEW.type,
        'department', c.department_id, 'owner', c.owner_id, 'status', c.status)::text);
      RETURN NULL;
    END $$;
    CREATE TRIGGER case_events_notify AFTER INSERT ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_notify();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER IF EXISTS case_events_notify ON case_events;
    DROP FUNCTION IF EXISTS case_events_notify;
  `.execute(db);
}
