import {
  absenceByReason,
  absenceRate,
  absentDayAttribution,
  absentDays,
  fteDaysAvailable,
  fteDaysLost,
  isLongTerm,
  longTermShare,
  mentalHealthShare,
  workingDaysLost,
  workingDaysLostPerEmployee,
} from './absence';
import { makeAbsence, makeOrg, makeStaff } from './testing/builders';

// March 2024: 31 days.
const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const s = makeStaff('s');

describe('absentDays', () => {
  it('an ongoing episode covers every day from its start', () => {
    const org = makeOrg({ staff: [s], absences: [makeAbsence('e1', 's', '2024-03-20', null)] });
    expect(absentDays(org, s, MARCH)).toBe(12); // 20..31 March
    // 100 * 12 / 31 = 38.71
    expect(absenceRate(org, MARCH)).toEqual({ value: 1200 / 31, numerator: 12, denominator: 31 });
  });

  it('overlapping episodes count each day once', () => {
    const org = makeOrg({
      staff: [s],
      absences: [
        makeAbsence('e1', 's', '2024-03-05', '2024-03-10'), // 6 days
        makeAbsence('e2', 's', '2024-03-08', '2024-03-12'), // 5 days, 3 shared
      ],
    });
    expect(absentDays(org, s, MARCH)).toBe(8); // 5..12 March, not 6 + 5 = 11
  });

  it('counts only days in post and days of P', () => {
    const starter = makeStaff('starter', { startDate: '2024-03-15' });
    const leaver = makeStaff('leaver', { endDate: '2024-03-25', leavingReason: 'RESIGNATION' });
    const org = makeOrg({
      staff: [starter, leaver, s],
      absences: [
        makeAbsence('e1', 'starter', '2024-03-10', '2024-03-20'), // in post 15..20: 6
        makeAbsence('e2', 'leaver', '2024-03-20', null), // in post 20..25: 6
        makeAbsence('e3', 's', '2024-02-25', '2024-03-02'), // March 1..2: 2
        makeAbsence('e4', 'other-staff', '2024-03-01', '2024-03-31'), // not this org's staff
      ],
    });
    expect(absentDays(org, starter, MARCH)).toBe(6);
    expect(absentDays(org, leaver, MARCH)).toBe(6);
    expect(absentDays(org, s, MARCH)).toBe(2);
    expect(fteDaysLost(org, MARCH)).toBe(14);
  });

  it('ignores an episode that ends before it starts', () => {
    const org = makeOrg({
      staff: [s],
      absences: [makeAbsence('e1', 's', '2024-03-10', '2024-03-09')],
    });
    expect(absentDays(org, s, MARCH)).toBe(0);
  });
});

describe('absenceRate (FTE-weighted calendar days)', () => {
  it('weights lost and available days by FTE', () => {
    const full = makeStaff('full', { fte: 1 });
    const part = makeStaff('part', { fte: 0.5 });
    const org = makeOrg({
      staff: [full, part],
      absences: [
        makeAbsence('e1', 'full', '2024-03-01', '2024-03-03'), // 3 days * 1
        makeAbsence('e2', 'part', '2024-03-11', '2024-03-20'), // 10 days * 0.5
      ],
    });
    expect(fteDaysLost(org, MARCH)).toBe(8); // 3 + 5
    expect(fteDaysAvailable(org, MARCH)).toBe(46.5); // 31 + 15.5
    expect(absenceRate(org, MARCH).value).toBeCloseTo(17.2043, 4); // 100 * 8 / 46.5
  });

  it('is null when no FTE day is available', () => {
    expect(absenceRate(makeOrg(), MARCH)).toEqual({ value: null, numerator: 0, denominator: 0 });
    const gone = makeStaff('gone', { endDate: '2024-01-31' });
    expect(absenceRate(makeOrg({ staff: [gone] }), MARCH).value).toBeNull();
  });
});

describe('working days lost', () => {
  // Friday 7 June to Monday 10 June 2024: 4 calendar days, 2 working days.
  const org = makeOrg({
    staff: [s],
    absences: [makeAbsence('e1', 's', '2024-06-07', '2024-06-10')],
  });
  const JUNE = { from: '2024-06-01', to: '2024-06-30' }; // 30 days

  it('counts Monday to Friday only, not FTE-weighted', () => {
    expect(absentDays(org, s, JUNE)).toBe(4);
    expect(workingDaysLost(org, JUNE)).toBe(2);
    const part = makeStaff('s', { fte: 0.5 });
    expect(workingDaysLost({ ...org, staff: [part] }, JUNE)).toBe(2);
  });

  it('per employee = 2 / averageHeadcount 1 * 365 / 30 = 24.33 (annualised)', () => {
    const figure = workingDaysLostPerEmployee(org, JUNE);
    expect(figure.numerator).toBe(2);
    expect(figure.denominator).toBeCloseTo(30 / 365, 12); // worker-years
    expect(figure.value).toBeCloseTo((2 / 1) * (365 / 30), 10);
  });

  it('per employee is null when the average headcount is 0', () => {
    expect(workingDaysLostPerEmployee(makeOrg(), JUNE).value).toBeNull();
  });
});

