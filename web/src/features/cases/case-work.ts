// The agent's work on one case beyond lifecycle actions: the caller's identity and details, writing
// to the customer, moving the resolution date, offers, and what the customer was sent.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CaseView } from '../../api/types.ts';
import { useAfterChange } from './cases.ts';
import { useFallbackPoll } from './live.ts';
import type { CaseNotification, CustomerDetails, Offer } from './types.ts';

const base = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;

/** Mirrors IDENTITY_QUESTIONS of server/src/modules/cases/identity-check.ts. */
export const IDENTITY_QUESTIONS = [
  'national_id',
  'date_of_birth',
  'registered_phone',
  'account_number',
  'address',
] as const;
export const MIN_IDENTITY_QUESTIONS = 2;

export function useCustomer(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customer', id],
    queryFn: () => api<CustomerDetails>(`${base(id)}/customer`),
    enabled,
    refetchInterval: useFallbackPoll(),
  });
}

export function useIdentityCheck(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (questions: string[]) =>
      api<{ verifiedUntil: string; customer: CustomerDetails | null }>(`${base(id)}/identity-check`, {
        method: 'POST',
        body: { questions },
      }),
    onSuccess: async (result) => {
      if (result.customer) client.setQueryData(['customer', id], result.customer);
      await client.invalidateQueries({ queryKey: ['timeline', id] });
    },
  });
}

/** Writes to the customer through the conversation they came in by (409 when there is none). */
export function useReply(id: string) {
  const after = useAfterChange(id);
  return useMutation({
    mutationFn: (body: string) =>
      api<{ messageId: string; case: CaseView }>(`${base(id)}/replies`, { method: 'POST', body: { body } }),
    onSuccess: (result) => after(result.case),
  });
}

export function useExtendResolution(id: string) {
  const after = useAfterChange(id);
  return useMutation({
    mutationFn: (body: { newDueAt: string; reason: string }) =>
      api<CaseView>(`${base(id)}/sla/extend`, { method: 'POST', body }),
    onSuccess: (view) => after(view),
  });
}

export function useOffers(id: string) {
  return useQuery({
    queryKey: ['offers', id],
    queryFn: async () => (await api<{ items: Offer[] }>(`${base(id)}/offers`)).items,
    refetchInterval: useFallbackPoll(),
  });
}

export interface OfferBody {
  kind: 'alternative' | 'compensation';
  description: string;
  reason: string;
  amount?: number;
  currency?: string;
}

export function useMakeOffer(id: string) {
  const after = useAfterChange(id);
  return useMutation({
    mutationFn: (body: OfferBody) =>
      api<{ id: string }>(`${base(id)}/offers`, { method: 'POST', body: { ...body } }),
    onSuccess: () => after(),
  });
}

export function useAnswerOffer(id: string) {
  const after = useAfterChange(id);
  return useMutation({
    mutationFn: ({ offerId, ...body }: { offerId: string; answer: 'accepted' | 'declined'; note?: string }) =>
      api<{ items: Offer[] }>(`${base(id)}/offers/${encodeURIComponent(offerId)}/answer`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => after(),
  });
}

export function useCaseNotifications(id: string) {
  return useQuery({
    queryKey: ['notifications', id],
    queryFn: async () => (await api<{ items: CaseNotification[] }>(`${base(id)}/notifications`)).items,
    refetchInterval: useFallbackPoll(),
  });
}
