import '@mantine/core/styles.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { initI18n } from './i18n/i18n.ts';

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(<App />);
});
