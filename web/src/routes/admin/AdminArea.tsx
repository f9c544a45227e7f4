// /admin/*: loaded on first visit, so agents never download the administration screens.
import { Component, lazy, type ReactNode, Suspense } from 'react';
import { ErrorState, LoadingState } from '../../ui/States.tsx';

const RELOADED = 'riza.admin.reloaded';

// After a new version is deployed, the chunk this tab knows about is gone: load the page again
// (once) to pick up the new one rather than showing a broken screen.
const AdminRoutes = lazy(() =>
  import('./AdminRoutes.tsx').then(
    (module) => {
      sessionStorage.removeItem(RELOADED);
      return module;
    },
    (error: unknown) => {
      if (sessionStorage.getItem(RELOADED)) throw error;
      sessionStorage.setItem(RELOADED, '1');
      window.location.reload();
      return new Promise<never>(() => {});
    },
  ),
);

/** A screen that failed to load shows the error state, not a blank app. */
class LoadFailure extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error)
      return <ErrorState error={this.state.error} onRetry={() => window.location.reload()} />;
    return this.props.children;
  }
}

export function AdminArea() {
  return (
    <LoadFailure>
      <Suspense fallback={<LoadingState />}>
        <AdminRoutes />
      </Suspense>
    </LoadFailure>
  );
}
