import { types } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// Calendar dates stay 'YYYY-MM-DD' strings (never a Date at midnight in some zone).
types.setTypeParser(1082, (value) => value);

export interface DataSourceOptions {
  poolSize?: number;
  applicationName: string;
  /** Called for pg pool errors on idle clients (e.g. the database restarted). */
  onPoolError?: (error: Error) => void;
}

/**
 * A TypeORM data source. Schema changes come only from migrations, run as the
 * owner role; `synchronize` is never on.
 */
export function createDataSource(url: string, options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName: options.applicationName,
    poolSize: options.poolSize ?? 10,
    poolErrorHandler: options.onPoolError ?? (() => undefined),
    extra: {
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
    },
  });
}

/** The underlying pg pool, for health checks and pool error handlers. */
export function poolOf(dataSource: DataSource): import('pg').Pool {
  return (dataSource.driver as unknown as { master: import('pg').Pool }).master;
}
