import path from 'node:path';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';
import {
  APP_ROLE,
  OWNER_ROLE,
  bootstrapCluster,
  ensureAppRole,
  withCredentials,
  withDatabase,
} from './roles';

export interface ProvidedDatabase {
  /** Owner connection: migrations only. */
  ownerUrl: string;
  /** The API's connection (APP_ROLE): everything a request does. */
  appUrl: string;
  embedded: boolean;
  /** Stops the embedded server, if we started one. */
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'holdspace';
const EMBEDDED_SUPERUSER_PASSWORD = 'holdspace_embedded';
const EMBEDDED_OWNER_PASSWORD = 'holdspace_owner_dev';

/**
 * DATABASE_URL when set (the owner's connection; the app role is created if
 * missing and the URL's credentials allow it); otherwise an embedded PostgreSQL
 * in an ignored folder, set up with both roles on first run.
 */
export async function provideDatabase(
  config: Config,
  logger: Logger,
  overrides: { database?: string; dataDir?: string; port?: number } = {},
): Promise<ProvidedDatabase> {
  if (config.databaseUrl) {
    const ownerUrl = overrides.database
      ? withDatabase(config.databaseUrl, overrides.database)
      : config.databaseUrl;
    const appUrl =
      config.appDatabaseUrl ?? withCredentials(ownerUrl, APP_ROLE, config.appDbPassword);
    if (!config.appDatabaseUrl) await ensureAppRole(config.databaseUrl, config.appDbPassword);
    return { ownerUrl, appUrl, embedded: false, stop: async () => undefined };
  }

  const database = overrides.database ?? EMBEDDED_DATABASE;
  const embedded = await startEmbeddedPostgres({
    dataDir: overrides.dataDir ?? config.embeddedPg.dataDir,
    port: overrides.port ?? config.embeddedPg.port,
    superuserPassword: EMBEDDED_SUPERUSER_PASSWORD,
    logger,
  });
  try {
    await bootstrapCluster(
      embedded.adminUrl(),
      database,
      EMBEDDED_OWNER_PASSWORD,
      config.appDbPassword,
    );
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const ownerUrl = withCredentials(
    embedded.adminUrl(database),
    OWNER_ROLE,
    EMBEDDED_OWNER_PASSWORD,
  );
  return {
    ownerUrl,
    appUrl: withCredentials(ownerUrl, APP_ROLE, config.appDbPassword),
    embedded: true,
    stop: () => embedded.stop(),
  };
}

/** Applies pending migrations as the owner. Returns the names applied. */
export async function migrate(ownerUrl: string): Promise<string[]> {
  const ds = createDataSource(ownerUrl, { applicationName: 'holdspace-migrate', poolSize: 1 });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

export const embeddedDataDirFor = (config: Config, name: string) =>
  path.join(path.dirname(config.embeddedPg.dataDir), name);
