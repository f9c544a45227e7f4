import type { CaseView } from '../../../api/types.ts';

/** Name as the customer gave it: person (first, patronymic, last) or business. */
export function customerName(c: CaseView['customer']): string {
  if (c.kind === 'business' && c.businessName) return c.businessName;
  return [c.firstName, c.patronymic, c.lastName].filter(Boolean).join(' ') || c.businessName || '';
}
