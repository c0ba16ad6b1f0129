/**
 * Worked examples, one per rule of metrics.md (and of DECISIONS.md where it is silent),
 * computed by hand in the comments and asked of the API over HTTP (GraphQL), as an
 * organisation admin, against the real database. docs/metrics.md tells the same examples
 * in plain words.
 */
import type { DataSource } from 'typeorm';
import {
  DEFAULT_ORG_SETTINGS,
  type AbsenceRecord,
  type AgreementRecord,
  type OrgSettings,
  type SessionRecord,
  type StaffRecord,
} from '@holdspace/shared';
import { issueToken } from '../../test/fixtures/organisation-fixture';
import { addMembership, createUser, gql, startTestServer } from '../../test/helpers';
import type { RunningHoldspace } from '../server';
import { id, OVERDUE, OVERVIEW } from './testing/metrics-client';
import { insertOrg } from './testing/org-fixture';

let server: RunningHoldspace;
let ds: DataSource;

beforeAll(async () => {
  server = await startTestServer();
  ds = server.dataSource;
});
afterAll(() => server.stop());

/** A full-time person in service id(100), in post from 2020-01-01, needing supervision. */
function person(n: number, overrides: Partial<StaffRecord> = {}): StaffRecord {
  return {
    id: id(n),
    serviceId: id(100),
    practitionerType: 'COUNSELLOR',
    fte: 1,
    startDate: '2020-01-01',
    endDate: null,
    leavingReason: null,
    requiresSupervision: true,
    ...overrides,
  };
}

/** A HELD one-to-one session of 60 minutes. */
function session(
  n: number,
  date: string,
  attendees: number[],
  overrides: Partial<SessionRecord> = {},
): SessionRecord {
  return {
    id: id(n),
    date,
    durationMinutes: 60,
    format: 'ONE_TO_ONE',
    status: 'HELD',
    attendeeIds: attendees.map(id),
    functions: [],
    ...overrides,
  };
}

function absence(
  n: number,
  staff: number,
  startDate: string,
  endDate: string | null,
  reason: AbsenceRecord['reason'] = 'MINOR_ILLNESS',
): AbsenceRecord {
  return { id: id(n), staffId: id(staff), startDate, endDate, reason };
}

function agreement(
  n: number,
  staff: number,
  overrides: Partial<AgreementRecord> = {},
): AgreementRecord {
  return {
    id: id(n),
    staffId: id(staff),
    interval: 'MONTHLY',
    startDate: '2020-01-01',
    endDate: null,
    reviewDueDate: null,
    countedFormats: null,
    ...overrides,
  };
}

interface Records {
  staff: StaffRecord[];
  agreements?: AgreementRecord[];
  sessions?: SessionRecord[];
  absences?: AbsenceRecord[];
  settings?: Partial<OrgSettings>;
}

/** A new organisation holding `records`, and its admin. */
async function organisation(records: Records) {
  const { id: tenantId } = await insertOrg(ds, {
    settings: { ...DEFAULT_ORG_SETTINGS, ...records.settings },
    staff: records.staff,
    agreements: records.agreements ?? [],
    sessions: records.sessions ?? [],
    absences: records.absences ?? [],
  });
  const user = await createUser(ds);
  await addMembership(ds, tenantId, user.id, 'ORG_ADMIN');
  const admin = { token: await issueToken(ds, user.id), org: tenantId };
  return {
    async overview(from: string, to: string, months = 1) {
      const result = await gql(server.url, OVERVIEW, { input: { from, to, months } }, admin);
      expect(result.body.errors).toBeUndefined();
      return result.body.data!.metricsOverview;
    },
    async overdue(on: string) {
      const result = await gql(server.url, OVERDUE, { input: { on } }, admin);
      expect(result.body.errors).toBeUndefined();
      return result.body.data!.overdueSupervision;
    },
  };
}

/** A Figure: numerator and denominator as worked out, value = scale × n / d (null if d = 0). */
function expectFigure(
  actual: { value: number | null; numerator: number; denominator: number },
  numerator: number,
  denominator: number,
  scale = 100,
): void {
  expect(actual.numerator).toBeCloseTo(numerator, 10);
  expect(actual.denominator).toBeCloseTo(denominator, 10);
  if (denominator === 0) expect(actual.value).toBeNull();
  else expect(actual.value).toBeCloseTo((scale * numerator) / denominator, 8);
}

