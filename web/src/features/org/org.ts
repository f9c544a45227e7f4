import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Org, StaffUser } from '../../api/types.ts';

export function useOrg(enabled: boolean) {
  return useQuery({
    queryKey: ['org'],
    queryFn: () => api<Org>('/api/v1/org'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Staff of the organisation, for choosing an owner. */
export function useStaff(enabled: boolean) {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => (await api<{ items: StaffUser[] }>('/api/v1/users')).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}
