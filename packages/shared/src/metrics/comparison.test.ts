import fc from 'fast-check';
import {
  COMPARISON_METRICS,
  NO_FIGURES,
  benchmarksOf,
  computeComparison,
  figuresOfTotals,
  headcountBand,
  quantile,
  totalsOfMonths,
  type Comparison,
  type ComparisonBenchmark,
  type ComparisonFigures,
  type ComparisonMonthCounts,
  type ComparisonServiceInput,
} from './comparison';
import { effectiveThreshold } from './suppression';

/** A month's counts: zeros unless given. */
function month(first: string, counts: Partial<ComparisonMonthCounts> = {}): ComparisonMonthCounts {
  return {
    month: first,
    staffCount: 0,
    headcountStart: 0,
    headcountEnd: 0,
    eligibleStart: 0,
    eligibleEnd: 0,
    inDateEnd: 0,
    leavers: 0,
    fteDaysAvailable: 0,
    fteDaysLost: 0,
    sessionsHeld: 0,
    sessionsMissed: 0,
    supervisionMinutes: 0,
    supervisionCostPerWorkerYear: 0,
    ...counts,
  };
}

/** A steady month of `staff` people, all eligible and in date, nothing else happening. */
function steady(first: string, staff: number, extra: Partial<ComparisonMonthCounts> = {}) {
  return month(first, {
    staffCount: staff,
    headcountStart: staff,
    headcountEnd: staff,
    eligibleStart: staff,
    eligibleEnd: staff,
    inDateEnd: staff,
    fteDaysAvailable: staff * 30,
    sessionsHeld: staff,
    supervisionMinutes: staff * 60,
    supervisionCostPerWorkerYear: 365,
    ...extra,
  });
}

function service(
  id: string,
  months: ComparisonMonthCounts[],
  extra: Partial<ComparisonServiceInput> = {},
): ComparisonServiceInput {
  return {
    serviceId: id,
    serviceName: `Service ${id}`,
    providerName: `Provider ${id}`,
    providerKind: 'NGO',
    currency: 'GBP',
    providerThreshold: 5,
    months,
    ...extra,
  };
}

const JAN = '2025-01-01';
const FEB = '2025-02-01';
const MAR = '2025-03-01';
const Q1 = { fromMonth: JAN, toMonth: MAR };

