/// <reference lib="dom" />
// The web chat in real browsers: an organisation's web page on another origin (a local HTTP
// server) includes the widget with one script tag; a visitor chats through it in headless
// Chromium; an agent, signed in on a second page, sees the chat in the console, answers (the
// visitor sees it), turns it into a case — and the transcript is on the case (checked via the API).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/http.ts';
import {
  cspViolations,
  expectAccessible,
  launchBrowser,
  newPage,
  type Riza,
  screenshot,
  signInThroughUi,
  startRiza,
} from '../harness.ts';

let riza: Riza;
let browser: Browser;
let site: Server;
let siteUrl: string;

/** The organisation's own web site: a page in its language, with the widget's tag. */
function shopPage(lang: string, title: string, text: string): string {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 serif;color:#222;margin:0;padding:40px;background:#fdf6e3} h1{color:#8b0000} button{background:red}</style>
</head>
<body><main><h1>${title}</h1><p>${text}</p></main>
<script src="${riza.url}/widget.js" data-org="umniah" data-channel="webchat" async></script>
</body></html>`;
}

beforeAll(async () => {
  [riza, browser] = await Promise.all([startRiza('umniah'), launchBrowser()]);
  site = createServer((req, res) => {
    const ar = req.url?.startsWith('/ar');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      ar
        ? shopPage('ar', 'أمنية — الباقات', 'اختر الباقة التي تناسبك.')
        : shopPage('en', 'Umniah — plans', 'Pick the plan that suits you.'),
    );
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  // the administrator sets up the inbox (open around the clock) and the channel for this site
  const admin = await signIn(riza.app, riza.slug, riza.email('administrator'));
  const put = async (url: string, payload: object) => {
    const res = await riza.app.inject({ method: 'PUT', url, headers: admin.headers, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  };
  const day = [['00:00', '24:00']];
  await put('/api/v1/admin/calendars/chat-hours', {
    timezone: 'Asia/Amman',
    week: { sun: day, mon: day, tue: day, wed: day, thu: day, fri: day, sat: day },
    holidays: [],
    closures: [],
  });
  await put('/api/v1/admin/inboxes/webchat', {
    name: { en: 'Web chat', ar: 'المحادثة على الموقع' },
    department: 'customer_care',
    calendar: 'chat-hours',
  });
  await put('/api/v1/admin/channels/webchat', {
    inbox: 'webchat',
    kind: 'web_chat',
    config: {
      allowedOrigins: [siteUrl],
      greeting: { en: 'Hello! How can we help you today?', ar: 'مرحبًا! كيف يمكننا مساعدتك اليوم؟' },
    },
  });
});

afterAll(() => new Promise<void>((r) => site.close(() => r())));

/**
 * UI text outside translate="no" that did not come through a translation (in ?lng=xx every
 * string is wrapped in ⟦…⟧): the check of e2e/agent/pseudo-locale.test.ts, for the console's screens.
 */
function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const letters = /\p{L}/u;
    const wrapped = (s: string) => s.startsWith('⟦') && s.endsWith('⟧');
    const exempt = (el: Element | null) =>
      !el || Boolean(el.closest('[translate="no"], script, style, noscript'));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (letters.test(text) && !exempt(node.parentElement) && !wrapped(text)) found.push(`text: ${text}`);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (exempt(el) || el.closest('[aria-hidden="true"]')) continue;
      for (const attr of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(attr)?.trim();
        if (value && letters.test(value) && !wrapped(value)) found.push(`${attr}: ${value}`);
      }
    }
    return found;
  });
}

/** Paths the server answered with 5xx on this page. */
function watchServerErrors(page: Page): string[] {
  const paths: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 500) paths.push(new URL(r.url()).pathname);
  });
  return paths;
}

/**
 * The harness runs the server without live case events, so the queue pages' case stream
 * (/api/v1/live) answers 503 and the browser logs it; no other request may fail, nothing else be logged.
 */
function expectOnlyLiveStreamRefused(serverErrors: string[], problems: string[]) {
  expect(serverErrors.filter((p) => p !== '/api/v1/live')).toEqual([]);
  expect(problems.filter((p) => !(serverErrors.length && p.includes('status of 503')))).toEqual([]);
}

/** The widget's parts, found through its (open) shadow root as a visitor's screen reader would. */
function widget(page: Page) {
  const root = page.locator('[data-riza-chat]');
  return {
    launcher: root.locator('button.launcher'),
    panel: root.getByRole('dialog'),
    log: root.getByRole('log'),
    root,
  };
}

describe('web chat widget and agent console', () => {
  it('carries a chat from the widget on another site to the console and back, and turns it into a case with its transcript', async () => {
    const visitor = await newPage(browser, 'en-GB');
    await visitor.page.goto(`${siteUrl}/en`);
    const w = widget(visitor.page);
    await w.launcher.waitFor();
    expect(await w.launcher.textContent()).toBe('Chat with us');
    // the page's own styles stay out (its red buttons), and ours stay in
    expect(await w.launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 118, 110)');
    expect(await visitor.page.locator('h1').evaluate((el) => getComputedStyle(el).color)).toBe(
      'rgb(139, 0, 0)',
    );

    await w.launcher.click();
    await w.panel.waitFor();
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => w.panel.textContent()).toContain('Hello! How can we help you today?');
    // the focus moved into the panel, and Escape gives it back to the launcher
    expect(await visitor.page.evaluate(() => document.activeElement?.getAttribute('data-riza-chat'))).toBe(
      '',
    );
    await visitor.page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    await w.launcher.click();
    await w.panel.getByLabel('Your name (optional)').fill('Omar');
    await w.panel.getByLabel('Your message').fill('My fibre line has been down since this morning.');
    await expectAccessible(visitor.page, 'widget start form (en)');
    await screenshot(visitor.page, 'chat-widget-en-start');
    await w.panel.getByRole('button', { name: 'Start chat' }).click();
    await expect.poll(() => w.log.textContent()).toContain('My fibre line has been down since this morning.');
    await expect.poll(() => w.log.textContent()).toContain('Please wait, an agent will answer shortly.');
    const token = await visitor.page.evaluate(() => localStorage.getItem('riza-chat:umniah:webchat'));
    expect(token).toMatch(/^[\w-]{43}$/);

    // the agent's console shows the waiting chat, with the visitor's language and waiting time
    const agent = await newPage(browser);
    const serverErrors = watchServerErrors(agent.page);
    await signInThroughUi(agent.page, riza, 'agent', 'en');
    await agent.page.getByRole('link', { name: /^Live chat/ }).click();
    await agent.page.waitForURL(/\/chats$/);
    const row = agent.page.locator('[data-chat-state="waiting"]').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Omar');
    expect(await row.textContent()).toContain('English');
    expect(await row.locator('[data-waiting]').textContent()).toMatch(/^Waiting \d+ min$/);
    await expect.poll(() => agent.page.locator('[data-live]').getAttribute('data-live')).toBe('live');
    await row.click();
    await agent.page.waitForURL(/\/chats\/[0-9a-f-]{36}$/);
    const chatId = agent.page.url().split('/').pop()!;
    const log = agent.page.getByRole('log');
    await expect.poll(() => log.textContent()).toContain('My fibre line has been down since this morning.');

    await agent.page
      .getByLabel('Reply to the visitor')
      .fill('Sorry to hear that, Omar. Let me check the line.');
    await agent.page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => log.textContent()).toContain('Let me check the line.');
    // the visitor sees the answer and who wrote it, without reloading
    await expect
      .poll(() => w.log.textContent())
      .toContain('Sorry to hear that, Omar. Let me check the line.');
    await expect.poll(() => w.log.textContent()).toContain('joined the chat');

    // the visitor writes again; the console has it at once (live socket)
    await w.panel
      .getByRole('textbox', { name: 'Write a message' })
      .fill('Thank you, the router shows a red light.');
    await visitor.page.keyboard.press('Enter');
    await expect.poll(() => log.textContent(), { timeout: 5000 }).toContain('the router shows a red light');
    await screenshot(visitor.page, 'chat-widget-en-conversation');
    await expectAccessible(visitor.page, 'widget conversation (en)');
    await screenshot(agent.page, 'chat-console-en');
    await expectAccessible(agent.page, 'chat console (en)');

    // a reload of the visitor's page resumes the conversation
    await visitor.page.reload();
    await w.launcher.click();
    await expect.poll(() => w.log.textContent()).toContain('the router shows a red light');

    // the agent turns the chat into a case
    await agent.page.getByRole('button', { name: 'Create case' }).click();
    const dialog = agent.page.getByRole('dialog');
    await dialog.getByLabel('Subject').fill('Fibre line down');
    await screenshot(agent.page, 'chat-console-en-create-case');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    const done = dialog.getByRole('status');
    await expect.poll(() => done.textContent()).toMatch(/^Case UM-\d{4}-\d{6} was created/);
    const number = (await done.textContent())!.match(/UM-\d{4}-\d{6}/)![0];
    await expect.poll(() => w.log.textContent()).toContain(`Your request was registered as ${number}.`);

    // the transcript is on the case: through the API, as the agent's browser reads it
    const fromApi = await agent.page.evaluate(async (id) => {
      const chat = await (await fetch(`/api/v1/chats/${id}`)).json();
      const timeline = await (await fetch(`/api/v1/cases/${chat.case.id}/timeline`)).json();
      const kase = await (await fetch(`/api/v1/cases/${chat.case.id}`)).json();
      return { chat, timeline: timeline.items, kase };
    }, chatId);
    expect(fromApi.kase).toMatchObject({ number, channel: 'chat', subject: 'Fibre line down', locale: 'en' });
    const linked = fromApi.timeline.find((e: { type: string }) => e.type === 'chat_linked');
    expect(linked.data.messages).toBe(3);
    expect(linked.data.body).toContain('Omar: My fibre line has been down since this morning.');
    expect(linked.data.body).toContain('Sorry to hear that, Omar. Let me check the line.');
    expect(linked.data.body).toContain('Omar: Thank you, the router shows a red light.');
    const messages = await riza.db
      .selectFrom('case_messages')
      .select(['kind', 'body'])
      .where('org_id', '=', riza.orgId)
      .where('case_id', '=', fromApi.chat.case.id)
      .where('channel', '=', 'chat')
      .orderBy('created_at')
      .execute();
    expect(messages.map((m) => m.kind)).toEqual(['inbound', 'outbound', 'inbound']);

    await dialog.getByRole('button', { name: 'Cancel' }).first().click();
    await expect.poll(() => agent.page.getByRole('link', { name: `Open case ${number}` }).count()).toBe(1);
    expect(await cspViolations(agent.page)).toEqual([]);
    expectOnlyLiveStreamRefused(serverErrors, agent.problems);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
    await agent.context.close();
  }, 180_000);

  it('speaks Arabic right to left on an Arabic page, mirrored, and passes axe', async () => {
    const visitor = await newPage(browser, 'ar-JO');
    await visitor.page.goto(`${siteUrl}/ar`);
    const w = widget(visitor.page);
    await w.launcher.waitFor();
    expect(await w.launcher.textContent()).toBe('تحدث معنا');
    await w.launcher.click();
    await expect.poll(() => w.panel.textContent()).toContain('مرحبًا! كيف يمكننا مساعدتك اليوم؟');
    // the launcher sits at the inline end of an RTL page: the left edge
    const box = await w.launcher.boundingBox();
    expect(box!.x).toBeLessThan(100);
    expect(await w.panel.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await w.panel.getByLabel('رسالتك').fill('الإنترنت بطيء جدًا منذ يومين');
    await w.panel.getByRole('button', { name: 'ابدأ المحادثة' }).click();
    await expect.poll(() => w.log.textContent()).toContain('الإنترنت بطيء جدًا منذ يومين');
    // the focus cycles inside the panel
    for (let i = 0; i < 8; i++) await visitor.page.keyboard.press('Tab');
    expect(
      await w.root.evaluate((el) => el.shadowRoot?.activeElement?.closest('[role="dialog"]') !== null),
    ).toBe(true);
    await expectAccessible(visitor.page, 'widget conversation (ar)');
    await screenshot(visitor.page, 'chat-widget-ar-conversation');

    // the console in Arabic shows the chat with the visitor's language
    const agent = await newPage(browser, 'ar-JO');
    const serverErrors = watchServerErrors(agent.page);
    await signInThroughUi(agent.page, riza, 'agent', 'ar');
    await agent.page.getByRole('link', { name: /^المحادثة المباشرة/ }).click();
    const row = agent.page.locator('[data-chat-state="waiting"]').first();
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('العربية');
    await row.click();
    await expect
      .poll(() => agent.page.getByRole('log').textContent())
      .toContain('الإنترنت بطيء جدًا منذ يومين');
    await expectAccessible(agent.page, 'chat console (ar)');
    await screenshot(agent.page, 'chat-console-ar');
    expectOnlyLiveStreamRefused(serverErrors, agent.problems);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
    await agent.context.close();
  }, 120_000);

  it('shows no untranslated text in the console (pseudo-locale), with a chat open and its dialogs', async () => {
    const { page } = await newPage(browser);
    await signInThroughUi(page, riza, 'cs_manager', 'xx');
    await page.goto(`${riza.url}/chats`);
    const row = page.locator('[data-chat-id]').first();
    await row.click();
    await page.getByRole('log').locator('li').first().waitFor();
    expect(await untranslated(page), 'chat console').toEqual([]);
    for (const action of ['⟦Create case⟧', '⟦Attach to case⟧']) {
      await page.getByRole('button', { name: action, exact: true }).click();
      await page.getByRole('dialog').waitFor();
      expect(await untranslated(page), action).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    await page.getByRole('tab', { name: '⟦Ended⟧' }).click();
    await page.locator('main .mantine-EmptyState-root, main [data-chat-id]').first().waitFor();
    expect(await untranslated(page), 'ended chats').toEqual([]);
    await page.context().close();
  }, 90_000);

  it('serves the widget script to other sites, and a site the channel does not list gets no chat', async () => {
    const res = await fetch(`${riza.url}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    // the same page served from an origin the channel does not allow: the socket is refused
    const other = createServer((_req, r) => {
      r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      r.end(shopPage('en', 'Copycat', 'Not the real site.'));
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const visitor = await newPage(browser);
    await visitor.page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    const w = widget(visitor.page);
    await w.launcher.click();
    await expect
      .poll(() => w.panel.textContent(), { timeout: 15_000 })
      .toContain('The chat is not available right now.');
    await visitor.context.close();
    await new Promise<void>((r) => other.close(() => r()));
  }, 60_000);
});