describe('long-term episodes', () => {
  it('last 28 days or more in total, counting days outside P', () => {
    // 10 Feb..29 Feb = 20 days (2024 leap year) + 1..8 Mar = 8 days -> 28
    expect(isLongTerm(makeAbsence('lt', 's', '2024-02-10', '2024-03-08'), MARCH)).toBe(true);
    // one day shorter: 27
    expect(isLongTerm(makeAbsence('st', 's', '2024-02-11', '2024-03-08'), MARCH)).toBe(false);
  });

  it('an ongoing episode is counted to P.to', () => {
    const ongoing = makeAbsence('on', 's', '2024-03-05', null);
    expect(isLongTerm(ongoing, MARCH)).toBe(false); // 5..31 March = 27 days
    expect(isLongTerm(ongoing, { from: '2024-03-01', to: '2024-04-01' })).toBe(true); // 28
  });

  it('longTermShare is the share of FTE days lost in long-term episodes', () => {
    const org = makeOrg({
      staff: [s],
      absences: [
        makeAbsence('lt', 's', '2024-02-10', '2024-03-08'), // long-term, 8 days in March
        makeAbsence('st', 's', '2024-03-20', '2024-03-31'), // 12 days, short
      ],
    });
    // 8 / (8 + 12) = 40 %
    expect(longTermShare(org, MARCH)).toEqual({ value: 40, numerator: 8, denominator: 20 });
  });

  it('longTermShare is null without absence', () => {
    expect(longTermShare(makeOrg({ staff: [s] }), MARCH)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
    });
  });
});

describe('mental-health share and attribution of overlapping days', () => {
  it('gives an overlapping day to the episode that started first', () => {
    const org = makeOrg({
      staff: [s],
      absences: [
        makeAbsence('e1', 's', '2024-03-01', '2024-03-10', 'MINOR_ILLNESS'),
        makeAbsence('e2', 's', '2024-03-05', '2024-03-20', 'MENTAL_HEALTH'),
      ],
    });
    // Days 1..20 absent. 1..10 go to e1 (started first), 11..20 to e2: 10 / 20 = 50 %.
    // (Giving the overlap 5..10 to mental health would make it 16 / 20 = 80 %.)
    expect(mentalHealthShare(org, MARCH)).toEqual({ value: 50, numerator: 10, denominator: 20 });
    const byReason = absenceByReason(org, MARCH);
    expect(byReason.MINOR_ILLNESS).toEqual({ absentDays: 10, fteDaysLost: 10 });
    expect(byReason.MENTAL_HEALTH).toEqual({ absentDays: 10, fteDaysLost: 10 });
    expect(byReason.OTHER).toEqual({ absentDays: 0, fteDaysLost: 0 });
  });

  it('breaks a tie of start dates by the smaller id', () => {
    const org = makeOrg({
      staff: [s],
      absences: [
        makeAbsence('b-ep', 's', '2024-03-01', '2024-03-04', 'OTHER'),
        makeAbsence('a-ep', 's', '2024-03-01', '2024-03-04', 'MENTAL_HEALTH'),
      ],
    });
    expect(absentDayAttribution(org, s, MARCH).map((d) => d.episode.id)).toEqual([
      'a-ep',
      'a-ep',
      'a-ep',
      'a-ep',
    ]);
    expect(mentalHealthShare(org, MARCH).value).toBe(100);
  });

  it('weights by FTE', () => {
    const part = makeStaff('part', { fte: 0.5 });
    const org = makeOrg({
      staff: [s, part],
      absences: [
        makeAbsence('e1', 's', '2024-03-01', '2024-03-04', 'MENTAL_HEALTH'), // 4 * 1
        makeAbsence('e2', 'part', '2024-03-01', '2024-03-08', 'INJURY'), // 8 * 0.5
      ],
    });
    expect(mentalHealthShare(org, MARCH)).toEqual({ value: 50, numerator: 4, denominator: 8 });
  });
});
