// Builds the chat widget (web/widget/widget.ts) into ONE classic script, web/dist/widget.js, right
// after the web app's own build: an IIFE any web site can include with a <script> tag, its styles
// and five languages inside. Part of the app's build, so `npm run build:web` and web/build.ts
// (npm start, the browser tests) always produce both.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const WIDGET_DIR = fileURLToPath(new URL('.', import.meta.url));
const DIST = fileURLToPath(new URL('../dist', import.meta.url));

export function chatWidget(): Plugin {
  return {
    name: 'riza-chat-widget',
    apply: 'build',
    async closeBundle() {
      const { build } = await import('vite');
      await build({
        configFile: false,
        root: WIDGET_DIR,
        logLevel: 'warn',
        publicDir: false,
        build: {
          outDir: DIST,
          emptyOutDir: false,
          sourcemap: false,
          target: 'es2020',
          lib: { entry: 'widget.ts', formats: ['iife'], name: 'RizaChat', fileName: () => 'widget.js' },
        },
      });
    },
  };
}
