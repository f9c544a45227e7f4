// Case queries and changes. Lists poll every 20 s and a case every 15 s: live enough for a queue
// until the server pushes changes.
import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { CasePage, CaseView, Me, TimelineEvent } from '../../api/types.ts';
import { type CaseFilters, listParams, type QueueId, visibleQueues } from './queues.ts';

export const LIST_POLL_MS = 20_000;
export const CASE_POLL_MS = 15_000;
const PAGE = 50;
/** Queue counts stop at this many; the badge then reads "99+". */
export const COUNT_CAP = 99;

export function useCaseList(queue: QueueId, filters: CaseFilters) {
  const params = listParams(queue, filters);
  return useInfiniteQuery({
    queryKey: ['cases', queue, params],
    queryFn: ({ pageParam }) =>
      api<CasePage>(`/api/v1/cases${query({ ...params, limit: PAGE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: LIST_POLL_MS,
    placeholderData: (previous) => previous,
  });
}

// The API has no count endpoint yet: a capped first page tells "n" or "99+" per queue.
export function useQueueCounts(me: Me) {
  const queues = visibleQueues(me);
  const results = useQueries({
    queries: queues.map((queue) => ({
      queryKey: ['counts', queue],
      queryFn: () =>
        api<CasePage>(
          `/api/v1/cases${query({ ...listParams(queue, { status: 'open', type: '', priority: '', channel: '', q: '' }), limit: COUNT_CAP + 1 })}`,
        ),
      refetchInterval: 60_000,
    })),
  });
  return Object.fromEntries(
    queues.map((queue, i) => {
      const data = results[i]?.data;
      return [
        queue,
        data ? { count: Math.min(data.items.length, COUNT_CAP), more: data.items.length > COUNT_CAP } : null,
      ];
    }),
  ) as Partial<Record<QueueId, { count: number; more: boolean } | null>>;
}

export function useCase(id: string) {
  return useQuery({
    queryKey: ['case', id],
    queryFn: () => api<CaseView>(`/api/v1/cases/${encodeURIComponent(id)}`),
    refetchInterval: CASE_POLL_MS,
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: ['timeline', id],
    queryFn: async () =>
      (await api<{ items: TimelineEvent[] }>(`/api/v1/cases/${encodeURIComponent(id)}/timeline`)).items,
    refetchInterval: CASE_POLL_MS,
  });
}

function useAfterChange(id: string) {
  const client = useQueryClient();
  return async (view?: CaseView) => {
    if (view) client.setQueryData(['case', id], view);
    await Promise.all([
      client.invalidateQueries({ queryKey: ['case', id] }),
      client.invalidateQueries({ queryKey: ['timeline', id] }),
      client.invalidateQueries({ queryKey: ['cases'] }),
      client.invalidateQueries({ queryKey: ['counts'] }),
    ]);
  };
}

export interface ActionBody {
  reason?: string;
  department?: string;
  ownerId?: string;
  message?: string;
  mode?: 'written' | 'verbal';
  customerAgreedToVerbal?: boolean;
  steps?: string[];
  rejection?: string;
  duplicateOf?: string;
}

export function useCaseAction(id: string) {
  const after = useAfterChange(id);
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body: ActionBody }) =>
      api<CaseView>(`/api/v1/cases/${encodeURIComponent(id)}/actions/${action}`, {
        method: 'POST',
        body: { ...body },
      }),
    onSuccess: (view) => after(view),
  });
}

export function useAddNote(id: string) {
  const after = useAfterChange(id);
  return useMutation({
    mutationFn: (body: string) =>
      api<{ messageId: string }>(`/api/v1/cases/${encodeURIComponent(id)}/notes`, {
        method: 'POST',
        body: { body },
      }),
    onSuccess: () => after(),
  });
}

export function useAssign(id: string) {
  const after = useAfterChange(id);
  return useMutation({
    mutationFn: (body: { ownerId?: string; reason?: string }) =>
      api<CaseView>(`/api/v1/cases/${encodeURIComponent(id)}/assign`, { method: 'POST', body }),
    onSuccess: (view) => after(view),
  });
}

export function useUpload(id: string) {
  const after = useAfterChange(id);
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api(`/api/v1/cases/${encodeURIComponent(id)}/attachments`, { method: 'POST', body: form });
    },
    onSuccess: () => after(),
  });
}
