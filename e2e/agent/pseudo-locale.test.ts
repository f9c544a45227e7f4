/// <reference lib="dom" />
// Walks the screens in the pseudo-locale (?lng=xx: English with every UI string wrapped in ⟦…⟧)
// and fails on any text the user would see that did not come through a translation: visible
// text nodes and the attributes assistive technology reads. Data (names, numbers, customer
// text) is marked translate="no" and is left alone.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, type Riza, signInThroughUi, startRiza, untranslated } from '../harness.ts';

let riza: Riza;
let browser: Browser;

beforeAll(async () => {
  [riza, browser] = await Promise.all([startRiza('umniah'), launchBrowser()]);
});

async function expectAllTranslated(page: Page, screen: string) {
  await page.evaluate(() => document.fonts.ready);
  expect(await untranslated(page), screen).toEqual([]);
}

describe('pseudo-locale', () => {
  it('finds no untranslated text on any screen of the agent workspace', async () => {
    const { page, problems } = await newPage(browser);
    await page.goto(`${riza.url}/sign-in?lng=xx`);
    await page.locator('input[name="org"]').waitFor();
    await expectAllTranslated(page, 'sign-in');

    // a failed sign-in shows the server's message (already translated by the server) and ours
    await page.locator('input[name="org"]').fill(riza.slug);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').waitFor();
    await expectAllTranslated(page, 'sign-in with errors');

    await signInThroughUi(page, riza, 'cs_manager', 'xx');
    for (const queue of ['mine', 'department', 'unassigned', 'all']) {
      await page.goto(`${riza.url}/queues/${queue}`);
      await page.locator('main h1').waitFor();
      await page.locator('main table, main .mantine-EmptyState-root').first().waitFor();
      await expectAllTranslated(page, `queue ${queue}`);
    }

    // filters open their option lists in a portal
    await page.getByLabel('⟦Status⟧', { exact: true }).first().click();
    await page.getByRole('listbox').waitFor();
    await expectAllTranslated(page, 'status filter open');
    await page.keyboard.press('Escape');

    await page.getByLabel('⟦Search⟧', { exact: true }).fill('nothing-matches-this-zzz');
    await page.locator('.mantine-EmptyState-root').waitFor();
    await expectAllTranslated(page, 'no search results');

    await page.goto(`${riza.url}/queues/all`);
    await page.locator('tbody tr a').first().click();
    await page.locator('[data-event-type]').first().waitFor();
    await expectAllTranslated(page, 'case view');

    for (const action of ['⟦Transfer⟧', '⟦Resolve with result⟧', '⟦Assign⟧', '⟦Reject⟧']) {
      const button = page.getByRole('button', { name: action, exact: true });
      if (!(await button.count())) continue;
      await button.click();
      await page.getByRole('dialog').waitFor();
      await expectAllTranslated(page, `${action} dialog`);
      await page.getByRole('dialog').getByRole('button', { name: '⟦Cancel⟧' }).first().click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }

    // the chat console (no chat yet: its empty states)
    await page.goto(`${riza.url}/chats`);
    await page.locator('main h1').waitFor();
    await page.locator('main .mantine-EmptyState-root').first().waitFor();
    await expectAllTranslated(page, 'chat console');

    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('menu').waitFor();
    await expectAllTranslated(page, 'language menu');
    await page.keyboard.press('Escape');

    await page.goto(`${riza.url}/no/such/page`);
    await page.locator('main .mantine-EmptyState-root').waitFor();
    await expectAllTranslated(page, 'not found');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000); // walks every screen: slow on a loaded 2-core machine

  it('fails on text that skips translation (the check itself works)', async () => {
    const { page } = await newPage(browser);
    await page.goto(`${riza.url}/sign-in?lng=xx`);
    await page.locator('input[name="org"]').waitFor();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Hard-coded words';
      document.querySelector('main')?.append(p);
    });
    expect(await untranslated(page)).toEqual(['text: Hard-coded words']);
    await page.context().close();
  });
});
