// Frozen in time: never import application code here.
// Business calendars, SLA policies, the SLA applied to each case, the reporting rows SLA reports
// read, and the notification outbox that use-cases write in their own transaction.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE calendars (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      code text NOT NULL,
      -- the org's default calendar; departments without their own use it
      is_default boolean NOT NULL DEFAULT false,
      spec jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, code)
    );
    CREATE UNIQUE INDEX calendars_one_default ON calendars (org_id) WHERE is_default;

    ALTER TABLE departments ADD COLUMN calendar_id uuid;
    ALTER TABLE departments ADD FOREIGN KEY (org_id, calendar_id) REFERENCES calendars (org_id, id);

    CREATE TABLE sla_policies (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      code text NOT NULL,
      name jsonb NOT NULL,
      -- conditions: NULL matches anything; the most specific matching policy wins, then position
      case_type text,
      priority text,
      segment text,
      channel text,
      position integer NOT NULL DEFAULT 100,
      -- { acknowledge?: {amount, unit}, first_response?: …, investigation?: …, resolution?: … }
      targets jsonb NOT NULL,
      warn_at_percent integer NOT NULL DEFAULT 75 CHECK (warn_at_percent BETWEEN 1 AND 99),
      -- after a breach, how long the supervisor has before the manager is alerted
      manager_after jsonb,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, code)
    );

    ALTER TABLE cases ADD COLUMN sla_policy_id uuid;
    ALTER TABLE cases ADD COLUMN escalation_level smallint NOT NULL DEFAULT 0;
    ALTER TABLE cases ADD COLUMN segment text NOT NULL DEFAULT 'individual';

    CREATE TABLE case_sla_stages (
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      stage text NOT NULL CHECK (stage IN ('acknowledge', 'first_response', 'investigation', 'resolution')),
      -- bumped when a reopened case resumes a met stage; reporting rows carry it
      cycle smallint NOT NULL DEFAULT 1,
      target_amount numeric NOT NULL,
      target_unit text NOT NULL CHECK (target_unit IN ('business_hours', 'business_days')),
      calendar_id uuid NOT NULL,
      started_at timestamptz NOT NULL,
      original_due_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      warn_at timestamptz,
      warned_at timestamptz,
      breached_at timestamptz,
      manager_escalate_at timestamptz,
      manager_escalated_at timestamptz,
      met_at timestamptz,
      stopped_at timestamptz,
      paused_at timestamptz,
      -- business milliseconds left when paused or met (negative when overdue)
      remaining_ms bigint,
      paused_business_ms bigint NOT NULL DEFAULT 0,
      extensions smallint NOT NULL DEFAULT 0,
      -- the next instant the SLA sweep must look at this row; NULL when nothing is pending
      next_check_at timestamptz,
      PRIMARY KEY (org_id, case_id, stage),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, calendar_id) REFERENCES calendars (org_id, id)
    );
    -- The sweep looks across orgs for rows that are due; partial, so it stays as small as the
    -- set of running clocks. (Under Citus each shard keeps its own piece: see docs/scaling.md.)
    CREATE INDEX case_sla_stages_next_check ON case_sla_stages (next_check_at) WHERE next_check_at IS NOT NULL;

    -- Written when SLA events happen, so reports aggregate one narrow table.
    CREATE TABLE sla_records (
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      stage text NOT NULL,
      cycle smallint NOT NULL,
      kind text NOT NULL CHECK (kind IN ('met', 'breached', 'extended', 'warned')),
      seq smallint NOT NULL DEFAULT 0,
      at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      on_time boolean,
      business_ms bigint,
      department_id uuid NOT NULL,
      case_type text NOT NULL,
      priority text NOT NULL,
      channel text NOT NULL,
      segment text NOT NULL,
      -- the uniqueness that makes "recorded once" hold whatever the job queue does
      PRIMARY KEY (org_id, case_id, stage, cycle, kind, seq)
    );
    CREATE INDEX sla_records_report ON sla_records (org_id, at, stage);

    CREATE TABLE notifications (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      case_id uuid,
      event text NOT NULL,
      audience text NOT NULL CHECK (audience IN ('customer', 'staff')),
      channel text NOT NULL CHECK (channel IN ('sms', 'email')),
      recipient text NOT NULL,
      locale text NOT NULL,
      variables jsonb NOT NULL DEFAULT '{}',
      -- one notification per event occurrence, even when the emitting code runs twice
      dedupe_key text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      provider text,
      provider_message_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, dedupe_key, channel)
    );
    CREATE INDEX notifications_case ON notifications (org_id, case_id, created_at);
    CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';

    CREATE TABLE notification_attempts (
      org_id uuid NOT NULL,
      notification_id uuid NOT NULL,
      attempt integer NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      ok boolean NOT NULL,
      error text,
      provider text NOT NULL,
      provider_message_id text,
      PRIMARY KEY (org_id, notification_id, attempt),
      FOREIGN KEY (org_id, notification_id) REFERENCES notifications (org_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS notification_attempts, notifications, sla_records, case_sla_stages, sla_policies;
    ALTER TABLE cases DROP COLUMN IF EXISTS sla_policy_id, DROP COLUMN IF EXISTS escalation_level,
      DROP COLUMN IF EXISTS segment;
    ALTER TABLE departments DROP COLUMN IF EXISTS calendar_id;
    DROP TABLE IF EXISTS calendars;
  `.execute(db);
}
