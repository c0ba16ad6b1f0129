/**
 * Supervision metrics (metrics.md, "Supervision").
 *
 * Decisions (also in DECISIONS.md):
 * - Active agreement: when several agreements of a staff member are active on the same day,
 *   the one with the latest startDate applies; between equal startDates, the greatest id
 *   (string order).
 * - Counted formats: a session counts for s under the counted formats of the agreement
 *   active on the session's date when that agreement's countedFormats is not null (an empty
 *   list means none counts), and under the organisation's counted formats otherwise.
 * - `countsFor` does not look at employment: lastHeld(s, d) is the latest session <= d that
 *   is HELD, attended by s and of a counted format. Being in post matters only where
 *   metrics.md says "eligible" (coverage, overdue list, hours per worker, expected sessions).
 * - The required interval (and so the due date) is the one in force on the day of
 *   evaluation d, even when the last session was held under another agreement.
 * - daysOverdue is 0 for a staff member in date.
 * - overdueList is sorted by daysOverdue, largest first, then by staff id.
 * - supervisionHoursPerWorkerPerMonth: each (session dated in P, attendee) pair where the
 *   session counts for the attendee and the attendee is eligible on the session's date
 *   adds durationMinutes / 60; an attendee listed twice on a session counts once.
 * - functionMix counts each HELD session once under every distinct function it served.
 * - sessionsHeldVsExpected (product.md "sessions held vs expected"):
 *   held = the counted (session, eligible attendee) pairs of P, as for hours;
 *   expected = sum over eligible staff-days (s, d) of P of 1 / length of requiredInterval(s, d)
 *   in days, where a month is 365 / 12 days (MONTHLY 30.42, TWO_MONTHLY 60.83, QUARTERLY
 *   91.25 days); value = 100 * held / expected.
 * - agreementsReviewOverdue(d) returns the agreements active on d (by the agreement's own
 *   dates, whether or not the supervisee is still in post) with reviewDueDate < d, for the
 *   staff in scope, sorted by reviewDueDate then id.
 */
import {
  SUPERVISION_INTERVAL_STEPS,
  addDays,
  addInterval,
  daysBetween,
  isInPeriod,
  lengthOfPeriod,
  type IsoDate,
} from '../dates';
import {
  SESSION_FORMATS,
  SUPERVISION_FUNCTIONS,
  SUPERVISION_INTERVALS,
  type SessionFormat,
  type SupervisionFunction,
  type SupervisionInterval,
} from '../enums';
import { percentage, ratio, type Figure } from './figure';
import { compareText, groupBy } from './util';
import type { AgreementRecord, OrgData, Period, SessionRecord, StaffRecord } from './records';
import { sessionsOfStaff } from './scope';
import { inPost, periodInPost } from './workforce';

// ---------------------------------------------------------------------------------------
// Agreements and the rules for one staff member

/**
 * metrics.md: an agreement is active on d when "agreement.startDate <= d and endDate null
 * or >= d".
 */
export function isAgreementActive(agreement: AgreementRecord, d: IsoDate): boolean {
  return agreement.startDate <= d && (agreement.endDate === null || agreement.endDate >= d);
}

/**
 * The agreement of `s` that applies on d: of those active on d, the latest startDate, then
 * the greatest id. Null when none is active.
 */
export function activeAgreement(org: OrgData, s: StaffRecord, d: IsoDate): AgreementRecord | null {
  let winner: AgreementRecord | null = null;
  for (const a of org.agreements) {
    if (a.staffId !== s.id || !isAgreementActive(a, d)) continue;
    const later =
      winner === null ||
      a.startDate > winner.startDate ||
      (a.startDate === winner.startDate && a.id > winner.id);
    if (later) winner = a;
  }
  return winner;
}

/**
 * metrics.md: "Required interval: from the staff member's supervision agreement active on d
 * ...; with none, the organisation's default (default MONTHLY)."
 */
