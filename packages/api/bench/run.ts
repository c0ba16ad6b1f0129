/**
 * `pnpm bench`: Holdspace's benchmarks, each measured side by side with its baseline in the
 * same run, printed as one table of medians (p50), 95th percentiles (p95) and ratios.
 *
 *   pnpm bench [flags]               (= pnpm --filter @holdspace/api run bench)
 *   node packages/api/dist/bench/run.js [flags]
 *
 * Flags:
 *   --runs N          measured runs of each overview query per organisation (default 30)
 *   --warmup N        warm-up runs before measuring (default 3)
 *   --fresh           drop the bench database and load the synthetic data again
 *   --large-staff N   people on record in the large organisation (default 12000: about
 *                     10,000 in post throughout 5 years of history)
 *   --full-import     import benchmark at the issue's size: 100,000 staff and 1,000,000
 *                     session rows (several minutes); default 10,000 and 100,000
 *   --no-import       skip the import benchmark
 *   --no-comparison   skip the commissioner comparison (300 providers, 3,000 shared services)
 *   --only NAME       run one benchmark only: overview, comparison, import or dashboard
 *   --no-dashboard    skip the dashboard's initial JavaScript size
 *   --no-build        measure the existing packages/dashboard/dist instead of building it
 *   --help            this text
 *
 * The server runs as deployed: NODE_ENV=production unless set (bench/as-deployed.ts).
 *
 * Database: DATABASE_URL's server when set (database `holdspace_bench`, created when
 * missing), otherwise an embedded PostgreSQL in .data/postgres-bench (port
 * EMBEDDED_PG_BENCH_PORT, default 54359). The first run generates and loads the synthetic
 * organisations (about 2 million rows: a few minutes on a 2-core machine); later runs find
 * them in place and go straight to measuring (about 3 to 6 minutes with the defaults,
 * depending on how fast the metrics are). Exit code 0 whatever the numbers: benchmarks
 * report, they do not fail builds. Timings belong here, never in tests.
 */
// First: the environment of a deployed server (see as-deployed.ts).
import './as-deployed';
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import {
  BENCH_PERIOD,
  benchOrganisations,
  ensureBenchData,
  provideBenchDatabase,
  removeImportBenchLeftovers,
  repoRoot,
  type BenchData,
  type OrgCounts,
} from './bench-data';
import { buildDashboard, measureDashboard, type BundleSize } from './dashboard-size';
import { COMPARISON_MONTHS, runComparisonBench, type ComparisonMeasure } from './comparison-bench';
import { runOverviewBench, type OverviewFailure, type OverviewMeasure } from './overview-bench';

const USAGE = `Usage: node dist/bench/run.js [--runs N] [--warmup N] [--fresh] [--large-staff N]
       [--full-import] [--no-import] [--no-comparison] [--no-dashboard] [--no-build]
       [--only overview|comparison|import|dashboard] [--help]`;

const BENCHES = ['overview', 'comparison', 'import', 'dashboard'] as const;
type Bench = (typeof BENCHES)[number];

