/**
 * Calendar-date arithmetic on ISO date strings ('YYYY-MM-DD').
 *
 * metrics.md: "All dates are calendar dates (no time of day) ... A period P = [from, to]
 * includes both ends; len(P) is its number of days. Month buckets are calendar months."
 *
 * Every calculation is done on integer *day numbers* (days since 1970-01-01 in the
 * proleptic Gregorian calendar), never on `Date` objects, so no time zone, daylight-saving
 * change or time of day can shift a date. The conversion is Howard Hinnant's
 * `days_from_civil` / `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html),
 * which is exact for every year.
 *
 * Decisions (also in metrics/DECISIONS.md):
 * - Valid ISO dates have a four-digit year 0001-9999, a month 01-12 and a day that exists in
 *   that month ('2023-02-29' and '2023-13-01' are invalid). Two valid ISO dates compare
 *   correctly as strings, which the metric functions rely on (`a <= b`).
 * - A period whose `to` is before its `from` is empty: `lengthOfPeriod` is 0 and
 *   `monthBuckets` / `eachDay` return nothing. `assertPeriod` rejects it.
 * - `parseUkOrIsoDate` accepts 'YYYY-MM-DD', or 'DD/MM/YYYY' where day and month may have one
 *   or two digits ('1/2/2024' is 1 February 2024); surrounding spaces are ignored.
 */
import type { SupervisionInterval } from './enums';
import type { Period } from './metrics/records';

/** An ISO calendar date 'YYYY-MM-DD'. A plain string, documented by name. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidCivil({ year, month, day }: CivilDate): boolean {
  return (
    Number.isInteger(year) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function parseCivil(value: string): CivilDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const civil = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidCivil(civil) ? civil : null;
}

function formatCivil({ year, month, day }: CivilDate): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function civilOf(date: IsoDate): CivilDate {
  const civil = parseCivil(date);
  if (!civil) throw new RangeError(`Invalid ISO date: '${date}' (expected an existing YYYY-MM-DD)`);
  return civil;
}

/** True iff `value` is an existing calendar date written 'YYYY-MM-DD'. */
export function isValidIsoDate(value: string): boolean {
  return parseCivil(value) !== null;
}

/** `value` itself when it is a valid ISO date, otherwise null ('2023-02-29' -> null). */
export function parseIsoDate(value: string): IsoDate | null {
  return isValidIsoDate(value) ? value : null;
}

/** `value` when it is a valid ISO date; throws a RangeError naming `label` otherwise. */
export function assertIsoDate(value: string, label = 'date'): IsoDate {
  if (!isValidIsoDate(value)) {
    throw new RangeError(`Invalid ${label}: '${value}' (expected an existing YYYY-MM-DD)`);
  }
  return value;
}

/** Throws unless both ends are valid ISO dates and `from <= to`. */
export function assertPeriod(period: Period): Period {
  assertIsoDate(period.from, 'period start');
  assertIsoDate(period.to, 'period end');
  if (period.to < period.from) {
    throw new RangeError(`Invalid period: ${period.from} is after ${period.to}`);
  }
  return period;
}

/** Days since 1970-01-01 (which is day 0). Throws on an invalid date. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = civilOf(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The ISO date of a day number (inverse of `toDayNumber`). */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Not a day number: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const civil = { year, month, day };
  if (!isValidCivil(civil)) throw new RangeError(`Day number ${dayNumber} is outside years 1-9999`);
  return formatCivil(civil);
}

/** `date` plus `days` days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Signed number of days from `from` to `to` (0 when equal; `to - from`). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** len(P): the number of days of P, both ends included; 0 for an empty period. */
export function lengthOfPeriod(period: Period): number {
  return Math.max(0, daysBetween(period.from, period.to) + 1);
}

/** True iff `from <= date <= to`. */
export function isInPeriod(date: IsoDate, period: Period): boolean {
  return period.from <= date && date <= period.to;
}

/** The earlier of two ISO dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two ISO dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The intersection of two periods, or null when they do not overlap. */
export function intersectPeriods(a: Period, b: Period): Period | null {
  const from = maxDate(a.from, b.from);
  const to = minDate(a.to, b.to);
  return from <= to ? { from, to } : null;
}

/** Every day of P in order (empty for an empty period). */
export function eachDay(period: Period): IsoDate[] {
  const first = toDayNumber(period.from);
  const last = toDayNumber(period.to);
  const days: IsoDate[] = [];
  for (let n = first; n <= last; n++) days.push(fromDayNumber(n));
  return days;
}