describe('worked examples (metrics.md), through GraphQL', () => {
  it('31 January + 1 month is the end of February (29th in a leap year, 28th otherwise)', async () => {
    const org = await organisation({
      staff: [
        person(1, { startDate: '2023-06-01' }),
        person(2, { startDate: '2023-06-01' }),
        person(3),
      ],
      sessions: [
        session(11, '2024-01-31', [1]), // due 31 Jan + 1 month = 29 Feb 2024
        session(12, '2024-01-30', [2]), // due 30 Jan + 1 month = 29 Feb 2024 (no 30 Feb)
        session(13, '2023-01-31', [3]), // due 31 Jan 2023 + 1 month = 28 Feb 2023
      ],
    });
    // On 29 Feb 2024 persons 1 and 2 are due that very day (in date); 3 is overdue: 2 / 3.
    const feb = await org.overview('2024-02-01', '2024-02-29');
    expectFigure(feb.headlines.coverage, 2, 3);
    expect(feb.headlines.overdueCount).toBe(1);
    // On 1 Mar 2024: 3 is 367 days past 28 Feb 2023 (365 to 28 Feb 2024, +2); 1 and 2 one day.
    const march = await org.overdue('2024-03-01');
    expect(march.totalCount).toBe(3);
    expect(march.nodes.map((n: any) => [n.staffId, n.dueDate, n.daysOverdue])).toEqual([
      [id(3), '2023-02-28', 367],
      [id(1), '2024-02-29', 1],
      [id(2), '2024-02-29', 1],
    ]);
    // On 1 Mar 2023 only 3 is in post: one day past 28 Feb 2023.
    const march2023 = await org.overdue('2023-03-01');
    expect(march2023.nodes.map((n: any) => [n.staffId, n.dueDate, n.daysOverdue])).toEqual([
      [id(3), '2023-02-28', 1],
    ]);
  });

  it('a year before 29 February is 28 February; the rolling 12 months end on 29 February', async () => {
    const org = await organisation({
      staff: [
        person(1, { startDate: '2023-02-28' }), // in post a year before: a stayer
        person(2, { startDate: '2023-03-01' }), // joined after: not counted
        person(3, { startDate: '2022-01-01', endDate: '2023-12-31', leavingReason: 'RESIGNATION' }),
        person(4, { startDate: '2022-01-01', endDate: '2023-02-28', leavingReason: 'RESIGNATION' }),
      ],
    });
    const feb = await org.overview('2024-02-01', '2024-02-29');
    // One year before 29 Feb 2024 is 28 Feb 2023: in post then 1, 3 and 4 (4's last day);
    // of them only 1 is in post on 29 Feb 2024: 1 / 3.
    expectFigure(feb.headlines.stabilityIndex, 1, 3);
    // Rolling 12 months ending 29 Feb 2024 = 1 Mar 2023 .. 29 Feb 2024: leaver 3 (not 4, who
    // left on 28 Feb 2023); average headcount (1 Mar 2023: 1, 2, 3 = 3; 29 Feb 2024: 1, 2 = 2)
    // = 2.5: 1 / 2.5 = 40 %.
    const [month] = feb.monthlySeries;
    expect([month.month, month.from, month.to, month.headcount]).toEqual([
      '2024-02',
      '2024-02-01',
      '2024-02-29',
      2,
    ]);
    expectFigure(month.rollingTurnoverRate, 1, 2.5);
  });

  it('periods include both ends', async () => {
    const org = await organisation({
      staff: [
        person(1, { startDate: '2023-01-01', endDate: '2024-01-31', leavingReason: 'RESIGNATION' }),
        person(2, { startDate: '2024-01-31' }),
      ],
      absences: [absence(21, 1, '2024-01-31', '2024-02-02')],
    });
    const jan = await org.overview('2024-01-01', '2024-01-31');
    expect(jan.period).toEqual({ from: '2024-01-01', to: '2024-01-31', days: 31 });
    // Person 1 works every day of January including the 31st (their last day); person 2
    // starts on the 31st. Headcount on 31 Jan = 2, on 1 Jan = 1.
    expect(jan.headlines.headcount).toBe(2);
    expect(jan.headlines.averageHeadcount).toBe(1.5);
    // 1's last day is in the period: a leaver. Turnover 1 / 1.5; annualised over 31 days.
    expect(jan.headlines.leavers).toBe(1);
    expectFigure(jan.headlines.turnoverRate, 1, 1.5);
    expectFigure(jan.headlines.voluntaryTurnoverRate, 1, 1.5);
    expectFigure(jan.headlines.annualisedTurnoverRate, 1, (1.5 * 31) / 365);
    // FTE days available 31 + 1 = 32; lost: 31 Jan only (1 Feb is outside P and after 1 left).
    expectFigure(jan.headlines.absenceRate, 1, 32);
  });

  it('an ongoing absence covers every day from its start; long-term is measured to the period end', async () => {
    const org = await organisation({
      staff: [person(1, { fte: 0.5 })],
      absences: [absence(21, 1, '2024-01-20', null)],
    });
    const jan = await org.overview('2024-01-01', '2024-01-31');
    // 20-31 Jan = 12 days × 0.5 FTE = 6 FTE days lost, of 31 × 0.5 = 15.5 available.
    expectFigure(jan.headlines.absenceRate, 6, 15.5);
    // Working days among them: Mon 22 - Fri 26 and Mon 29 - Wed 31 = 8, over 1 worker × 31/365 years.
    expectFigure(jan.headlines.workingDaysLostPerEmployee, 8, 31 / 365, 1);
    // Ongoing: 20 Jan to P.to = 12 days, not long-term yet.
    expectFigure(jan.headlines.longTermShare, 0, 6);
    // In February it runs 20 Jan .. 29 Feb = 41 days: long-term; all 29 × 0.5 days lost are.
    const feb = await org.overview('2024-02-01', '2024-02-29');
    expectFigure(feb.headlines.longTermShare, 14.5, 14.5);
  });

  it('overlapping absences count each day once', async () => {
    const org = await organisation({
      staff: [person(1)],
      absences: [
        absence(21, 1, '2024-03-04', '2024-03-08', 'MINOR_ILLNESS'),
        absence(22, 1, '2024-03-06', '2024-03-12', 'OTHER'),
      ],
    });
    const march = await org.overview('2024-03-01', '2024-03-31');
    // 4-12 March = 9 days, not 5 + 7 = 12.
    expectFigure(march.headlines.absenceRate, 9, 31);
    // Mon 4 - Fri 8 and Mon 11 - Tue 12: 7 working days.
    expectFigure(march.headlines.workingDaysLostPerEmployee, 7, 31 / 365, 1);
    // Each day goes to the episode that started first: 4-8 minor illness, 9-12 other.
    const byReason = Object.fromEntries(
      march.absenceByReason.map((r: any) => [r.reason, r.absentDays]),
    );
    expect(byReason).toMatchObject({ MINOR_ILLNESS: 5, OTHER: 4, MENTAL_HEALTH: 0 });
  });

  it('an episode is long-term by its whole length, days outside the period included', async () => {
    const org = await organisation({
      staff: [person(1)],
      absences: [
        absence(21, 1, '2024-01-10', '2024-02-14', 'MUSCULOSKELETAL'), // 36 days in all
        absence(22, 1, '2024-02-20', '2024-02-21'), // 2 days
      ],
    });
    // February: 1-14 Feb (14 days, of a 36-day episode: long-term) + 20-21 Feb (2 days): 14 / 16.
    const feb = await org.overview('2024-02-01', '2024-02-29');
    expectFigure(feb.headlines.longTermShare, 14, 16);
    // January: 10-31 Jan = 22 days, long-term although only 22 of its days fall in January.
    const jan = await org.overview('2024-01-01', '2024-01-31');
    expectFigure(jan.headlines.longTermShare, 22, 22);
  });

  it('a day of overlapping episodes goes to the one that started first (mental-health share)', async () => {
    const org = await organisation({
      staff: [person(1)],
      absences: [
        absence(21, 1, '2024-03-28', '2024-04-05', 'MUSCULOSKELETAL'),
        absence(22, 1, '2024-04-01', '2024-04-10', 'MENTAL_HEALTH'),
      ],
    });
    // April: absent 1-10 April = 10 days; 1-5 go to the musculoskeletal episode (started
    // 28 March), 6-10 to the mental-health one: 5 / 10.
    const april = await org.overview('2024-04-01', '2024-04-30');
    expectFigure(april.headlines.mentalHealthShare, 5, 10);
  });

  it('a new starter is in date until their first interval ends', async () => {
    const org = await organisation({
      staff: [
        person(1, { startDate: '2024-01-15' }),
        person(2, { startDate: '2024-01-15', requiresSupervision: false }),
      ],
    });
    // No session yet: due = 15 Jan + 1 month = 15 Feb. Person 2 needs no supervision.
    const early = await org.overview('2024-02-01', '2024-02-15');
    expect(early.headlines.eligible).toBe(1);
    expectFigure(early.headlines.coverage, 1, 1);
    const late = await org.overdue('2024-02-16');
    expect(late.nodes.map((n: any) => [n.staffId, n.dueDate, n.daysOverdue])).toEqual([
      [id(1), '2024-02-15', 1],
    ]);
  });

  it('the interval in force on the day decides, even if the last session was under another', async () => {
    const org = await organisation({
      staff: [person(1)],
      agreements: [
        agreement(31, 1, { interval: 'MONTHLY', startDate: '2023-01-01', endDate: '2024-03-31' }),
        agreement(32, 1, { interval: 'WEEKLY', startDate: '2024-04-01' }),
      ],
      sessions: [session(11, '2024-03-25', [1])],
    });
    // On 31 March (monthly): due 25 April, in date.
    const march = await org.overview('2024-03-01', '2024-03-31');
    expectFigure(march.headlines.coverage, 1, 1);
    // On 5 April (weekly from 1 April): due 25 March + 7 days = 1 April: 4 days overdue.
    const april = await org.overdue('2024-04-05');
    expect(april.nodes.map((n: any) => [n.dueDate, n.daysOverdue])).toEqual([['2024-04-01', 4]]);
  });

  it('peer supervision is recorded but does not count, unless an agreement says it does', async () => {
    const org = await organisation({
      staff: [person(1), person(2)],
      agreements: [agreement(31, 2, { countedFormats: ['PEER'] })],
      sessions: [
        session(11, '2024-03-01', [1]),
        session(12, '2024-05-10', [1, 2], { format: 'PEER' }),
      ],
    });
    // On 15 May: for 1 the peer session does not count, last counted 1 March, due 1 April,
    // 44 days overdue; for 2 (agreement counts PEER) due 10 June: in date. Coverage 1 / 2.
    const may = await org.overview('2024-05-01', '2024-05-15');
    expectFigure(may.headlines.coverage, 1, 2);
    // The peer session is recorded: once in the format mix.
    const mix = Object.fromEntries(may.formatMix.map((f: any) => [f.format, f.sessions]));
    expect(mix).toEqual({ ONE_TO_ONE: 0, GROUP: 0, PEER: 1, CASE_CONSULTATION: 0 });
    const overdue = await org.overdue('2024-05-15');
    expect(overdue.nodes.map((n: any) => [n.staffId, n.dueDate, n.daysOverdue])).toEqual([
      [id(1), '2024-04-01', 44],
    ]);
  });

  it('cancellation rate counts sessions once, of every format; hours and expected sessions per attendee', async () => {
    const org = await organisation({
      staff: [person(1), person(2)],
      sessions: [
        session(11, '2024-06-03', [1, 2], {
          format: 'GROUP',
          functions: ['RESTORATIVE', 'FORMATIVE'],
        }),
        session(12, '2024-06-10', [1], { durationMinutes: 45, functions: ['NORMATIVE'] }),
        session(13, '2024-06-12', [1], { status: 'CANCELLED' }),
        session(14, '2024-06-14', [2], { status: 'DID_NOT_ATTEND', format: 'PEER' }),
        session(15, '2024-06-28', [1], { status: 'SCHEDULED' }),
        session(16, '2024-07-01', [1], { status: 'CANCELLED' }),
      ],
    });
    const june = await org.overview('2024-06-01', '2024-06-30');
    // Held 2 (the group session once, not per attendee), missed 2 (cancelled + did not
    // attend); the scheduled one and July's are not counted: 2 / 4.
    expectFigure(june.headlines.cancellationRate, 2, 4);
    // Hours: the group session 1 h for each of 1 and 2, plus 45 min for 1 = 2.75 h, over
    // 2 eligible workers × 30 days × 12 / 365 worker-months.
    expectFigure(june.headlines.supervisionHoursPerWorkerPerMonth, 2.75, (2 * 30 * 12) / 365, 1);
    // Held vs expected: 3 counted attendances; expected 2 × 30 days / (365 / 12) days.
    expectFigure(june.headlines.sessionsHeldVsExpected, 3, (2 * 30 * 12) / 365);
    const functions = Object.fromEntries(
      june.functionMix.map((f: any) => [f.function, f.sessions]),
    );
    expect(functions).toEqual({ NORMATIVE: 1, FORMATIVE: 1, RESTORATIVE: 1 });
  });

  it('stability index: staff in post a year ago who still are', async () => {
    const org = await organisation({
      staff: [
        person(1, { startDate: '2022-05-01' }),
        person(2, { startDate: '2023-06-30' }), // in post on 30 June 2023 exactly
        person(3, { startDate: '2023-07-01' }), // a day too late
        person(4, { startDate: '2022-05-01', endDate: '2024-01-31', leavingReason: 'DISMISSAL' }),
      ],
    });
    // One year before 30 June 2024 = 30 June 2023: in post 1, 2, 4. Still in post: 1, 2: 2 / 3.
    const june = await org.overview('2024-06-01', '2024-06-30');
    expectFigure(june.headlines.stabilityIndex, 2, 3);
  });

  it('cost case: supervision spend against the cost of replacing leavers', async () => {
    const org = await organisation({
      staff: [
        person(1),
        person(2),
        person(3),
        person(4, { endDate: '2024-06-30', leavingReason: 'RETIREMENT' }),
        person(5, { requiresSupervision: false }),
      ],
    });
    const year = await org.overview('2024-01-01', '2024-12-31');
    // 2024 has 366 days. Eligible on 1 Jan: 1-4; on 31 Dec: 1-3: average 3.5.
    // Spend = £563 × 3.5 × 366 / 365 = £1,975.90; turnover cost = 1 leaver × £1,612;
    // break-even = 1,975.90 / 1,612 = 1.23 avoided leavers.
    const spend = (563 * 3.5 * 366) / 365;
    expect(year.costCase).toMatchObject({
      currency: 'GBP',
      supervisionCostPerWorkerYear: 563,
      recruitmentCostPerLeaver: 1612,
      averageEligible: 3.5,
      leavers: 1,
      turnoverCost: 1612,
    });
    expect(year.costCase.supervisionSpend).toBeCloseTo(1975.8986, 4);
    expectFigure(year.costCase.breakEvenLeavers, spend, 1612, 1);
    // Turnover: 1 leaver over an average headcount of (5 + 4) / 2 = 4.5.
    expectFigure(year.headlines.turnoverRate, 1, 4.5);
  });

  it('monthly series: calendar months, coverage on each month end, the last month cut at the period end', async () => {
    const org = await organisation({
      staff: [person(1), person(2)],
      sessions: [
        session(11, '2024-01-05', [1]), // due 5 Feb
        session(12, '2024-01-20', [2]), // due 20 Feb
        session(13, '2024-02-20', [2]), // due 20 March
      ],
    });
    const result = await org.overview('2024-01-15', '2024-03-10', 3);
    expect(result.seriesPeriod).toEqual({ from: '2024-01-01', to: '2024-03-10', days: 70 });
    expect(result.monthlySeries.map((m: any) => [m.month, m.from, m.to])).toEqual([
      ['2024-01', '2024-01-01', '2024-01-31'],
      ['2024-02', '2024-02-01', '2024-02-29'],
      ['2024-03', '2024-03-01', '2024-03-10'],
    ]);
    // 31 Jan: both in date; 29 Feb: 1 overdue (due 5 Feb), 2 in date; 10 March: the same.
    const coverage = result.monthlySeries.map((m: any) => m.coverage.numerator);
    expect(coverage).toEqual([2, 1, 1]);
  });
});
