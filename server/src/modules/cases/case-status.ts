// The case lifecycle (ISO 10002 with the policies' extra states) as an explicit table.
// Pure: use-cases ask `nextStatus` and record the event; nothing else changes a status.

export const CASE_STATUSES = [
  'received',
  'acknowledged',
  'assessment',
  'investigation',
  'waiting_on_customer',
  'waiting_on_department',
  'response_communicated',
  'closed',
  'reopened',
  'under_review',
  'escalated_externally',
  'withdrawn',
  'rejected',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'acknowledge',
  'assess',
  'investigate',
  'request_information',
  'customer_replied',
  'transfer',
  'respond',
  'close',
  'reopen',
  'object',
  'escalate_externally',
  'withdraw',
  'reject',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** States in which someone still owes the customer something. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'received',
  'acknowledged',
  'assessment',
  'investigation',
  'waiting_on_customer',
  'waiting_on_department',
  'reopened',
  'under_review',
];

const WORKING: CaseStatus[] = [
  'received',
  'acknowledged',
  'assessment',
  'investigation',
  'waiting_on_department',
  'reopened',
  'under_review',
];

type Target = CaseStatus | 'resume';

/** from-status → action → to-status. Anything absent is refused. */
export const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: Target }> = {
  acknowledge: { from: ['received'], to: 'acknowledged' },
  assess: { from: ['received', 'acknowledged', 'reopened'], to: 'assessment' },
  investigate: {
    from: ['acknowledged', 'assessment', 'waiting_on_department', 'reopened', 'under_review'],
    to: 'investigation',
  },
  request_information: { from: WORKING, to: 'waiting_on_customer' },
  // the customer's answer returns the case to where it was before the question
  customer_replied: { from: ['waiting_on_customer'], to: 'resume' },
  transfer: { from: WORKING, to: 'waiting_on_department' },
  respond: { from: WORKING, to: 'response_communicated' },
  close: { from: ['response_communicated', 'rejected', 'withdrawn'], to: 'closed' },
  reopen: { from: ['response_communicated', 'closed'], to: 'reopened' },
  object: { from: ['response_communicated', 'closed'], to: 'under_review' },
  escalate_externally: {
    from: ['under_review', 'response_communicated', 'closed'],
    to: 'escalated_externally',
  },
  withdraw: { from: [...WORKING, 'waiting_on_customer'], to: 'withdrawn' },
  reject: { from: [...WORKING, 'waiting_on_customer'], to: 'rejected' },
};

export const REJECTION_REASONS = ['spam', 'duplicate', 'out_of_scope'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type TransitionResult = { ok: true; to: CaseStatus } | { ok: false; reason: 'invalid_transition' };

export function nextStatus(
  from: CaseStatus,
  action: CaseAction,
  resumeStatus?: CaseStatus | null,
): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) return { ok: false, reason: 'invalid_transition' };
  if (rule.to === 'resume') return { ok: true, to: resumeStatus ?? 'investigation' };
  return { ok: true, to: rule.to };
}

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** TM Forum TMF621 Trouble Ticket status for each case status (one to one onto its set). */
export const TMF621_STATUS: Record<CaseStatus, string> = {
  received: 'acknowledged',
  acknowledged: 'acknowledged',
  assessment: 'inProgress',
  investigation: 'inProgress',
  waiting_on_customer: 'pending',
  waiting_on_department: 'held',
  response_communicated: 'resolved',
  closed: 'closed',
  reopened: 'inProgress',
  under_review: 'inProgress',
  escalated_externally: 'held',
  withdrawn: 'cancelled',
  rejected: 'rejected',
};

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Assessment {
  /** 1 (low) – 3 (high) each */
  severity: 1 | 2 | 3;
  complexity: 1 | 2 | 3;
  impact: 1 | 2 | 3;
  urgency: 1 | 2 | 3;
  healthOrSafety: boolean;
}

/** ISO 10002 initial assessment → priority. Health or safety is always handled at once. */
export function priorityFromAssessment(a: Assessment): Priority {
  if (a.healthOrSafety) return 'urgent';
  const score = a.severity * 2 + a.impact * 2 + a.urgency * 2 + a.complexity;
  if (score >= 17) return 'urgent';
  if (score >= 13) return 'high';
  if (score >= 9) return 'normal';
  return 'low';
}
