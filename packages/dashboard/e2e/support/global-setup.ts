import { assertChromiumInstalled } from './chromium';
import { BASE_URL_ENV } from './paths';
import { buildPackage, startServer } from './server';

/**
 * Once per run: check Chromium is there, build the API and the dashboard (skip
 * with E2E_SKIP_BUILD=1), and start the API with a fresh embedded database and
 * the demo data. Test files find it through HOLDSPACE_E2E_URL.
 *
 * With HOLDSPACE_E2E_URL already set, that server is used as it is (it must
 * hold the demo data) and nothing is built or started.
 */
export default async function globalSetup(): Promise<void> {
  assertChromiumInstalled();
  if (process.env[BASE_URL_ENV]) return;

  if (process.env.E2E_SKIP_BUILD !== '1') {
    buildPackage('@holdspace/api');
    buildPackage('@holdspace/dashboard');
  }

  const server = await startServer();
  globalThis.__HOLDSPACE_E2E_SERVER__ = server;
  process.env[BASE_URL_ENV] = server.url;

  // If jest goes without running the teardown (an interrupted run), do not leave
  // the server and its PostgreSQL behind.
  process.once('exit', () => {
    if (server.process.exitCode === null) server.process.kill('SIGTERM');
  });
}
