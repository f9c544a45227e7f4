// Live updates: the server pushes "this case changed" notices as server-sent events
// (GET /api/v1/live, `event: case`, data {caseId, type, status}); each notice marks the cached
// case, its timeline and the queues stale, and React Query refetches what is on screen. One
// stream per tab at a time. While the stream is down, queries fall back to a slow poll.
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';

export type LiveState = 'connecting' | 'live' | 'down';

/** The slow poll used only while the stream is down. */
export const FALLBACK_POLL_MS = 30_000;
/** A refused stream (server without live updates, a proxy that cut it) is tried again this often. */
const RETRY_MS = 60_000;
/** Many notices in a burst refresh the lists once: a busy queue should not refetch per event. */
const LIST_REFRESH_MS = 1_500;

let state: LiveState = 'connecting';
const listeners = new Set<() => void>();
/** A refused stream is not asked for again before this time, whichever page asks. */
let refusedUntil = 0;

function setState(next: LiveState) {
  if (next === state) return;
  state = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(subscribe, () => state);
}

/** refetchInterval for queries that live updates keep fresh: none while live, slow otherwise. */
export function useFallbackPoll(): number | false {
  return useLiveState() === 'down' ? FALLBACK_POLL_MS : false;
}

export interface CaseNotice {
  caseId: string;
  type: string;
  status: string | null;
}

function parse(data: string): CaseNotice | null {
  try {
    const n = JSON.parse(data) as Partial<CaseNotice>;
    return typeof n.caseId === 'string' && typeof n.type === 'string'
      ? { caseId: n.caseId, type: n.type, status: n.status ?? null }
      : null;
  } catch {
    return null;
  }
}

/** Everything the workspace caches about one case. */
export function invalidateCase(client: QueryClient, caseId: string) {
  for (const key of ['case', 'timeline', 'customer', 'offers', 'notifications'])
    void client.invalidateQueries({ queryKey: [key, caseId] });
}

function invalidateLists(client: QueryClient) {
  void client.invalidateQueries({ queryKey: ['cases'] });
  void client.invalidateQueries({ queryKey: ['counts'] });
}

/**
 * Keeps one stream open while mounted. `caseIds` limits it to those cases (a case view); null
 * listens to every case the user may see (a queue, whose counts move with any case).
 */
export function useLiveUpdates(caseIds: string[] | null) {
  const client = useQueryClient();
  const filter = caseIds ? [...caseIds].sort().join(',') : null;
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let listTimer: ReturnType<typeof setTimeout> | undefined;
    let missed = false;
    const refreshLists = () => {
      listTimer ??= setTimeout(() => {
        listTimer = undefined;
        invalidateLists(client);
      }, LIST_REFRESH_MS);
    };
    const open = () => {
      const wait = refusedUntil - Date.now();
      if (wait > 0) {
        setState('down');
        missed = true;
        retry = setTimeout(open, wait);
        return;
      }
      const url = filter === null ? '/api/v1/live' : `/api/v1/live?cases=${encodeURIComponent(filter)}`;
      source = new EventSource(url);
      source.onopen = () => {
        setState('live');
        // notices sent while the stream was down are lost: catch up once
        if (missed) {
          missed = false;
          if (filter === null) invalidateLists(client);
          for (const id of filter?.split(',') ?? []) invalidateCase(client, id);
        }
      };
      source.addEventListener('case', (event) => {
        const notice = parse((event as MessageEvent<string>).data);
        if (!notice) return;
        invalidateCase(client, notice.caseId);
        refreshLists();
      });
      source.onerror = () => {
        setState('down');
        missed = true;
        // a dropped stream is reopened by the browser itself; a refused one is closed for good
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          refusedUntil = Date.now() + RETRY_MS;
          retry = setTimeout(open, RETRY_MS);
        }
      };
    };
    open();
    return () => {
      source?.close();
      clearTimeout(retry);
      clearTimeout(listTimer);
      setState('connecting');
    };
  }, [client, filter]);
}
