// The public customer portal of one organisation, at /portal/{org}: no account, outside the
// signed-in shell. Its own query cache keeps the staff app's session handling (a 401 there means
// "sign in again") away from the portal's (a 401 here means "enter a code").
import './portal.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Route, Routes, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PortalHome } from './PortalHome.tsx';
import { PortalNotFound, PortalShell } from './PortalShell.tsx';
import { SubmitPage } from './SubmitPage.tsx';
import { SurveyPage } from './SurveyPage.tsx';
import { TrackPage } from './TrackPage.tsx';

const portalQueries = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx (unknown org, expired link) will not change by asking again
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

export function PortalApp() {
  const { org = '' } = useParams();
  return (
    <QueryClientProvider client={portalQueries}>
      <PortalShell slug={org}>
        <Routes>
          <Route index element={<PortalHome />} />
          <Route path="submit" element={<SubmitPage />} />
          <Route path="track" element={<TrackPage />} />
          <Route path="survey/:token" element={<SurveyPage />} />
          <Route path="*" element={<PortalNotFound />} />
        </Routes>
      </PortalShell>
    </QueryClientProvider>
  );
}
