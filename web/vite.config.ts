import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { chatWidget } from './widget/build-plugin.ts';

// `npm run dev:web` proxies the API to a running `npm start` (port 3000)
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // the chat widget is built after the app, into dist/widget.js
  plugins: [react(), chatWidget()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
