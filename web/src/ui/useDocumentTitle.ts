import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<screen> · Riza" in the UI language, so tabs, history and screen readers name the screen. */
export function useDocumentTitle(screen: string | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = screen ? `${screen} · ${app}` : app;
  }, [screen, app]);
}