/**
 * `date` plus `months` calendar months (negative goes back), clamped to the last day of the
 * target month: 2024-01-31 + 1 = 2024-02-29, 2023-01-31 + 1 = 2023-02-28.
 */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const { year, month, day } = civilOf(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  const target = { year: targetYear, month: targetMonth, day: targetDay };
  if (!isValidCivil(target)) throw new RangeError(`${date} + ${months} months is out of range`);
  return formatCivil(target);
}

/** metrics.md: "the same calendar date a year earlier (29 Feb maps to 28 Feb)". */
export function oneYearBefore(date: IsoDate): IsoDate {
  return addMonthsClamped(date, -12);
}

/** The first day of the month containing `date`. */
export function firstDayOfMonth(date: IsoDate): IsoDate {
  const { year, month } = civilOf(date);
  return formatCivil({ year, month, day: 1 });
}

/** The last day of the month containing `date` (2024-02-10 -> 2024-02-29). */
export function lastDayOfMonth(date: IsoDate): IsoDate {
  const { year, month } = civilOf(date);
  return formatCivil({ year, month, day: daysInMonth(year, month) });
}

/** One calendar month of a period, cut to the period at both ends. */
export interface MonthBucket extends Period {
  /** 'YYYY-MM' */
  month: string;
}

/**
 * The calendar months of P, in order. The first bucket starts at P.from and the last ends at
 * P.to (partial months); the buckets partition P exactly.
 * [2024-01-15, 2024-03-10] -> Jan 15-31, Feb 1-29, Mar 1-10.
 */
export function monthBuckets(period: Period): MonthBucket[] {
  const buckets: MonthBucket[] = [];
  let from = period.from;
  while (from <= period.to) {
    const to = minDate(lastDayOfMonth(from), period.to);
    buckets.push({ month: from.slice(0, 7), from, to });
    from = addDays(to, 1);
  }
  return buckets;
}

/** ISO day of the week of a day number: Monday 1 ... Sunday 7 (day 0 was a Thursday). */
export function isoDayOfWeekOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** ISO day of the week: Monday 1 ... Sunday 7. */
export function isoDayOfWeek(date: IsoDate): number {
  return isoDayOfWeekOfDayNumber(toDayNumber(date));
}

/** True for Monday to Friday. */
export function isWeekday(date: IsoDate): boolean {
  return isoDayOfWeek(date) <= 5;
}

/** How a supervision interval is added to a date (metrics.md, "Intervals"). */
export const SUPERVISION_INTERVAL_STEPS: Readonly<
  Record<SupervisionInterval, { unit: 'DAYS' | 'MONTHS'; amount: number }>
> = {
  WEEKLY: { unit: 'DAYS', amount: 7 },
  FORTNIGHTLY: { unit: 'DAYS', amount: 14 },
  FOUR_WEEKLY: { unit: 'DAYS', amount: 28 },
  SIX_WEEKLY: { unit: 'DAYS', amount: 42 },
  MONTHLY: { unit: 'MONTHS', amount: 1 },
  TWO_MONTHLY: { unit: 'MONTHS', amount: 2 },
  QUARTERLY: { unit: 'MONTHS', amount: 3 },
};

/**
 * metrics.md `add(date, interval)`: "day intervals add days; month intervals add calendar
 * months and clamp to the month's last day (31 Jan + 1 month = 28 or 29 Feb)".
 */
export function addInterval(date: IsoDate, interval: SupervisionInterval): IsoDate {
  const step = SUPERVISION_INTERVAL_STEPS[interval];
  return step.unit === 'DAYS' ? addDays(date, step.amount) : addMonthsClamped(date, step.amount);
}

/**
 * A date from a CSV cell: 'YYYY-MM-DD' or the UK 'DD/MM/YYYY' (one- or two-digit day and
 * month). Returns the ISO date, or null when the text is not an existing date in either form.
 * Never guesses the US order: '02/13/2024' is null.
 */
export function parseUkOrIsoDate(value: string): IsoDate | null {
  const text = value.trim();
  if (ISO_DATE.test(text)) return parseIsoDate(text);
  const match = UK_DATE.exec(text);
  if (!match) return null;
  const civil = { year: Number(match[3]), month: Number(match[2]), day: Number(match[1]) };
  return isValidCivil(civil) ? formatCivil(civil) : null;
}
