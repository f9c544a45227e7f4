import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError, csrf } from '../api/client.ts';
import { meKey } from '../features/session/session.ts';
import { directionOf } from '../i18n/languages.ts';
import { AdminArea } from '../routes/admin/AdminArea.tsx';
import { CasePage } from '../routes/agent/CasePage.tsx';
import { NewCasePage } from '../routes/agent/NewCasePage.tsx';
import { QueuePage } from '../routes/agent/QueuePage.tsx';
import { ChatConsolePage } from '../routes/chat/ChatConsolePage.tsx';
import { DashboardsRoute, FollowUpRoute, TeamRoute } from '../routes/manager/lazy.tsx';
import { NotFoundPage } from '../routes/NotFoundPage.tsx';
import { PortalApp } from '../routes/portal/PortalApp.tsx';
import { SignedIn } from '../routes/SignedIn.tsx';
import { SignInPage } from '../routes/SignInPage.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

// An expired session (401), or a CSRF token that no longer matches it, sends the user back to
// the sign-in page, which returns them here afterwards.
function onApiError(error: unknown) {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401 || error.code === 'CSRF_FAILED') {
    csrf.clear();
    queryClient.setQueryData(meKey, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // 4xx answers (not found, forbidden) will not change by asking again
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

/** Keeps Mantine's direction (popovers, sliders, drawers) in step with the UI language. */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => setDirection(directionOf(i18n.language)), [i18n.language, setDirection]);
  return null;
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
          <DirectionSync />
          <BrowserRouter>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              {/* the public customer portal: no account, outside the signed-in shell */}
              <Route path="/portal/:org/*" element={<PortalApp />} />
              <Route element={<SignedIn />}>
                <Route index element={<Navigate to="/queues/mine" replace />} />
                <Route path="queues/:queue" element={<QueuePage />} />
                <Route path="cases/new" element={<NewCasePage />} />
                <Route path="cases/:id" element={<CasePage />} />
                <Route path="chats" element={<ChatConsolePage />} />
                <Route path="chats/:id" element={<ChatConsolePage />} />
                <Route path="manager/follow-up" element={<FollowUpRoute />} />
                <Route path="manager/team" element={<TeamRoute />} />
                <Route path="manager/dashboards" element={<DashboardsRoute />} />
                <Route path="admin/*" element={<AdminArea />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
