// Who is signed in (GET /auth/me), signing in and out. A 401 from /auth/me means "not signed in".
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, csrf } from '../../api/client.ts';
import type { LoginResult, Me } from '../../api/types.ts';
import { languageForUser } from '../../i18n/i18n.ts';

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api<Me>('/api/v1/auth/me');
        if (me.csrfToken) csrf.set(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { org: string; email: string; password: string }) =>
      api<LoginResult>('/api/v1/auth/login', { method: 'POST', body }),
    onSuccess: async (result) => {
      csrf.set(result.csrfToken);
      await languageForUser(result.user.id, result.user.locale);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      await client.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: () => {
      csrf.clear();
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}

export type Permission =
  | 'cases:read:org'
  | 'cases:read:department'
  | 'cases:create'
  | 'cases:work'
  | 'cases:close'
  | 'cases:assign'
  | 'customers:read'
  | 'customers:write'
  | 'settings:manage'
  | 'users:manage'
  | 'reports:read'
  | 'audit:read';

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return Boolean(me?.permissions.includes(permission));
}
