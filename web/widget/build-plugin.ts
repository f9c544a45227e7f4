// Builds the chat widget (web/widget/widget.ts) into ONE classic script, web/dist/widget.js, right
// after the web app's own build: an IIFE any web site can include with a <script> tag, its styles
// and five languages inside. Part of the app's build, so `npm run build:web` and web/build.ts
// (npm start, the browser tests) always produce both.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const WIDGET_DIR = fileURLToPath(new URL('.', import.meta.url));

export function chatWidget(): Plugin {
  // beside the app, wherever this build writes it: web/build.ts builds into a folder of its own
  // and swaps it in, and a widget written to web/dist meanwhile would be swapped out with the old one
  let outDir = fileURLToPath(new URL('../dist', import.meta.url));
  return {
    name: 'riza-chat-widget',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const { build } = await import('vite');
      await build({
        configFile: false,
        root: WIDGET_DIR,
        logLevel: 'warn',
        publicDir: false,
        build: {
          outDir,
          emptyOutDir: false,
          sourcemap: false,
          target: 'es2020',
          lib: { entry: 'widget.ts', formats: ['iife'], name: 'RizaChat', fileName: () => 'widget.js' },
        },
      });
    },
  };
}
