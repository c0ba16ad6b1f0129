import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { AuthService } from './auth/auth.service';
import { startRollupJob } from './commissioning/rollup.job';
import type { Config } from './config/config';
import type { Logger } from './config/logger';
import { createDataSource } from './db/data-source';
import { migrate, provideDatabase, type ProvidedDatabase } from './db/database';
import { buildHoldspaceSchema } from './graphql/schema';
import { createServer, type HoldspaceServer } from './http/app';
import type { ContextDeps } from './tenancy/context';

export interface RunningHoldspace {
  url: string;
  dataSource: DataSource;
  database: ProvidedDatabase;
  server: HoldspaceServer;
  deps: ContextDeps;
  /** Drains requests, closes the pool, stops the embedded database. */
  stop(): Promise<void>;
}

/** Connects the API's pool as the app role (never the owner). */
export async function connectApp(
  appUrl: string,
  config: Config,
  logger: Logger,
): Promise<DataSource> {
  const dataSource = createDataSource(appUrl, {
    applicationName: 'holdspace-api',
    poolSize: config.dbPoolSize,
    onPoolError: (error) =>
      logger.warn({ err: error.message }, 'database connection lost (idle client)'),
  });
  await dataSource.initialize();
  return dataSource;
}

/**
 * Starts Holdspace: database (given or embedded), migrations as the owner, the
 * app role's pool, then HTTP. `database` lets tests reuse one they provided.
 */
export async function startHoldspace(
  config: Config,
  logger: Logger,
  options: {
    database?: ProvidedDatabase;
    beforeListen?: (dataSource: DataSource) => Promise<void>;
    /** Test-only resolvers added to the schema (never used by main). */
    extraResolvers?: Function[];
    /** Test-only: observe each finished request (statement counts). */
    onRequestFinished?: ContextDeps['onRequestFinished'];
  } = {},
): Promise<RunningHoldspace> {
  const database = options.database ?? (await provideDatabase(config, logger));
  let dataSource: DataSource | null = null;
  try {
    const applied = await migrate(database.ownerUrl);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    dataSource = await connectApp(database.appUrl, config, logger);
    await options.beforeListen?.(dataSource);
    const deps: ContextDeps = {
      config,
      logger,
      dataSource,
      auth: new AuthService(dataSource, config),
      onRequestFinished: options.onRequestFinished,
    };
    const server = await createServer(await buildHoldspaceSchema(options.extraResolvers), deps);
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.httpServer.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.httpServer.address() as AddressInfo;
    const ds = dataSource;
    // The shared rollup's months that complete without a write (docs/commissioning.md).
    const rollupJob = startRollupJob(ds, logger);
    let stopping: Promise<void> | null = null;
    return {
      url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
      dataSource: ds,
      database,
      server,
      deps,
      stop: () =>
        (stopping ??= (async () => {
          await server.apollo.stop(); // stops accepting, drains in-flight requests
          await rollupJob.stop();
          if (server.httpServer.listening)
            await new Promise((r) => server.httpServer.close(() => r(null)));
          await ds.destroy();
          if (!options.database) await database.stop();
        })()),
    };
  } catch (error) {
    if (dataSource?.isInitialized) await dataSource.destroy();
    if (!options.database) await database.stop();
    throw error;
  }
}