describe('the figures of one service over whole months (metrics.md over summed counts)', () => {
  // January (31 days) and February (28 days) 2025: len = 59.
  const jan = month(JAN, {
    staffCount: 12,
    headcountStart: 10,
    headcountEnd: 11,
    eligibleStart: 8,
    eligibleEnd: 9,
    inDateEnd: 7,
    leavers: 1,
    fteDaysAvailable: 300,
    fteDaysLost: 6,
    sessionsHeld: 9,
    sessionsMissed: 1,
    supervisionMinutes: 540,
    supervisionCostPerWorkerYear: 600,
  });
  const feb = month(FEB, {
    staffCount: 11,
    headcountStart: 11,
    headcountEnd: 12,
    eligibleStart: 9,
    eligibleEnd: 10,
    inDateEnd: 8,
    leavers: 2,
    fteDaysAvailable: 280,
    fteDaysLost: 23,
    sessionsHeld: 6,
    sessionsMissed: 4,
    supervisionMinutes: 660,
    supervisionCostPerWorkerYear: 730,
  });
  const result = computeComparison([service('a', [feb, jan])], { fromMonth: JAN, toMonth: FEB }, 5);
  const figures = result.rows[0].figures;

  it('coverage and share overdue from the last month', () => {
    // 100 * 8 / 10; 100 * (10 - 8) / 10.
    expect(figures.coverage).toBeCloseTo(80, 12);
    expect(figures.shareOverdue).toBeCloseTo(20, 12);
  });

  it('hours per worker per month: (Σ minutes / 60) / avg(eligible first start, last end) / (len × 12 / 365)', () => {
    // (1200 / 60) / ((8 + 10) / 2) / (59 * 12 / 365) = 20 / 9 / 1.939726... = 1.145637...
    expect(figures.supervisionHoursPerWorkerPerMonth).toBeCloseTo(20 / 9 / ((59 * 12) / 365), 12);
    expect(figures.supervisionHoursPerWorkerPerMonth).toBeCloseTo(1.145637, 6);
  });

  it('cancellation rate over sessions counted once', () => {
    // 100 * (1 + 4) / (9 + 6 + 1 + 4) = 25.
    expect(figures.cancellationRate).toBeCloseTo(25, 12);
  });

  it('absence rate: FTE days lost over FTE days available', () => {
    // 100 * 29 / 580 = 5.
    expect(figures.absenceRate).toBeCloseTo(5, 12);
  });

  it('turnover over the average of the first start and last end headcounts, and annualised', () => {
    // 100 * 3 / ((10 + 12) / 2) = 27.2727...; annualised * 365 / 59.
    expect(figures.turnoverRate).toBeCloseTo(300 / 11, 12);
    expect(figures.annualisedTurnoverRate).toBeCloseTo(((300 / 11) * 365) / 59, 9);
  });

  it('spend per worker: Σ months of cost × days / 365', () => {
    // 600 * 31 / 365 + 730 * 28 / 365 = 50.9589... + 56 = 106.9589...
    expect(figures.supervisionSpendPerWorker).toBeCloseTo((600 * 31 + 730 * 28) / 365, 9);
  });

  it('the headcount band is the headcount on the last day', () => {
    expect(result.rows[0].headcountBand).toBe('10–24');
    expect(result.rows[0].currency).toBe('GBP');
  });

  it('the bands of docs/commissioning.md, none for nobody', () => {
    const bands = [0, 1, 9, 10, 24, 25, 49, 50, 99, 100, 249, 250, 3000].map(headcountBand);
    expect(bands).toEqual([
      null,
      '1–9',
      '1–9',
      '10–24',
      '10–24',
      '25–49',
      '25–49',
      '50–99',
      '50–99',
      '100–249',
      '100–249',
      '250+',
      '250+',
    ]);
  });

  it('months outside the period are ignored', () => {
    const wider = computeComparison(
      [service('a', [jan, feb, steady(MAR, 40)])],
      { fromMonth: JAN, toMonth: FEB },
      5,
    );
    expect(wider.rows[0].figures).toEqual(figures);
  });
});

describe('null when the denominator is 0', () => {
  it('no eligible staff, no session, no headcount, no FTE day', () => {
    // 6 staff behind (a leaver early in the month), but nobody on the last day.
    const result = computeComparison(
      [service('a', [month(JAN, { staffCount: 6, leavers: 6 })])],
      { fromMonth: JAN, toMonth: JAN },
      5,
    );
    expect(result.rows[0].suppressed).toBe(false);
    expect(result.rows[0].figures).toEqual({
      coverage: null,
      shareOverdue: null,
      supervisionHoursPerWorkerPerMonth: null,
      cancellationRate: null,
      absenceRate: null,
      turnoverRate: null,
      annualisedTurnoverRate: null,
      supervisionSpendPerWorker: null,
    });
    expect(result.rows[0].headcountBand).toBeNull();
  });
});

describe('a service with months missing in the period', () => {
  it('is computed over the months it has (its first start, its last end, their days)', () => {
    // Shared from February: only Feb and Mar (28 + 31 = 59 days).
    const feb = steady(FEB, 10, { eligibleStart: 8, supervisionMinutes: 600 });
    const mar = steady(MAR, 10, { eligibleEnd: 10, inDateEnd: 9, supervisionMinutes: 480 });
    const result = computeComparison([service('a', [feb, mar])], Q1, 5);
    const figures = result.rows[0].figures;
    expect(figures.coverage).toBeCloseTo(90, 12);
    // (1080 / 60) / ((8 + 10) / 2) / (59 * 12 / 365)
    expect(figures.supervisionHoursPerWorkerPerMonth).toBeCloseTo(18 / 9 / ((59 * 12) / 365), 12);
    expect(figures.supervisionSpendPerWorker).toBeCloseTo(59, 9);
  });

  it('has no row when it has no month in the period', () => {
    const result = computeComparison([service('a', [steady('2024-12-01', 10)])], Q1, 5);
    expect(result.rows).toEqual([]);
    expect(result.pooled.suppressed).toBe(true);
  });
});

