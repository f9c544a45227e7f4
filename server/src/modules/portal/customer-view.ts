// What the customer may see of a case (R-FLOW-6): a customer-facing status and the stages of the
// timeline that concern them. Pure: timeline rows in, customer events out. Internal notes,
// transfers, owners and staff names never leave this filter.
import type { CaseStatus } from '../cases/case-status.ts';

export const CUSTOMER_STATUSES = [
  'received',
  'in_progress',
  'awaiting_your_reply',
  'answered',
  'closed',
  'under_review',
  'escalated',
  'withdrawn',
  'rejected',
] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** Internal statuses the customer need not tell apart (assessment, transfer, …) read "in progress". */
export const CUSTOMER_STATUS: Record<CaseStatus, CustomerStatus> = {
  received: 'received',
  acknowledged: 'in_progress',
  assessment: 'in_progress',
  investigation: 'in_progress',
  waiting_on_customer: 'awaiting_your_reply',
  waiting_on_department: 'in_progress',
  response_communicated: 'answered',
  closed: 'closed',
  reopened: 'in_progress',
  under_review: 'under_review',
  escalated_externally: 'escalated',
  withdrawn: 'withdrawn',
  rejected: 'rejected',
};

export const CUSTOMER_EVENTS = [
  'registered',
  'acknowledged',
  'information_requested',
  'customer_replied',
  'responded',
  'extended',
  'closed',
] as const;
export type CustomerEventType = (typeof CUSTOMER_EVENTS)[number];

/** Timeline event type → what the customer sees; anything not listed is internal. */
const VISIBLE: Record<string, CustomerEventType> = {
  registered: 'registered',
  acknowledged: 'acknowledged',
  information_requested: 'information_requested',
  customer_replied: 'customer_replied',
  responded: 'responded',
  sla_extended: 'extended',
  closed: 'closed',
};

export interface TimelineRow {
  seq: number;
  type: string;
  at: Date;
  reason: string | null;
  data: unknown;
}

export interface CustomerEvent {
  type: CustomerEventType;
  at: string;
  /** information_requested: the question asked */
  question?: string;
  /** customer_replied: the customer's own words */
  message?: string;
  /** responded: the answer and the steps taken */
  answer?: string;
  steps?: string[];
  /** extended: the new expected date and why */
  newDueAt?: string;
  reason?: string;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

export function customerHistory(rows: readonly TimelineRow[]): CustomerEvent[] {
  const out: CustomerEvent[] = [];
  for (const r of [...rows].sort((a, b) => a.seq - b.seq)) {
    const type = VISIBLE[r.type];
    if (!type) continue;
    const d = (r.data ?? {}) as Record<string, unknown>;
    const e: CustomerEvent = { type, at: r.at.toISOString() };
    switch (type) {
      case 'information_requested':
        e.question = text(d.message) ?? '';
        break;
      case 'customer_replied':
        e.message = text(d.message) ?? '';
        break;
      case 'responded': {
        // a case resolved on the spot keeps the answer as `response`, an action as `message`
        e.answer = text(d.message) ?? text(d.response) ?? '';
        const steps = Array.isArray(d.steps) ? d.steps.filter((s): s is string => Boolean(text(s))) : [];
        if (steps.length) e.steps = steps;
        break;
      }
      case 'extended':
        if (text(d.toDueAt)) e.newDueAt = d.toDueAt as string;
        if (r.reason) e.reason = r.reason;
        break;
      default:
        break;
    }
    out.push(e);
  }
  return out;
}

/** The question still waiting for the customer, when the case waits on them. */
export function pendingQuestion(status: CaseStatus, history: readonly CustomerEvent[]): string | null {
  if (status !== 'waiting_on_customer') return null;
  const asked = history.findLast((e) => e.type === 'information_requested');
  return asked?.question ?? null;
}

/** The latest answer communicated (a reopened case may have been answered twice). */
export function finalAnswer(
  history: readonly CustomerEvent[],
): { text: string; at: string; steps: string[] } | null {
  const r = history.findLast((e) => e.type === 'responded');
  return r ? { text: r.answer ?? '', at: r.at, steps: r.steps ?? [] } : null;
}
