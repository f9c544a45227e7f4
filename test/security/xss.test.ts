/// <reference lib="dom" />
// Stored XSS: script payloads in complaint text, customer names, notes and e-mail (text and HTML),
// registered through the API and the e-mail ingest, are shown to agents as text in a real
// Chromium — nothing runs, nothing is turned into markup — and the e-mail HTML we keep is inert
// even on a page with no Content-Security-Policy.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cspViolations,
  launchBrowser,
  newPage,
  type Riza,
  signInThroughUi,
  startRiza,
} from '../../e2e/harness.ts';
import { ingestInbound } from '../../server/src/modules/channels/ingest.ts';
import { getOrgById } from '../../server/src/modules/orgs/org.repository.ts';
import { LocalDiskStore } from '../../server/src/platform/storage/storage.ts';
import { signIn } from '../http.ts';
import { emailChannel } from './email-channel.ts';

// each payload, if it ever ran, leaves its name in window.__pwned (or calls alert)
const PAYLOADS = {
  img: `<img src=x onerror="window.__pwned='img'">`,
  script: `<script>window.__pwned='script'</script>`,
  link: `<a href="javascript:window.__pwned='link'">فتح الفاتورة</a>`,
  svg: `"><svg onload="window.__pwned='svg'">`,
  alert: `<img src=y onerror=alert('xss')>`,
  iframe: `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
};
const ALL = Object.values(PAYLOADS);
// pages render slowly on a busy CI machine
const SLOW = { timeout: 10_000 };

let riza: Riza;
let browser: Browser;

beforeAll(async () => {
  [riza, browser] = await Promise.all([startRiza('umniah'), launchBrowser()]);
}, 120_000);

interface Watch {
  page: Page;
  dialogs: string[];
  problems: string[];
}

/** A signed-in page where alert/confirm/prompt and uncaught errors are recorded, not shown. */
async function watchedPage(): Promise<Watch> {
  const { context, page, problems } = await newPage(browser);
  await context.addInitScript(() => {
    const w = window as unknown as { __calls: string[] };
    w.__calls = [];
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      (window as unknown as Record<string, unknown>)[name] = (m: unknown) => {
        w.__calls.push(`${name}:${String(m)}`);
      };
    }
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signInThroughUi(page, riza, 'cs_manager', 'en');
  return { page, dialogs, problems };
}

/** Nothing ran, no markup came from the payloads, and the CSP had nothing to block. */
async function expectInert(w: Watch) {
  // give an image error or a load handler time to fire, were there one
  await w.page.waitForTimeout(300);
  const state = await w.page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
    calls: (window as unknown as { __calls: string[] }).__calls,
    handlers: document.querySelectorAll('[onerror],[onload],[onclick],[srcdoc]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned'))
      .length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    planted: document.querySelectorAll('img[src="x"],img[src="y"],svg[onload],iframe').length,
  }));
  expect(state).toEqual({ pwned: null, calls: [], handlers: 0, scripts: 0, jsLinks: 0, planted: 0 });
  expect(w.dialogs).toEqual([]);
  expect(await cspViolations(w.page)).toEqual([]);
  expect(w.problems).toEqual([]);
}

/** The text the agent sees (rendered), not what hidden nodes hold. */
async function bodyText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
  return page.evaluate(() => document.body.innerText);
}

describe('script payloads stored through the API', () => {
  it('are shown as text on the case page and in the queue, and never run', async () => {
    const staff = await signIn(riza.app, 'umniah', riza.email('agent'));
    const created = await riza.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: staff.headers,
      payload: {
        type: 'complaint',
        channel: 'call_centre',
        service: 'postpaid',
        category: 'bill_dispute',
        subject: PAYLOADS.svg,
        description: `الفاتورة خاطئة ${PAYLOADS.img} ${PAYLOADS.script} ${PAYLOADS.link}`,
        remedySought: PAYLOADS.iframe,
        locale: 'ar',
        customer: { firstName: PAYLOADS.alert, lastName: PAYLOADS.img, phone: '+962791112233' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const note = await riza.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/notes`,
      headers: staff.headers,
      payload: { body: `${PAYLOADS.script}${PAYLOADS.link}` },
    });
    expect(note.statusCode, note.body).toBe(201);

    const w = await watchedPage();
    await w.page.goto(`${riza.url}/cases/${id}`);
    await expect.poll(() => w.page.locator('h1').textContent(), SLOW).toBe(PAYLOADS.svg);
    await expect.poll(() => w.page.locator('[data-event-type="note_added"]').count(), SLOW).toBe(1);
    const text = await bodyText(w.page);
    for (const p of ALL) expect(text).toContain(p);
    await expectInert(w);

    await w.page.goto(`${riza.url}/queues/all`);
    await expect.poll(() => bodyText(w.page), SLOW).toContain(PAYLOADS.svg);
    await expectInert(w);
  });
});

