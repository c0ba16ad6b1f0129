import {
  activeAgreement,
  agreementsReviewOverdue,
  cancellationRate,
  countedAttendances,
  countsFor,
  coverage,
  daysOverdue,
  dueDate,
  eligible,
  expectedSessions,
  formatMix,
  functionMix,
  intervalLengthInDays,
  isInDate,
  lastHeld,
  overdueList,
  requiredInterval,
  sessionsHeldVsExpected,
  supervisionHoursPerWorkerPerMonth,
} from './supervision';
import { makeAgreement, makeOrg, makeSession, makeStaff } from './testing/builders';

const MARCH = { from: '2024-03-01', to: '2024-03-31' }; // 31 days

describe('due dates (organisation default MONTHLY)', () => {
  it('a new starter is in date until their first interval ends', () => {
    const s = makeStaff('s', { startDate: '2024-01-31' });
    const org = makeOrg({ staff: [s] });
    // 31 Jan 2024 + 1 month = 29 Feb 2024 (clamped, leap year)
    expect(dueDate(org, s, '2024-02-15')).toBe('2024-02-29');
    expect(isInDate(org, s, '2024-02-29')).toBe(true);
    expect(isInDate(org, s, '2024-03-01')).toBe(false);
    expect(daysOverdue(org, s, '2024-03-01')).toBe(1);
    expect(daysOverdue(org, s, '2024-02-20')).toBe(0);
  });

  it('31 Jan + 1 month is 28 Feb in a common year', () => {
    const s = makeStaff('s');
    const org = makeOrg({ staff: [s], sessions: [makeSession('x', '2023-01-31', ['s'])] });
    expect(lastHeld(org, s, '2023-02-10')).toBe('2023-01-31');
    expect(dueDate(org, s, '2023-02-28')).toBe('2023-02-28');
    expect(isInDate(org, s, '2023-02-28')).toBe(true);
    expect(daysOverdue(org, s, '2023-03-01')).toBe(1);
  });

  it('lastHeld ignores sessions after d', () => {
    const s = makeStaff('s');
    const org = makeOrg({
      staff: [s],
      sessions: [makeSession('a', '2024-02-01', ['s']), makeSession('b', '2024-03-20', ['s'])],
    });
    expect(lastHeld(org, s, '2024-03-19')).toBe('2024-02-01');
    expect(lastHeld(org, s, '2024-03-20')).toBe('2024-03-20');
    expect(lastHeld(org, s, '2024-01-31')).toBeNull();
  });
});

describe('which sessions count', () => {
  const s = makeStaff('s');

  it('PEER does not count by default', () => {
    const org = makeOrg({
      staff: [s],
      sessions: [
        makeSession('one', '2024-02-01', ['s']),
        makeSession('peer', '2024-03-10', ['s'], { format: 'PEER' }),
      ],
    });
    expect(countsFor(org, org.sessions[1]!, s)).toBe(false);
    expect(lastHeld(org, s, '2024-03-15')).toBe('2024-02-01');
    // due 1 Feb + 1 month = 1 Mar; on 15 Mar overdue by 14 days
    expect(daysOverdue(org, s, '2024-03-15')).toBe(14);
  });

  it("an agreement's counted formats replace the organisation's on the session date", () => {
    const peerAgreement = makeAgreement('agr', 's', {
      startDate: '2024-03-01',
      countedFormats: ['ONE_TO_ONE', 'GROUP', 'PEER'],
    });
    const org = makeOrg({
      staff: [s],
      agreements: [peerAgreement],
      sessions: [
        makeSession('peer-before', '2024-02-20', ['s'], { format: 'PEER' }), // before the agreement
        makeSession('peer', '2024-03-10', ['s'], { format: 'PEER' }),
      ],
    });
    expect(countsFor(org, org.sessions[0]!, s)).toBe(false);
    expect(countsFor(org, org.sessions[1]!, s)).toBe(true);
    expect(lastHeld(org, s, '2024-03-15')).toBe('2024-03-10');
  });

  it('an agreement with null counted formats uses the organisation settings', () => {
    const org = makeOrg({
      staff: [s],
      settings: { countedFormats: ['ONE_TO_ONE', 'CASE_CONSULTATION'] },
      agreements: [makeAgreement('agr', 's', { countedFormats: null })],
      sessions: [
        makeSession('cc', '2024-03-10', ['s'], { format: 'CASE_CONSULTATION' }),
        makeSession('group', '2024-03-12', ['s'], { format: 'GROUP' }),
      ],
    });
    expect(lastHeld(org, s, '2024-03-31')).toBe('2024-03-10');
  });

  it('cancelled, did-not-attend and scheduled sessions do not count, nor sessions not attended', () => {
    const org = makeOrg({
      staff: [s, makeStaff('t')],
      sessions: [
        makeSession('c', '2024-03-05', ['s'], { status: 'CANCELLED' }),
        makeSession('d', '2024-03-06', ['s'], { status: 'DID_NOT_ATTEND' }),
        makeSession('f', '2024-03-07', ['s'], { status: 'SCHEDULED' }),
        makeSession('o', '2024-03-08', ['t']),
      ],
    });
    expect(lastHeld(org, s, '2024-03-31')).toBeNull();
  });
});

