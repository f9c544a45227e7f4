/// <reference lib="dom" />
// The pseudo-locale check of e2e/agent/pseudo-locale.test.ts (?lng=xx wraps every UI string in ⟦…⟧),
// for the portal's screens: visible text and the attributes assistive technology reads must come
// through a translation, unless marked translate="no" (data: names, numbers, the server's words).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const letters = /\p{L}/u;
    const wrapped = (s: string) => s.startsWith('⟦') && s.endsWith('⟧');
    const exempt = (el: Element | null) =>
      !el || Boolean(el.closest('[translate="no"], script, style, noscript'));
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
    // "<screen> · <organisation>": the organisation is data, the screen never is
    if (!document.title.includes('⟧')) found.push(`title: ${document.title}`);
    return found;
  });
}

export async function expectAllTranslated(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  expect(await untranslated(page), screen).toEqual([]);
}