export function requiredInterval(org: OrgData, s: StaffRecord, d: IsoDate): SupervisionInterval {
  return activeAgreement(org, s, d)?.interval ?? org.settings.defaultInterval;
}

/** The formats that count for `s` on d: the active agreement's if set, else the org's. */
export function countedFormatsOn(
  org: OrgData,
  s: StaffRecord,
  d: IsoDate,
): readonly SessionFormat[] {
  return activeAgreement(org, s, d)?.countedFormats ?? org.settings.countedFormats;
}

/**
 * metrics.md: "A session counts for staff member s when it is HELD, s attended, and its
 * format is one of the organisation's counted formats" (or the agreement's, see above),
 * judged on the session's date.
 */
export function countsFor(org: OrgData, session: SessionRecord, s: StaffRecord): boolean {
  return (
    session.status === 'HELD' &&
    session.attendeeIds.includes(s.id) &&
    countedFormatsOn(org, s, session.date).includes(session.format)
  );
}

/** metrics.md: "lastHeld(s, d) = the latest date <= d of a session that counts for s". */
export function lastHeld(org: OrgData, s: StaffRecord, d: IsoDate): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const session of org.sessions) {
    const later = session.date <= d && (latest === null || session.date > latest);
    if (later && countsFor(org, session, s)) latest = session.date;
  }
  return latest;
}

/**
 * metrics.md: "dueDate(s, d) = add(lastHeld(s, d), interval); with no such session,
 * add(s.startDate, interval) (a new starter is in date until their first interval ends)."
 */
export function dueDate(org: OrgData, s: StaffRecord, d: IsoDate): IsoDate {
  return addInterval(lastHeld(org, s, d) ?? s.startDate, requiredInterval(org, s, d));
}

/** metrics.md: "s is in date on d iff d <= dueDate(s, d)". */
export function isInDate(org: OrgData, s: StaffRecord, d: IsoDate): boolean {
  return d <= dueDate(org, s, d);
}

/** metrics.md: "otherwise overdue by d - dueDate(s, d) days"; 0 when in date. */
export function daysOverdue(org: OrgData, s: StaffRecord, d: IsoDate): number {
  return Math.max(0, daysBetween(dueDate(org, s, d), d));
}

/** In post on d and requiresSupervision. */
export function isEligible(s: StaffRecord, d: IsoDate): boolean {
  return s.requiresSupervision && inPost(s, d);
}

/** metrics.md: "eligible(d) = staff in post on d with requiresSupervision". */
export function eligible(org: OrgData, d: IsoDate): StaffRecord[] {
  return org.staff.filter((s) => isEligible(s, d));
}

/**
 * For aggregate metrics: a function giving, for a staff member, `org` cut down to that
 * person's agreements and the sessions they attended. The per-person rules above give the
 * same answers on the cut-down data, only faster.
 */
function supervisionRecordsByStaff(org: OrgData): (s: StaffRecord) => OrgData {
  const agreements = groupBy(org.agreements, (a) => a.staffId);
  const sessions = new Map<string, SessionRecord[]>();
  for (const session of org.sessions) {
    for (const id of new Set(session.attendeeIds)) {
      const own = sessions.get(id);
      if (own) own.push(session);
      else sessions.set(id, [session]);
    }
  }
  return (s) => ({
    settings: org.settings,
    staff: [s],
    agreements: agreements.get(s.id) ?? [],
    sessions: sessions.get(s.id) ?? [],
    absences: [],
  });
}

// ---------------------------------------------------------------------------------------
// Coverage and overdue supervision

/**
 * metrics.md: "coverage(d) = 100 * |eligible staff in date on d| / |eligible(d)|".
 * Percentage.
 */
export function coverage(org: OrgData, d: IsoDate): Figure {
  const recordsOf = supervisionRecordsByStaff(org);
  const staff = eligible(org, d);
  const inDate = staff.filter((s) => isInDate(recordsOf(s), s, d));
  return percentage(inDate.length, staff.length);
}

