// What an agent may do with a case now: the server's own transition table (pure, shared) and
// the permissions from /auth/me, so the buttons shown are the ones the server will accept.
import {
  CASE_STATUSES,
  type CaseAction,
  OPEN_STATUSES,
  PRIORITIES,
  REJECTION_REASONS,
  TRANSITIONS,
} from '../../../../server/src/modules/cases/case-status.ts';
import type { Me } from '../../api/types.ts';
import { can } from '../session/session.ts';

export { CASE_STATUSES, OPEN_STATUSES, PRIORITIES, REJECTION_REASONS };

export const CASE_TYPES = ['complaint', 'suggestion', 'inquiry', 'compliment'] as const;
export const CHANNELS = [
  'call_centre',
  'store',
  'web_form',
  'mobile_app',
  'chat',
  'email',
  'social',
  'messaging',
  'video',
  'letter',
] as const;

/** Lifecycle actions the workspace offers (others — assess, escalate… — come with later screens). */
export const WORKSPACE_ACTIONS = [
  'acknowledge',
  'request_information',
  'transfer',
  'respond',
  'close',
  'reject',
] as const;
export type WorkspaceAction = (typeof WORKSPACE_ACTIONS)[number];

const MANAGER_ACTIONS: readonly CaseAction[] = ['close', 'reject', 'reopen'];

export function canApply(me: Me, status: string, action: CaseAction): boolean {
  const needed = MANAGER_ACTIONS.includes(action) ? 'cases:close' : 'cases:work';
  return can(me, needed) && (TRANSITIONS[action].from as readonly string[]).includes(status);
}

export function availableActions(me: Me, status: string): WorkspaceAction[] {
  return WORKSPACE_ACTIONS.filter((a) => canApply(me, status, a));
}

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}
