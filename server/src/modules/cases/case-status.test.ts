import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  nextStatus,
  priorityFromAssessment,
  TMF621_STATUS,
  TRANSITIONS,
} from './case-status.ts';

describe('case lifecycle table', () => {
  it('follows the ISO 10002 path received → acknowledged → assessment → investigation → response → closed', () => {
    let s = nextStatus('received', 'acknowledge');
    expect(s).toEqual({ ok: true, to: 'acknowledged' });
    s = nextStatus('acknowledged', 'assess');
    expect(s).toEqual({ ok: true, to: 'assessment' });
    s = nextStatus('assessment', 'investigate');
    expect(s).toEqual({ ok: true, to: 'investigation' });
    s = nextStatus('investigation', 'respond');
    expect(s).toEqual({ ok: true, to: 'response_communicated' });
    expect(nextStatus('response_communicated', 'close')).toEqual({ ok: true, to: 'closed' });
  });

  it('refuses to close a case that has had no response', () => {
    for (const s of [
      'received',
      'acknowledged',
      'assessment',
      'investigation',
      'waiting_on_department',
    ] as const) {
      expect(nextStatus(s, 'close').ok).toBe(false);
    }
  });

  it('allows closing a case rejected as spam, duplicate or out of scope', () => {
    expect(nextStatus('rejected', 'close')).toEqual({ ok: true, to: 'closed' });
  });

  it('returns a case to where it was when the customer answers a question', () => {
    expect(nextStatus('waiting_on_customer', 'customer_replied', 'investigation')).toEqual({
      ok: true,
      to: 'investigation',
    });
    expect(nextStatus('waiting_on_customer', 'customer_replied', 'waiting_on_department')).toEqual({
      ok: true,
      to: 'waiting_on_department',
    });
  });

  it('only names real statuses in the table', () => {
    for (const action of CASE_ACTIONS) {
      for (const from of TRANSITIONS[action].from) expect(CASE_STATUSES).toContain(from);
    }
  });

  it('never lets a closed case be worked without reopening it first', () => {
    for (const action of ['transfer', 'respond', 'request_information', 'acknowledge'] as const) {
      expect(nextStatus('closed', action).ok).toBe(false);
    }
    expect(nextStatus('closed', 'reopen')).toEqual({ ok: true, to: 'reopened' });
  });

  it('maps every status onto a TMF621 trouble-ticket status', () => {
    const tmf = [
      'acknowledged',
      'inProgress',
      'pending',
      'held',
      'resolved',
      'closed',
      'cancelled',
      'rejected',
    ];
    for (const s of CASE_STATUSES) expect(tmf).toContain(TMF621_STATUS[s]);
    expect(new Set(Object.values(TMF621_STATUS))).toEqual(new Set(tmf));
  });
});

describe('initial assessment', () => {
  it('makes anything touching health or safety urgent at once', () => {
    expect(
      priorityFromAssessment({ severity: 1, complexity: 1, impact: 1, urgency: 1, healthOrSafety: true }),
    ).toBe('urgent');
  });
  it('scales priority with severity, impact and urgency', () => {
    expect(
      priorityFromAssessment({ severity: 1, complexity: 1, impact: 1, urgency: 1, healthOrSafety: false }),
    ).toBe('low');
    expect(
      priorityFromAssessment({ severity: 2, complexity: 2, impact: 2, urgency: 1, healthOrSafety: false }),
    ).toBe('normal');
    expect(
      priorityFromAssessment({ severity: 3, complexity: 1, impact: 2, urgency: 2, healthOrSafety: false }),
    ).toBe('high');
    expect(
      priorityFromAssessment({ severity: 3, complexity: 3, impact: 3, urgency: 3, healthOrSafety: false }),
    ).toBe('urgent');
  });
});