describe('required interval', () => {
  it('follows the agreement active on d when the interval changes', () => {
    const s = makeStaff('s', { startDate: '2023-01-01' });
    const org = makeOrg({
      staff: [s],
      agreements: [
        makeAgreement('monthly', 's', { startDate: '2023-01-01', endDate: '2024-02-29' }),
        makeAgreement('weekly', 's', { startDate: '2024-03-01', interval: 'WEEKLY' }),
      ],
      sessions: [makeSession('last', '2024-02-20', ['s'])],
    });
    expect(requiredInterval(org, s, '2024-02-29')).toBe('MONTHLY');
    expect(dueDate(org, s, '2024-02-29')).toBe('2024-03-20');
    expect(isInDate(org, s, '2024-02-29')).toBe(true);
    expect(requiredInterval(org, s, '2024-03-05')).toBe('WEEKLY');
    // 20 Feb + 7 = 27 Feb; 27 Feb -> 5 Mar 2024 = 7 days (28, 29 Feb, 1..5 Mar)
    expect(dueDate(org, s, '2024-03-05')).toBe('2024-02-27');
    expect(daysOverdue(org, s, '2024-03-05')).toBe(7);
  });

  it('uses the organisation default without an active agreement', () => {
    const s = makeStaff('s');
    const org = makeOrg({
      staff: [s],
      settings: { defaultInterval: 'SIX_WEEKLY' },
      agreements: [makeAgreement('ended', 's', { interval: 'WEEKLY', endDate: '2023-12-31' })],
    });
    expect(requiredInterval(org, s, '2024-01-01')).toBe('SIX_WEEKLY');
    expect(requiredInterval(org, s, '2023-12-31')).toBe('WEEKLY');
  });

  it('of overlapping agreements, the latest start wins, then the greatest id', () => {
    const s = makeStaff('s');
    const org = makeOrg({
      staff: [s],
      agreements: [
        makeAgreement('old', 's', { startDate: '2024-01-01', interval: 'QUARTERLY' }),
        makeAgreement('agr-1', 's', { startDate: '2024-02-01', interval: 'WEEKLY' }),
        makeAgreement('agr-2', 's', { startDate: '2024-02-01', interval: 'FORTNIGHTLY' }),
        makeAgreement('someone-else', 'x', { startDate: '2024-03-01', interval: 'TWO_MONTHLY' }),
      ],
    });
    expect(requiredInterval(org, s, '2024-01-15')).toBe('QUARTERLY');
    expect(activeAgreement(org, s, '2024-03-01')?.id).toBe('agr-2');
    expect(requiredInterval(org, s, '2024-03-01')).toBe('FORTNIGHTLY');
  });
});

