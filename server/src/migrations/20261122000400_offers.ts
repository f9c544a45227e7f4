// Frozen in time: never import application code here.
// R-FLOW-7: when a case cannot be resolved as asked, the customer is offered an alternative of
// equal service type, duration, value and capacity, or compensation; the offer and the answer are
// recorded.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE case_offers (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      case_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('alternative', 'compensation')),
      description text NOT NULL,
      amount numeric(14, 3),
      currency char(3),
      reason text NOT NULL,
      offered_by uuid NOT NULL,
      offered_at timestamptz NOT NULL,
      answer text CHECK (answer IN ('accepted', 'declined')),
      answer_note text,
      answered_at timestamptz,
      answer_recorded_by uuid,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );
    CREATE INDEX case_offers_case ON case_offers (org_id, case_id, offered_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS case_offers`.execute(db);
}
