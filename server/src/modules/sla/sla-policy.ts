// SLA policies (SPEC R-SLA-2): staged targets chosen by org × case type × priority × segment ×
// channel. Pure: parsing, matching and which lifecycle actions meet which stage.
import type { FieldError } from '../../platform/errors.ts';
import { LOCALES, type LocalizedText } from '../../platform/i18n/locales.ts';
import type { CaseAction } from '../cases/case-status.ts';

export const SLA_STAGES = ['acknowledge', 'first_response', 'investigation', 'resolution'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];
export const SLA_UNITS = ['business_hours', 'business_days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export interface SlaTarget {
  amount: number;
  unit: SlaUnit;
}
export type SlaTargets = Partial<Record<SlaStage, SlaTarget>>;

export interface SlaPolicy {
  code: string;
  name: LocalizedText;
  caseType: string | null;
  priority: string | null;
  segment: string | null;
  channel: string | null;
  position: number;
  targets: SlaTargets;
  warnAtPercent: number;
  /** After a breach, the supervisor has this long before the manager is alerted. */
  managerAfter: SlaTarget | null;
  active: boolean;
}

export interface CaseSlaAttributes {
  type: string;
  priority: string;
  segment: string;
  channel: string;
}

/**
 * Channels where the customer writes and waits for a person's first reply: only these get a
 * first-response target. (A call or video call is answered live: the answer is the response.)
 */
export const LIVE_CHANNELS: readonly string[] = ['chat', 'messaging', 'social'];

const CONDITIONS = ['caseType', 'priority', 'segment', 'channel'] as const;
const ATTRIBUTE: Record<(typeof CONDITIONS)[number], keyof CaseSlaAttributes> = {
  caseType: 'type',
  priority: 'priority',
  segment: 'segment',
  channel: 'channel',
};

/** The most specific active policy whose conditions all hold; ties go to the lower position. */
export function matchPolicy<P extends SlaPolicy>(policies: readonly P[], c: CaseSlaAttributes): P | null {
  let best: P | null = null;
  let bestScore = -1;
  for (const p of policies) {
    if (!p.active) continue;
    let score = 0;
    let ok = true;
    for (const k of CONDITIONS) {
      const want = p[k];
      if (want === null) continue;
      if (want !== c[ATTRIBUTE[k]]) {
        ok = false;
        break;
      }
      score++;
    }
    if (!ok) continue;
    if (
      score > bestScore ||
      (score === bestScore &&
        best &&
        (p.position < best.position || (p.position === best.position && p.code < best.code)))
    ) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** Stages that a case of this channel actually runs (first response only on live channels). */
export function stagesFor(targets: SlaTargets, channel: string): [SlaStage, SlaTarget][] {
  return SLA_STAGES.flatMap((stage) => {
    const t = targets[stage];
    if (!t) return [];
    if (stage === 'first_response' && !LIVE_CHANNELS.includes(channel)) return [];
    return [[stage, t] as [SlaStage, SlaTarget]];
  });
}

/** What a lifecycle action does to the running clocks. */
export interface SlaEffect {
  meet: SlaStage[];
  pause?: boolean;
  resume?: boolean;
  /** the case was answered and is open again: resume the resolution clock */
  reopen?: boolean;
  /** no one owes the customer anything any more: stop every clock without meeting it */
  stop?: boolean;
}

export function slaEffect(action: CaseAction): SlaEffect {
  switch (action) {
    case 'acknowledge':
      return { meet: ['acknowledge'] };
    case 'assess':
    case 'investigate':
      // KH: the complaint is reviewed within 3 business days of registration.
      return { meet: ['acknowledge', 'investigation'] };
    case 'request_information':
      return { meet: ['acknowledge', 'first_response'], pause: true };
    case 'customer_replied':
      return { meet: [], resume: true };
    case 'respond':
      return { meet: ['acknowledge', 'first_response', 'investigation', 'resolution'] };
    case 'reopen':
    case 'object':
      return { meet: [], reopen: true };
    case 'withdraw':
    case 'reject':
      return { meet: [], stop: true };
    default:
      return { meet: [] };
  }
}

const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function parseTarget(v: unknown, field: string, errors: FieldError[]): SlaTarget | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || Array.isArray(v)) {
    errors.push({ field, reason: 'invalid_value' });
    return null;
  }
  const { amount, unit } = v as Record<string, unknown>;
  if (!(SLA_UNITS as readonly unknown[]).includes(unit)) {
    errors.push({ field: `${field}.unit`, reason: 'invalid_value' });
    return null;
  }
  const whole = unit === 'business_days';
  if (
    typeof amount !== 'number' ||
    !Number.isFinite(amount) ||
    amount <= 0 ||
    amount > (whole ? 366 : 8784) ||
    (whole && !Number.isInteger(amount))
  ) {
    errors.push({
      field: `${field}.amount`,
      reason: 'out_of_range',
      params: { min: whole ? 1 : 0.01, max: whole ? 366 : 8784 },
    });
    return null;
  }
  return { amount, unit: unit as SlaUnit };
}

