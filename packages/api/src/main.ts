import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './config/logger';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIfEmpty } from './demo/seed';
import { startHoldspace } from './server';

/** `pnpm start`: the API and the dashboard on one port, with demo data on first run. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled rejection'),
  );

  const running = await startHoldspace(config, logger, {
    beforeListen: async (dataSource) => {
      if (config.seedDemo && (await seedDemoIfEmpty(dataSource))) logger.info('demo data created');
    },
  });

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    running.stop().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));

  const lines = [
    '',
    `  Holdspace is running at ${running.url}`,
    `  Database: ${running.database.embedded ? `embedded PostgreSQL (data in ${config.embeddedPg.dataDir})` : 'DATABASE_URL'}`,
  ];
  if (config.seedDemo) {
    lines.push('', `  Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) lines.push(`    ${user.email.padEnd(34)} ${user.describe}`);
  }
  lines.push('', '  Press Ctrl+C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  const e = error as { code?: string; port?: number };
  if (e.code === 'EADDRINUSE') {
    console.error(
      `Port ${e.port} is already in use (is Holdspace already running?). Set PORT to another port.`,
    );
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