export interface OverdueEntry {
  staff: StaffRecord;
  dueDate: IsoDate;
  daysOverdue: number;
}

/** The eligible staff overdue on d, most overdue first, then by staff id. */
export function overdueList(org: OrgData, d: IsoDate): OverdueEntry[] {
  const recordsOf = supervisionRecordsByStaff(org);
  const entries: OverdueEntry[] = [];
  for (const s of eligible(org, d)) {
    const due = dueDate(recordsOf(s), s, d);
    if (d > due) entries.push({ staff: s, dueDate: due, daysOverdue: daysBetween(due, d) });
  }
  return entries.sort(
    (a, b) => b.daysOverdue - a.daysOverdue || compareText(a.staff.id, b.staff.id),
  );
}

// ---------------------------------------------------------------------------------------
// Sessions in a period

/** The sessions of the staff in scope dated in P, each once. */
function sessionsIn(org: OrgData, period: Period): SessionRecord[] {
  return sessionsOfStaff(org).filter((session) => isInPeriod(session.date, period));
}

/**
 * metrics.md: "cancellationRate(P) = 100 * (CANCELLED + DID_NOT_ATTEND) / (HELD + CANCELLED +
 * DID_NOT_ATTEND), counting sessions dated in P once each (not per attendee), all formats."
 * Percentage. SCHEDULED sessions are in neither count.
 */
export function cancellationRate(org: OrgData, period: Period): Figure {
  const sessions = sessionsIn(org, period);
  const count = (status: SessionRecord['status']) =>
    sessions.filter((session) => session.status === status).length;
  const missed = count('CANCELLED') + count('DID_NOT_ATTEND');
  return percentage(missed, count('HELD') + missed);
}

/** metrics.md: "formatMix(P): number of HELD sessions in P by format". */
export function formatMix(org: OrgData, period: Period): Record<SessionFormat, number> {
  const mix = Object.fromEntries(SESSION_FORMATS.map((f) => [f, 0])) as Record<
    SessionFormat,
    number
  >;
  for (const session of sessionsIn(org, period)) {
    if (session.status === 'HELD') mix[session.format] += 1;
  }
  return mix;
}

/** Number of HELD sessions in P that served each function (a session counts once per function). */
export function functionMix(org: OrgData, period: Period): Record<SupervisionFunction, number> {
  const mix = Object.fromEntries(SUPERVISION_FUNCTIONS.map((f) => [f, 0])) as Record<
    SupervisionFunction,
    number
  >;
  for (const session of sessionsIn(org, period)) {
    if (session.status !== 'HELD') continue;
    for (const fn of new Set(session.functions)) mix[fn] += 1;
  }
  return mix;
}

/** A session of P that counts for an attendee who is eligible on the session's date. */
export interface CountedAttendance {
  session: SessionRecord;
  staff: StaffRecord;
}

/** Every counted (session dated in P, eligible attendee in scope) pair. */
export function countedAttendances(org: OrgData, period: Period): CountedAttendance[] {
  const recordsOf = supervisionRecordsByStaff(org);
  const staffById = new Map(org.staff.map((s) => [s.id, s]));
  const pairs: CountedAttendance[] = [];
  for (const session of org.sessions) {
    if (!isInPeriod(session.date, period)) continue;
    for (const id of new Set(session.attendeeIds)) {
      const s = staffById.get(id);
      if (s && isEligible(s, session.date) && countsFor(recordsOf(s), session, s)) {
        pairs.push({ session, staff: s });
      }
    }
  }
  return pairs;
}

/** The average of |eligible(P.from)| and |eligible(P.to)|. */
export function averageEligible(org: OrgData, period: Period): number {
  return (eligible(org, period.from).length + eligible(org, period.to).length) / 2;
}

