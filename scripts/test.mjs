#!/usr/bin/env node
// `pnpm test`: builds, then runs every package's jest suite and prints one line
// `N passed, N failed` totalled over all suites. Without DATABASE_URL the API's
// tests start their own embedded PostgreSQL; with it, they use that server.
//
//   node scripts/test.mjs                      every suite
//   node scripts/test.mjs --package api --pattern 'src/(db|auth)'   a named part
//   node scripts/test.mjs --summary out.json   also write the totals as JSON
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const onlyPackage = option('--package');
const pattern = option('--pattern');
const summaryFile = option('--summary');
const skipBuild = args.includes('--no-build');

// Each suite: the package folder and the jest config (the browser suite is the dashboard's e2e).
const suites = [
  { name: 'shared', dir: 'shared', config: null },
  { name: 'api', dir: 'api', config: null },
  { name: 'dashboard', dir: 'dashboard', config: null },
  { name: 'e2e', dir: 'dashboard', config: 'jest.e2e.config.cjs' },
].filter((s) => !onlyPackage || s.name === onlyPackage);
const pnpm =
  process.env.npm_execpath && process.env.npm_execpath.includes('pnpm')
    ? process.env.npm_execpath
    : null;

function run(command, commandArgs, cwd) {
  const useNode = command === 'pnpm' && pnpm && pnpm.endsWith('.cjs');
  const result = useNode
    ? spawnSync(process.execPath, [pnpm, ...commandArgs], { cwd, stdio: 'inherit' })
    : spawnSync(command, commandArgs, {
        cwd,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  return result.status ?? 1;
}

let passed = 0;
let failed = 0;
let broken = false;

if (!skipBuild) {
  console.log('\n== build');
  if (run('pnpm', ['-r', 'run', 'build'], root) !== 0) {
    console.error('The build failed; the tests cannot run.');
    broken = true;
  }
}

/**
 * The browser suite drives Debian's Chromium. On a machine without it, install it
 * when we can (root with apt-get, as on CI and a fresh Debian box); otherwise say how.
 */
function ensureChromium() {
  const browser = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (fs.existsSync(browser)) return true;
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log("Chromium is missing: installing Debian's chromium package for the browser tests…");
    const install = spawnSync(
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      ],
      { stdio: 'inherit' },
    );
    if (install.status === 0 && fs.existsSync(browser)) return true;
  }
  console.error(
    `The browser tests need Chromium at ${browser}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  return false;
}

for (const suite of broken ? [] : suites) {
  const { name } = suite;
  const cwd = path.join(root, 'packages', suite.dir);
  const out = path.join(os.tmpdir(), `holdspace-jest-${name}-${process.pid}.json`);
  console.log(`\n== ${name}`);
  if (name === 'e2e') {
    if (!ensureChromium()) {
      failed += 1;
      continue;
    }
    process.env.E2E_SKIP_BUILD = skipBuild ? (process.env.E2E_SKIP_BUILD ?? '') : '1'; // built above
  }
  const jestArgs = ['exec', 'jest', '--json', `--outputFile=${out}`];
  if (suite.config) jestArgs.push('-c', suite.config);
  if (pattern && name === onlyPackage) jestArgs.push('--testPathPatterns', pattern);
  const status = run('pnpm', jestArgs, cwd);
  if (!fs.existsSync(out)) {
    console.error(`${name}: jest produced no results (exit ${status})`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that failed to load (syntax, setup) has no failed tests but is a failure.
  const brokenSuites = report.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed'),
  );
  failed += brokenSuites.length;
  for (const suite of brokenSuites)
    console.error(`${name}: suite failed to run: ${path.relative(root, suite.name)}`);
  if (status !== 0 && report.numFailedTests === 0 && brokenSuites.length === 0) {
    console.error(`${name}: jest exited ${status}`);
    failed += 1;
  }
}

if (broken) failed += 1;
if (summaryFile) fs.writeFileSync(summaryFile, JSON.stringify({ passed, failed }));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
