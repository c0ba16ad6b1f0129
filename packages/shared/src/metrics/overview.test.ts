import { makeAbsence, makeOrg, makeSession, makeStaff } from './testing/builders';
import { breakdown, computeHeadlines, computeMonthlySeries, suppressBreakdown } from './overview';
import { coverage } from './supervision';
import { turnoverRate } from './turnover';

const org = makeOrg({
  staff: [
    makeStaff('a1', { serviceId: 'svc-a' }),
    makeStaff('a2', { serviceId: 'svc-a', endDate: '2024-02-10', leavingReason: 'RESIGNATION' }),
    makeStaff('a3', { serviceId: 'svc-a', startDate: '2024-02-01' }),
    makeStaff('b1', {
      serviceId: 'svc-b',
      practitionerType: 'SOCIAL_WORKER',
      startDate: '2021-01-01',
    }),
    makeStaff('b2', { serviceId: 'svc-b', practitionerType: null, startDate: '2022-01-01' }),
  ],
  sessions: [
    makeSession('g1', '2024-02-05', ['a1', 'b1'], { format: 'GROUP' }),
    makeSession('c1', '2024-02-06', ['a1', 'b2'], { status: 'CANCELLED' }),
    makeSession('x1', '2024-03-01', ['a3']),
  ],
  absences: [makeAbsence('ab', 'b1', '2024-02-12', '2024-02-16', 'MENTAL_HEALTH')],
});
const P = { from: '2024-01-15', to: '2024-03-10' };

describe('computeHeadlines', () => {
  const headlines = computeHeadlines(org, P);

  it('takes point-in-time figures on P.to', () => {
    expect(headlines.headcount).toBe(4); // a1, a3, b1, b2
    expect(headlines.fte).toBe(4);
    expect(headlines.eligible).toBe(4);
    // on 10 Mar: a1 and b1 last held 5 Feb (due 5 Mar), b2 never (due long ago): overdue;
    // a3 held 1 Mar (due 1 Apr): in date. 1 / 4.
    expect(headlines.coverage).toEqual({ value: 25, numerator: 1, denominator: 4 });
    expect(headlines.overdueCount).toBe(3);
  });

  it('computes period figures over P', () => {
    expect(headlines.staffCount).toBe(5);
    expect(headlines.leavers).toBe(1);
    // headcount(15 Jan) = a1, a2, b1, b2 = 4; headcount(10 Mar) = 4; 100 * 1 / 4
    expect(headlines.turnoverRate).toEqual({ value: 25, numerator: 1, denominator: 4 });
    expect(headlines.averageHeadcount).toBe(4);
    // g1 held, c1 cancelled, x1 held: 1 / 3
    expect(headlines.cancellationRate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(headlines.mentalHealthShare).toEqual({ value: 100, numerator: 5, denominator: 5 });
    expect(headlines.longTermShare).toEqual({ value: 0, numerator: 0, denominator: 5 });
    expect(headlines.cost.leavers).toBe(1);
    expect(headlines.cost.turnoverCost).toBe(1612);
  });

  it('applies the scope', () => {
    const svcB = computeHeadlines(org, P, { serviceIds: ['svc-b'] });
    expect(svcB.headcount).toBe(2);
    expect(svcB.leavers).toBe(0);
    expect(svcB.turnoverRate).toEqual({ value: 0, numerator: 0, denominator: 2 });
    expect(svcB.cancellationRate).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('rejects an invalid period', () => {
    expect(() => computeHeadlines(org, { from: '2024-03-10', to: '2024-01-15' })).toThrow(
      RangeError,
    );
    expect(() => computeHeadlines(org, { from: '2024-02-30', to: '2024-03-10' })).toThrow(
      RangeError,
    );
  });
});

describe('computeMonthlySeries', () => {
  const rows = computeMonthlySeries(org, P);

  it('has one row per calendar month, cut to P', () => {
    expect(rows.map((r) => [r.month, r.from, r.to])).toEqual([
      ['2024-01', '2024-01-15', '2024-01-31'],
      ['2024-02', '2024-02-01', '2024-02-29'],
      ['2024-03', '2024-03-01', '2024-03-10'],
    ]);
  });

  it('reports headcount and coverage at each bucket end', () => {
    expect(rows.map((r) => r.headcount)).toEqual([4, 4, 4]);
    // 31 Jan: nobody has a counting session yet and all started long ago: 0 %, not null
    expect(rows[0]?.coverage).toEqual({ value: 0, numerator: 0, denominator: 4 });
    expect(rows[2]?.coverage).toEqual(coverage(org, '2024-03-10'));
  });

  it('reports turnover and absence within each bucket', () => {
    // February: 1 leaver (a2); headcount(1 Feb) = 5, headcount(29 Feb) = 4; 100 / 4.5
    expect(rows[1]?.turnoverRate).toEqual({ value: 100 / 4.5, numerator: 1, denominator: 4.5 });
    expect(rows[0]?.turnoverRate.value).toBe(0);
    // February absence: b1 5 days; available a1 29 + a2 10 + a3 29 + b1 29 + b2 29 = 126
    expect(rows[1]?.absenceRate).toEqual({ value: 500 / 126, numerator: 5, denominator: 126 });
    expect(rows[0]?.absenceRate.numerator).toBe(0);
  });

  it('reports the rolling 12-month turnover ending on each bucket end', () => {
    // 1 Mar 2023 .. 29 Feb 2024: 1 leaver; headcount 4 at both ends
    expect(rows[1]?.rollingTurnoverRate).toEqual({ value: 25, numerator: 1, denominator: 4 });
    expect(rows[2]?.rollingTurnoverRate).toEqual(
      turnoverRate(org, { from: '2023-03-11', to: '2024-03-10' }),
    );
  });
});

describe('breakdown', () => {
  it('by service: one group per service, each as its own scope', () => {
    const result = breakdown(org, P, 'service');
    expect(result.groups.map((g) => g.key)).toEqual(['svc-a', 'svc-b']);
    expect(result.total).toEqual(computeHeadlines(org, P));
    for (const group of result.groups) {
      expect(group.headlines).toEqual(computeHeadlines(org, P, { serviceIds: [group.key!] }));
    }
    expect(result.groups.map((g) => g.headlines.staffCount)).toEqual([3, 2]);
  });

  it('by practitioner type: a null type is its own group, listed last', () => {
    const result = breakdown(org, P, 'practitionerType');
    expect(result.groups.map((g) => [g.key, g.headlines.staffCount])).toEqual([
      ['COUNSELLOR', 3],
      ['SOCIAL_WORKER', 1],
      [null, 1],
    ]);
  });

  it('suppressBreakdown hides small groups and the complementary one', () => {
    const result = suppressBreakdown(breakdown(org, P, 'service'), (h) => h.leavers, 3);
    // total 5 staff: shown; svc-b 2 staff < 3: hidden; svc-a is then the only visible part
    expect(result.total).toEqual({ value: 1, suppressed: false, reason: null });
    expect(result.groups).toEqual([
      { key: 'svc-a', value: null, suppressed: true, reason: 'COMPLEMENTARY' },
      { key: 'svc-b', value: null, suppressed: true, reason: 'BELOW_THRESHOLD' },
    ]);
  });
});