describe('suppression below the threshold', () => {
  it('k is the larger of the commissioner’s and the provider’s threshold, never below 3', () => {
    const services = [
      service('a', [steady(JAN, 7)], { providerThreshold: 8 }), // k = 8: hidden
      service('b', [steady(JAN, 7)], { providerThreshold: 2 }), // k = 5: shown
      service('c', [steady(JAN, 7)], { providerThreshold: 1 }),
      service('d', [steady(JAN, 7)], { providerThreshold: null }),
    ];
    const result = computeComparison(services, { fromMonth: JAN, toMonth: JAN }, 5);
    // a alone below k; the pool is shown, so b (the smallest other, first on a tie) goes too.
    expect(result.rows.map((r) => r.suppressionReason)).toEqual([
      'BELOW_THRESHOLD',
      'COMPLEMENTARY',
      null,
      null,
    ]);
    // A commissioner threshold of 1 is 3: a service of 2 is hidden, one of 3 is not.
    const low = computeComparison(
      [
        service('a', [steady(JAN, 2)], { providerThreshold: 0 }),
        service('b', [steady(JAN, 3)], { providerThreshold: 0 }),
        service('c', [steady(JAN, 3)], { providerThreshold: 0 }),
      ],
      { fromMonth: JAN, toMonth: JAN },
      1,
    );
    expect(low.threshold).toBe(3);
    expect(low.rows.map((r) => r.suppressionReason)).toEqual([
      'BELOW_THRESHOLD',
      'COMPLEMENTARY',
      null,
    ]);
  });

  it('the staff behind a period are its largest month: hidden only if every month is below k', () => {
    const services = [
      service('a', [steady(JAN, 4), steady(FEB, 5), steady(MAR, 3)]),
      service('b', [steady(JAN, 4), steady(FEB, 4), steady(MAR, 4)]),
      service('c', [steady(JAN, 20), steady(FEB, 20), steady(MAR, 20)]),
      service('d', [steady(JAN, 30), steady(FEB, 30), steady(MAR, 30)]),
      service('e', [steady(JAN, 3), steady(FEB, 3), steady(MAR, 3)]),
    ];
    const result = computeComparison(services, Q1, 5);
    // a has 5 in February: shown. b and e never reach 5: hidden (two, so no complement).
    expect(result.rows.map((r) => r.suppressionReason)).toEqual([
      null,
      'BELOW_THRESHOLD',
      null,
      null,
      'BELOW_THRESHOLD',
    ]);
  });

  it('a suppressed row shows no figure and no band, but keeps its labels and currency', () => {
    const result = computeComparison(
      [service('a', [steady(JAN, 4)]), service('b', [steady(JAN, 4)])],
      { fromMonth: JAN, toMonth: JAN },
      5,
    );
    expect(result.rows[0]).toEqual({
      serviceId: 'a',
      serviceName: 'Service a',
      providerName: 'Provider a',
      providerKind: 'NGO',
      currency: 'GBP',
      headcountBand: null,
      suppressed: true,
      suppressionReason: 'BELOW_THRESHOLD',
      figures: Object.fromEntries(Object.keys(result.rows[0].figures).map((key) => [key, null])),
    });
  });
});

