import { type RawBuilder, sql } from 'kysely';
import { normalizeForSearch, searchDocument } from './normalize.ts';

/** The tsvector of a document, built from our own lexemes (no parser re-splits them). */
export function searchVector(...parts: (string | null | undefined)[]): RawBuilder<string> {
  return sql<string>`array_to_tsvector(${searchDocument(...parts)}::text[])`;
}

/** Normalised plain text for the trigram index (substring and typo-tolerant look-ups). */
export function searchText(...parts: (string | null | undefined)[]): string {
  return normalizeForSearch(parts.filter(Boolean).join(' '));
}
