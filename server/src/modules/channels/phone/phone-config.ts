// What a telephony (CTI) channel needs: the shared secret the PBX signs its event posts with, and
// the call-centre rules the call records are judged by. Pure.
import type { OrgContext } from '../../orgs/org.repository.ts';
import type { ConfigCheck } from '../channel-config.ts';

export interface OwnersLine {
  /** the dialled number (DID) of the line, compared in E.164 */
  did?: string;
  /** or the PBX queue the line's calls enter */
  queue?: string;
  /** code of the inbox (queue, department) its calls land in */
  inbox: string;
}

export interface PhoneConfig {
  eventSecret: string;
  holdLimit?: number;
  abandonThresholdSeconds?: number;
  ownersLine?: OwnersLine;
  /** PBX extension → the agent's e-mail, for events that name the agent by extension */
  extensions?: Record<string, string>;
}

export interface CallRules {
  /** more holds than this flags the call (R-QA-1); null: no limit */
  holdLimit: number | null;
  /** an abandoned call that waited longer than this counts as unanswered (R-QA-2) */
  abandonThresholdSeconds: number;
}

/** HRDF: "no more than three holds per call"; the other policies set no limit. */
const DEFAULT_HOLD_LIMIT: Record<string, number> = { HR: 3 };
/** Callers who give up within this many seconds are not counted against the centre. */
export const DEFAULT_ABANDON_THRESHOLD_SECONDS = 20;

const KEYS = new Set(['eventSecret', 'holdLimit', 'abandonThresholdSeconds', 'ownersLine', 'extensions']);
const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isInt = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isText = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

export const checkPhoneConfig: ConfigCheck = (c) => {
  const problems: string[] = [];
  for (const k of Object.keys(c)) if (!KEYS.has(k)) problems.push(`unknown setting ${k}`);
  if (typeof c.eventSecret !== 'string' || c.eventSecret.length < 24 || c.eventSecret.length > 200)
    problems.push('eventSecret must be 24 to 200 characters long');
  if (c.holdLimit !== undefined && !isInt(c.holdLimit, 0, 50))
    problems.push('holdLimit must be a whole number from 0 to 50');
  if (c.abandonThresholdSeconds !== undefined && !isInt(c.abandonThresholdSeconds, 0, 3600))
    problems.push('abandonThresholdSeconds must be a whole number of seconds from 0 to 3600');
  if (c.ownersLine !== undefined) {
    const o = c.ownersLine as Record<string, unknown> | null;
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      problems.push('ownersLine must be an object { did?, queue?, inbox }');
    } else {
      if (typeof o.inbox !== 'string' || !CODE.test(o.inbox))
        problems.push('ownersLine.inbox must be the code of an inbox');
      if (o.did === undefined && o.queue === undefined)
        problems.push('ownersLine needs the line number (did) or the PBX queue (queue)');
      if (o.did !== undefined && !isText(o.did, 40)) problems.push('ownersLine.did must be a phone number');
      if (o.queue !== undefined && !isText(o.queue, 200))
        problems.push('ownersLine.queue must be a queue name');
      for (const k of Object.keys(o))
        if (!['did', 'queue', 'inbox'].includes(k)) problems.push(`unknown setting ownersLine.${k}`);
    }
  }
  if (c.extensions !== undefined) {
    const x = c.extensions as Record<string, unknown> | null;
    if (!x || typeof x !== 'object' || Array.isArray(x)) {
      problems.push('extensions must map extension numbers to agent e-mail addresses');
    } else {
      for (const [ext, email] of Object.entries(x)) {
        if (typeof email !== 'string' || !EMAIL.test(email) || ext.length > 40)
          problems.push(`extensions.${ext} must be an agent's e-mail address`);
      }
    }
  }
  return problems;
};

export function callRules(org: OrgContext, config: PhoneConfig): CallRules {
  return {
    holdLimit: config.holdLimit ?? DEFAULT_HOLD_LIMIT[org.settings.policyId ?? ''] ?? null,
    abandonThresholdSeconds: config.abandonThresholdSeconds ?? DEFAULT_ABANDON_THRESHOLD_SECONDS,
  };
}
