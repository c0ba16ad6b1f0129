import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gql } from './helpers';

const MAIN = path.resolve(__dirname, '../dist/src/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
}

/** Runs the built server as `pnpm start` does, on the embedded database. */
function start(env: NodeJS.ProcessEnv): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`did not start in time:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Holdspace is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, output: () => output, url: match[1] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before starting:\n${output}`));
    });
  });
}

const postgresRunningOn = (dataDir: string) => {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('postgres') && cmd.includes(dataDir)) return true;
    } catch {
      // process ended while we looked
    }
  }
  return false;
};

describe('pnpm start on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdspace-embedded-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts with demo data, survives SIGKILL, keeps its data and shuts down cleanly', async () => {
    if (!fs.existsSync(MAIN)) throw new Error('Build first: pnpm --filter @holdspace/api build');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      EMBEDDED_PG_DATA_DIR: path.join(dataDir, 'pg'),
      LOG_LEVEL: 'info',
      DASHBOARD_DIR: path.join(dataDir, 'no-dashboard'),
    };

    const first = await start(env);
    expect(first.output()).toContain('demo data created');
    expect(first.output()).toContain('admin@northside.example');
    const signIn = () =>
      gql(
        first.url,
        'mutation($i: SignInInput!) { signIn(input: $i) { viewer { memberships { role } } } }',
        {
          i: { email: 'admin@northside.example', password: 'holdspace-demo-2026' },
        },
      );
    expect((await signIn()).body.data?.signIn.viewer.memberships).toHaveLength(2);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(postgresRunningOn(env.EMBEDDED_PG_DATA_DIR!)).toBe(true); // the crash left it behind

    const second = await start(env);
    expect(second.output()).not.toContain('demo data created'); // data persisted
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    expect((await signIn()).body.data?.signIn.viewer.memberships).toHaveLength(2);

    // A second process on the same data folder (the CLI, say) shares the running
    // database and, stopping, leaves it to its owner.
    const sharing = await start({ ...env, PORT: String(await freePort()) });
    expect(sharing.output()).toContain('sharing the embedded PostgreSQL');
    expect((await fetch(`${sharing.url}/readyz`)).status).toBe(200);
    sharing.child.kill('SIGTERM');
    expect(await new Promise((r) => sharing.child.once('exit', (c) => r(c)))).toBe(0);
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);

    second.child.kill('SIGTERM');
    const code = await new Promise((r) => second.child.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect(second.output()).toContain('stopped cleanly');
    expect(postgresRunningOn(env.EMBEDDED_PG_DATA_DIR!)).toBe(false);
  }, 240_000);
});
