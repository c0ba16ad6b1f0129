import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { API_MAIN, ARTIFACTS_DIR, DASHBOARD_DIST, REPO_ROOT } from './paths';

const READY_LINE = /Holdspace is running at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

declare global {
  /** The server the global setup started, for the global teardown (same process). */
  var __HOLDSPACE_E2E_SERVER__: RunningServer | undefined;
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Temporary folder holding the embedded PostgreSQL cluster. */
  tempDir: string;
  logFile: string;
}

/** A port nothing is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs `pnpm --filter <pkg> build` from the repository root; throws with its output if it fails. */
export function buildPackage(pkg: string): void {
  const result = spawnSync('pnpm', ['--filter', pkg, 'build'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: process.env,
  });
  if (result.error) throw new Error(`Could not run pnpm to build ${pkg}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-40);
    throw new Error(
      `Building ${pkg} failed (exit ${result.status}). To test what is already in dist/, ` +
        `run with E2E_SKIP_BUILD=1.\n${output.join('\n')}`,
    );
  }
}

function tail(text: string, lines = 40): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/**
 * Starts the API (which serves the built dashboard too) on free ports, with its
 * own embedded PostgreSQL in a temporary folder and the demo data, and resolves
 * once it says it is listening.
 */
export async function startServer(): Promise<RunningServer> {
  for (const [file, hint] of [
    [API_MAIN, 'pnpm --filter @holdspace/api build'],
    [path.join(DASHBOARD_DIST, 'index.html'), 'pnpm --filter @holdspace/dashboard build'],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`${hint}\` first.`);
  }

  const port = await freePort();
  let pgPort = await freePort();
  while (pgPort === port) pgPort = await freePort();

  // The postgres OS user must pass through this folder; mkdtemp makes it 0700.
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdspace-e2e-'));
  fs.chmodSync(tempDir, 0o755);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    EMBEDDED_PG_DATA_DIR: path.join(tempDir, 'postgres'),
    SEED_DEMO: 'true',
    NODE_ENV: 'development',
    DASHBOARD_DIR: DASHBOARD_DIST,
  };
  delete env.DATABASE_URL;
  delete env.APP_DATABASE_URL;

  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = path.join(ARTIFACTS_DIR, 'e2e-server.log');
  // Output goes straight to a file, not through a pipe to jest: the server can
  // then finish shutting down (and stop its PostgreSQL) even if jest has gone.
  const logFd = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);

  const readLog = () => {
    try {
      return fs.readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  const url = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      reject(new Error(`${message}\nIts output (also in ${logFile}):\n${tail(readLog())}`));
    };
    const poll = setInterval(() => {
      const match = READY_LINE.exec(readLog());
      if (match) {
        settled = true;
        clearInterval(poll);
        resolve(match[1] as string);
      } else if (child.exitCode !== null || child.signalCode !== null) {
        fail(
          `The API exited before it was ready (code ${child.exitCode}, signal ${child.signalCode}).`,
        );
      } else if (Date.now() > deadline) {
        fail(`The API did not start within ${START_TIMEOUT_MS / 1000} s.`);
      }
    }, 100);
    child.once('error', (error) => fail(`Could not start the API: ${error.message}`));
  }).catch((error: unknown) => {
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  });

  return { url, process: child, tempDir, logFile };
}

/**
 * Stops the API with SIGTERM (it drains requests and stops its PostgreSQL) and
 * removes its data. Resolves with its exit code; SIGKILLs it if it hangs.
 */
export async function stopServer(server: RunningServer): Promise<number | null> {
  const child = server.process;
  let code: number | null = child.exitCode;
  if (code === null && child.signalCode === null) {
    code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
      }, STOP_TIMEOUT_MS);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
      child.kill('SIGTERM');
    });
  }
  fs.rmSync(server.tempDir, { recursive: true, force: true });
  return code;
}
