// Frozen in time: never import application code here.
// The SLA report's daily sums: sla_records summed per org, time zone, local day, stage and one
// report dimension, so a year's report adds up a few thousand rows instead of every record.
// A day is summed the first time a report needs it once it is over (a day after its end; see
// sla-report.ts); later days and the partial edges of a period are read from sla_records.
// Records are written when their event happens, so a summed day does not change; should one be
// written, deleted or changed for a day already summed (an import, a correction), the triggers
// below forget the days around it and the next report sums them again.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sla_report_days (
      org_id uuid NOT NULL REFERENCES orgs,
      -- the zone the days are local to: the org's, when the report was asked for
      time_zone text NOT NULL,
      day date NOT NULL,
      dimension text NOT NULL
        CHECK (dimension IN ('none', 'department', 'case_type', 'priority', 'channel', 'segment')),
      -- the department id, case type, … ('' for 'none')
      value text NOT NULL,
      stage text NOT NULL,
      met_on_time integer NOT NULL,
      met_late integer NOT NULL,
      breached integer NOT NULL,
      extended integer NOT NULL,
      warned integer NOT NULL,
      -- business time to meet the stage: the sum and how many met records carried one
      met_ms_sum bigint NOT NULL,
      met_ms_count integer NOT NULL,
      PRIMARY KEY (org_id, time_zone, dimension, day, value, stage)
    );
    -- The days summed (a day without records has no rows above, but is summed all the same).
    CREATE TABLE sla_report_days_done (
      org_id uuid NOT NULL REFERENCES orgs,
      time_zone text NOT NULL,
      day date NOT NULL,
      PRIMARY KEY (org_id, time_zone, day)
    );

    -- Statement-level, so a bulk load runs it once. Only records more than a day old can belong
    -- to a summed day; a UTC date ± 1 covers the local day in any zone.
    CREATE FUNCTION sla_records_forget_days() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      WITH stale AS (
        SELECT DISTINCT org_id, (at AT TIME ZONE 'UTC')::date AS day FROM changed
         WHERE at < now() - interval '1 day'
      ), forgotten AS (
        DELETE FROM sla_report_days_done d USING stale s
         WHERE d.org_id = s.org_id AND d.day BETWEEN s.day - 1 AND s.day + 1
      )
      DELETE FROM sla_report_days d USING stale s
       WHERE d.org_id = s.org_id AND d.day BETWEEN s.day - 1 AND s.day + 1;
      RETURN NULL;
    END $$;
    CREATE TRIGGER sla_records_inserted AFTER INSERT ON sla_records
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sla_records_forget_days();
    CREATE TRIGGER sla_records_deleted AFTER DELETE ON sla_records
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sla_records_forget_days();
    CREATE TRIGGER sla_records_updated_from AFTER UPDATE ON sla_records
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sla_records_forget_days();
    CREATE TRIGGER sla_records_updated_to AFTER UPDATE ON sla_records
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sla_records_forget_days();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER IF EXISTS sla_records_inserted ON sla_records;
    DROP TRIGGER IF EXISTS sla_records_deleted ON sla_records;
    DROP TRIGGER IF EXISTS sla_records_updated_from ON sla_records;
    DROP TRIGGER IF EXISTS sla_records_updated_to ON sla_records;
    DROP FUNCTION IF EXISTS sla_records_forget_days;
    DROP TABLE IF EXISTS sla_report_days_done, sla_report_days;
  `.execute(db);
}
