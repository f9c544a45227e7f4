import type { CustomerName, Org } from '../../../api/types.ts';

/** Name as the customer gave it: person (first, patronymic, last) or business. */
export function customerName(c: CustomerName): string {
  if (c.kind === 'business' && c.businessName) return c.businessName;
  return [c.firstName, c.patronymic, c.lastName].filter(Boolean).join(' ') || c.businessName || '';
}

/** The organisation shows a caller's personal data only after an identity check (R-REC-3). */
export function identityCheckRequired(org: Org): boolean {
  return Boolean((org.settings as { requireIdentityCheck?: boolean }).requireIdentityCheck);
}

const initial = (name: string | null) => (name ? `${[...name.trim()][0] ?? ''}•••` : null);

/**
 * For lists and headers where no identity check applies: a person's name as initials when the
 * organisation requires the check (an establishment's name is public). The server's customer
 * endpoint decides what the case view itself shows.
 */
export function listedName(c: CustomerName, org: Org): string {
  if (!identityCheckRequired(org)) return customerName(c);
  if (c.kind === 'business' && c.businessName) return c.businessName;
  return [initial(c.firstName), initial(c.patronymic), initial(c.lastName)].filter(Boolean).join(' ');
}