describe('script payloads arriving by e-mail', () => {
  it('are shown as text in the agent UI, and the HTML kept from the e-mail cannot run anywhere', async () => {
    const { db } = riza;
    const channel = await emailChannel(db, riza.orgId, 'customer_care');
    const html = `<p dir="rtl">مرحبا</p>${ALL.join('<br>')}<a href="https://umniah.com/bill">الفاتورة</a>`;
    const org = (await getOrgById(db, riza.orgId))!;
    const store = new LocalDiskStore(mkdtempSync(path.join(tmpdir(), 'riza-xss-files-')));
    const result = await db.transaction().execute((trx) =>
      ingestInbound(
        trx,
        org,
        channel,
        {
          externalId: '<xss-1@mail.example>',
          threadKey: '<xss-1@mail.example>',
          subject: PAYLOADS.img,
          text: `${PAYLOADS.script}\n${PAYLOADS.svg}\n${PAYLOADS.link}`,
          html,
          from: { name: PAYLOADS.alert, email: 'sara@mail.example' },
          receivedAt: new Date(),
        },
        { store },
      ),
    );
    expect(result.created).toBe(true);

    const w = await watchedPage();
    await w.page.goto(`${riza.url}/cases/${result.caseId}`);
    await expect.poll(() => w.page.locator('h1').textContent(), SLOW).toBe(PAYLOADS.img);
    const text = await bodyText(w.page);
    for (const p of [PAYLOADS.script, PAYLOADS.svg, PAYLOADS.link, PAYLOADS.alert]) expect(text).toContain(p);
    await expectInert(w);

    // the HTML kept for display: scripts, handlers and javascript: links are gone, the text stays
    const kept = await db
      .selectFrom('case_messages')
      .select('html')
      .where('org_id', '=', riza.orgId)
      .where('id', '=', result.messageId)
      .executeTakeFirstOrThrow();
    expect(kept.html).toContain('مرحبا');
    expect(kept.html).toContain('href="https://umniah.com/bill"');
    expect(kept.html).not.toMatch(/<script|<svg|<iframe|<img|onerror|onload|srcdoc|javascript:/i);

    // on a bare page with no CSP at all: the raw e-mail runs (so this check can see it), ours does not
    const bare = async (markup: string) => {
      const p = await w.page.context().newPage();
      p.on('dialog', (d) => void d.dismiss());
      // setContent waits for the load event: inline scripts, onload and image onerror have run
      await p.setContent(`<!doctype html><body>${markup}</body>`);
      const pwned = () => p.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);
      return { pwned, close: () => p.close() };
    };
    const raw = await bare(html);
    await expect.poll(raw.pwned, SLOW).not.toBeNull();
    await raw.close();
    const ours = await bare(kept.html!);
    await new Promise((r) => setTimeout(r, 500));
    expect(await ours.pwned()).toBeNull();
    await ours.close();
  });
});