/**
 * metrics.md: "supervisionHoursPerWorkerPerMonth(P) = (sum over counting sessions in P of
 * durationMinutes / 60 for each eligible attendee) / (average of |eligible(P.from)| and
 * |eligible(P.to)|) / (len(P) * 12 / 365)". Not a percentage: value = numerator /
 * denominator, with numerator in hours and denominator = average eligible * len(P) * 12 /
 * 365 (worker-months).
 */
export function supervisionHoursPerWorkerPerMonth(org: OrgData, period: Period): Figure {
  const minutes = countedAttendances(org, period).reduce(
    (sum, pair) => sum + pair.session.durationMinutes,
    0,
  );
  const workerMonths = (averageEligible(org, period) * lengthOfPeriod(period) * 12) / 365;
  return ratio(minutes / 60, workerMonths);
}

/** Length of an interval in days, a calendar month counting as 365 / 12 days. */
export function intervalLengthInDays(interval: SupervisionInterval): number {
  const step = SUPERVISION_INTERVAL_STEPS[interval];
  return step.unit === 'DAYS' ? step.amount : (step.amount * 365) / 12;
}

/**
 * The days of `window` in runs over which the required interval of `s` cannot change: it is
 * cut at every start of an agreement of `s` and every day after one ends.
 */
function requiredIntervalRuns(
  org: OrgData,
  s: StaffRecord,
  window: Period,
): { interval: SupervisionInterval; days: number }[] {
  const cuts = new Set<IsoDate>([window.from]);
  for (const a of org.agreements) {
    if (a.staffId !== s.id) continue;
    cuts.add(a.startDate);
    if (a.endDate !== null) cuts.add(addDays(a.endDate, 1));
  }
  const starts = [...cuts].filter((d) => isInPeriod(d, window)).sort(compareText);
  return starts.map((from, i) => {
    const next = starts[i + 1];
    const to = next === undefined ? window.to : addDays(next, -1);
    return { interval: requiredInterval(org, s, from), days: daysBetween(from, to) + 1 };
  });
}

/**
 * Sessions expected in P: the sum over eligible staff-days (s, d) of P of
 * 1 / intervalLengthInDays(requiredInterval(s, d)).
 */
export function expectedSessions(org: OrgData, period: Period): number {
  const recordsOf = supervisionRecordsByStaff(org);
  const daysByInterval = new Map<SupervisionInterval, number>();
  for (const s of org.staff) {
    const window = periodInPost(s, period);
    if (!s.requiresSupervision || window === null) continue;
    for (const { interval, days } of requiredIntervalRuns(recordsOf(s), s, window)) {
      daysByInterval.set(interval, (daysByInterval.get(interval) ?? 0) + days);
    }
  }
  return SUPERVISION_INTERVALS.reduce(
    (sum, interval) => sum + (daysByInterval.get(interval) ?? 0) / intervalLengthInDays(interval),
    0,
  );
}

/**
 * Sessions held as a percentage of sessions expected in P: numerator = counted attendances
 * (countedAttendances), denominator = expectedSessions. Percentage; may exceed 100.
 */
export function sessionsHeldVsExpected(org: OrgData, period: Period): Figure {
  return percentage(countedAttendances(org, period).length, expectedSessions(org, period));
}

// ---------------------------------------------------------------------------------------
// Agreements due for review

/** metrics.md: "agreementsReviewOverdue(d) = active agreements whose reviewDueDate < d". */
export function agreementsReviewOverdue(org: OrgData, d: IsoDate): AgreementRecord[] {
  const staffIds = new Set(org.staff.map((s) => s.id));
  return org.agreements
    .filter(
      (a) =>
        staffIds.has(a.staffId) &&
        isAgreementActive(a, d) &&
        a.reviewDueDate !== null &&
        a.reviewDueDate < d,
    )
    .sort(
      (a, b) =>
        compareText(a.reviewDueDate ?? '', b.reviewDueDate ?? '') || compareText(a.id, b.id),
    );
}
