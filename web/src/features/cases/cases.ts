// Case queries and changes. Live updates (live.ts) keep them fresh; they poll slowly only while the
// live stream is down.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.ts';
import type { CasePage, CaseView, Me, TimelineEvent } from '../../api/types.ts';
import { FALLBACK_POLL_MS, useFallbackPoll } from './live.ts';
import { type CaseFilters, listParams, type QueueId, visibleQueues } from './queues.ts';

const PAGE = 50;

export function useCaseList(queue: QueueId, filters: CaseFilters) {
  const params = listParams(queue, filters);
  // rows carry names in the UI language: another language is another list
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: ['cases', queue, params, i18n.language],
    queryFn: ({ pageParam }) =>
      api<CasePage>(`/api/v1/cases${query({ ...params, limit: PAGE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: useFallbackPoll(),
    placeholderData: (previous) => previous,
  });
}

export type QueueCounts = Record<QueueId, number | null>;

/** Open cases per queue (GET /api/v1/cases/counts); a queue the user does not have is null. */
export function useQueueCounts(me: Me): Partial<Record<QueueId, number>> {
  const counts = useQuery({
    queryKey: ['counts'],
    queryFn: () => api<QueueCounts>('/api/v1/cases/counts'),
    // a case view listens to its own case only, so the counts beside it refresh slowly
    refetchInterval: FALLBACK_POLL_MS * 2,
  });
  const out: Partial<Record<QueueId, number>> = {};
  for (const queue of visibleQueues(me)) {
    const n = counts.data?.[queue];
    if (typeof n === 'number') out[queue] = n;
  }
  return out;
}

export function useCase(id: string) {
  return useQuery({
    queryKey: ['case', id],
    queryFn: () => api<CaseView>(`/api/v1/cases/${encodeURIComponent(id)}`),
    refetchInterval: useFallbackPoll(),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: ['timeline', id],
    queryFn: async () =>
      (await api<{ items: TimelineEvent[] }>(`/api/v1/cases/${encodeURIComponent(id)}/timeline`)).items,
    refetchInterval: useFallbackPoll(),
  });
}

/** After a change of ours: the answer's case view at once, then everything that may have moved. */
export function useAfterChange(id: string) {
  const client = useQueryClient();
  return async (view?: CaseView) => {
    if (view) client.setQueryData(['case', id], view);
    await Promise.all([
      ...['case', 'timeline', 'customer', 'offers', 'notifications'].map((key) =>
        client.invalidateQueries({ queryKey: [key, id] }),
      ),
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
