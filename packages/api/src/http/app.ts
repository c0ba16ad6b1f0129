import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { poolOf } from '../db/data-source';
import { classifyError, formatGraphQLError } from '../errors/format-error';
import { importRoutes } from '../imports/import.routes';
import { buildContext, type ContextDeps, type RequestContext } from '../tenancy/context';

/** Query limits (docs/errors.md). A query one past any of them is refused. */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 5000,
  maxBodyBytes: 1024 * 1024,
} as const;

export interface HoldspaceServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
}

/**
 * Commits the request's transaction when it succeeded; otherwise rolls it back
 * and drops any partial data (all or nothing, for reads as for writes).
 */
const transactionPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, logger }) {
        const body = response.body;
        const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
        const failed = body.kind !== 'single' || errors.length > 0;
        if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
        }
        // A request with any error is rolled back whole, so it returns no data
        // either: no partial result can outlive, say, the audit event of a read.
        if (failed && body.kind === 'single' && body.singleResult.data)
          body.singleResult.data = null;
        try {
          await contextValue.db.finish(!failed);
          contextValue.deps.onRequestFinished?.(contextValue);
        } catch (error) {
          logger.error(`commit failed: ${String(error)}`);
          if (body.kind === 'single') {
            const classified = classifyError(error);
            body.singleResult.data = null;
            body.singleResult.errors = [
              { message: classified.message, extensions: { code: classified.code } },
            ];
            response.http.status = classified.code === 'SERVICE_UNAVAILABLE' ? 503 : 500;
          }
        }
      },
    };
  },
};

/** Answers about people are never kept by a browser or a proxy. */
function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  next();
}

function requestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming)
      ? incoming
      : randomUUID();
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
}

/**
 * The HTTP app: /healthz, /readyz, /graphql and the built dashboard, on one port.
 */
export async function createServer(
  schema: GraphQLSchema,
  deps: ContextDeps,
): Promise<HoldspaceServer> {
  const { config, logger, dataSource } = deps;
  const app = express();
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestId, securityHeaders);

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          requestId: res.locals.requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await Promise.race([
        poolOf(dataSource).query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  const armor = new ApolloArmor({
    // Fragments are counted where they are spread, once: a dashboard query written
    // with fragments costs what the same query written out costs.
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    // The token limit is graphql-js's own parse option (below): refused as a syntax error (400).
    maxTokens: { enabled: false },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, flattenFragments: true },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  const production = config.env === 'production';
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !production,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    stopOnTerminationSignals: false, // main.ts owns shutdown (drain, pool, database)
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    validationRules: protection.validationRules,
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, (internal) =>
        logger.error({ err: internal }, 'internal error (masked for the client)'),
      ),
    plugins: [
      ...protection.plugins,
      transactionPlugin,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginDisableSuggestions(),
      // Every answer is private and uncacheable (no-store, set below): Apollo's cache-control
      // plugin would only reach the same header after a hook on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    logger: {
      debug: (m) => logger.debug(m),
      info: (m) => logger.info(m),
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    },
  });
  await apollo.start();

  app.use(importRoutes(deps));
  app.use(
    '/graphql',
    noStore,
    express.json({ limit: GRAPHQL_LIMITS.maxBodyBytes }),
    expressMiddleware(apollo, { context: ({ req, res }) => buildContext(req, res, deps) }),
  );

  if (fs.existsSync(path.join(config.dashboardDir, 'index.html'))) {
    app.use(express.static(config.dashboardDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => {
      res.sendFile(path.join(config.dashboardDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send('Holdspace API is running. The dashboard is not built: run `pnpm build`.\n');
    });
  }

  // Body and transport errors (malformed JSON, too large): coded, never a stack.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const e = error as { type?: string; status?: number };
    if (e.type === 'entity.too.large') {
      res.status(413).json({
        errors: [
          {
            message: `The request body is larger than ${GRAPHQL_LIMITS.maxBodyBytes} bytes.`,
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
      return;
    }
    if (e.type === 'entity.parse.failed' || (e.status && e.status >= 400 && e.status < 500)) {
      res.status(400).json({
        errors: [
          {
            message: 'The request body is not valid JSON.',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
      return;
    }
    const classified = classifyError(error);
    if (classified.internal) logger.error({ err: error }, 'unhandled HTTP error (masked)');
    res.status(classified.code === 'SERVICE_UNAVAILABLE' ? 503 : 500).json({
      errors: [{ message: classified.message, extensions: { code: classified.code } }],
    });
  });

  return { app, httpServer, apollo };
}
