import { describe, expect, it } from 'vitest';
import { matchPolicy, parseSlaPolicy, type SlaPolicy, slaEffect, stagesFor } from './sla-policy.ts';

const base: SlaPolicy = {
  code: 'standard',
  name: { en: 'Standard' },
  caseType: null,
  priority: null,
  segment: null,
  channel: null,
  position: 100,
  targets: { resolution: { amount: 10, unit: 'business_days' } },
  warnAtPercent: 75,
  managerAfter: null,
  active: true,
};
const attrs = { type: 'complaint', priority: 'normal', segment: 'individual', channel: 'call_centre' };

describe('choosing an SLA policy', () => {
  const complaints = { ...base, code: 'complaints', caseType: 'complaint' };
  const urgent = { ...base, code: 'urgent', priority: 'urgent' };
  const owners = { ...base, code: 'owners', segment: 'business_owner', caseType: 'complaint' };

  it('prefers the most specific matching policy', () => {
    expect(matchPolicy([base, complaints, urgent], attrs)?.code).toBe('complaints');
    expect(matchPolicy([base, complaints, owners], { ...attrs, segment: 'business_owner' })?.code).toBe(
      'owners',
    );
    expect(matchPolicy([base, complaints, urgent], { ...attrs, type: 'suggestion' })?.code).toBe('standard');
  });

  it('breaks ties by position and ignores retired policies', () => {
    const a = { ...complaints, code: 'a', position: 20 };
    const b = { ...urgent, code: 'b', position: 10 };
    expect(matchPolicy([a, b], { ...attrs, priority: 'urgent' })?.code).toBe('b');
    expect(matchPolicy([{ ...b, active: false }, a], { ...attrs, priority: 'urgent' })?.code).toBe('a');
    expect(matchPolicy([complaints], { ...attrs, type: 'inquiry' })).toBeNull();
  });

  it('runs a first-response target only on live channels', () => {
    const targets = {
      first_response: { amount: 1, unit: 'business_hours' as const },
      resolution: { amount: 5, unit: 'business_days' as const },
    };
    expect(stagesFor(targets, 'chat').map(([s]) => s)).toEqual(['first_response', 'resolution']);
    expect(stagesFor(targets, 'web_form').map(([s]) => s)).toEqual(['resolution']);
  });
});

describe('what lifecycle actions do to the clocks', () => {
  it('pauses on a question to the customer, resumes on the answer, stops on withdrawal', () => {
    expect(slaEffect('request_information')).toMatchObject({ pause: true });
    expect(slaEffect('customer_replied')).toMatchObject({ resume: true });
    expect(slaEffect('respond').meet).toContain('resolution');
    expect(slaEffect('reopen')).toMatchObject({ reopen: true });
    expect(slaEffect('withdraw')).toMatchObject({ stop: true });
    expect(slaEffect('transfer')).toEqual({ meet: [] });
  });
});

describe('validating an SLA policy', () => {
  const known = {
    caseTypes: ['complaint', 'suggestion'],
    priorities: ['low', 'normal', 'high', 'urgent'],
    segments: ['individual', 'business_owner'],
    channels: ['chat', 'call_centre'],
  };

  it('accepts a complete policy and fills defaults', () => {
    const r = parseSlaPolicy(
      {
        code: 'kh',
        name: { az: 'Şikayətlər' },
        caseType: 'complaint',
        targets: { acknowledge: { amount: 3, unit: 'business_days' } },
      },
      known,
    );
    expect(r).toMatchObject({
      ok: true,
      value: { warnAtPercent: 75, position: 100, active: true, priority: null },
    });
  });

  it('reports every problem with its field', () => {
    const r = parseSlaPolicy(
      {
        code: 'Bad Code',
        name: {},
        channel: 'fax',
        targets: {
          resolve: { amount: 1, unit: 'business_days' },
          resolution: { amount: 1.5, unit: 'business_days' },
        },
        warnAtPercent: 100,
      },
      known,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.field}:${e.reason}`).sort()).toEqual(
      [
        'channel:invalid_value',
        'code:invalid_value',
        'name:required',
        'targets.resolution.amount:out_of_range',
        'targets.resolve:unknown_field',
        'warnAtPercent:out_of_range',
      ].sort(),
    );
  });
});
