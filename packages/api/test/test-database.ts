import { Client } from 'pg';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { migrate, provideDatabase, embeddedDataDirFor } from '../src/db/database';
import { databaseName, withDatabase } from '../src/db/roles';

/**
 * The database the tests run against: DATABASE_URL's server when set (CI: the
 * local PostgreSQL), else an embedded one in .data/postgres-test. Either way a
 * fresh database named *_test, migrated as the owner.
 */
export interface TestDatabase {
  ownerUrl: string;
  appUrl: string;
  stop(): Promise<void>;
}

export const TEST_DATABASE = process.env.TEST_DATABASE_NAME || 'holdspace_test';

async function recreate(ownerUrl: string): Promise<void> {
  const name = databaseName(ownerUrl);
  if (!name.endsWith('_test'))
    throw new Error(`Refusing to reset "${name}": test databases end in _test.`);
  const admin = new Client({ connectionString: withDatabase(ownerUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const logger = createLogger(process.env.TEST_LOG_LEVEL || 'warn');
  const provided = config.databaseUrl
    ? await provideDatabase(config, logger, { database: TEST_DATABASE })
    : await provideDatabase(config, logger, {
        database: TEST_DATABASE,
        dataDir: embeddedDataDirFor(config, 'postgres-test'),
        port: Number(process.env.EMBEDDED_PG_TEST_PORT || 54339),
      });
  await recreate(provided.ownerUrl);
  await migrate(provided.ownerUrl);
  return { ownerUrl: provided.ownerUrl, appUrl: provided.appUrl, stop: () => provided.stop() };
}
