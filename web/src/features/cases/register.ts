// Registering a case for a caller or a shop visitor with the organisation's approved form
// (R-INTAKE-2, R-INTAKE-3), optionally resolved on the spot (R-INTAKE-6) and with the scanned paper
// form attached once the case exists.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client.ts';
import type { CaseView } from '../../api/types.ts';

export interface RegisterInput {
  type: string;
  channel: string;
  locale: string;
  /** form values by request path: "customer.firstName", "description", "custom.unified_number" */
  values: Record<string, string>;
  resolveNow?: { response: string; mode: 'written' | 'verbal'; customerAgreedToVerbal: boolean };
  scan?: File | null;
}

/** The request body of POST /api/v1/cases from form values keyed by their paths. */
export function registerBody(input: RegisterInput): Record<string, unknown> {
  const customer: Record<string, string> = {};
  const custom: Record<string, string> = {};
  const body: Record<string, unknown> = { type: input.type, channel: input.channel, locale: input.locale };
  for (const [path, raw] of Object.entries(input.values)) {
    const value = raw.trim();
    if (!value) continue;
    if (path.startsWith('customer.')) customer[path.slice(9)] = value;
    else if (path.startsWith('custom.')) custom[path.slice(7)] = value;
    else body[path] = value;
  }
  body.customer = customer;
  if (Object.keys(custom).length) body.custom = custom;
  if (input.resolveNow) body.resolveNow = input.resolveNow;
  return body;
}

export interface Registered {
  view: CaseView;
  /** the case exists, but the scanned form could not be attached */
  scanError: ApiError | null;
}

export function useRegisterCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: RegisterInput): Promise<Registered> => {
      const view = await api<CaseView>('/api/v1/cases', { method: 'POST', body: registerBody(input) });
      let scanError: ApiError | null = null;
      if (input.scan) {
        const form = new FormData();
        form.append('file', input.scan);
        try {
          await api(`/api/v1/cases/${encodeURIComponent(view.id)}/attachments`, {
            method: 'POST',
            body: form,
          });
        } catch (e) {
          scanError = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', '');
        }
      }
      return { view, scanError };
    },
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['cases'] }),
        client.invalidateQueries({ queryKey: ['counts'] }),
      ]);
    },
  });
}
