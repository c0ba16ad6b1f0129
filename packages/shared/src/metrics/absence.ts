/**
 * Sickness absence metrics (metrics.md, "Sickness absence").
 *
 * Decisions (also in DECISIONS.md):
 * - Each absent day of a staff member is attributed to exactly one episode: of the episodes
 *   covering that day, the one that started first; between episodes that started on the
 *   same day, the one with the smallest id (string order). metrics.md states this rule for
 *   the mental-health share; it is used for every split of the loss by episode (reason,
 *   long-term), so the parts of a split always add up to fteDaysLost(P).
 * - An episode whose endDate is before its startDate covers no day.
 * - Long-term: the episode's length runs from its start to its end, or to P.to while it is
 *   ongoing, whether or not the staff member was in post on those days.
 * - absenceByReason gives, per reason, the attributed absent days and FTE days lost in P.
 */
import {
  daysBetween,
  fromDayNumber,
  isoDayOfWeekOfDayNumber,
  lengthOfPeriod,
  maxDate,
  minDate,
  toDayNumber,
  type IsoDate,
} from '../dates';
import { ABSENCE_REASONS, type AbsenceReason } from '../enums';
import { percentage, ratio, type Figure } from './figure';
import { compareText, groupBy } from './util';
import type { AbsenceRecord, OrgData, Period, StaffRecord } from './records';
import { averageHeadcount, daysInPost, periodInPost } from './workforce';

/** An absent day of one staff member and the episode its loss is attributed to. */
export interface AbsentDay {
  date: IsoDate;
  episode: AbsenceRecord;
}

/** "An ongoing episode covers every day from its start." */
export function episodeCovers(episode: AbsenceRecord, d: IsoDate): boolean {
  return episode.startDate <= d && (episode.endDate === null || d <= episode.endDate);
}

/** Episodes in attribution order: earliest start first, then smallest id. */
function byStartThenId(a: AbsenceRecord, b: AbsenceRecord): number {
  return compareText(a.startDate, b.startDate) || compareText(a.id, b.id);
}

/**
 * The days of P on which `s` is in post and absent, in date order, each with the episode it
 * is attributed to (the covering episode that started first; ties by smallest id).
 */
export function absentDayAttribution(org: OrgData, s: StaffRecord, period: Period): AbsentDay[] {
  return attributeAbsentDays(s, org.absences, period).map(({ dayNumber, episode }) => ({
    date: fromDayNumber(dayNumber),
    episode,
  }));
}

/** An absent day as a day number (see dates.ts), for the aggregates. */
interface AttributedDay {
  dayNumber: number;
  episode: AbsenceRecord;
}

/** absentDayAttribution on day numbers, given episodes (those of others are ignored). */
function attributeAbsentDays(
  s: StaffRecord,
  episodesOfStaff: readonly AbsenceRecord[],
  period: Period,
): AttributedDay[] {
  const window = periodInPost(s, period);
  if (window === null) return [];
  const episodes = episodesOfStaff.filter((a) => a.staffId === s.id).sort(byStartThenId);
  const attributed = new Map<number, AbsenceRecord>(); // day number -> episode
  for (const episode of episodes) {
    // Episodes are visited in attribution order, so the first to claim a day keeps it.
    const first = toDayNumber(maxDate(episode.startDate, window.from));
    const last = toDayNumber(minDate(episode.endDate ?? window.to, window.to));
    for (let day = first; day <= last; day++) {
      if (!attributed.has(day)) attributed.set(day, episode);
    }
  }
  return [...attributed.entries()]
    .sort(([a], [b]) => a - b)
    .map(([dayNumber, episode]) => ({ dayNumber, episode }));
}

/** The attributed absent days in P of every staff member of `org`, with the staff member. */
function absentDaysOfAllStaff(
  org: OrgData,
  period: Period,
): { staff: StaffRecord; days: AttributedDay[] }[] {
  const episodesByStaff = groupBy(org.absences, (a) => a.staffId);
  return org.staff.map((s) => ({
    staff: s,
    days: attributeAbsentDays(s, episodesByStaff.get(s.id) ?? [], period),
  }));
}

/**
 * metrics.md: "absentDays(s, P) = the days d of P on which s is in post and some episode of
 * s covers d (an ongoing episode covers every day from its start). Overlapping episodes
 * count each day once."
 */
