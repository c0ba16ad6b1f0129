import fs from 'node:fs';
import path from 'node:path';

/**
 * Configuration comes from environment variables only, validated once at start.
 * A bad value stops the process with a message naming the variable and what it
 * expects; nothing half-configured ever serves a request.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Owner connection (runs migrations). Unset: an embedded PostgreSQL is started. */
  databaseUrl: string | null;
  /** The API's own connection: a role that owns nothing and cannot bypass RLS. */
  appDatabaseUrl: string | null;
  appDbPassword: string;
  embeddedPg: { dataDir: string; port: number };
  dbPoolSize: number;
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean };
  signInThrottle: {
    windowMinutes: number;
    maxFailuresPerAccount: number;
    maxFailuresPerAddress: number;
  };
  trustProxy: boolean;
  seedDemo: boolean;
  dashboardDir: string;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The monorepo's root: the nearest folder above this file with pnpm-workspace.yaml. */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
const repoRoot = findRepoRoot(__dirname);

/** Reads and validates the configuration from `env` (defaults to process.env). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes)$/i.test(raw)) return true;
    if (/^(0|false|no)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const url = (name: string): string | null => {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    try {
      const parsed = new URL(raw);
      if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error('protocol');
      return raw;
    } catch {
      problems.push(`${name} must be a postgres:// connection URL`);
      return null;
    }
  };

  const rawEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(rawEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${rawEnv}")`);
  }
  const nodeEnv = (
    ['development', 'production', 'test'].includes(rawEnv) ? rawEnv : 'development'
  ) as Config['env'];

  const databaseUrl = url('DATABASE_URL');
  const appDatabaseUrl = url('APP_DATABASE_URL');
  const appDbPassword =
    env.APP_DB_PASSWORD ?? (nodeEnv === 'production' ? '' : 'holdspace_app_dev');
  if (nodeEnv === 'production' && !appDatabaseUrl && !env.APP_DB_PASSWORD) {
    problems.push('APP_DATABASE_URL or APP_DB_PASSWORD must be set in production');
  }

  const config: Config = {
    env: nodeEnv,
    port: int('PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    appDatabaseUrl,
    appDbPassword,
    embeddedPg: {
      dataDir: path.resolve(env.EMBEDDED_PG_DATA_DIR || path.join(repoRoot, '.data/postgres')),
      port: int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    },
    dbPoolSize: int('DB_POOL_SIZE', 10, 1, 200),
    session: {
      idleMinutes: int('SESSION_IDLE_MINUTES', 60, 1, 24 * 60),
      absoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
      cookieSecure: bool('COOKIE_SECURE', nodeEnv === 'production'),
    },
    signInThrottle: {
      windowMinutes: int('SIGNIN_WINDOW_MINUTES', 15, 1, 24 * 60),
      maxFailuresPerAccount: int('SIGNIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
      maxFailuresPerAddress: int('SIGNIN_MAX_FAILURES_PER_ADDRESS', 30, 1, 100000),
    },
    trustProxy: bool('TRUST_PROXY', false),
    seedDemo: bool('SEED_DEMO', nodeEnv !== 'production'),
    dashboardDir: path.resolve(env.DASHBOARD_DIR || path.join(repoRoot, 'packages/dashboard/dist')),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
  };
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
