import { makeOrg, makeStaff } from './testing/builders';
import {
  annualisedTurnoverRate,
  leavers,
  leaversByReason,
  rollingTurnoverRate,
  stabilityIndex,
  turnoverRate,
  twelveMonthsEndingOn,
  voluntaryTurnoverRate,
} from './turnover';

// P = 1 Jan to 30 Jun 2024: 31 + 29 + 31 + 30 + 31 + 30 = 182 days.
const P = { from: '2024-01-01', to: '2024-06-30' };
const stayers = Array.from({ length: 8 }, (_, i) => makeStaff(`s${i}`));
const org = makeOrg({
  staff: [
    ...stayers,
    makeStaff('l1', { endDate: '2024-02-15', leavingReason: 'RESIGNATION' }),
    makeStaff('l2', {
      startDate: '2021-05-01',
      endDate: '2024-06-30',
      leavingReason: 'RETIREMENT',
    }),
    makeStaff('l3', { startDate: '2022-01-01', endDate: '2024-03-31', leavingReason: 'DISMISSAL' }),
    makeStaff('l4', { endDate: '2024-05-10', leavingReason: null }),
    makeStaff('before', { endDate: '2023-12-31', leavingReason: 'RESIGNATION' }), // left the day before P
    makeStaff('after', {
      startDate: '2023-09-01',
      endDate: '2024-07-01',
      leavingReason: 'END_OF_FIXED_TERM',
    }),
    makeStaff('new', { startDate: '2024-04-01' }),
  ],
});
// headcount(1 Jan) = 8 stayers + l1, l2, l3, l4 + after = 13
// headcount(30 Jun) = 8 stayers + l2 (last day) + after + new = 11
// averageHeadcount = (13 + 11) / 2 = 12

describe('leavers and turnover rates', () => {
  it('leavers(P) are the staff whose end date falls in P, both ends included', () => {
    expect(leavers(org, P).map((s) => s.id)).toEqual(['l1', 'l2', 'l3', 'l4']);
  });

  it('turnoverRate = 100 * 4 / 12', () => {
    expect(turnoverRate(org, P)).toEqual({ value: (100 * 4) / 12, numerator: 4, denominator: 12 });
  });

  it('voluntaryTurnoverRate counts RESIGNATION and RETIREMENT only: 100 * 2 / 12', () => {
    const rate = voluntaryTurnoverRate(org, P);
    expect(rate.numerator).toBe(2);
    expect(rate.value).toBeCloseTo(16.6667, 4);
  });

  it('annualisedTurnoverRate = turnoverRate * 365 / len(P) = 33.33 * 365 / 182', () => {
    const rate = annualisedTurnoverRate(org, P);
    expect(rate.value).toBeCloseTo(((100 * 4) / 12) * (365 / 182), 10); // 66.8498
    expect(rate.value).toBeCloseTo(66.8498, 4);
    expect(rate.numerator).toBe(4);
    expect(rate.denominator).toBeCloseTo((12 * 182) / 365, 10); // worker-years
  });

  it('leaversByReason counts each reason, a null reason as UNRECORDED', () => {
    expect(leaversByReason(org, P)).toEqual({
      RESIGNATION: 1,
      RETIREMENT: 1,
      END_OF_FIXED_TERM: 0,
      DISMISSAL: 1,
      REDUNDANCY: 0,
      DEATH_IN_SERVICE: 0,
      OTHER: 0,
      UNRECORDED: 1,
    });
  });

  it('is null, not 0 or NaN, when the average headcount is 0', () => {
    expect(turnoverRate(makeOrg(), P)).toEqual({ value: null, numerator: 0, denominator: 0 });
    // One person who starts and leaves inside P: 1 leaver, headcount 0 at both ends.
    const passing = makeOrg({
      staff: [
        makeStaff('x', { startDate: '2024-02-01', endDate: '2024-03-01', leavingReason: 'OTHER' }),
      ],
    });
    expect(turnoverRate(passing, P)).toEqual({ value: null, numerator: 1, denominator: 0 });
    expect(annualisedTurnoverRate(passing, P).value).toBeNull();
    expect(voluntaryTurnoverRate(passing, P).value).toBeNull();
  });
});

describe('rolling 12-month turnover', () => {
  it.each([
    ['2024-02-29', '2023-03-01'],
    ['2025-02-28', '2024-03-01'],
    ['2024-12-31', '2024-01-01'],
    ['2024-03-31', '2023-04-01'],
    ['2024-06-15', '2023-06-16'],
  ])('the 12 months ending on %s start on %s', (end, from) => {
    expect(twelveMonthsEndingOn(end)).toEqual({ from, to: end });
  });

  it('counts leavers of the 12 months ending on the date over the average headcount', () => {
    const rolling = makeOrg({
      staff: [
        ...Array.from({ length: 4 }, (_, i) => makeStaff(`x${i}`)),
        makeStaff('in', { endDate: '2023-03-01', leavingReason: 'RESIGNATION' }), // first day of the window
        makeStaff('out', { endDate: '2023-02-28', leavingReason: 'RESIGNATION' }), // day before
      ],
    });
    // window 2023-03-01..2024-02-29; headcount(2023-03-01) = 4 + 'in' = 5, headcount(2024-02-29) = 4
    // 100 * 1 / 4.5 = 22.22
    expect(rollingTurnoverRate(rolling, '2024-02-29')).toEqual({
      value: 100 / 4.5,
      numerator: 1,
      denominator: 4.5,
    });
  });
});

describe('stabilityIndex', () => {
  it('on 29 Feb looks back to 28 Feb of the year before', () => {
    const org29 = makeOrg({
      staff: [
        makeStaff('a', { startDate: '2023-02-28' }), // started exactly one year before: a stayer
        makeStaff('b', { startDate: '2023-03-01' }), // started after 28 Feb 2023
        makeStaff('c', { endDate: '2024-01-31' }), // there a year ago, gone now
        makeStaff('e', { startDate: '2019-06-01' }), // a stayer
        makeStaff('h', { endDate: '2023-02-27' }), // gone before the year started
      ],
    });
    // headcount(2023-02-28) = a, c, e = 3; stayers = a, e = 2; 100 * 2 / 3 = 66.67
    // (365 days back, 2023-03-01, would give 3 / 4 = 75)
    expect(stabilityIndex(org29, '2024-02-29')).toEqual({
      value: 200 / 3,
      numerator: 2,
      denominator: 3,
    });
  });

  it('is null when nobody was in post a year before', () => {
    const young = makeOrg({ staff: [makeStaff('a', { startDate: '2024-01-01' })] });
    expect(stabilityIndex(young, '2024-06-30')).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
    });
  });
});
