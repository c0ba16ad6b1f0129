import { Client } from 'pg';
import { hashPassword } from '../src/auth/password';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { insertRows } from '../src/demo/load';
import { seededRandom, seededUuid } from '../src/demo/random';
import { startHoldspace } from '../src/server';
import { inTenant, type BenchDatabase } from './bench-data';
import { summarise, timeMs, type Summary } from './stats';

/**
 * The commissioner comparison benchmark (docs/commissioning.md): 300 provider organisations
 * with 10 services each (3,000 shared services) and 12 months of rollup rows per service
 * (the all-types row and two practitioner types), one commissioner with an ACTIVE agreement
 * with every provider. `commissionerComparison` over the 12 months, through the real server
 * over HTTP GraphQL as a signed-in commissioner analyst, against COMPARISON_BASELINE_SQL (the
 * same per-service figures from the rollup, by hand, in one statement) run through pg as the
 * API's role with the commissioner's tenant set, interleaved in the same run.
 *
 * The rollup rows are written directly (synthetic counts from a fixed seed, multi-row
 * INSERTs as each provider under row-level security), not computed from records: the
 * providers have no staff. Each provider's mark in `shared_rollup_dirty` (set by accepting
 * its agreement) is cleared in the same transaction, as the API's refresh would; the
 * hourly job only ever adds months after the last one written.
 */

