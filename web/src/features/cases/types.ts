// Answers of the agent-workspace endpoints that the shared api/types.ts does not describe
// (server: identity.routes.ts, offers.routes.ts, notifications.routes.ts, org.routes.ts).
import type { LocalizedText } from '../../api/types.ts';

/** GET /api/v1/cases/{id}/customer: masked until the caller's identity is checked (R-REC-3). */
export interface CustomerDetails {
  id: string;
  kind: string;
  segment: string;
  verified: boolean;
  identityCheckRequired: boolean;
  verifiedUntil: string | null;
  firstName: string | null;
  lastName: string | null;
  patronymic: string | null;
  businessName: string | null;
  phones: string[];
  emails: string[];
  nationalId: string | null;
  accountId: string | null;
}

export interface Offer {
  id: string;
  kind: 'alternative' | 'compensation';
  description: string;
  amount: number | null;
  currency: string | null;
  reason: string;
  offeredAt: string;
  answer: 'accepted' | 'declined' | null;
  answerNote: string | null;
  answeredAt: string | null;
}

/** What the customer was sent about a case (GET /api/v1/cases/{id}/notifications). */
export interface CaseNotification {
  id: string;
  event: string;
  channel: string;
  status: 'pending' | 'sent' | 'failed' | string;
  subject: string | null;
  body: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** One field of the organisation's approved case form, with where it goes in the request body. */
export interface FormField {
  key: string;
  path: string;
  required: boolean;
  label: LocalizedText;
  maxLength?: number;
  options?: { value: string; label: LocalizedText }[];
}

export interface TemplateItem {
  event: string;
  channel: 'sms' | 'email';
  locale: string;
  subject?: string;
  body: string;
}
