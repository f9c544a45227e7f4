// web/build.ts (npm start's prestart) builds the app into a folder of its own and swaps it in;
// the chat widget must land in that folder, not in web/dist, or the swap throws it away and the
// widget's script tag gets a 404 on every fresh install.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResolvedConfig } from 'vite';
import { afterAll, expect, it } from 'vitest';
import { chatWidget } from '../../web/widget/build-plugin.ts';

const out = mkdtempSync(path.join(tmpdir(), 'riza-widget-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('builds the widget into the output folder of the build it is part of', async () => {
  const plugin = chatWidget();
  const configResolved = plugin.configResolved as (c: ResolvedConfig) => void;
  configResolved({ root: '/somewhere', build: { outDir: out } } as ResolvedConfig);
  await (plugin.closeBundle as () => Promise<void>)();
  const js = path.join(out, 'widget.js');
  expect(existsSync(js)).toBe(true);
  expect(readFileSync(js, 'utf8')).toContain('data-riza-chat');
}, 120_000);