interface Options {
  runs: number;
  warmup: number;
  fresh: boolean;
  largeStaff: number;
  fullImport: boolean;
  importBench: boolean;
  dashboard: boolean;
  overview: boolean;
  comparison: boolean;
  build: boolean;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): Options | 'help' {
  const options: Options = {
    runs: 30,
    warmup: 3,
    fresh: false,
    largeStaff: 12_000,
    fullImport: false,
    importBench: true,
    dashboard: true,
    overview: true,
    comparison: true,
    build: true,
  };
  let only: Bench | null = null;
  const number = (flag: string, value: string | undefined, min: number, max: number) => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(`${flag} takes a whole number from ${min} to ${max}`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--':
        break;
      case '--runs':
        options.runs = number(arg, argv[++i], 1, 10_000);
        break;
      case '--warmup':
        options.warmup = number(arg, argv[++i], 0, 1_000);
        break;
      case '--large-staff':
        options.largeStaff = number(arg, argv[++i], 10, 200_000);
        break;
      case '--fresh':
        options.fresh = true;
        break;
      case '--full-import':
        options.fullImport = true;
        break;
      case '--no-import':
        options.importBench = false;
        break;
      case '--no-dashboard':
        options.dashboard = false;
        break;
      case '--no-comparison':
        options.comparison = false;
        break;
      case '--only': {
        const name = argv[++i];
        if (!BENCHES.includes(name as Bench)) {
          throw new UsageError(`--only takes one of ${BENCHES.join(', ')}`);
        }
        only = name as Bench;
        break;
      }
      case '--no-build':
        options.build = false;
        break;
      case '--help':
      case '-h':
        return 'help';
      default:
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  if (only) {
    options.overview = only === 'overview';
    options.comparison = only === 'comparison';
    options.importBench = only === 'import';
    options.dashboard = only === 'dashboard';
  }
  return options;
}

const progress = (message: string) => process.stderr.write(`${message}\n`);
const int = (n: number) => Math.round(n).toLocaleString('en-GB');
const ms = (n: number) => `${int(n)} ms`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const times = (n: number) => `${n.toFixed(2)}×`;

interface ImportRow {
  what: string;
  rows: number;
  importSeconds: number;
  copySeconds: number;
  ratio: number;
}

/**
 * The import benchmark (bench/import-bench.ts), at the size asked for, on the same database.
 * It prints its own table; its ratios are read from those lines.
 */
async function importBench(
  full: boolean,
  env: Record<string, string>,
): Promise<{ rows: ImportRow[]; notes: string[] }> {
  process.env.BENCH_STAFF ||= full ? '100000' : '10000';
  process.env.BENCH_SESSIONS ||= full ? '1000000' : '100000';
  Object.assign(process.env, env);
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
    log(...args);
  };
  try {
    // Loaded here: it reads BENCH_STAFF and BENCH_SESSIONS when it loads.
    const { runImportBench } = await import('./import-bench.js');
    await runImportBench();
  } finally {
    console.log = log;
  }
  const rows: ImportRow[] = [];
  const notes: string[] = [];
  for (const line of lines.join('\n').split('\n')) {
    const m = /^(\w+)\s+(\d+)\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)×/.exec(line.trim());
    if (m) {
      rows.push({
        what: m[1],
        rows: Number(m[2]),
        importSeconds: Number(m[3]),
        copySeconds: Number(m[4]),
        ratio: Number(m[5]),
      });
    } else if (/^Re-import/.test(line.trim())) {
      notes.push(line.trim());
    }
  }
  if (rows.length === 0) throw new Error('the import benchmark printed no results');
  return { rows, notes };
}

type Cell = string;
interface TableRow {
  measurement: string;
  p50: Cell;
  p95: Cell;
  baseP50: Cell;
  baseP95: Cell;
  ratio: Cell;
  aim: Cell;
  met: Cell;
}

