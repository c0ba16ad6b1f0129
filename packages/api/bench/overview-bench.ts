import { Client } from 'pg';
import { hashPassword } from '../src/auth/password';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { startHoldspace } from '../src/server';
import { BASELINE_OVERVIEW_SQL, type BaselineRow } from './baseline-overview';
import {
  BENCH_ADMIN_EMAIL,
  BENCH_ADMIN_PASSWORD,
  BENCH_PERIOD,
  ensureBenchAdmin,
  type BenchDatabase,
  type LoadedOrg,
} from './bench-data';
import { summarise, timeMs, type Summary } from './stats';

/**
 * The overview benchmark: the dashboard's overview (headline cards with the numerator and
 * denominator behind each, the cost case, and the 12-month series) through the real server
 * over HTTP GraphQL, against BASELINE_OVERVIEW_SQL run directly through pg as the API's role
 * with the tenant set, interleaved in the same run.
 */

const F = '{ value numerator denominator }';

/**
 * What the dashboard's Overview page asks for (packages/dashboard/src/overview/overview.graphql,
 * query Overview) without its two breakdowns, which the issue's benchmark leaves out and the
 * baseline does not compute: the headline cards with the numerator and denominator behind
 * each, the cost case and the 12-month series.
 */
export const OVERVIEW_QUERY = `query BenchOverview($input: MetricsOverviewInput!) {
  metricsOverview(input: $input) {
    period { from to days }
    seriesPeriod { from to }
    scope { serviceIds practitionerTypes }
    suppressed suppressionReason
    headlines {
      staffCount headcount fte averageHeadcount eligible overdueCount leavers
      coverage ${F} absenceRate ${F} turnoverRate ${F} annualisedTurnoverRate ${F}
    }
    monthlySeries {
      month from to suppressed suppressionReason headcount
      coverage ${F} absenceRate ${F} turnoverRate ${F} rollingTurnoverRate ${F}
    }
    costCase {
      currency averageEligible leavers supervisionCostPerWorkerYear recruitmentCostPerLeaver
      supervisionSpend turnoverCost breakEvenLeavers ${F}
    }
  }
}`;

interface Figure {
  value: number | null;
  numerator: number;
  denominator: number;
}

interface Overview {
  period: { from: string; to: string; days: number };
  headlines: {
    staffCount: number;
    headcount: number;
    fte: number;
    eligible: number;
    averageHeadcount: number;
    leavers: number;
    overdueCount: number;
    coverage: Figure;
    absenceRate: Figure;
    turnoverRate: Figure;
    annualisedTurnoverRate: Figure;
  };
  costCase: {
    averageEligible: number;
    leavers: number;
    supervisionSpend: number;
    turnoverCost: number;
    breakEvenLeavers: Figure;
  };
  monthlySeries: Array<{
    month: string;
    from: string;
    to: string;
    headcount: number;
    coverage: Figure;
    absenceRate: Figure;
    turnoverRate: Figure;
    rollingTurnoverRate: Figure;
  }>;
}

/** An organisation whose overview could not be measured. */
export interface OverviewFailure {
  org: LoadedOrg;
  error: string;
}

export interface OverviewMeasure {
  org: LoadedOrg;
  api: Summary;
  baseline: Summary;
  /** Where the baseline's figures differ from the API's (empty: equal). */
  mismatches: string[];
  /** The API's headline figures, for the report. */
  figures: Overview['headlines'];
}

const progress = (message: string) => process.stderr.write(`  ${message}\n`);

