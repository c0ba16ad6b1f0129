import { stopServer } from './server';

/** Stops the server the global setup started; a shutdown that is not clean fails the run. */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__HOLDSPACE_E2E_SERVER__;
  if (!server) return;
  globalThis.__HOLDSPACE_E2E_SERVER__ = undefined;
  const code = await stopServer(server);
  if (code !== 0) {
    throw new Error(
      `The API did not shut down cleanly on SIGTERM (exit code ${code}); see ${server.logFile}.`,
    );
  }
}
