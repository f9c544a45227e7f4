// Frozen in time: never import application code here.
// Customer communication: delivery providers and message templates per org, the public portal's
// one-time codes and sessions, and satisfaction surveys.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notification_providers (
      org_id uuid NOT NULL REFERENCES orgs,
      channel text NOT NULL CHECK (channel IN ('sms', 'email')),
      -- { kind: 'smtp' | 'smpp' | 'http', ... } as parsed by parseProviderConfig
      config jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      active boolean NOT NULL DEFAULT true,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, channel)
    );

    CREATE TABLE notification_templates (
      org_id uuid NOT NULL REFERENCES orgs,
      event text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('sms', 'email')),
      locale text NOT NULL,
      subject text,
      body text NOT NULL,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, event, channel, locale)
    );

    ALTER TABLE cases ADD COLUMN privacy_consent_at timestamptz;

    -- What was actually sent, as the customer read it (and what the local outbox shows).
    ALTER TABLE notifications ADD COLUMN rendered_subject text;
    ALTER TABLE notifications ADD COLUMN rendered_body text;
    ALTER TABLE notifications ADD COLUMN segments smallint;

    -- A code texted to the case's registered phone before the portal shows personal details.
    CREATE TABLE portal_codes (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      case_id uuid NOT NULL,
      code_hash text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );
    CREATE INDEX portal_codes_case ON portal_codes (org_id, case_id, created_at);

    -- What a verified code opens: one case, for a short while.
    CREATE TABLE portal_sessions (
      org_id uuid NOT NULL REFERENCES orgs,
      token_hash text NOT NULL,
      case_id uuid NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, token_hash),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );

    -- One satisfaction survey per case and resolution (R-QA-4); the link carries a token.
    CREATE TABLE surveys (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      case_id uuid NOT NULL,
      token_hash text NOT NULL,
      -- what the rating is about, fixed when the survey is sent
      agent_id uuid,
      department_id uuid NOT NULL,
      category_id uuid,
      channel text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now(),
      rating smallint CHECK (rating BETWEEN 1 AND 5),
      comment text,
      answered_at timestamptz,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, token_hash),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );
    CREATE INDEX surveys_case ON surveys (org_id, case_id);
    CREATE INDEX surveys_answered ON surveys (org_id, answered_at) WHERE answered_at IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS surveys, portal_sessions, portal_codes, notification_templates, notification_providers;
    ALTER TABLE cases DROP COLUMN IF EXISTS privacy_consent_at;
    ALTER TABLE notifications DROP COLUMN IF EXISTS rendered_subject, DROP COLUMN IF EXISTS rendered_body,
      DROP COLUMN IF EXISTS segments;
  `.execute(db);
}
