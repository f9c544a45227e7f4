import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from './error-handler.ts';
import { webApp } from './web.ts';

async function serverFor(root: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  installErrorHandler(app);
  app.get('/api/v1/ping', async () => ({ pong: true }));
  await app.register(webApp, { root });
  await app.ready();
  afterAll(() => app.close());
  return app;
}

describe('serving the built web app', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'riza-web-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(root, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'not for the web');
    app = await serverFor(root);
  });

  it('answers / with index.html that browsers must revalidate', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="root">');
  });

  it('answers client routes (deep links, reloads) with index.html', async () => {
    const res = await app.inject('/cases/0190e0a4-5a3b-7000-8000-000000000000?tab=timeline');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches content-hashed assets for a year', async () => {
    const res = await app.inject('/assets/index-AbC123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe('console.log(1)');
  });

  it('revalidates files that keep their name between builds', async () => {
    const res = await app.inject('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, not with the HTML page', async () => {
    const res = await app.inject('/assets/index-old999.js');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('keeps the JSON 404 for unknown API paths', async () => {
    const res = await app.inject({ url: '/api/v1/nothing-here', headers: { 'accept-language': 'az' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await app.inject('/api/v1/ping')).json()).toEqual({ pong: true });
  });

  it('never serves files outside the build folder', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await app.inject(url);
      expect(res.body, url).not.toContain('not for the web');
    }
  });
});

describe('before the web app is built', () => {
  it('explains how to build it instead of failing obscurely', async () => {
    const app = await serverFor(path.join(tmpdir(), 'riza-web-missing-build'));
    const res = await app.inject('/');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    expect((await app.inject('/api/v1/ping')).statusCode).toBe(200);
  });
});