function markdownTable(rows: TableRow[]): string {
  const header: TableRow = {
    measurement: 'measurement',
    p50: 'p50',
    p95: 'p95',
    baseP50: 'baseline p50',
    baseP95: 'baseline p95',
    ratio: 'ratio (p50)',
    aim: 'aim',
    met: 'met?',
  };
  const keys = Object.keys(header) as Array<keyof TableRow>;
  const width = Object.fromEntries(
    keys.map((k) => [k, Math.max(...[header, ...rows].map((r) => r[k].length), 3)]),
  ) as Record<keyof TableRow, number>;
  const right = new Set<keyof TableRow>(['p50', 'p95', 'baseP50', 'baseP95', 'ratio']);
  const line = (r: TableRow) =>
    `| ${keys.map((k) => (right.has(k) ? r[k].padStart(width[k]) : r[k].padEnd(width[k]))).join(' | ')} |`;
  const rule = `| ${keys.map((k) => (right.has(k) ? `${'-'.repeat(width[k] - 1)}:` : '-'.repeat(width[k]))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function volumeReport(data: BenchData): string {
  const c = (x: OrgCounts) =>
    `${int(x.staff)} staff on record, ${int(x.agreements)} agreements, ${int(x.sessions)} sessions (${int(x.attendees)} attendances), ${int(x.absences)} absence episodes`;
  return [
    `  large: ${c(data.large.counts)}; ${int(data.large.headcount)} in post on ${BENCH_PERIOD.to}`,
    `         (the issue: about 10,000 staff, 600,000 sessions, 50,000 absence episodes over 5 years)`,
    `  small: ${c(data.small.counts)}; ${int(data.small.headcount)} in post on ${BENCH_PERIOD.to}`,
    `  and ${data.others.count} other organisations: ${c(data.others.counts)}`,
  ].join('\n');
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(
      "SELECT current_setting('server_version') AS v",
    );
    return rows[0].v;
  } finally {
    await client.end();
  }
}

async function main(argv: string[]): Promise<void> {
  let options: Options;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      console.log(USAGE);
      return;
    }
    options = parsed;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  const rows: TableRow[] = [];
  const notes: string[] = [];
  const failed = (what: string, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    progress(`${what} failed: ${message}`);
    rows.push({
      measurement: what,
      p50: '—',
      p95: '—',
      baseP50: '—',
      baseP95: '—',
      ratio: '—',
      aim: '—',
      met: `not run: ${message.split('\n')[0].slice(0, 80)}`,
    });
  };

  // ---- the dashboard's initial JavaScript (first: the build is over before any timing) ----
  let bundle: BundleSize | null = null;
  if (options.dashboard) {
    try {
      let builtNow = false;
      if (options.build) {
        progress('building the dashboard (pnpm --filter @holdspace/dashboard build)…');
        const build = buildDashboard(repoRoot);
        if (!build.ok) {
          progress(build.output.split('\n').slice(-30).join('\n'));
          notes.push('The dashboard build failed: the size is of the previous build, if any.');
        }
        builtNow = build.ok;
      }
      bundle = measureDashboard(path.join(repoRoot, 'packages/dashboard/dist'), builtNow);
    } catch (error) {
      failed('Dashboard initial JS (gzip)', error);
    }
  }

  // ---- the database and the synthetic organisations ----
  const config = loadConfig();
  const logger = createLogger('warn');
  let overview: Array<OverviewMeasure | OverviewFailure> = [];
  let data: BenchData | null = null;
  let databaseEnv: Record<string, string> = {};
  let where = '';
  let pgVersion = '';
  let comparison: ComparisonMeasure | null = null;
  const comparisonTitle =
    'Commissioner comparison, 3,000 services × 12 months (API vs one SQL query)';
  if (options.overview || options.comparison || options.importBench) {
    try {
      progress('bench database…');
      const database = await provideBenchDatabase(config, logger, options.fresh);
      databaseEnv = database.env;
      where = database.describe;
      try {
        pgVersion = await postgresVersion(database.ownerUrl);
        if (options.overview) {
          try {
            await removeImportBenchLeftovers(database.ownerUrl);
            progress('synthetic organisations (generated from fixed seeds; loaded once)…');
            data = await ensureBenchData(database, benchOrganisations(options.largeStaff));
            progress(
              data.loadedNow > 0
                ? `loaded ${data.loadedNow} organisations in ${data.loadSeconds.toFixed(0)} s`
                : `all ${data.others.count + 2} organisations already loaded (checked in ${data.loadSeconds.toFixed(0)} s)`,
            );
            progress(volumeReport(data));
            overview = await runOverviewBench({
              database,
              orgs: [data.large, data.small],
              runs: options.runs,
              warmup: options.warmup,
            });
          } catch (error) {
            failed('Overview (headlines + 12-month series)', error);
          }
        }
        if (options.comparison) {
          try {
            progress(
              'commissioner comparison (300 providers, 3,000 shared services; loaded once)…',
            );
            comparison = await runComparisonBench({
              database,
              runs: options.runs,
              warmup: options.warmup,
            });
          } catch (error) {
            failed(comparisonTitle, error);
          }
        }
      } finally {
        await database.stop();
      }
    } catch (error) {
      failed('Bench database', error);
    }
  }

  const measured = (m: OverviewMeasure | OverviewFailure | undefined) =>
    m && 'api' in m ? m : undefined;
  const large = measured(overview[0]);
  const small = measured(overview[1]);
  const describe = (m: { org: OverviewMeasure['org'] }) =>
    `Overview, ~${int(Math.round(m.org.headcount / 100) * 100)} staff (API vs one SQL query)`;
  const honest = (m: OverviewMeasure) => (m.mismatches.length === 0 ? '' : ' (baseline ≠ API!)');
  overview.forEach((m, i) => {
    if ('error' in m) return failed(describe(m), new Error(m.error));
    const ratio = m.api.p50 / m.baseline.p50;
    // The issue's aims: p95 under 150 ms for the large organisation; the API within 1.5×.
    const p95Aim = i === 0;
    rows.push({
      measurement: describe(m),
      p50: ms(m.api.p50),
      p95: ms(m.api.p95),
      baseP50: ms(m.baseline.p50),
      baseP95: ms(m.baseline.p95),
      ratio: times(ratio),
      aim: p95Aim ? 'p95 < 150 ms; ratio ≤ 1.5×' : 'ratio ≤ 1.5×',
      met:
        (p95Aim ? `${m.api.p95 < 150 ? 'yes' : 'no'}; ` : '') +
        `${ratio <= 1.5 ? 'yes' : 'no'}${honest(m)}`,
    });
  });
  if (large && small) {
    const staff = large.org.headcount / small.org.headcount;
    rows.push({
      measurement: `Cost growth, ~${int(small.org.headcount)} → ~${int(large.org.headcount)} staff (×${staff.toFixed(0)})`,
      p50: times(large.api.p50 / small.api.p50),
      p95: times(large.api.p95 / small.api.p95),
      baseP50: times(large.baseline.p50 / small.baseline.p50),
      baseP95: times(large.baseline.p95 / small.baseline.p95),
      ratio: '—',
      aim: '— (how cost grows)',
      met: large.api.p50 / small.api.p50 < staff ? 'sub-linear' : 'linear or worse',
    });
  }

  if (comparison) {
    const ratio = comparison.api.p50 / comparison.baseline.p50;
    rows.push({
      measurement: comparisonTitle,
      p50: ms(comparison.api.p50),
      p95: ms(comparison.api.p95),
      baseP50: ms(comparison.baseline.p50),
      baseP95: ms(comparison.baseline.p95),
      ratio: times(ratio),
      aim: 'p95 < 300 ms',
      met:
        (comparison.api.p95 < 300 ? 'yes' : 'no') +
        (comparison.mismatches.length === 0 ? '' : ' (baseline ≠ API!)'),
    });
    notes.push(
      `Comparison: commissionerComparison for ${COMPARISON_MONTHS.fromMonth}..${COMPARISON_MONTHS.toMonth} as a commissioner analyst over HTTP GraphQL (every row, the pool, benchmarks and the 12-month trend; ${int(comparison.rows)} rows, ${int(comparison.suppressedRows)} suppressed, ${kB(comparison.answerBytes)} of JSON), ${options.runs} runs after ${options.warmup} warm-up, interleaved with the baseline SQL (bench/comparison-bench.ts: the per-service figures only, no suppression, benchmarks or trend) run through pg as the app role with the commissioner's tenant set. ` +
        `Data: ${int(comparison.data.providers)} providers, ${int(comparison.data.services)} shared services, ${int(comparison.data.rollupRows)} rollup rows (all types and two practitioner types) WRITTEN DIRECTLY from a fixed seed, not computed from records; ` +
        (comparison.mismatches.length === 0
          ? 'the API equals the baseline on every figure of every unsuppressed row.'
          : `the API and the baseline DISAGREE on ${comparison.mismatches.length} figures.`),
    );
  }

  // ---- imports (after the overview: its data makes the database busy) ----
  if (options.importBench) {
    try {
      progress(
        `import benchmark (${options.fullImport ? 'full size' : 'quick size; --full-import for 100,000 staff and 1,000,000 sessions'})…`,
      );
      const result = await importBench(options.fullImport, databaseEnv);
      for (const r of result.rows) {
        rows.push({
          measurement: `Import ${int(r.rows)} ${r.what} rows (vs raw COPY)`,
          p50: `${r.importSeconds.toFixed(2)} s`,
          p95: '—',
          baseP50: `${r.copySeconds.toFixed(2)} s`,
          baseP95: '—',
          ratio: times(r.ratio),
          aim: 'ratio ≤ 2×',
          met: r.ratio <= 2 ? 'yes' : 'no',
        });
      }
      notes.push(
        'Imports: one run each (a single import is seconds long, not a sample of requests).',
        ...result.notes,
      );
    } catch (error) {
      failed('Import (vs raw COPY)', error);
    }
  }

  if (bundle) {
    rows.push({
      measurement: `Dashboard initial JS (gzip -9, ${bundle.initialFiles.length} files)`,
      p50: kB(bundle.initialGzip),
      p95: '—',
      baseP50: '—',
      baseP95: '—',
      ratio: '—',
      aim: '< 250 kB',
      met: bundle.initialGzip < 250_000 ? 'yes' : 'no',
    });
    notes.push(
      `Dashboard: initial ${bundle.initialFiles.map((f) => `${f.file} ${kB(f.gzip)}`).join(', ')}; ` +
        `lazy chunks ${kB(bundle.lazyGzip)} gzip in ${bundle.lazyFiles} files` +
        (bundle.builtNow ? ' (built in this run).' : ' (existing build).'),
    );
  }

  const cpus = os.cpus();
  console.log('');
  console.log(
    `Holdspace benchmarks, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}${pgVersion ? `, PostgreSQL ${pgVersion.split(' ')[0]}` : ''}`,
  );
  if (where) console.log(`Database: ${where}.`);
  console.log(
    `Load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (other work on the machine slows both sides alike; compare the ratios).`,
  );
  if (options.overview)
    console.log(
      `Overview: metricsOverview for ${BENCH_PERIOD.from}..${BENCH_PERIOD.to} (headline cards, cost case, 12-month series) over HTTP GraphQL, ${options.runs} runs after ${options.warmup} warm-up, interleaved with the baseline SQL (bench/baseline-overview.ts) run through pg as the app role with the tenant set.`,
    );
  console.log('');
  console.log(markdownTable(rows));
  console.log('');
  for (const note of notes) console.log(note);
  if (large?.mismatches.length || small?.mismatches.length) {
    console.log(
      'The baseline and the API disagree (listed above): fix one before trusting the ratios.',
    );
  }
  console.log(`Total time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.stdout.write('', () => process.exit(process.exitCode ?? 0)),
    (error: unknown) => {
      // Benchmarks report; they do not fail builds.
      console.error(error);
      process.stdout.write('', () => process.exit(0));
    },
  );
}
