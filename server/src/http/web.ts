// Serves the built web app (web/dist) from the API server: hashed assets cached for a year,
// index.html never cached, and every other non-API GET answered with index.html (client routes).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface WebOptions {
  /** Folder of the built app; web/dist unless a test points elsewhere. */
  root?: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the current asset hashes, so it must be revalidated on every load
const REVALIDATE = 'no-cache';

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

/** The file under root a URL path names, or null when it would escape root or does not exist. */
function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, `.${decoded}`);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  try {
    return statSync(full).isFile() ? path.relative(root, full) : null;
  } catch {
    return null;
  }
}

export async function webApp(app: FastifyInstance, opts: WebOptions = {}): Promise<void> {
  const root = path.resolve(opts.root ?? WEB_DIST);
  // serve: false — only reply.sendFile; routing stays ours so /api misses keep their JSON 404
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false, etag: true });

  const sendIndex = (reply: FastifyReply) => {
    if (!existsSync(path.join(root, 'index.html'))) {
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('The web app has not been built: run `npm run build:web` (npm start does it for you).');
    }
    return reply.header('cache-control', REVALIDATE).sendFile('index.html', root);
  };

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (isApiPath(urlPath)) return reply.callNotFound();
    if (urlPath === '/' || urlPath === '/index.html') return sendIndex(reply);
    const file = fileUnder(root, urlPath);
    if (file) {
      // Vite puts content-hashed names under assets/; anything else at the top may change in place
      const cache = file.startsWith(`assets${path.sep}`) ? IMMUTABLE : REVALIDATE;
      return reply.header('cache-control', cache).sendFile(file, root);
    }
    // a missing script or image must be a 404, not an HTML page the browser would try to run
    if (path.extname(urlPath)) return reply.callNotFound();
    return sendIndex(reply);
  });
}
