/*
 * Dates as the tests expect to see and type them, in the demo organisation's
 * time zone (Europe/London). Written independently of the dashboard's own
 * date code on purpose: the tests check it, so they must not share it.
 * Dates are ISO calendar dates ('2026-03-07') throughout.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Today in the demo organisation's time zone, YYYY-MM-DD. */
export function todayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** '2026-03-07' → [2026, 3, 7]. */
export function ymd(iso: string): [number, number, number] {
  return iso.split('-').map(Number) as [number, number, number];
}

/** The date of year `y`, month `m` (1–12), day `d`, rolling over out-of-range months and days. */
export function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

/** `days` days after (or, negative, before) `date`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = ymd(date);
  return iso(y, m, d + days);
}

/** The same day `months` calendar months on (or back), clamped to the end of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = ymd(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last 12 months: from the day after the same date a year back (clamped), to today. */
export function last12Months(today: string): { from: string; to: string } {
  const [y, m, d] = ymd(today);
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  const yearBack = iso(y - 1, m, Math.min(d, lastDay));
  const [by, bm, bd] = ymd(yearBack);
  return { from: iso(by, bm, bd + 1), to: today };
}

/** The whole calendar month before `today`'s. */
export function lastCalendarMonth(today: string): { from: string; to: string } {
  const [y, m] = ymd(today);
  return { from: iso(y, m - 1, 1), to: iso(y, m, 0) };
}

/** '2026-03-07' → '7/3/2026', as a person types it. */
export function ukInput(date: string): string {
  const [y, m, d] = ymd(date);
  return `${d}/${m}/${y}`;
}

/** '2026-03-07' → '07/03/2026' (DD/MM/YYYY), the padded form a person may also type. */
export function ukDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** '2026-03-07' → '7 March 2026', as the dashboard shows it. */
export function longDate(date: string): string {
  const [y, m, d] = ymd(date);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** '2026-03' → 'March 2026', as the charts name a month. */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}