describe('the pooled row and the complementary rule', () => {
  it('pools every service’s counts, hidden ones included', () => {
    // a: 10 eligible, 9 in date; b: 4 (hidden), 1 in date; c: 6, 6.
    const services = [
      service('a', [steady(JAN, 10, { inDateEnd: 9 })]),
      service('b', [steady(JAN, 4, { inDateEnd: 1 })]),
      service('c', [steady(JAN, 6)]),
    ];
    const result = computeComparison(services, { fromMonth: JAN, toMonth: JAN }, 5);
    // (9 + 1 + 6) / (10 + 4 + 6) = 80%.
    expect(result.pooled.figures.coverage).toBeCloseTo(80, 12);
    expect(result.pooled.headcountBand).toBe('10–24');
    expect(result.pooled.serviceId).toBe('POOLED');
    // b hidden; otherwise pooled - a - c would give b: c, the smallest other, is hidden too.
    expect(result.rows.map((r) => r.suppressionReason)).toEqual([
      null,
      'BELOW_THRESHOLD',
      'COMPLEMENTARY',
    ]);
  });

  it('pooled hours and annualised turnover over summed worker-months and worker-years', () => {
    // a: Jan-Feb 10 eligible; b: Feb only 20 eligible. Hours: a 600 + 600 minutes, b 1200.
    const a = service('a', [
      steady(JAN, 10, { supervisionMinutes: 600, leavers: 1 }),
      steady(FEB, 10, { supervisionMinutes: 600 }),
    ]);
    const b = service('b', [steady(FEB, 20, { supervisionMinutes: 1200, leavers: 2 })]);
    const result = computeComparison([a, b], { fromMonth: JAN, toMonth: FEB }, 5);
    const workerMonths = (10 * 59 * 12) / 365 + (20 * 28 * 12) / 365;
    expect(result.pooled.figures.supervisionHoursPerWorkerPerMonth).toBeCloseTo(
      40 / workerMonths,
      12,
    );
    const workerYears = (10 * 59) / 365 + (20 * 28) / 365;
    expect(result.pooled.figures.annualisedTurnoverRate).toBeCloseTo(300 / workerYears, 9);
    expect(result.pooled.figures.turnoverRate).toBeCloseTo(300 / 30, 12);
  });

  it('a single hidden service hides the pooled row too (the same staff stand behind it)', () => {
    const result = computeComparison(
      [service('a', [steady(JAN, 6), steady(FEB, 6)], { providerThreshold: 7 })],
      { fromMonth: JAN, toMonth: FEB },
      3,
    );
    expect(result.rows[0].suppressionReason).toBe('BELOW_THRESHOLD');
    expect(result.pooled.suppressed).toBe(true);
    expect(result.pooled.suppressionReason).toBe('BELOW_THRESHOLD');
    expect(result.pooled.headcountBand).toBeNull();
    expect(Object.values(result.pooled.figures).every((v) => v === null)).toBe(true);
  });

  it('the pooled row is below the threshold when all services together have fewer than k', () => {
    const result = computeComparison(
      [service('a', [steady(JAN, 2)]), service('b', [steady(JAN, 2)])],
      { fromMonth: JAN, toMonth: JAN },
      5,
    );
    expect(result.pooled.suppressionReason).toBe('BELOW_THRESHOLD');
  });

  it('the pooled row uses the largest k of its services', () => {
    const result = computeComparison(
      [service('a', [steady(JAN, 30)], { providerThreshold: 40 })],
      { fromMonth: JAN, toMonth: JAN },
      5,
    );
    expect(result.rows[0].suppressionReason).toBe('BELOW_THRESHOLD');
    expect(result.pooled.suppressionReason).toBe('BELOW_THRESHOLD');
  });

  it('has no common spend and no currency when the services use more than one', () => {
    const result = computeComparison(
      [service('a', [steady(JAN, 10)]), service('b', [steady(JAN, 10)], { currency: 'EUR' })],
      { fromMonth: JAN, toMonth: JAN },
      5,
    );
    expect(result.pooled.currency).toBe('');
    expect(result.pooled.figures.supervisionSpendPerWorker).toBeNull();
    expect(result.pooled.figures.coverage).toBe(100);
    expect(result.rows.map((r) => r.figures.supervisionSpendPerWorker)).toEqual([31, 31]);
  });
});