/** Equal counts; floats equal to 1e-9 (relative). */
function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Every figure the baseline computes, against the API's: the list of differences. */
export function compareWithApi(api: Overview, rows: BaselineRow[]): string[] {
  const problems: string[] = [];
  const check = (what: string, apiValue: number | null, sqlValue: number | null) => {
    if (!same(apiValue, sqlValue)) problems.push(`${what}: API ${apiValue}, SQL ${sqlValue}`);
  };
  const figure = (
    what: string,
    f: Figure | null,
    numerator: number | null,
    denominator: number | null,
    value: number | null,
  ) => {
    check(`${what}.numerator`, f?.numerator ?? null, numerator);
    check(`${what}.denominator`, f?.denominator ?? null, denominator);
    check(`${what}.value`, f?.value ?? null, value);
  };
  const period = rows.find((r) => r.kind === 'period');
  if (!period) return ['the baseline returned no period row'];
  const h = api.headlines;
  check('staffCount', h.staffCount, period.staff_count);
  check('headcount', h.headcount, period.headcount);
  check('fte', h.fte, period.fte);
  check('eligible', h.eligible, period.eligible);
  check('overdueCount', h.overdueCount, period.overdue);
  figure('coverage', h.coverage, period.in_date, period.eligible, period.coverage);
  figure(
    'absenceRate',
    h.absenceRate,
    period.fte_days_lost,
    period.fte_days_available,
    period.absence_rate,
  );
  check('leavers', h.leavers, period.leavers);
  check('averageHeadcount', h.averageHeadcount, period.average_headcount);
  figure(
    'turnoverRate',
    h.turnoverRate,
    period.leavers,
    period.average_headcount,
    period.turnover_rate,
  );
  figure(
    'annualisedTurnoverRate',
    h.annualisedTurnoverRate,
    period.leavers,
    period.worker_years,
    period.annualised_turnover_rate,
  );
  check('costCase.averageEligible', api.costCase.averageEligible, period.average_eligible);
  check('costCase.supervisionSpend', api.costCase.supervisionSpend, period.supervision_spend);
  check('costCase.turnoverCost', api.costCase.turnoverCost, period.turnover_cost);
  check(
    'costCase.breakEvenLeavers',
    api.costCase.breakEvenLeavers.value,
    period.break_even_leavers,
  );
  const months = rows.filter((r) => r.kind === 'month');
  if (months.length !== api.monthlySeries.length) {
    problems.push(`series: API ${api.monthlySeries.length} months, SQL ${months.length}`);
  }
  api.monthlySeries.forEach((m, i) => {
    const r = months[i];
    if (!r) return;
    const at = `series[${m.month}]`;
    if (r.month !== m.month || r.first_day !== m.from || r.last_day !== m.to) {
      problems.push(`${at}: API ${m.from}..${m.to}, SQL ${r.month} ${r.first_day}..${r.last_day}`);
    }
    check(`${at}.headcount`, m.headcount, r.headcount);
    figure(`${at}.coverage`, m.coverage, r.in_date, r.eligible, r.coverage);
    figure(
      `${at}.absenceRate`,
      m.absenceRate,
      r.fte_days_lost,
      r.fte_days_available,
      r.absence_rate,
    );
    figure(`${at}.turnoverRate`, m.turnoverRate, r.leavers, r.average_headcount, r.turnover_rate);
    figure(
      `${at}.rollingTurnoverRate`,
      m.rollingTurnoverRate,
      r.rolling_leavers,
      r.rolling_average_headcount,
      r.rolling_turnover_rate,
    );
  });
  return problems;
}

async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: Array<{ message?: string; extensions?: { code?: string } }>;
  };
  if (body.errors?.length || !body.data) {
    const first = body.errors?.[0];
    const code = first?.extensions?.code ?? `HTTP ${response.status}`;
    throw new Error(
      code === 'INTERNAL_SERVER_ERROR'
        ? 'the API answered INTERNAL_SERVER_ERROR (BENCH_LOG_LEVEL=error shows why; if a migration was edited after the bench database was loaded, use --fresh)'
        : `the API answered ${code}: ${first?.message ?? 'no data'}`,
    );
  }
  return body.data;
}

