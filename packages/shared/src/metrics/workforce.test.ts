import { makeOrg, makeStaff } from './testing/builders';
import {
  averageHeadcount,
  daysInPost,
  fte,
  headcount,
  inPost,
  staffInPostDuring,
} from './workforce';

// March 2024: 31 days.
const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const a = makeStaff('a', { startDate: '2023-01-01', fte: 1 });
const b = makeStaff('b', { startDate: '2024-03-15', fte: 0.5 }); // starts mid-month
const c = makeStaff('c', { startDate: '2022-06-01', endDate: '2024-03-31', fte: 0.8 }); // leaves on P.to
const d = makeStaff('d', { startDate: '2024-04-01' }); // starts after P
const org = makeOrg({ staff: [a, b, c, d] });

describe('in post', () => {
  it('includes the start date and the end date (the last day of employment)', () => {
    expect(inPost(b, '2024-03-14')).toBe(false);
    expect(inPost(b, '2024-03-15')).toBe(true);
    expect(inPost(c, '2024-03-31')).toBe(true);
    expect(inPost(c, '2024-04-01')).toBe(false);
  });

  it('daysInPost counts the days of P in post, both ends included', () => {
    expect(daysInPost(a, MARCH)).toBe(31);
    expect(daysInPost(b, MARCH)).toBe(17); // 15..31 March
    expect(daysInPost(c, MARCH)).toBe(31);
    expect(daysInPost(d, MARCH)).toBe(0);
    expect(daysInPost(c, { from: '2024-03-31', to: '2024-04-30' })).toBe(1);
  });
});

describe('headcount, fte, averageHeadcount', () => {
  it('counts staff in post on the day', () => {
    expect(headcount(org, '2024-03-01')).toBe(2); // a, c
    expect(headcount(org, '2024-03-31')).toBe(3); // a, b, c
    expect(headcount(org, '2024-04-01')).toBe(3); // a, b, d
  });

  it('sums FTE of staff in post', () => {
    expect(fte(org, '2024-03-31')).toBeCloseTo(1 + 0.5 + 0.8, 10);
    expect(fte(org, '2019-01-01')).toBe(0);
  });

  it('averageHeadcount(P) = (headcount(P.from) + headcount(P.to)) / 2', () => {
    expect(averageHeadcount(org, MARCH)).toBe(2.5); // (2 + 3) / 2
  });

  it('staffInPostDuring lists those in post on at least one day of P', () => {
    expect(staffInPostDuring(org, MARCH).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