export function absentDays(org: OrgData, s: StaffRecord, period: Period): number {
  return absentDayAttribution(org, s, period).length;
}

/** Sum over staff of fte(s) * (the absent days of s in P for which `include` is true). */
function sumFteDays(
  org: OrgData,
  period: Period,
  include: (day: AttributedDay) => boolean,
): number {
  let total = 0;
  for (const { staff, days } of absentDaysOfAllStaff(org, period)) {
    total += staff.fte * days.filter(include).length;
  }
  return total;
}

/** metrics.md: "fteDaysLost(P) = sum over staff of fte(s) * absentDays(s, P)". */
export function fteDaysLost(org: OrgData, period: Period): number {
  return sumFteDays(org, period, () => true);
}

/** metrics.md: "fteDaysAvailable(P) = sum over staff of fte(s) * days(s, P)". */
export function fteDaysAvailable(org: OrgData, period: Period): number {
  return org.staff.reduce((sum, s) => sum + s.fte * daysInPost(s, period), 0);
}

/**
 * metrics.md: "absenceRate(P) = 100 * fteDaysLost(P) / fteDaysAvailable(P) (the NHS Digital
 * method: calendar days, FTE-weighted)". Percentage.
 */
export function absenceRate(org: OrgData, period: Period): Figure {
  return percentage(fteDaysLost(org, period), fteDaysAvailable(org, period));
}

/**
 * metrics.md: "workingDaysLost(P) = sum over staff of the Monday-to-Friday days among
 * absentDays(s, P) (not FTE-weighted)".
 */
export function workingDaysLost(org: OrgData, period: Period): number {
  let total = 0;
  for (const { days } of absentDaysOfAllStaff(org, period)) {
    total += days.filter((day) => isoDayOfWeekOfDayNumber(day.dayNumber) <= 5).length;
  }
  return total;
}

/**
 * metrics.md: "workingDaysLostPerEmployee(P) = workingDaysLost(P) / averageHeadcount(P) *
 * 365 / len(P)". Not a percentage: value = numerator / denominator, where the denominator
 * is averageHeadcount(P) * len(P) / 365 (worker-years).
 */
export function workingDaysLostPerEmployee(org: OrgData, period: Period): Figure {
  const workerYears = (averageHeadcount(org, period) * lengthOfPeriod(period)) / 365;
  return ratio(workingDaysLost(org, period), workerYears);
}

/**
 * metrics.md: "An episode is long-term when it lasts 28 days or more in total (from its
 * start to its end, or to P.to while ongoing), counting days outside P too."
 */
export function isLongTerm(episode: AbsenceRecord, period: Period): boolean {
  const end = episode.endDate ?? period.to;
  return daysBetween(episode.startDate, end) + 1 >= 28;
}

/**
 * metrics.md: "longTermShare(P) = share (%) of fteDaysLost(P) that falls in long-term
 * episodes". Percentage.
 */
export function longTermShare(org: OrgData, period: Period): Figure {
  const longTerm = sumFteDays(org, period, (day) => isLongTerm(day.episode, period));
  return percentage(longTerm, fteDaysLost(org, period));
}

/**
 * metrics.md: "mentalHealthShare(P) = share (%) of fteDaysLost(P) in MENTAL_HEALTH episodes.
 * Where episodes of different reasons overlap on a day, that day's loss goes to the episode
 * that started first." Percentage.
 */
export function mentalHealthShare(org: OrgData, period: Period): Figure {
  const mentalHealth = sumFteDays(org, period, (day) => day.episode.reason === 'MENTAL_HEALTH');
  return percentage(mentalHealth, fteDaysLost(org, period));
}

export type AbsenceByReason = Record<AbsenceReason, { absentDays: number; fteDaysLost: number }>;

/** Absent days and FTE days lost in P by reason (each day attributed to one episode). */
export function absenceByReason(org: OrgData, period: Period): AbsenceByReason {
  const result = Object.fromEntries(
    ABSENCE_REASONS.map((reason) => [reason, { absentDays: 0, fteDaysLost: 0 }]),
  ) as AbsenceByReason;
  for (const { staff, days } of absentDaysOfAllStaff(org, period)) {
    for (const reason of ABSENCE_REASONS) {
      const count = days.filter((day) => day.episode.reason === reason).length;
      result[reason].absentDays += count;
      result[reason].fteDaysLost += staff.fte * count;
    }
  }
  return result;
}
