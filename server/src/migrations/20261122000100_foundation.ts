// Frozen in time: never import application code here.
// Every table carries org_id and every primary, unique and foreign key and every index starts
// with it, so the schema can be distributed by org (Citus) without change. See docs/scaling.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE EXTENSION IF NOT EXISTS btree_gin;

    CREATE TABLE orgs (
      org_id uuid PRIMARY KEY,
      slug text NOT NULL,
      case_prefix text NOT NULL,
      name jsonb NOT NULL,
      country char(2) NOT NULL,
      default_locale text NOT NULL,
      locales text[] NOT NULL,
      timezone text NOT NULL,
      settings jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    -- slug is looked up at login and on the public portal before the org is known.
    CREATE UNIQUE INDEX orgs_slug ON orgs (slug);

    CREATE TABLE roles (
      org_id uuid NOT NULL REFERENCES orgs,
      code text NOT NULL,
      name jsonb NOT NULL,
      permissions text[] NOT NULL,
      PRIMARY KEY (org_id, code)
    );

    CREATE TABLE departments (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      code text NOT NULL,
      name jsonb NOT NULL,
      kind text NOT NULL CHECK (kind IN ('contact_centre', 'specialised', 'field', 'finance', 'quality', 'management')),
      lead_user_id uuid,
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, code)
    );

    CREATE TABLE users (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      email text NOT NULL,
      display_name text NOT NULL,
      locale text NOT NULL,
      role_code text NOT NULL,
      department_id uuid,
      password_hash text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, email),
      FOREIGN KEY (org_id, role_code) REFERENCES roles (org_id, code),
      FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id)
    );
    CREATE INDEX users_department ON users (org_id, department_id);
    ALTER TABLE departments ADD FOREIGN KEY (org_id, lead_user_id) REFERENCES users (org_id, id) DEFERRABLE INITIALLY DEFERRED;

    CREATE TABLE sessions (
      org_id uuid NOT NULL REFERENCES orgs,
      token_hash text NOT NULL,
      user_id uuid NOT NULL,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, token_hash),
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
    );
    CREATE INDEX sessions_expiry ON sessions (org_id, expires_at);

    CREATE TABLE api_tokens (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      user_id uuid NOT NULL,
      name text NOT NULL,
      token_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, token_hash),
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
    );

    -- Fixed-window counters shared by every API process (login, OTP and portal limits).
    CREATE TABLE rate_limit_hits (
      org_id uuid NOT NULL,
      bucket text NOT NULL,
      window_start timestamptz NOT NULL,
      hits integer NOT NULL,
      PRIMARY KEY (org_id, bucket, window_start)
    );

    CREATE TABLE services (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      code text NOT NULL,
      name jsonb NOT NULL,
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, code)
    );

    CREATE TABLE categories (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      code text NOT NULL,
      name jsonb NOT NULL,
      -- routing: cases in this category go to this department's queue
      department_id uuid NOT NULL,
      default_priority text NOT NULL DEFAULT 'normal',
      health_or_safety boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, code),
      FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id)
    );

    CREATE TABLE case_forms (
      org_id uuid NOT NULL REFERENCES orgs,
      version integer NOT NULL,
      fields jsonb NOT NULL,
      approved_by text,
      approved_at timestamptz NOT NULL DEFAULT now(),
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (org_id, version)
    );
    CREATE UNIQUE INDEX case_forms_one_active ON case_forms (org_id) WHERE active;

    CREATE TABLE customers (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('person', 'business')),
      first_name text,
      last_name text,
      patronymic text,
      business_name text,
      segment text NOT NULL CHECK (segment IN ('individual', 'business_owner')),
      preferred_locale text,
      merged_into_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, merged_into_id) REFERENCES customers (org_id, id)
    );

    CREATE TABLE customer_contacts (
      org_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('phone', 'email', 'national_id', 'account_id')),
      value text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- one customer per contact value: this is what find-or-create relies on
      PRIMARY KEY (org_id, kind, value),
      FOREIGN KEY (org_id, customer_id) REFERENCES customers (org_id, id)
    );
    CREATE INDEX customer_contacts_customer ON customer_contacts (org_id, customer_id);

    CREATE TABLE customer_services (
      org_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      service_id uuid NOT NULL,
      account_ref text NOT NULL DEFAULT '',
      PRIMARY KEY (org_id, customer_id, service_id, account_ref),
      FOREIGN KEY (org_id, customer_id) REFERENCES customers (org_id, id),
      FOREIGN KEY (org_id, service_id) REFERENCES services (org_id, id)
    );

    CREATE TABLE case_number_counters (
      org_id uuid NOT NULL REFERENCES orgs,
      year integer NOT NULL,
      last_value integer NOT NULL,
      PRIMARY KEY (org_id, year)
    );

    CREATE TABLE cases (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      number text NOT NULL,
      tracking_token text NOT NULL,
      type text NOT NULL CHECK (type IN ('complaint', 'suggestion', 'inquiry', 'compliment')),
      status text NOT NULL,
      resume_status text,
      channel text NOT NULL,
      priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      assessment jsonb,
      category_id uuid,
      service_id uuid,
      customer_id uuid NOT NULL,
      department_id uuid NOT NULL,
      owner_id uuid NOT NULL,
      subject text NOT NULL,
      description text NOT NULL,
      remedy_sought text,
      served_by text,
      form_data jsonb NOT NULL DEFAULT '{}',
      locale text NOT NULL,
      first_contact_resolution boolean NOT NULL DEFAULT false,
      rejection_reason text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      acknowledged_at timestamptz,
      response_communicated_at timestamptz,
      closed_at timestamptz,
      search_text text NOT NULL,
      search_vector tsvector NOT NULL,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, number),
      UNIQUE (org_id, tracking_token),
      FOREIGN KEY (org_id, customer_id) REFERENCES customers (org_id, id),
      FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id),
      FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, category_id) REFERENCES categories (org_id, id),
      FOREIGN KEY (org_id, service_id) REFERENCES services (org_id, id)
    );
    -- keyset pagination: newest first, within the filters agents use most
    CREATE INDEX cases_recent ON cases (org_id, created_at DESC, id DESC);
    CREATE INDEX cases_queue ON cases (org_id, department_id, status, created_at DESC, id DESC);
    CREATE INDEX cases_owner ON cases (org_id, owner_id, status, created_at DESC, id DESC);
    CREATE INDEX cases_customer ON cases (org_id, customer_id, created_at DESC);
    CREATE INDEX cases_search ON cases USING gin (org_id, search_vector);
    CREATE INDEX cases_trgm ON cases USING gin (org_id, search_text gin_trgm_ops);

    CREATE TABLE case_events (
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      seq integer NOT NULL,
      type text NOT NULL,
      actor_id uuid,
      actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'customer', 'system')),
      at timestamptz NOT NULL DEFAULT now(),
      from_status text,
      to_status text,
      reason text,
      data jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (org_id, case_id, seq),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );
    CREATE INDEX case_events_type_time ON case_events (org_id, type, at);

    CREATE TABLE case_messages (
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('inbound', 'outbound', 'note')),
      channel text NOT NULL,
      body text NOT NULL,
      author_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      search_vector tsvector NOT NULL,
      PRIMARY KEY (org_id, case_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );
    CREATE INDEX case_messages_search ON case_messages USING gin (org_id, search_vector);

    CREATE TABLE attachments (
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      id uuid NOT NULL,
      filename text NOT NULL,
      content_type text NOT NULL,
      size_bytes bigint NOT NULL,
      sha256 text NOT NULL,
      storage_key text NOT NULL,
      uploaded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, case_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );

    -- The first result of a create is kept so that a retry with the same key returns it.
    CREATE TABLE idempotency_keys (
      org_id uuid NOT NULL,
      scope text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, scope, key)
    );

    -- Append-only, hash-chained per org. audit_heads serialises appends within one org.
    CREATE TABLE audit_log (
      org_id uuid NOT NULL,
      seq bigint NOT NULL,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_kind text NOT NULL,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text NOT NULL,
      data jsonb NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (org_id, seq)
    );
    CREATE INDEX audit_log_entity ON audit_log (org_id, entity, entity_id);
    CREATE TABLE audit_heads (
      org_id uuid PRIMARY KEY,
      last_seq bigint NOT NULL,
      last_hash text NOT NULL
    );
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'case_events is append-only';
    END $$;
    CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS audit_heads, audit_log, idempotency_keys, attachments, case_messages, case_events,
      cases, case_number_counters, customer_services, customer_contacts, customers, case_forms, categories,
      services, rate_limit_hits, api_tokens, sessions, users, departments, roles, orgs CASCADE;
    DROP FUNCTION IF EXISTS audit_log_append_only, case_events_append_only;
  `.execute(db);
}