export async function runOverviewBench(options: {
  database: BenchDatabase;
  orgs: LoadedOrg[];
  runs: number;
  warmup: number;
}): Promise<Array<OverviewMeasure | OverviewFailure>> {
  const { database, orgs, runs, warmup } = options;
  await ensureBenchAdmin(
    database.appUrl,
    orgs.map((o) => o.id),
    () => hashPassword(BENCH_ADMIN_PASSWORD),
  );
  // The server as deployed: production settings, its own pool as the app role.
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    APP_DB_PASSWORD: process.env.APP_DB_PASSWORD || 'holdspace_app_dev',
    PORT: '0',
    HOST: '127.0.0.1',
    // BENCH_LOG_LEVEL=error shows what went wrong when a request fails.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'silent',
    SEED_DEMO: 'false',
  });
  const server = await startHoldspace(config, createLogger(config.logLevel), {
    database: { ...database, stop: async () => undefined },
  });
  const sql = new Client({
    connectionString: database.appUrl,
    application_name: 'holdspace-bench',
  });
  await sql.connect();
  try {
    const { signIn } = await graphql<{ signIn: { token: string } }>(
      server.url,
      'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
      {
        input: { email: BENCH_ADMIN_EMAIL, password: BENCH_ADMIN_PASSWORD, issueBearerToken: true },
      },
    );
    const results: Array<OverviewMeasure | OverviewFailure> = [];
    for (const org of orgs) {
      try {
        results.push(await measureOrg(org));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        progress(`  ${org.spec.slug} not measured: ${message}`);
        results.push({ org, error: message });
      }
    }
    return results;

    async function measureOrg(org: LoadedOrg): Promise<OverviewMeasure> {
      const headers = { authorization: `Bearer ${signIn.token}`, 'x-holdspace-org': org.id };
      const variables = { input: { from: BENCH_PERIOD.from, to: BENCH_PERIOD.to, months: 12 } };
      const viaApi = () =>
        graphql<{ metricsOverview: Overview }>(server.url, OVERVIEW_QUERY, variables, headers).then(
          (d) => d.metricsOverview,
        );
      // The same transaction shape as a request: tenant set, JIT off (as the API's metric
      // statements run), one statement, commit.
      const viaSql = async () => {
        await sql.query('BEGIN');
        try {
          await sql.query(
            `SELECT set_config('app.tenant_id', $1, true), set_config('jit', 'off', true)`,
            [org.id],
          );
          const { rows } = await sql.query<BaselineRow>(BASELINE_OVERVIEW_SQL, [
            org.id,
            BENCH_PERIOD.from,
            BENCH_PERIOD.to,
            12,
          ]);
          await sql.query('COMMIT');
          return rows;
        } catch (error) {
          await sql.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      };

      progress(`overview of ${org.spec.slug}: ${warmup} warm-up and ${runs} measured runs of each`);
      const first = await viaApi();
      const mismatches = compareWithApi(first, await viaSql());
      if (mismatches.length > 0) {
        progress(`THE BASELINE DIFFERS FROM THE API for ${org.spec.slug}:`);
        for (const m of mismatches.slice(0, 20)) progress(`  ${m}`);
      } else {
        progress('baseline and API agree on every figure (headlines, cost case, 12 months)');
      }
      for (let i = 1; i < warmup; i++) {
        await viaApi();
        await viaSql();
      }
      const apiMs: number[] = [];
      const sqlMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate which goes first, so neither always follows the other.
        if (i % 2 === 0) {
          apiMs.push((await timeMs(viaApi)).ms);
          sqlMs.push((await timeMs(viaSql)).ms);
        } else {
          sqlMs.push((await timeMs(viaSql)).ms);
          apiMs.push((await timeMs(viaApi)).ms);
        }
      }
      const measure: OverviewMeasure = {
        org,
        api: summarise(apiMs),
        baseline: summarise(sqlMs),
        mismatches,
        figures: first.headlines,
      };
      progress(
        `  API p50 ${measure.api.p50.toFixed(0)} ms, p95 ${measure.api.p95.toFixed(0)} ms; SQL p50 ${measure.baseline.p50.toFixed(0)} ms, p95 ${measure.baseline.p95.toFixed(0)} ms`,
      );
      return measure;
    }
  } finally {
    await sql.end();
    await server.stop();
  }
}
