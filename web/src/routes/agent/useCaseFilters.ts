// Queue filters live in the address (?status=&type=&priority=&channel=&q=) so a filtered queue
// can be reloaded, bookmarked and shared.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type CaseFilters, NO_FILTERS } from '../../features/cases/queues.ts';

const KEYS = ['status', 'type', 'priority', 'channel', 'q'] as const;

export function useCaseFilters(): [CaseFilters, (patch: Partial<CaseFilters>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<CaseFilters>(
    () => ({
      status: params.get('status') || NO_FILTERS.status,
      type: params.get('type') ?? '',
      priority: params.get('priority') ?? '',
      channel: params.get('channel') ?? '',
      q: params.get('q') ?? '',
    }),
    [params],
  );
  const update = useCallback(
    (patch: Partial<CaseFilters>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const key of KEYS) {
            if (!(key in patch)) continue;
            const value = patch[key] ?? '';
            if (!value || (key === 'status' && value === NO_FILTERS.status)) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => update({ ...NO_FILTERS }), [update]);
  return [filters, update, clear];
}

export function hasFilters(f: CaseFilters): boolean {
  return f.status !== NO_FILTERS.status || Boolean(f.type || f.priority || f.channel || f.q.trim());
}