describe('coverage and the overdue list', () => {
  const d = '2024-03-31';
  const inDate = makeStaff('in-date');
  const overdue = makeStaff('overdue');
  const notRequired = makeStaff('not-required', { requiresSupervision: false });
  const leaver = makeStaff('leaver', { endDate: '2024-03-30', leavingReason: 'RESIGNATION' });
  const starter = makeStaff('starter', { startDate: '2024-03-10' }); // due 10 Apr
  const org = makeOrg({
    staff: [inDate, overdue, notRequired, leaver, starter],
    sessions: [
      makeSession('1', '2024-03-15', ['in-date']), // due 15 Apr
      makeSession('2', '2024-02-01', ['overdue']), // due 1 Mar: 30 days overdue on 31 Mar
    ],
  });

  it('counts eligible staff only: in post and requiring supervision', () => {
    expect(eligible(org, d).map((s) => s.id)).toEqual(['in-date', 'overdue', 'starter']);
  });

  it('coverage = 100 * in date / eligible = 100 * 2 / 3', () => {
    expect(coverage(org, d)).toEqual({ value: 200 / 3, numerator: 2, denominator: 3 });
  });

  it('coverage is null when nobody is eligible', () => {
    expect(coverage(makeOrg({ staff: [notRequired] }), d)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
    });
  });

  it('overdueList: most overdue first, then by id', () => {
    const staff = ['st-b', 'st-c', 'st-a'].map((id) => makeStaff(id));
    const late = makeOrg({
      staff,
      sessions: [
        makeSession('b', '2024-02-10', ['st-b']), // due 10 Mar: 21 days on 31 Mar
        makeSession('c', '2024-02-28', ['st-c']), // due 28 Mar: 3 days
        makeSession('a', '2024-02-10', ['st-a']), // due 10 Mar: 21 days
      ],
    });
    expect(overdueList(late, d).map((e) => [e.staff.id, e.dueDate, e.daysOverdue])).toEqual([
      ['st-a', '2024-03-10', 21],
      ['st-b', '2024-03-10', 21],
      ['st-c', '2024-03-28', 3],
    ]);
    expect(overdueList(org, d).map((e) => [e.staff.id, e.daysOverdue])).toEqual([['overdue', 30]]);
  });
});

