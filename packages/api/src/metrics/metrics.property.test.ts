/**
 * The proof that the SQL fast path computes what metrics.md says: on random organisations
 * written to the real database (a fresh organisation per run, as the API's role under
 * row-level security), every figure of the fast path equals the reference implementation's
 * (packages/shared/src/metrics) for a random period, scope, series length and day.
 *
 * Counts (and every numerator or denominator that is a whole number in the reference) must
 * be equal exactly; sums of FTE values, sessions expected and the values derived from them
 * within 1e-9 relative (the reference adds floating-point FTEs, PostgreSQL adds them exactly).
 *
 * Deterministic: the seed is fixed (METRICS_PROPERTY_SEED overrides it, METRICS_PROPERTY_RUNS
 * the number of runs); fast-check prints the seed and the shrunk counterexample on failure.
 */
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import {
  absenceByReason,
  applyScope,
  breakdown,
  computeHeadlines,
  computeMonthlySeries,
  formatMix,
  functionMix,
  leaversByReason,
  overdueList,
  restrictToStaff,
  sessionsHeldVsExpected,
  staffInPostDuring,
} from '@holdspace/shared';
import { appUrl, connect } from '../../test/helpers';
import { withTenant } from '../tenancy/request-db';
import { computeOverview, loadMetricsSettings, overduePage, seriesPeriod } from './metrics.service';
import { dateBetween, orgArb, periodArb, scopeArb } from './testing/arbitraries';
import { insertOrg } from './testing/org-fixture';

const SEED = Number(process.env.METRICS_PROPERTY_SEED ?? 20240229);
const NUM_RUNS = Number(process.env.METRICS_PROPERTY_RUNS ?? 100);
const RELATIVE_TOLERANCE = 1e-9;
const QUESTIONS_PER_ORGANISATION = 3;
const TIME_LIMIT_MS = Math.max(60_000, NUM_RUNS * 600);

/**
 * Differences between `actual` and `expected`, walking objects and arrays: a Figure's value
 * within RELATIVE_TOLERANCE; other numbers (counts, numerators, denominators) exactly when
 * `expected` is a whole number, else within RELATIVE_TOLERANCE; everything else (null,
 * strings, booleans, keys, lengths) exactly.
 */