export const COMPARISON_PROVIDERS = 300;
export const SERVICES_PER_PROVIDER = 10;
/** The compared months: the 12 ending with the bench's last complete month. */
export const COMPARISON_MONTHS = {
  fromMonth: '2025-11-01',
  toMonth: '2026-10-01',
};
const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const m = 10 + i; // 2025-11 is index 0
  return `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
});
const TYPES = ['Counsellor', 'Social worker'];
const KINDS = ['NGO', 'CARE_PROVIDER', 'SCHOOL', 'HEALTH', 'LOCAL_AUTHORITY'];
const COMMISSIONER_SLUG = 'bench-commissioner-v1';
const ANALYST_EMAIL = 'comparison-bench-analyst@example.org';
/** Only ever used on the benchmark's own database. */
const ANALYST_PASSWORD = 'holdspace-comparison-bench';

const progress = (message: string) => process.stderr.write(`  ${message}\n`);

/** FNV-1a: a seed from a string. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
const idOf = (text: string) => seededUuid(seededRandom(seedOf(text)));
const COMMISSIONER_ID = idOf(`org:${COMMISSIONER_SLUG}`);

const daysIn = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

interface RollupRow extends Record<string, unknown> {
  service_id: string;
  month: string;
  practitioner_type: string;
  staff_count: number;
  headcount_start: number;
  headcount_end: number;
  eligible_start: number;
  eligible_end: number;
  in_date_end: number;
  leavers: number;
  fte_days_available: number;
  fte_days_lost: number;
  sessions_held: number;
  sessions_missed: number;
  supervision_minutes: number;
  supervision_cost_per_worker_year: number;
  currency: string;
}

/**
 * One service's months for one practitioner type: a headcount drifting by leavers and
 * starters, most eligible, most of them in date, a few percent of FTE days lost, sessions
 * of about an hour each, some missed.
 */
function typeMonths(
  random: () => number,
  serviceId: string,
  type: string,
  staff: number,
  cost: number,
): RollupRow[] {
  const rows: RollupRow[] = [];
  let headcount = staff;
  for (const month of MONTHS) {
    const leavers = random() < 0.3 ? Math.min(headcount, 1 + Math.floor(random() * 2)) : 0;
    const starters = random() < 0.3 ? 1 + Math.floor(random() * 2) : 0;
    const end = headcount - leavers + starters;
    const eligibleStart = Math.round(headcount * 0.9);
    const eligibleEnd = Math.round(end * 0.9);
    const held = Math.round(eligibleEnd * (0.6 + random() * 0.5));
    const days = daysIn(month);
    const available = Math.round(end * days * (0.8 + random() * 0.2) * 10) / 10;
    rows.push({
      service_id: serviceId,
      month,
      practitioner_type: type,
      staff_count: headcount + starters,
      headcount_start: headcount,
      headcount_end: end,
      eligible_start: eligibleStart,
      eligible_end: eligibleEnd,
      in_date_end: Math.round(eligibleEnd * (0.55 + random() * 0.45)),
      leavers,
      fte_days_available: available,
      fte_days_lost: Math.round(available * random() * 0.08 * 10) / 10,
      sessions_held: held,
      sessions_missed: Math.round(held * random() * 0.2),
      supervision_minutes: held * (45 + Math.floor(random() * 4) * 15),
      supervision_cost_per_worker_year: cost,
      currency: 'GBP',
    });
    headcount = end;
  }
  return rows;
}

/** A provider's services and rollup rows (type rows, and the all-types row as their sum). */
function providerRollup(index: number) {
  const random = seededRandom(seedOf(`comparison-provider:${index}`));
  const cost = random() < 0.5 ? 563 : 400 + Math.floor(random() * 400);
  const services: { id: string; name: string }[] = [];
  const rows: RollupRow[] = [];
  for (let s = 1; s <= SERVICES_PER_PROVIDER; s++) {
    const id = idOf(`comparison-service:${index}:${s}`);
    services.push({ id, name: `Service ${s}` });
    // Mostly 10 to 60 staff; about one service in twelve has only a handful (suppressed).
    const staff = random() < 0.08 ? 1 + Math.floor(random() * 4) : 10 + Math.floor(random() * 50);
    const counsellors = Math.max(1, Math.round(staff * (0.4 + random() * 0.3)));
    const byType = [
      typeMonths(random, id, TYPES[0], counsellors, cost),
      typeMonths(random, id, TYPES[1], Math.max(0, staff - counsellors), cost),
    ];
    rows.push(...byType.flat());
    MONTHS.forEach((_, m) => {
      const [a, b] = byType.map((t) => t[m]);
      const sum = (k: keyof RollupRow) => (a[k] as number) + (b[k] as number);
      // A group session with both types is one session of the all-types row.
      const shared = Math.min(a.sessions_held, b.sessions_held, 1);
      rows.push({
        ...a,
        practitioner_type: '',
        staff_count: sum('staff_count'),
        headcount_start: sum('headcount_start'),
        headcount_end: sum('headcount_end'),
        eligible_start: sum('eligible_start'),
        eligible_end: sum('eligible_end'),
        in_date_end: sum('in_date_end'),
        leavers: sum('leavers'),
        fte_days_available: Math.round(sum('fte_days_available') * 10) / 10,
        fte_days_lost: Math.round(sum('fte_days_lost') * 10) / 10,
        sessions_held: sum('sessions_held') - shared,
        sessions_missed: sum('sessions_missed'),
        supervision_minutes: sum('supervision_minutes'),
      });
    });
  }
  return {
    id: idOf(`comparison-provider-org:${index}`),
    slug: `bench-provider-${index}`,
    name: `Bench Provider ${String(index).padStart(3, '0')}`,
    kind: KINDS[index % KINDS.length],
    threshold: index % 10 === 0 ? 8 : 5,
    services,
    rows,
  };
}

async function connected(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'holdspace-bench' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export interface ComparisonData {
  providers: number;
  services: number;
  rollupRows: number;
  loadedNow: boolean;
  loadSeconds: number;
}

/** The providers, the commissioner, the agreements and the rollup rows (loaded once). */
export async function ensureComparisonData(database: BenchDatabase): Promise<ComparisonData> {
  const started = Date.now();
  const expectedRows = COMPARISON_PROVIDERS * SERVICES_PER_PROVIDER * MONTHS.length * 3;
  const client = await connected(database.appUrl);
  try {
    const present = await inTenant(client, COMMISSIONER_ID, async () => {
      // The months measured only: the server's month-completion job adds each newly complete
      // month for every sharing provider (rows for services with no staff), as it should.
      const { rows } = await client.query<{ orgs: number; months: number }>(
        `SELECT (SELECT count(*) FROM organisations WHERE id = $1)::int AS orgs,
                (SELECT count(*) FROM shared_service_months
                  WHERE tenant_id <> $1 AND month BETWEEN $2::date AND $3::date)::int AS months`,
        [COMMISSIONER_ID, COMPARISON_MONTHS.fromMonth, COMPARISON_MONTHS.toMonth],
      );
      return rows[0];
    });
    if (present.orgs === 1 && present.months === expectedRows) {
      return {
        providers: COMPARISON_PROVIDERS,
        services: COMPARISON_PROVIDERS * SERVICES_PER_PROVIDER,
        rollupRows: expectedRows,
        loadedNow: false,
        loadSeconds: (Date.now() - started) / 1000,
      };
    }
    if (present.orgs === 1) {
      throw new Error(
        `the comparison data is incomplete (${present.months} of ${expectedRows} rollup rows): run with --fresh`,
      );
    }
    progress(
      `loading the comparison data: ${COMPARISON_PROVIDERS} providers, ${COMPARISON_PROVIDERS * SERVICES_PER_PROVIDER} services, ${expectedRows} rollup rows…`,
    );
    const query = (sql: string, params: unknown[]) => client.query(sql, params);
    await inTenant(client, COMMISSIONER_ID, () =>
      client.query(
        `INSERT INTO organisations (id, name, slug, kind) VALUES ($1, 'Bench Commissioner', $2, 'COMMISSIONER')`,
        [COMMISSIONER_ID, COMMISSIONER_SLUG],
      ),
    );
    for (let i = 1; i <= COMPARISON_PROVIDERS; i++) {
      const p = providerRollup(i);
      await inTenant(client, p.id, async () => {
        await client.query(
          `INSERT INTO organisations (id, name, slug, kind, suppression_threshold) VALUES ($1, $2, $3, $4, $5)`,
          [p.id, p.name, p.slug, p.kind, p.threshold],
        );
        await insertRows(query, 'services', p.id, p.services);
        const agreementId = idOf(`comparison-agreement:${i}`);
        await client.query(
          `INSERT INTO sharing_agreements (tenant_id, id, commissioner_id, status, responded_at, shared_from)
           VALUES ($1, $2, $3, 'ACTIVE', now(), $4)`,
          [p.id, agreementId, COMMISSIONER_ID, COMPARISON_MONTHS.fromMonth],
        );
        await insertRows(
          query,
          'sharing_agreement_services',
          p.id,
          p.services.map((s) => ({ agreement_id: agreementId, service_id: s.id })),
        );
        await insertRows(query, 'shared_service_months', p.id, p.rows, 5000);
        // The rows above stand for the refresh that accepting marks for.
        await client.query('DELETE FROM shared_rollup_dirty WHERE tenant_id = $1', [p.id]);
      });
      if (i % 50 === 0) progress(`  ${i} providers loaded`);
    }
  } finally {
    await client.end();
  }
  const owner = await connected(database.ownerUrl);
  try {
    await owner.query(
      'VACUUM (ANALYZE) organisations, services, sharing_agreements, sharing_agreement_services, shared_service_months',
    );
  } finally {
    await owner.end();
  }
  return {
    providers: COMPARISON_PROVIDERS,
    services: COMPARISON_PROVIDERS * SERVICES_PER_PROVIDER,
    rollupRows: expectedRows,
    loadedNow: true,
    loadSeconds: (Date.now() - started) / 1000,
  };
}

/** The benchmark's commissioner analyst (created once). */
async function ensureAnalyst(appUrl: string): Promise<void> {
  const client = await connected(appUrl);
  try {
    const userId = idOf(`user:${ANALYST_EMAIL}`);
    const existing = await client.query('SELECT 1 FROM users WHERE id = $1', [userId]);
    if (existing.rowCount === 0) {
      await client.query(
        'INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)',
        [userId, ANALYST_EMAIL, 'Comparison Bench', await hashPassword(ANALYST_PASSWORD)],
      );
    }
    await inTenant(client, COMMISSIONER_ID, () =>
      client.query(
        `INSERT INTO memberships (tenant_id, id, user_id, role) VALUES ($1, $2, $3, 'COMMISSIONER_ANALYST')
         ON CONFLICT (tenant_id, user_id) DO NOTHING`,
        [COMMISSIONER_ID, idOf(`membership:${ANALYST_EMAIL}`), userId],
      ),
    );
  } finally {
    await client.end();
  }
}

/**
 * The baseline: each service's figures over the months, by hand from the rollup, in one
 * statement (float8 arithmetic, as the API's JavaScript). $1 first month, $2 last month,
 * $3 practitioner type ('' = all), $4 the commissioner. No suppression, benchmark or trend.
 */
export const COMPARISON_BASELINE_SQL = `
  WITH m AS (
    SELECT m.*,
           extract(day FROM (m.month + interval '1 month - 1 day'))::float8 AS days,
           row_number() OVER (PARTITION BY m.tenant_id, m.service_id ORDER BY m.month) AS from_first,
           row_number() OVER (PARTITION BY m.tenant_id, m.service_id ORDER BY m.month DESC) AS from_last
      FROM shared_service_months m
     WHERE m.month BETWEEN $1::date AND $2::date AND m.practitioner_type = $3
       AND m.tenant_id <> $4::uuid
  ), s AS (
    SELECT tenant_id, service_id,
           max(staff_count) AS staff,
           sum(days) AS days,
           max(headcount_start) FILTER (WHERE from_first = 1)::float8 AS headcount_start,
           max(eligible_start) FILTER (WHERE from_first = 1)::float8 AS eligible_start,
           max(headcount_end) FILTER (WHERE from_last = 1)::float8 AS headcount_end,
           max(eligible_end) FILTER (WHERE from_last = 1)::float8 AS eligible_end,
           max(in_date_end) FILTER (WHERE from_last = 1)::float8 AS in_date_end,
           sum(leavers)::float8 AS leavers,
           sum(fte_days_available) AS available,
           sum(fte_days_lost) AS lost,
           sum(sessions_held)::float8 AS held,
           sum(sessions_missed)::float8 AS missed,
           sum(supervision_minutes)::float8 AS minutes,
           sum(supervision_cost_per_worker_year::float8 * days) AS cost_days
      FROM m GROUP BY tenant_id, service_id
  )
  SELECT s.service_id, sv.name AS service_name, o.name AS provider_name, s.staff,
         CASE WHEN eligible_end = 0 THEN NULL ELSE 100 * in_date_end / eligible_end END AS coverage,
         CASE WHEN eligible_end = 0 THEN NULL
              ELSE 100 * (eligible_end - in_date_end) / eligible_end END AS share_overdue,
         CASE WHEN eligible_start + eligible_end = 0 THEN NULL
              ELSE (minutes / 60) / ((eligible_start + eligible_end) / 2) / (days * 12 / 365) END
           AS hours_per_worker_per_month,
         CASE WHEN held + missed = 0 THEN NULL ELSE 100 * missed / (held + missed) END
           AS cancellation_rate,
         CASE WHEN available = 0 THEN NULL ELSE 100 * lost / available END AS absence_rate,
         CASE WHEN headcount_start + headcount_end = 0 THEN NULL
              ELSE 100 * leavers / ((headcount_start + headcount_end) / 2) END AS turnover_rate,
         CASE WHEN headcount_start + headcount_end = 0 THEN NULL
              ELSE 100 * leavers / ((headcount_start + headcount_end) / 2) * 365 / days END
           AS annualised_turnover_rate,
         CASE WHEN eligible_start + eligible_end = 0 THEN NULL ELSE cost_days / 365 END
           AS spend_per_worker
    FROM s
    JOIN services sv ON sv.tenant_id = s.tenant_id AND sv.id = s.service_id
    JOIN organisations o ON o.id = s.tenant_id
   ORDER BY o.name, sv.name, s.service_id`;

interface BaselineRow {
  service_id: string;
  service_name: string;
  provider_name: string;
  staff: number;
  coverage: number | null;
  share_overdue: number | null;
  hours_per_worker_per_month: number | null;
  cancellation_rate: number | null;
  absence_rate: number | null;
  turnover_rate: number | null;
  annualised_turnover_rate: number | null;
  spend_per_worker: number | null;
}

const FIGURES = `{ coverage shareOverdue supervisionHoursPerWorkerPerMonth cancellationRate absenceRate turnoverRate annualisedTurnoverRate supervisionSpendPerWorker }`;
const BENCHMARK = '{ metric median lowerQuartile upperQuartile services }';
/** What the dashboard's comparison asks for (packages/dashboard/src/commissioning/comparison.graphql). */
export const COMPARISON_QUERY = `query BenchComparison($input: CommissionerComparisonInput!) {
  commissionerComparison(input: $input) {
    fromMonth toMonth threshold latestCompleteMonth
    rows { serviceId serviceName providerName providerKind currency headcountBand suppressed suppressionReason figures ${FIGURES} }
    pooled { serviceId serviceName providerName providerKind currency headcountBand suppressed suppressionReason figures ${FIGURES} }
    benchmarks ${BENCHMARK}
    trend { month suppressed suppressionReason pooled ${FIGURES} benchmarks ${BENCHMARK} }
  }
}`;

interface ApiRow {
  serviceId: string;
  serviceName: string;
  providerName: string;
  suppressed: boolean;
  figures: Record<string, number | null>;
}

const PAIRS: [string, keyof BaselineRow][] = [
  ['coverage', 'coverage'],
  ['shareOverdue', 'share_overdue'],
  ['supervisionHoursPerWorkerPerMonth', 'hours_per_worker_per_month'],
  ['cancellationRate', 'cancellation_rate'],
  ['absenceRate', 'absence_rate'],
  ['turnoverRate', 'turnover_rate'],
  ['annualisedTurnoverRate', 'annualised_turnover_rate'],
  ['supervisionSpendPerWorker', 'spend_per_worker'],
];

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The API's unsuppressed rows against the baseline's: the list of differences. */
export function compareWithBaseline(api: ApiRow[], baseline: BaselineRow[]): string[] {
  const problems: string[] = [];
  if (api.length !== baseline.length) {
    problems.push(`rows: API ${api.length}, SQL ${baseline.length}`);
  }
  const byId = new Map(baseline.map((r) => [r.service_id, r]));
  for (const row of api) {
    const base = byId.get(row.serviceId);
    if (!base) {
      problems.push(`${row.serviceId}: not in the baseline`);
      continue;
    }
    if (row.suppressed) continue;
    for (const [apiKey, sqlKey] of PAIRS) {
      const a = row.figures[apiKey];
      const b = base[sqlKey] as number | null;
      if (!same(a, b)) {
        problems.push(`${row.providerName}/${row.serviceName}.${apiKey}: API ${a}, SQL ${b}`);
      }
    }
  }
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
    throw new Error(
      `the API answered ${first?.extensions?.code ?? `HTTP ${response.status}`}: ${first?.message ?? 'no data'}`,
    );
  }
  return body.data;
}

export interface ComparisonMeasure {
  data: ComparisonData;
  api: Summary;
  baseline: Summary;
  mismatches: string[];
  rows: number;
  suppressedRows: number;
  /** The answer's size (bytes of JSON). */
  answerBytes: number;
}

export async function runComparisonBench(options: {
  database: BenchDatabase;
  runs: number;
  warmup: number;
}): Promise<ComparisonMeasure> {
  const { database, runs, warmup } = options;
  const data = await ensureComparisonData(database);
  progress(
    data.loadedNow
      ? `comparison data loaded in ${data.loadSeconds.toFixed(0)} s`
      : `comparison data already loaded (checked in ${data.loadSeconds.toFixed(1)} s)`,
  );
  await ensureAnalyst(database.appUrl);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    APP_DB_PASSWORD: process.env.APP_DB_PASSWORD || 'holdspace_app_dev',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'silent',
    SEED_DEMO: 'false',
  });
  const server = await startHoldspace(config, createLogger(config.logLevel), {
    database: { ...database, stop: async () => undefined },
  });
  const sql = await connected(database.appUrl);
  try {
    const { signIn } = await graphql<{ signIn: { token: string } }>(
      server.url,
      'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
      { input: { email: ANALYST_EMAIL, password: ANALYST_PASSWORD, issueBearerToken: true } },
    );
    const headers = { authorization: `Bearer ${signIn.token}`, 'x-holdspace-org': COMMISSIONER_ID };
    let answerBytes = 0;
    const viaApi = async () => {
      const answer = await graphql<{ commissionerComparison: { rows: ApiRow[] } }>(
        server.url,
        COMPARISON_QUERY,
        { input: COMPARISON_MONTHS },
        headers,
      );
      return answer.commissionerComparison;
    };
    // The same transaction shape as a request: the commissioner's tenant, one statement.
    const viaSql = async () => {
      await sql.query('BEGIN');
      try {
        await sql.query(`SELECT set_config('app.tenant_id', $1, true)`, [COMMISSIONER_ID]);
        const { rows } = await sql.query<BaselineRow>(COMPARISON_BASELINE_SQL, [
          COMPARISON_MONTHS.fromMonth,
          COMPARISON_MONTHS.toMonth,
          '',
          COMMISSIONER_ID,
        ]);
        await sql.query('COMMIT');
        return rows;
      } catch (error) {
        await sql.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    };

    progress(`commissioner comparison: ${warmup} warm-up and ${runs} measured runs of each`);
    const first = await viaApi();
    answerBytes = JSON.stringify(first).length;
    const mismatches = compareWithBaseline(first.rows, await viaSql());
    if (mismatches.length > 0) {
      progress('THE BASELINE DIFFERS FROM THE API:');
      for (const m of mismatches.slice(0, 20)) progress(`  ${m}`);
    } else {
      progress(
        `baseline and API agree on every figure of the ${first.rows.filter((r) => !r.suppressed).length} unsuppressed rows`,
      );
    }
    for (let i = 1; i < warmup; i++) {
      await viaApi();
      await viaSql();
    }
    const apiMs: number[] = [];
    const sqlMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        apiMs.push((await timeMs(viaApi)).ms);
        sqlMs.push((await timeMs(viaSql)).ms);
      } else {
        sqlMs.push((await timeMs(viaSql)).ms);
        apiMs.push((await timeMs(viaApi)).ms);
      }
    }
    const measure: ComparisonMeasure = {
      data,
      api: summarise(apiMs),
      baseline: summarise(sqlMs),
      mismatches,
      rows: first.rows.length,
      suppressedRows: first.rows.filter((r) => r.suppressed).length,
      answerBytes,
    };
    progress(
      `  API p50 ${measure.api.p50.toFixed(0)} ms, p95 ${measure.api.p95.toFixed(0)} ms; SQL p50 ${measure.baseline.p50.toFixed(0)} ms, p95 ${measure.baseline.p95.toFixed(0)} ms`,
    );
    return measure;
  } finally {
    await sql.end();
    await server.stop();
  }
}