describe('benchmarks', () => {
  it('quartiles by linear interpolation between closest ranks', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.25)).toBe(7);
    // Sorted 10, 20, 40, 80: h = 3p -> 0.75 gives 10 + 0.75 * 10; 1.5 gives 30; 2.25 gives 50.
    expect(quantile([40, 10, 80, 20], 0.25)).toBeCloseTo(17.5, 12);
    expect(quantile([40, 10, 80, 20], 0.5)).toBeCloseTo(30, 12);
    expect(quantile([40, 10, 80, 20], 0.75)).toBeCloseTo(50, 12);
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
  });

  it('by selection equal the sorted quantiles, duplicates and nulls included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(0, 50, 100, null),
            fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
          ),
          { maxLength: 60 },
        ),
        (values) => {
          const figures = values.map((v) => ({ ...NO_FIGURES, coverage: v }));
          const [coverage] = benchmarksOf(figures.map((f) => ({ figures: f, currency: 'GBP' })));
          const present = values.filter((v): v is number => v !== null);
          expect(coverage.services).toBe(present.length);
          // === : the same number (0 and -0 alike).
          expect(coverage.lowerQuartile === quantile(present, 0.25)).toBe(true);
          expect(coverage.median === quantile(present, 0.5)).toBe(true);
          expect(coverage.upperQuartile === quantile(present, 0.75)).toBe(true);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('are over the visible services only, and skip null figures', () => {
    // Coverage: a 50%, b 100% (hidden, 3 staff), c 80%, d 70%, e no eligible -> null.
    const services = [
      service('a', [steady(JAN, 10, { inDateEnd: 5 })]),
      service('b', [steady(JAN, 3)]),
      service('c', [steady(JAN, 10, { inDateEnd: 8 })]),
      service('d', [steady(JAN, 10, { inDateEnd: 7 })]),
      service('e', [steady(JAN, 12, { eligibleStart: 0, eligibleEnd: 0, inDateEnd: 0 })]),
    ];
    const result = computeComparison(services, { fromMonth: JAN, toMonth: JAN }, 5);
    // b hidden; a (10 staff, first of the smallest) hidden as its complement.
    expect(result.rows.map((r) => r.suppressionReason)).toEqual([
      'COMPLEMENTARY',
      'BELOW_THRESHOLD',
      null,
      null,
      null,
    ]);
    const coverage = result.benchmarks.find((b) => b.metric === 'COVERAGE') as ComparisonBenchmark;
    // Visible, not null: c 80, d 70 -> median 75, quartiles 72.5, 77.5.
    expect(coverage.services).toBe(2);
    expect(coverage.median).toBeCloseTo(75, 12);
    expect(coverage.lowerQuartile).toBeCloseTo(72.5, 12);
    expect(coverage.upperQuartile).toBeCloseTo(77.5, 12);
    expect(result.benchmarks.map((b) => b.metric)).toEqual([...COMPARISON_METRICS]);
  });

  it('no spend benchmark unless the visible services share one currency', () => {
    const mixed = computeComparison(
      [
        service('a', [steady(JAN, 10)]),
        service('b', [steady(JAN, 10)], { currency: 'EUR' }),
        service('c', [steady(JAN, 3)], { currency: 'USD' }),
        service('d', [steady(JAN, 3)], { currency: 'USD' }),
      ],
      { fromMonth: JAN, toMonth: JAN },
      5,
    );
    const spend = (c: Comparison) =>
      c.benchmarks.find((b) => b.metric === 'SUPERVISION_SPEND_PER_WORKER') as ComparisonBenchmark;
    expect(spend(mixed)).toEqual({
      metric: 'SUPERVISION_SPEND_PER_WORKER',
      median: null,
      lowerQuartile: null,
      upperQuartile: null,
      services: 2,
    });
    // The hidden EUR and USD services do not stop the GBP ones' benchmark.
    const oneVisibleCurrency = computeComparison(
      [
        service('a', [steady(JAN, 10)]),
        service('b', [steady(JAN, 12)]),
        service('c', [steady(JAN, 3)], { currency: 'USD' }),
        service('d', [steady(JAN, 3)], { currency: 'EUR' }),
      ],
      { fromMonth: JAN, toMonth: JAN },
      5,
    );
    expect(spend(oneVisibleCurrency).median).toBe(31);
    expect(spend(oneVisibleCurrency).services).toBe(2);
  });
});