export function differences(actual: unknown, expected: unknown, path = ''): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (actual === expected) return [];
    const close =
      (path.endsWith('.value') || !Number.isInteger(expected)) &&
      Math.abs(actual - expected) <=
        RELATIVE_TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected));
    return close ? [] : [`${path}: ${actual} (SQL) != ${expected} (reference)`];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length) {
      return [`${path}: ${actual.length} items (SQL) != ${expected.length} (reference)`];
    }
    return expected.flatMap((e, i) => differences(actual[i], e, `${path}[${i}]`));
  }
  if (
    expected !== null &&
    actual !== null &&
    typeof expected === 'object' &&
    typeof actual === 'object'
  ) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((k) =>
      differences(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
      ),
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path}: ${JSON.stringify(actual)} (SQL) != ${JSON.stringify(expected)} (reference)`];
}

function expectSame(actual: unknown, expected: unknown, what: string): void {
  const found = differences(actual, expected);
  if (found.length > 0) {
    throw new Error(`${what} differ:\n  ${found.slice(0, 20).join('\n  ')}`);
  }
}

/** An organisation and a few questions about it (period, scope, series length, day). */
const caseArb = orgArb.chain((org) =>
  fc.record({
    org: fc.constant(org),
    questions: fc.array(
      fc.record({
        period: periodArb,
        scope: scopeArb(org.serviceIds),
        months: fc.integer({ min: 1, max: 15 }),
        on: dateBetween('2023-01-01', '2025-03-31'),
        pageSize: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: QUESTIONS_PER_ORGANISATION },
    ),
  }),
);

describe('metrics fast path (SQL) equals the reference on random organisations', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await connect(appUrl(), 2);
  });
  afterAll(() => ds.destroy());

  it(
    `holds for ${NUM_RUNS} random organisations (seed ${SEED})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, async ({ org, questions }) => {
          const { id: tenantId } = await insertOrg(ds, org);
          await withTenant(ds, { userId: null, tenantId }, async (db) => {
            const settings = await loadMetricsSettings(db);
            expectSame({ ...settings, currency: undefined }, { ...org.settings }, 'settings');
            for (const { period, scope, months, on, pageSize } of questions) {
              const scoped = applyScope(org, scope);
              const series = seriesPeriod(period.to, months);

              // Headlines, sessions held vs expected, and both breakdowns (one statement
              // with the series, as the API runs it).
              const { headlines, series: rows } = await computeOverview(
                db,
                settings,
                period,
                series,
                scope,
              );
              expectSame(
                headlines.total,
                {
                  ...computeHeadlines(org, period, scope),
                  sessionsHeldVsExpected: sessionsHeldVsExpected(scoped, period),
                },
                'headlines',
              );
              for (const [by, groups] of [
                ['service', headlines.byService],
                ['practitionerType', headlines.byPractitionerType],
              ] as const) {
                const reference = breakdown(org, period, by, scope);
                expectSame(
                  groups.map((g) => ({ key: g.key, headlines: { ...g.headlines } })),
                  reference.groups.map((g) => ({
                    key: g.key,
                    headlines: {
                      ...g.headlines,
                      sessionsHeldVsExpected: sessionsHeldVsExpected(
                        restrictToStaff(
                          scoped,
                          (s) => (by === 'service' ? s.serviceId : s.practitionerType) === g.key,
                        ),
                        period,
                      ),
                    },
                  })),
                  `breakdown by ${by}`,
                );
              }

              // Monthly series.
              expectSame(
                rows,
                computeMonthlySeries(org, series, scope).map((row) => ({
                  ...row,
                  staffCount: staffInPostDuring(scoped, row).length,
                })),
                'monthly series',
              );

              // Format and function mix, leavers and absence by reason.
              expectSame(
                headlines.composition,
                {
                  formatMix: formatMix(scoped, period),
                  functionMix: functionMix(scoped, period),
                  leaversByReason: leaversByReason(scoped, period),
                  absenceByReason: absenceByReason(scoped, period),
                },
                'composition',
              );

              // The statement without its optional parts (what the dashboard's overview
              // page asks for): the same headlines, less the session-level figures, and the
              // same series.
              const lean = await computeOverview(db, settings, period, series, scope, {
                sessions: false,
                breakdowns: false,
                composition: false,
              });
              const withoutSessionFigures = (h: object) => ({
                ...h,
                cancellationRate: undefined,
                supervisionHoursPerWorkerPerMonth: undefined,
                sessionsHeldVsExpected: undefined,
              });
              expectSame(
                withoutSessionFigures(lean.headlines.total),
                withoutSessionFigures(headlines.total),
                'headlines without the optional parts',
              );
              expectSame(lean.series, rows, 'monthly series without the optional parts');
              expect(lean.headlines.byService).toEqual([]);
              expect(lean.headlines.byPractitionerType).toEqual([]);

              // The overdue list, whole and page by page.
              const expected = overdueList(scoped, on).map((e) => ({
                staffId: e.staff.id,
                dueDate: e.dueDate,
                daysOverdue: e.daysOverdue,
              }));
              const whole = await overduePage(db, settings, on, scope, null, 100);
              expectSame(
                {
                  totalCount: whole.totalCount,
                  rows: whole.rows.map((r) => ({
                    staffId: r.staffId,
                    dueDate: r.dueDate,
                    daysOverdue: r.daysOverdue,
                  })),
                },
                { totalCount: expected.length, rows: expected },
                `overdue list on ${on}`,
              );
              const paged: string[] = [];
              let after: { daysOverdue: number; staffId: string } | null = null;
              for (let guard = 0; guard < 20; guard++) {
                const page = await overduePage(db, settings, on, scope, after, pageSize);
                expect(page.totalCount).toBe(expected.length);
                paged.push(...page.rows.map((r) => r.staffId));
                const last = page.rows.at(-1);
                if (!last || page.rows.length < pageSize) break;
                after = { daysOverdue: last.daysOverdue, staffId: last.staffId };
              }
              expect(paged).toEqual(expected.map((e) => e.staffId));
            }
          });
        }),
        {
          seed: SEED,
          numRuns: NUM_RUNS,
          // Shrinking writes a new organisation per step: stop it in time to report what it
          // has. Running out of time without a failure fails too (no silent partial runs).
          interruptAfterTimeLimit: TIME_LIMIT_MS,
          markInterruptAsFailure: true,
        },
      );
    },
    TIME_LIMIT_MS + 30_000,
  );
});
