// The manager's screens load on first visit: the charts library is large and agents never need it.
import { lazy, Suspense } from 'react';
import { LoadingState } from '../../ui/States.tsx';

const FollowUp = lazy(() => import('./FollowUpPage.tsx').then((m) => ({ default: m.FollowUpPage })));
const Team = lazy(() => import('./TeamPage.tsx').then((m) => ({ default: m.TeamPage })));
const Dashboards = lazy(() => import('./DashboardsPage.tsx').then((m) => ({ default: m.DashboardsPage })));

export function FollowUpRoute() {
  return (
    <Suspense fallback={<LoadingState />}>
      <FollowUp />
    </Suspense>
  );
}

export function TeamRoute() {
  return (
    <Suspense fallback={<LoadingState />}>
      <Team />
    </Suspense>
  );
}

export function DashboardsRoute() {
  return (
    <Suspense fallback={<LoadingState />}>
      <Dashboards />
    </Suspense>
  );
}