describe('the trend by month', () => {
  it('each month pooled and suppressed on its own staff; benchmarks over its visible cells', () => {
    // a has 5 staff over Q1 but 2 in February: visible for the period, hidden in February,
    // where c (the smallest other) is hidden too, leaving only b in February's benchmarks.
    const services = [
      service('a', [steady(JAN, 5), steady(FEB, 2), steady(MAR, 5)]),
      service('b', [
        steady(JAN, 20, { inDateEnd: 10 }),
        steady(FEB, 20, { inDateEnd: 15 }),
        steady(MAR, 20),
      ]),
      service('c', [steady(JAN, 8), steady(FEB, 8, { inDateEnd: 4 }), steady(MAR, 8)]),
    ];
    const result = computeComparison(services, Q1, 5);
    expect(result.rows.every((r) => !r.suppressed)).toBe(true);
    expect(result.trend.map((m) => m.month)).toEqual([JAN, FEB, MAR]);
    const feb = result.trend[1];
    expect(feb.suppressed).toBe(false);
    // Pooled February coverage: (2 + 15 + 4) / (2 + 20 + 8) = 70%.
    expect(feb.pooled.coverage).toBeCloseTo(70, 12);
    const febCoverage = feb.benchmarks.find((b) => b.metric === 'COVERAGE') as ComparisonBenchmark;
    expect(febCoverage).toEqual({
      metric: 'COVERAGE',
      median: 75,
      lowerQuartile: 75,
      upperQuartile: 75,
      services: 1,
    });
    // January: all visible; coverage 100, 50, 100 -> median 100, lower quartile 75.
    const janCoverage = result.trend[0].benchmarks[0];
    expect(janCoverage.services).toBe(3);
    expect(janCoverage.median).toBe(100);
    expect(janCoverage.lowerQuartile).toBe(75);
    // A month's hours are over that month alone: (20 * 60 / 60) / 20 / (31 * 12 / 365).
    expect(result.trend[0].benchmarks[2].median).toBeCloseTo(1 / ((31 * 12) / 365), 12);
  });

  it('a month whose pooled staff are below k is suppressed, and a month with no data too', () => {
    const services = [
      service('a', [steady(JAN, 2), steady(FEB, 10)]),
      service('b', [steady(JAN, 2), steady(FEB, 10)]),
    ];
    const result = computeComparison(services, Q1, 5);
    expect(result.trend.map((m) => m.suppressionReason)).toEqual([
      'BELOW_THRESHOLD',
      null,
      'BELOW_THRESHOLD',
    ]);
    expect(result.trend[0].pooled.coverage).toBeNull();
    expect(result.trend[2].benchmarks.every((b) => b.services === 0 && b.median === null)).toBe(
      true,
    );
  });
});

