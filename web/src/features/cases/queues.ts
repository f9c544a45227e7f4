// The agent's queues. The API knows "mine", "department" and "all"; "unassigned" is shown as the
// cases nobody has picked up yet (status received), since every case always has an accountable
// owner (R-FLOW-2) and the API has no unowned cases to list.
import type { Me } from '../../api/types.ts';
import { can } from '../session/session.ts';
import { OPEN_STATUSES } from './lifecycle.ts';

export const QUEUE_IDS = ['mine', 'department', 'unassigned', 'all'] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

export function isQueueId(v: unknown): v is QueueId {
  return (QUEUE_IDS as readonly unknown[]).includes(v);
}

export function visibleQueues(me: Me): QueueId[] {
  return QUEUE_IDS.filter((q) => {
    if (q === 'department') return Boolean(me.user.department_id);
    if (q === 'all') return can(me, 'cases:read:org');
    return true;
  });
}

export interface CaseFilters {
  /** 'open' (default), 'any', or one status */
  status: string;
  type: string;
  priority: string;
  channel: string;
  q: string;
}

export const NO_FILTERS: CaseFilters = { status: 'open', type: '', priority: '', channel: '', q: '' };

/** Query parameters of GET /api/v1/cases for a queue and filters. */
export function listParams(queue: QueueId, f: CaseFilters): Record<string, string | undefined> {
  const statuses = queue === 'unassigned' ? 'received' : statusParam(f.status);
  return {
    queue: queue === 'mine' || queue === 'department' ? queue : undefined,
    status: statuses,
    type: f.type || undefined,
    priority: f.priority || undefined,
    channel: f.channel || undefined,
    q: f.q.trim() || undefined,
  };
}

function statusParam(status: string): string | undefined {
  if (status === 'any') return undefined;
  if (!status || status === 'open') return OPEN_STATUSES.join(',');
  return status;
}
