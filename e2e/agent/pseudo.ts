/// <reference lib="dom" />
// The pseudo-locale check of e2e/agent/pseudo-locale.test.ts for the agent workspace's own walk (which
// also types into forms): every piece of UI text outside translate="no" must come wrapped in ⟦…⟧.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const letters = /\p{L}/u;
    const wrapped = (s: string) => s.startsWith('⟦') && s.endsWith('⟧');
    // a textarea's text is what the user typed into it, not UI text
    const exempt = (el: Element | null) =>
      !el || Boolean(el.closest('[translate="no"], script, style, noscript, textarea'));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (!letters.test(text) || exempt(node.parentElement)) continue;
      if (!wrapped(text)) found.push(`text: ${text}`);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      if (exempt(el) || el.closest('[aria-hidden="true"]')) continue;
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attr)?.trim();
        if (value && letters.test(value) && !wrapped(value)) found.push(`${attr}: ${value}`);
      }
    }
    if (!document.title.includes('⟧')) found.push(`title: ${document.title}`);
    return found;
  });
}

export async function expectAllTranslated(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  expect(await untranslated(page), screen).toEqual([]);
}