describe('the period', () => {
  it('must be whole months, first before last', () => {
    expect(() => computeComparison([], { fromMonth: '2025-01-02', toMonth: MAR }, 5)).toThrow(
      RangeError,
    );
    expect(() => computeComparison([], { fromMonth: MAR, toMonth: JAN }, 5)).toThrow(RangeError);
    expect(() => computeComparison([], { fromMonth: '2025-13-01', toMonth: MAR }, 5)).toThrow(
      RangeError,
    );
    expect(computeComparison([], { fromMonth: '2024-11-01', toMonth: FEB }, 5).trend).toHaveLength(
      4,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: random services and thresholds.

const MONTHS = ['2024-11-01', '2024-12-01', JAN, FEB, MAR];

/** Counts whose every denominator is positive, so each visible cell has every figure. */
const monthCountsArb = (first: string) =>
  fc
    .record({
      staffCount: fc.integer({ min: 1, max: 14 }),
      leavers: fc.integer({ min: 0, max: 3 }),
      inDateShare: fc.double({ min: 0, max: 1, noNaN: true }),
      lost: fc.integer({ min: 0, max: 50 }),
      held: fc.integer({ min: 0, max: 20 }),
      missed: fc.integer({ min: 0, max: 6 }),
      minutes: fc.integer({ min: 0, max: 3000 }),
    })
    .map((r): ComparisonMonthCounts =>
      month(first, {
        staffCount: r.staffCount,
        headcountStart: r.staffCount,
        headcountEnd: Math.max(1, r.staffCount - r.leavers),
        eligibleStart: r.staffCount,
        eligibleEnd: Math.max(1, r.staffCount - r.leavers),
        inDateEnd: Math.floor(Math.max(1, r.staffCount - r.leavers) * r.inDateShare),
        leavers: r.leavers,
        fteDaysAvailable: r.staffCount * 28,
        fteDaysLost: r.lost,
        sessionsHeld: r.held,
        sessionsMissed: r.missed + (r.held === 0 ? 1 : 0),
        supervisionMinutes: r.minutes,
        supervisionCostPerWorkerYear: 563,
      }),
    );

const serviceArb = (id: number) =>
  fc
    .record({
      present: fc.subarray(MONTHS, { minLength: 1 }),
      providerThreshold: fc.option(fc.integer({ min: 0, max: 12 })),
    })
    .chain(({ present, providerThreshold }) =>
      fc.tuple(...present.map(monthCountsArb)).map((months) =>
        service(`s${String(id).padStart(2, '0')}`, months, {
          providerThreshold,
          providerName: `Provider ${id % 3}`,
        }),
      ),
    );

const servicesArb = fc
  .integer({ min: 0, max: 9 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => serviceArb(i))));

const periodArb = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
  .map(([a, b]) => ({
    fromMonth: MONTHS[Math.min(a, b)],
    toMonth: MONTHS[Math.max(a, b)],
  }));

const RUNS = { numRuns: 400, seed: 20261122 };

function kOf(s: ComparisonServiceInput, commissioner: number | null): number {
  return Math.max(effectiveThreshold(commissioner), effectiveThreshold(s.providerThreshold));
}

function inPeriod(s: ComparisonServiceInput, p: { fromMonth: string; toMonth: string }) {
  return s.months.filter((m) => m.month >= p.fromMonth && m.month <= p.toMonth);
}

/** Every key anywhere in the output. */
function keysOf(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => [key, ...keysOf(v)]);
}

const ALLOWED_KEYS = new Set([
  // Comparison, rows, months, benchmarks, figures.
  ...[
    'fromMonth',
    'toMonth',
    'threshold',
    'rows',
    'pooled',
    'benchmarks',
    'trend',
    'serviceId',
    'serviceName',
    'providerName',
    'providerKind',
    'currency',
    'headcountBand',
    'suppressed',
    'suppressionReason',
    'figures',
    'month',
    'metric',
    'median',
    'lowerQuartile',
    'upperQuartile',
    'services',
  ],
  ...Object.keys(figuresOfTotals(totalsOfMonths([month(JAN)], 'GBP'))),
  // Array indices.
  ...Array.from({ length: 100 }, (_, i) => String(i)),
]);

const sameBenchmarks = (a: ComparisonBenchmark[], b: ComparisonBenchmark[]) =>
  a.length === b.length &&
  a.every(
    (x, i) =>
      x.metric === b[i].metric &&
      x.services === b[i].services &&
      (['median', 'lowerQuartile', 'upperQuartile'] as const).every((key) => {
        const u = x[key];
        const v = b[i][key];
        return u === null || v === null
          ? u === v
          : Math.abs(u - v) <= 1e-9 * Math.max(1, Math.abs(u));
      }),
  );

describe('properties of the comparison', () => {
  it('no visible row is backed by fewer than k staff; a visible pool never has exactly one hidden row', () => {
    fc.assert(
      fc.property(
        servicesArb,
        periodArb,
        fc.option(fc.integer({ min: 0, max: 12 })),
        (services, period, commissioner) => {
          const result = computeComparison(services, period, commissioner);
          const byId = new Map(services.map((s) => [s.serviceId, s]));
          const compared = services.filter((s) => inPeriod(s, period).length > 0);
          expect(result.rows).toHaveLength(compared.length);
          for (const row of result.rows) {
            const s = byId.get(row.serviceId) as ComparisonServiceInput;
            const staff = Math.max(...inPeriod(s, period).map((m) => m.staffCount));
            if (!row.suppressed) {
              expect(staff).toBeGreaterThanOrEqual(kOf(s, commissioner));
              expect(row.figures.coverage).not.toBeNull();
            } else {
              expect(Object.values(row.figures).every((v) => v === null)).toBe(true);
              expect(row.headcountBand).toBeNull();
              if (staff < kOf(s, commissioner))
                expect(row.suppressionReason).toBe('BELOW_THRESHOLD');
            }
          }
          const hidden = result.rows.filter((r) => r.suppressed).length;
          if (!result.pooled.suppressed) {
            // Subtracting the visible rows from the pool only ever gives two or more hidden ones.
            expect(hidden === 0 || hidden >= 2).toBe(true);
            const poolK = Math.max(
              effectiveThreshold(commissioner),
              ...compared.map((s) => kOf(s, commissioner)),
            );
            const poolStaff = Math.max(
              0,
              ...MONTHS.map((m) =>
                compared.reduce(
                  (acc, s) =>
                    acc + (inPeriod(s, period).find((x) => x.month === m)?.staffCount ?? 0),
                  0,
                ),
              ),
            );
            expect(poolStaff).toBeGreaterThanOrEqual(poolK);
          }
          // Complementary hiding only ever adds one row, and only beside a row below k.
          const complementary = result.rows.filter((r) => r.suppressionReason === 'COMPLEMENTARY');
          expect(complementary.length).toBeLessThanOrEqual(1);
          if (complementary.length === 1) {
            expect(
              result.rows.filter((r) => r.suppressionReason === 'BELOW_THRESHOLD'),
            ).toHaveLength(1);
          }
          // Benchmarks: over the visible rows exactly.
          const visible = result.rows.filter((r) => !r.suppressed);
          expect(
            sameBenchmarks(
              result.benchmarks,
              benchmarksOf(visible.map((r) => ({ figures: r.figures, currency: r.currency }))),
            ),
          ).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('each month: benchmarks over cells of at least k staff, never exactly one hidden beside a visible pool', () => {
    fc.assert(
      fc.property(
        servicesArb,
        periodArb,
        fc.option(fc.integer({ min: 0, max: 12 })),
        (services, period, commissioner) => {
          const result = computeComparison(services, period, commissioner);
          for (const m of result.trend) {
            const cells = services.flatMap((s) => {
              const row = s.months.find((x) => x.month === m.month);
              return row
                ? [
                    {
                      s,
                      staff: row.staffCount,
                      figures: figuresOfTotals(totalsOfMonths([row], s.currency)),
                    },
                  ]
                : [];
            });
            const atLeastK = cells.filter((c) => c.staff >= kOf(c.s, commissioner));
            const belowK = cells.length - atLeastK.length;
            // The visible cells are those at or above k, less at most one (the complement).
            const candidates = [
              atLeastK,
              ...atLeastK.map((_, i) => atLeastK.filter((__, j) => j !== i)),
            ];
            const allowed = candidates.filter((visible) => {
              const hidden = cells.length - visible.length;
              if (!m.suppressed && !(hidden === 0 || hidden >= 2)) return false;
              if (visible.length < atLeastK.length && belowK !== 1) return false;
              return sameBenchmarks(
                m.benchmarks,
                benchmarksOf(visible.map((c) => ({ figures: c.figures, currency: 'GBP' }))),
              );
            });
            expect(allowed.length).toBeGreaterThan(0);
            if (m.suppressed) expect(Object.values(m.pooled).every((v) => v === null)).toBe(true);
            else {
              const staff = cells.reduce((acc, c) => acc + c.staff, 0);
              const compared = services.filter((s) => inPeriod(s, period).length > 0);
              const poolK = Math.max(
                effectiveThreshold(commissioner),
                ...compared.map((s) => kOf(s, commissioner)),
              );
              expect(staff).toBeGreaterThanOrEqual(poolK);
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('the output carries no count: only labels, flags, bands and figures', () => {
    fc.assert(
      fc.property(
        servicesArb,
        periodArb,
        fc.option(fc.integer({ min: 0, max: 12 })),
        (services, period, commissioner) => {
          const result = computeComparison(services, period, commissioner);
          expect(keysOf(result).filter((key) => !ALLOWED_KEYS.has(key))).toEqual([]);
          // Figures are figures: nothing but numbers or null.
          const figureSets: ComparisonFigures[] = [
            result.pooled.figures,
            ...result.rows.map((r) => r.figures),
            ...result.trend.map((m) => m.pooled),
          ];
          for (const f of figureSets) {
            for (const v of Object.values(f)) {
              expect(v === null || (typeof v === 'number' && Number.isFinite(v))).toBe(true);
            }
          }
        },
      ),
      RUNS,
    );
  });
});
