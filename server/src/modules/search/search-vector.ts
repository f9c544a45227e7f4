import { type RawBuilder, sql } from 'kysely';
import { searchDocument } from './normalize.ts';

/** The tsvector of a document, built from our own lexemes (no parser re-splits them). */
export function searchVector(...parts: (string | null | undefined)[]): RawBuilder<string> {
  return sql<string>`array_to_tsvector(${searchDocument(...parts)}::text[])`;
}
