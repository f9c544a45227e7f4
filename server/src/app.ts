// buildApp() assembles the HTTP application and never listens: tests use app.inject().
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { installAuth } from './http/auth.ts';
import { frameworkErrorHandler, installErrorHandler } from './http/error-handler.ts';
import { adminRoutes } from './http/routes/admin.routes.ts';
import { attachmentRoutes } from './http/routes/attachments.routes.ts';
import { auditRoutes } from './http/routes/audit.routes.ts';
import { authRoutes } from './http/routes/auth.routes.ts';
import { callRoutes } from './http/routes/calls.routes.ts';
import { caseRoutes } from './http/routes/cases.routes.ts';
import { channelRoutes } from './http/routes/channels.routes.ts';
import { chatRoutes } from './http/routes/chat.routes.ts';
import { customerRoutes } from './http/routes/customers.routes.ts';
import { identityRoutes } from './http/routes/identity.routes.ts';
import { liveRoutes } from './http/routes/live.routes.ts';
import { notificationRoutes } from './http/routes/notifications.routes.ts';
import { offerRoutes } from './http/routes/offers.routes.ts';
import { orgRoutes } from './http/routes/org.routes.ts';
import { portalRoutes } from './http/routes/portal.routes.ts';
import { reportRoutes } from './http/routes/reports.routes.ts';
import { slaRoutes } from './http/routes/sla.routes.ts';
import { systemRoutes } from './http/routes/system.ts';
import { webhookRoutes } from './http/routes/webhooks.routes.ts';
import { webApp } from './http/web.ts';
import type { Db } from './platform/db/db.ts';
import type { LiveEvents } from './platform/db/live-events.ts';
import { type FileStore, LocalDiskStore } from './platform/storage/storage.ts';

export interface AppDeps {
  db: Db;
  store?: FileStore;
  /** live updates (LISTEN/NOTIFY); without it the live stream answers 503 */
  live?: LiveEvents;
}

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
    frameworkErrors: frameworkErrorHandler({ hsts: config.publicUrl.startsWith('https://') }),
  });
  const { db } = deps;
  const store = deps.store ?? new LocalDiskStore(config.storageDir);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Swagger UI needs inline styles; nothing else does
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // over plain HTTP (a LAN address, a demo) upgrading would point the page at https and blank it
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    hsts: config.publicUrl.startsWith('https://') ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Riza API',
        version: '1.0.0',
        description:
          'Complaint and customer-care platform. Errors have the shape `{ error: { code, message, fields? } }` with the message in the `Accept-Language` language (ar, en, ru, kk, az). Creation endpoints honour `Idempotency-Key`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'riza_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installErrorHandler(app);
  installAuth(app, db);
  systemRoutes(app, db);
  authRoutes(app, db, config);
  orgRoutes(app, db);
  adminRoutes(app, db);
  customerRoutes(app, db);
  caseRoutes(app, db);
  attachmentRoutes(app, db, config, store);
  auditRoutes(app, db);
  slaRoutes(app, db);
  portalRoutes(app, db, config, store);
  notificationRoutes(app, db);
  offerRoutes(app, db);
  identityRoutes(app, db);
  channelRoutes(app, db);
  chatRoutes(app, db, { store, listenUrl: deps.live ? config.databaseUrl : undefined });
  callRoutes(app, db, config, store);
  webhookRoutes(app, db, store);
  reportRoutes(app, db);
  liveRoutes(app, deps.live);
  await app.register(webApp);
  return app;
}