describe('sessions in a period', () => {
  const e1 = makeStaff('e1');
  const e2 = makeStaff('e2');
  const e3 = makeStaff('e3', { requiresSupervision: false });
  const e4 = makeStaff('e4', { startDate: '2024-03-16' });
  const org = makeOrg({
    staff: [e1, e2, e3, e4],
    sessions: [
      makeSession('s1', '2024-03-05', ['e1'], { functions: ['RESTORATIVE'] }),
      makeSession('s2', '2024-03-12', ['e1', 'e2', 'e3', 'e4'], {
        format: 'GROUP',
        durationMinutes: 90,
        functions: ['NORMATIVE', 'FORMATIVE'],
      }),
      makeSession('s3', '2024-03-20', ['e2'], { format: 'PEER', functions: ['RESTORATIVE'] }),
      makeSession('s4', '2024-03-21', ['e4'], { status: 'CANCELLED', functions: ['RESTORATIVE'] }),
      makeSession('s5', '2024-03-25', ['e4'], { durationMinutes: 45 }),
      makeSession('s6', '2024-04-01', ['e1']),
    ],
  });

  it('hours per worker per month', () => {
    // counted hours: s1 e1 1h; s2 e1 + e2 1.5h each (e3 does not require supervision, e4 not
    // yet in post on 12 Mar) = 3h; s3 PEER no; s4 cancelled no; s5 e4 0.75h; s6 after P.
    // = 4.75 h. eligible(1 Mar) = e1, e2 = 2; eligible(31 Mar) = e1, e2, e4 = 3; average 2.5.
    // 4.75 / 2.5 / (31 * 12 / 365) = 1.9 / 1.01918 = 1.8642
    const figure = supervisionHoursPerWorkerPerMonth(org, MARCH);
    expect(figure.numerator).toBe(4.75);
    expect(figure.denominator).toBeCloseTo((2.5 * 31 * 12) / 365, 12);
    expect(figure.value).toBeCloseTo(4.75 / 2.5 / ((31 * 12) / 365), 10);
    expect(figure.value).toBeCloseTo(1.8642, 4);
  });

  it('hours per worker per month is null with nobody eligible', () => {
    expect(supervisionHoursPerWorkerPerMonth(makeOrg({ staff: [e3] }), MARCH).value).toBeNull();
  });

  it('formatMix counts HELD sessions by format, once each', () => {
    expect(formatMix(org, MARCH)).toEqual({
      ONE_TO_ONE: 2,
      GROUP: 1,
      PEER: 1,
      CASE_CONSULTATION: 0,
    });
  });

  it('functionMix counts HELD sessions under each function they served', () => {
    expect(functionMix(org, MARCH)).toEqual({ NORMATIVE: 1, FORMATIVE: 1, RESTORATIVE: 2 });
  });

  it('sessions held vs expected', () => {
    // held: s1 e1, s2 e1, s2 e2, s5 e4 = 4 counted attendances
    expect(countedAttendances(org, MARCH).map((p) => `${p.session.id}:${p.staff.id}`)).toEqual([
      's1:e1',
      's2:e1',
      's2:e2',
      's5:e4',
    ]);
    // expected: eligible days e1 31 + e2 31 + e4 16 (16..31 Mar) = 78 days of MONTHLY,
    // a month being 365 / 12 days: 78 * 12 / 365 = 2.5644 sessions
    expect(intervalLengthInDays('MONTHLY')).toBeCloseTo(30.4167, 4);
    expect(expectedSessions(org, MARCH)).toBeCloseTo((78 * 12) / 365, 10);
    expect(sessionsHeldVsExpected(org, MARCH).value).toBeCloseTo((100 * 4 * 365) / (78 * 12), 8);
  });

  it('expected sessions follow the interval in force each day', () => {
    const s = makeStaff('s');
    const changing = makeOrg({
      staff: [s],
      agreements: [makeAgreement('w', 's', { startDate: '2024-03-18', interval: 'WEEKLY' })],
    });
    // 1..17 Mar monthly (17 days), 18..31 Mar weekly (14 days): 17 * 12 / 365 + 14 / 7
    expect(expectedSessions(changing, MARCH)).toBeCloseTo((17 * 12) / 365 + 2, 10);
  });

  it('cancellationRate counts sessions once each, all formats, SCHEDULED in neither count', () => {
    const group = ['a', 'b', 'c'].map((id) => makeStaff(id));
    const sessions = makeOrg({
      staff: group,
      sessions: [
        makeSession('h1', '2024-03-01', ['a']),
        makeSession('h2', '2024-03-02', ['b'], { format: 'PEER' }),
        makeSession('h3', '2024-03-31', ['c']),
        makeSession('c1', '2024-03-10', ['a', 'b', 'c'], { format: 'GROUP', status: 'CANCELLED' }),
        makeSession('d1', '2024-03-11', ['a'], { status: 'DID_NOT_ATTEND' }),
        makeSession('s1', '2024-03-12', ['a'], { status: 'SCHEDULED' }),
        makeSession('c2', '2024-04-01', ['a'], { status: 'CANCELLED' }), // outside P
      ],
    });
    // (1 cancelled + 1 DNA) / (3 held + 1 + 1) = 2 / 5 = 40 %
    expect(cancellationRate(sessions, MARCH)).toEqual({ value: 40, numerator: 2, denominator: 5 });
  });

  it('cancellationRate is null without sessions', () => {
    expect(cancellationRate(org, { from: '2025-01-01', to: '2025-01-31' })).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
    });
  });
});

describe('agreementsReviewOverdue', () => {
  it('lists active agreements whose review date is before d', () => {
    const d = '2024-03-15';
    const org = makeOrg({
      staff: [makeStaff('s')],
      agreements: [
        makeAgreement('late', 's', { reviewDueDate: '2024-03-14' }),
        makeAgreement('today', 's', { reviewDueDate: '2024-03-15' }), // not before d
        makeAgreement('ended', 's', { endDate: '2024-03-01', reviewDueDate: '2024-01-01' }),
        makeAgreement('no-date', 's', { reviewDueDate: null }),
        makeAgreement('future', 's', { startDate: '2024-04-01', reviewDueDate: '2024-01-01' }),
        makeAgreement('later', 's', { reviewDueDate: '2023-12-01' }),
        makeAgreement('other-org', 'nobody', { reviewDueDate: '2024-01-01' }),
      ],
    });
    expect(agreementsReviewOverdue(org, d).map((a) => a.id)).toEqual(['later', 'late']);
  });
});
