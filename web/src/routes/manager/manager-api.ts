// The manager's data: the report endpoints (JSON for the charts, the same URL with format=csv|xlsx
// for the files), whole case lists for the follow-up board, and the bulk close / transfer.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.ts';
import type { CaseListItem, CasePage } from '../../api/types.ts';

type Params = Record<string, string | undefined>;

export interface VolumeRow {
  /** a period key (YYYY-MM-DD), an id (category, service, department) or a code (channel…) */
  group: string | null;
  name: string | null;
  registered: number;
  complaints: number;
  firstContactResolved: number;
  fcrRate: number | null;
  answered: number;
  open: number;
}
export interface VolumeReport {
  by: string;
  rows: VolumeRow[];
}

export interface BacklogRow {
  departmentId: string;
  department: string;
  total: number;
  ages: Record<string, number>;
  breached: number;
  oldestAt: string | null;
}
export interface BacklogReport {
  buckets: string[];
  rows: BacklogRow[];
}

export interface TeamRow {
  userId: string;
  name: string;
  role: string;
  department: string | null;
  open: number;
  waitingOnCustomer: number;
  breached: number;
  oldestAt: string | null;
}

export interface SlaRow {
  period: string | null;
  stage: string;
  metOnTime: number;
  metLate: number;
  breached: number;
  extended: number;
  warned: number;
  compliance: number | null;
}

export interface CsatCounts {
  sent: number;
  count: number;
  responseRate: number | null;
  meanRating: number | null;
  satisfied: number | null;
}
export interface CsatRow extends CsatCounts {
  group: string | null;
  name: string | null;
}
export interface CsatReport {
  items: CsatRow[];
  total: CsatCounts;
}

export const REPORT_POLL_MS = 60_000;

export function useReport<T>(path: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: ['report', path, params],
    queryFn: () => api<T>(`${path}${query(params)}`),
    enabled,
    refetchInterval: REPORT_POLL_MS,
    placeholderData: keepPreviousData,
  });
}

/** The file download of a report: the same query with format=csv|xlsx (the session cookie goes along). */
export function exportHref(path: string, params: Params, format: 'csv' | 'xlsx'): string {
  return `${path}${query({ ...params, format })}`;
}

/**
 * Every case matching the filters. The list API pages newest first; the board wants the oldest
 * first, so it reads to the end (capped) and sorts here.
 */
const PAGE = 200;
export const BOARD_CAP = 2000;
export const BOARD_POLL_MS = 30_000;

export interface AllCases {
  items: CaseListItem[];
  /** more cases matched than BOARD_CAP */
  capped: boolean;
}

export function useAllCases(key: string, params: Params[], enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({
    // rows carry names in the UI language: another language is another list
    queryKey: ['manager', 'board', key, params, i18n.language],
    queryFn: async (): Promise<AllCases> => {
      const items: CaseListItem[] = [];
      let capped = false;
      for (const p of params) {
        let cursor: string | undefined;
        do {
          const page = await api<CasePage>(`/api/v1/cases${query({ ...p, limit: PAGE, cursor })}`);
          items.push(...page.items);
          cursor = page.nextCursor ?? undefined;
          if (items.length >= BOARD_CAP && cursor) {
            capped = true;
            cursor = undefined;
          }
        } while (cursor);
      }
      items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      return { items, capped };
    },
    enabled,
    refetchInterval: BOARD_POLL_MS,
  });
}

export type BulkAction = 'close' | 'transfer';
export type BulkResult = { id: string; ok: true; status: string } | { id: string; ok: false; code: string };

export function useBulkAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[]; action: BulkAction; department?: string; reason?: string }) =>
      api<{ results: BulkResult[] }>('/api/v1/cases/bulk', { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['manager'] }),
        client.invalidateQueries({ queryKey: ['report'] }),
        client.invalidateQueries({ queryKey: ['cases'] }),
        client.invalidateQueries({ queryKey: ['counts'] }),
      ]),
  });
}
