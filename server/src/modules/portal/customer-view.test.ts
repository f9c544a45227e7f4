import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../cases/case-status.ts';
import {
  CUSTOMER_STATUS,
  CUSTOMER_STATUSES,
  customerHistory,
  finalAnswer,
  pendingQuestion,
  type TimelineRow,
} from './customer-view.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 9, minute));
const row = (seq: number, type: string, data: object = {}, reason: string | null = null): TimelineRow => ({
  seq,
  type,
  at: at(seq),
  reason,
  data,
});

describe('customer-facing status', () => {
  it('gives every lifecycle status a customer wording', () => {
    for (const s of CASE_STATUSES) expect(CUSTOMER_STATUSES).toContain(CUSTOMER_STATUS[s]);
  });

  it('tells the customer only what concerns them: waiting on them, answered, closed', () => {
    expect(CUSTOMER_STATUS.waiting_on_customer).toBe('awaiting_your_reply');
    expect(CUSTOMER_STATUS.waiting_on_department).toBe('in_progress');
    expect(CUSTOMER_STATUS.assessment).toBe('in_progress');
    expect(CUSTOMER_STATUS.response_communicated).toBe('answered');
  });
});

describe('customer history', () => {
  const timeline = [
    row(3, 'note_added', { body: 'internal: difficult customer' }),
    row(1, 'registered', { channel: 'web_form', ownerId: 'u1' }),
    row(2, 'acknowledged'),
    row(4, 'transferred', { toDepartmentId: 'd2' }, 'needs billing'),
    row(5, 'information_requested', { message: 'Which line?' }),
    row(6, 'customer_replied', { message: '0791234567' }),
    row(7, 'sla_extended', { toDueAt: '2030-01-15T14:00:00.000Z' }, 'Waiting for the supplier'),
    row(8, 'responded', { message: 'Refunded.', steps: ['Checked the bill', ' '] }),
    row(9, 'closed'),
  ];

  it('keeps the customer stages in order and drops notes and transfers', () => {
    const h = customerHistory(timeline);
    expect(h.map((e) => e.type)).toEqual([
      'registered',
      'acknowledged',
      'information_requested',
      'customer_replied',
      'extended',
      'responded',
      'closed',
    ]);
    expect(JSON.stringify(h)).not.toContain('internal');
    expect(JSON.stringify(h)).not.toContain('needs billing');
    expect(JSON.stringify(h)).not.toContain('u1');
  });

  it('carries the question, the reply, the new date with its reason, and the answer with its steps', () => {
    const h = customerHistory(timeline);
    expect(h[2]).toEqual({ type: 'information_requested', at: at(5).toISOString(), question: 'Which line?' });
    expect(h[3]).toMatchObject({ message: '0791234567' });
    expect(h[4]).toMatchObject({ newDueAt: '2030-01-15T14:00:00.000Z', reason: 'Waiting for the supplier' });
    expect(h[5]).toMatchObject({ answer: 'Refunded.', steps: ['Checked the bill'] });
  });

  it('reads the answer of a case resolved on the spot', () => {
    const h = customerHistory([row(1, 'registered'), row(2, 'responded', { response: 'Done at once.' })]);
    expect(finalAnswer(h)).toEqual({ text: 'Done at once.', at: at(2).toISOString(), steps: [] });
  });

  it('gives the latest answer when a reopened case was answered twice', () => {
    const h = customerHistory([
      row(1, 'responded', { message: 'First' }),
      row(2, 'reopened'),
      row(3, 'responded', { message: 'Second' }),
    ]);
    expect(finalAnswer(h)?.text).toBe('Second');
    expect(finalAnswer(customerHistory([row(1, 'registered')]))).toBeNull();
  });

  it('shows a pending question only while the case waits on the customer', () => {
    const h = customerHistory([
      row(1, 'information_requested', { message: 'Old?' }),
      row(2, 'customer_replied', { message: 'Yes' }),
      row(3, 'information_requested', { message: 'New?' }),
    ]);
    expect(pendingQuestion('waiting_on_customer', h)).toBe('New?');
    expect(pendingQuestion('investigation', h)).toBeNull();
  });
});
