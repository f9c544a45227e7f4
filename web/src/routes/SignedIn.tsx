// The signed-in part of the app: who is signed in and their organisation, or the sign-in page.
import { Center } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useOrg } from '../features/org/org.ts';
import { SessionContext } from '../features/session/SessionContext.tsx';
import { useMe } from '../features/session/session.ts';
import { languageForUser } from '../i18n/i18n.ts';
import { ErrorState, LoadingState } from '../ui/States.tsx';
import { AppLayout } from './AppLayout.tsx';

export function SignedIn() {
  const location = useLocation();
  const me = useMe();
  const org = useOrg(Boolean(me.data));
  const userId = me.data?.user.id;
  const profileLocale = me.data?.user.locale;
  useEffect(() => {
    if (userId && profileLocale) void languageForUser(userId, profileLocale);
  }, [userId, profileLocale]);
  const session = useMemo(
    () => (me.data && org.data ? { me: me.data, org: org.data } : null),
    [me.data, org.data],
  );

  if (me.isPending || (me.data && org.isPending)) {
    return <LoadingState />;
  }
  if (me.isError || org.isError) {
    return (
      <Center p="xl">
        <ErrorState
          error={me.error ?? org.error}
          onRetry={() => (me.isError ? me.refetch() : org.refetch())}
        />
      </Center>
    );
  }
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return (
    <SessionContext.Provider value={session}>
      <AppLayout />
    </SessionContext.Provider>
  );
}