/** Validates an SLA policy as the admin API receives it; every problem is reported. */
export function parseSlaPolicy(
  json: unknown,
  known: {
    caseTypes: readonly string[];
    priorities: readonly string[];
    segments: readonly string[];
    channels: readonly string[];
  },
): { ok: true; value: SlaPolicy } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const o = (json ?? {}) as Record<string, unknown>;
  const code = o.code;
  if (typeof code !== 'string' || !CODE.test(code)) errors.push({ field: 'code', reason: 'invalid_value' });
  const name: LocalizedText = {};
  if (typeof o.name !== 'object' || o.name === null) errors.push({ field: 'name', reason: 'required' });
  else {
    for (const [lang, text] of Object.entries(o.name as Record<string, unknown>)) {
      if (!(LOCALES as readonly string[]).includes(lang) || typeof text !== 'string' || !text.trim()) {
        errors.push({ field: `name.${lang}`, reason: 'invalid_value' });
      } else name[lang as keyof LocalizedText] = text.trim();
    }
    if (Object.keys(name).length === 0 && !errors.some((e) => e.field.startsWith('name'))) {
      errors.push({ field: 'name', reason: 'required' });
    }
  }
  const condition = (key: string, allowed: readonly string[]): string | null => {
    const v = o[key];
    if (v === null || v === undefined || v === '') return null;
    if (typeof v !== 'string' || !allowed.includes(v)) {
      errors.push({ field: key, reason: 'invalid_value' });
      return null;
    }
    return v;
  };
  const caseType = condition('caseType', known.caseTypes);
  const priority = condition('priority', known.priorities);
  const segment = condition('segment', known.segments);
  const channel = condition('channel', known.channels);
  const targets: SlaTargets = {};
  const rawTargets = o.targets;
  if (typeof rawTargets !== 'object' || rawTargets === null || Array.isArray(rawTargets)) {
    errors.push({ field: 'targets', reason: 'required' });
  } else {
    for (const key of Object.keys(rawTargets)) {
      if (!(SLA_STAGES as readonly string[]).includes(key))
        errors.push({ field: `targets.${key}`, reason: 'unknown_field' });
    }
    for (const stage of SLA_STAGES) {
      const t = parseTarget((rawTargets as Record<string, unknown>)[stage], `targets.${stage}`, errors);
      if (t) targets[stage] = t;
    }
    if (Object.keys(targets).length === 0 && !errors.some((e) => e.field.startsWith('targets'))) {
      errors.push({ field: 'targets', reason: 'required' });
    }
  }
  const warn = o.warnAtPercent ?? 75;
  if (typeof warn !== 'number' || !Number.isInteger(warn) || warn < 1 || warn > 99) {
    errors.push({ field: 'warnAtPercent', reason: 'out_of_range', params: { min: 1, max: 99 } });
  }
  const position = o.position ?? 100;
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > 10_000) {
    errors.push({ field: 'position', reason: 'out_of_range', params: { min: 0, max: 10_000 } });
  }
  const managerAfter = parseTarget(o.managerAfter, 'managerAfter', errors);
  if (o.active !== undefined && typeof o.active !== 'boolean')
    errors.push({ field: 'active', reason: 'invalid_value' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      code: code as string,
      name,
      caseType,
      priority,
      segment,
      channel,
      position: position as number,
      targets,
      warnAtPercent: warn as number,
      managerAfter,
      active: o.active !== false,
    },
  };
}
