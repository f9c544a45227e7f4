// Frozen in time: never import application code here.
// Every door a customer comes in by: an inbox (queue, hours, members, auto-reply) is separate from
// its channel (transport and credentials); threads tie a channel's conversation to a case; replies
// go back through the same door via the channel outbox; calls and web chats are recorded.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE inboxes (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      code text NOT NULL,
      name jsonb NOT NULL,
      department_id uuid NOT NULL,
      -- working hours of the channel (live channels); NULL: the department's or the org's calendar
      calendar_id uuid,
      -- localised text sent when a conversation opens (or outside hours); NULL: none
      auto_reply jsonb,
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, code),
      FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id),
      FOREIGN KEY (org_id, calendar_id) REFERENCES calendars (org_id, id)
    );

    CREATE TABLE inbox_members (
      org_id uuid NOT NULL,
      inbox_id uuid NOT NULL,
      user_id uuid NOT NULL,
      PRIMARY KEY (org_id, inbox_id, user_id),
      FOREIGN KEY (org_id, inbox_id) REFERENCES inboxes (org_id, id),
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
    );

    CREATE TABLE channels (
      org_id uuid NOT NULL REFERENCES orgs,
      id uuid NOT NULL,
      code text NOT NULL,
      inbox_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('email', 'web_chat', 'whatsapp', 'telegram', 'messenger', 'phone', 'store', 'video')),
      -- transport settings and credentials, per kind
      config jsonb NOT NULL DEFAULT '{}',
      -- the address customers reach: e-mail address, bot name, phone number id, page id, trunk number
      address text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, code),
      FOREIGN KEY (org_id, inbox_id) REFERENCES inboxes (org_id, id)
    );
    -- Inbound e-mail arrives addressed to one of these; the SMTP listener looks the org up by it.
    CREATE UNIQUE INDEX channels_address ON channels (lower(address)) WHERE address IS NOT NULL AND active;

    -- A channel's conversation (e-mail thread root, chat id, WhatsApp number, Telegram chat) → its case.
    CREATE TABLE channel_threads (
      org_id uuid NOT NULL,
      channel_id uuid NOT NULL,
      thread_key text NOT NULL,
      case_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      last_message_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, channel_id, thread_key),
      FOREIGN KEY (org_id, channel_id) REFERENCES channels (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );
    CREATE INDEX channel_threads_case ON channel_threads (org_id, case_id);

    ALTER TABLE customer_contacts DROP CONSTRAINT customer_contacts_kind_check;
    ALTER TABLE customer_contacts ADD CONSTRAINT customer_contacts_kind_check
      CHECK (kind IN ('phone', 'email', 'national_id', 'account_id', 'telegram', 'messenger'));

    ALTER TABLE case_messages ADD COLUMN channel_id uuid;
    ALTER TABLE case_messages ADD COLUMN external_id text;
    ALTER TABLE case_messages ADD COLUMN html text;
    ALTER TABLE case_messages ADD COLUMN meta jsonb NOT NULL DEFAULT '{}';
    -- a platform redelivering a webhook, or a mailbox polled twice, adds nothing
    CREATE UNIQUE INDEX case_messages_external ON case_messages (org_id, channel_id, external_id)
      WHERE external_id IS NOT NULL;

    -- Replies going back through the door the customer came in by.
    CREATE TABLE channel_outbox (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      channel_id uuid NOT NULL,
      thread_key text NOT NULL,
      case_id uuid NOT NULL,
      message_id uuid NOT NULL,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'blocked')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      external_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, channel_id) REFERENCES channels (org_id, id)
    );
    CREATE INDEX channel_outbox_due ON channel_outbox (next_attempt_at) WHERE status = 'pending';

    -- Telephony (CTI): one row per call, with the raw events it was built from.
    CREATE TABLE calls (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      channel_id uuid NOT NULL,
      external_id text NOT NULL,
      direction text NOT NULL DEFAULT 'inbound',
      caller text,
      callee text,
      queue text,
      agent_id uuid,
      customer_id uuid,
      case_id uuid,
      state text NOT NULL,
      started_at timestamptz NOT NULL,
      answered_at timestamptz,
      ended_at timestamptz,
      wait_seconds integer,
      talk_seconds integer,
      hold_count integer NOT NULL DEFAULT 0,
      hold_seconds integer NOT NULL DEFAULT 0,
      held_since timestamptz,
      hold_limit_exceeded boolean NOT NULL DEFAULT false,
      abandoned boolean NOT NULL DEFAULT false,
      unanswered boolean NOT NULL DEFAULT false,
      recording_attachment_id uuid,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, channel_id, external_id),
      FOREIGN KEY (org_id, channel_id) REFERENCES channels (org_id, id)
    );
    CREATE INDEX calls_started ON calls (org_id, started_at);
    CREATE INDEX calls_case ON calls (org_id, case_id) WHERE case_id IS NOT NULL;

    CREATE TABLE call_events (
      org_id uuid NOT NULL,
      call_id uuid NOT NULL,
      seq integer NOT NULL,
      type text NOT NULL,
      at timestamptz NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (org_id, call_id, seq),
      FOREIGN KEY (org_id, call_id) REFERENCES calls (org_id, id)
    );

    -- Web chat: a visitor's conversation, before and after it becomes (or joins) a case.
    CREATE TABLE chat_sessions (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      channel_id uuid NOT NULL,
      visitor_token_hash text NOT NULL,
      visitor_name text,
      visitor_contact text,
      locale text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      agent_id uuid,
      case_id uuid,
      started_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, visitor_token_hash),
      FOREIGN KEY (org_id, channel_id) REFERENCES channels (org_id, id)
    );
    CREATE TABLE chat_messages (
      org_id uuid NOT NULL,
      chat_id uuid NOT NULL,
      seq integer NOT NULL,
      author text NOT NULL CHECK (author IN ('visitor', 'agent', 'system')),
      author_id uuid,
      body text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, chat_id, seq),
      FOREIGN KEY (org_id, chat_id) REFERENCES chat_sessions (org_id, id)
    );

  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS chat_messages, chat_sessions, call_events, calls, channel_outbox,
      channel_threads, channels, inbox_members, inboxes;
    DROP INDEX IF EXISTS case_messages_external;
    ALTER TABLE case_messages DROP COLUMN IF EXISTS channel_id, DROP COLUMN IF EXISTS external_id,
      DROP COLUMN IF EXISTS html, DROP COLUMN IF EXISTS meta;
  `.execute(db);
}
