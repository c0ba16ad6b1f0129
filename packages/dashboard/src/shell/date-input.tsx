import { TextField, type TextFieldProps } from './text-field';

/*
 * UK dates: entered as one DD/MM/YYYY field with a hint (day and month may
 * have one digit: 3/7/2026 is 3 July 2026), shown as "3 March 2026", sent to
 * the API as ISO 'YYYY-MM-DD' (its LocalDate scalar).
 *
 * All arithmetic is on calendar dates (Date.UTC day numbers), never on local
 * times, so no time zone or clock change can move a date by a day.
 */

/** An ISO calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** The years the API accepts (its LocalDate scalar refuses others). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export const DATE_HINT = 'For example, 27/3/2026';

/** The months' names, January first. */
export const MONTH_NAMES = [
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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day, month and year separated by a slash (or, forgivingly, a dot, hyphen or space). */
const UK_DATE = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export type ParsedDate =
  | { kind: 'empty' }
  | { kind: 'date'; iso: IsoDate }
  /** Not written as a date at all ("next Tuesday", "3 March"). */
  | { kind: 'format' }
  /** Written as a date that does not exist (31/2/2026, 1/13/2026). */
  | { kind: 'impossible' }
  /** A real date in a year the API will not take (1/1/1066). */
  | { kind: 'year' };

/**
 * Reads what someone typed: DD/MM/YYYY (one- or two-digit day and month), or
 * ISO YYYY-MM-DD (what a browser may paste). Surrounding spaces are ignored.
 */
export function parseUkDate(text: string): ParsedDate {
  const value = text.trim();
  if (!value) return { kind: 'empty' };
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DATE.exec(value);
  const uk = iso ? null : UK_DATE.exec(value);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (uk) {
    [day, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  } else {
    return { kind: 'format' };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { kind: 'impossible' };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return { kind: 'year' };
  return { kind: 'date', iso: isoOf(year, month, day) };
}

export interface DateFieldResult {
  /** The ISO date; null when the field was left empty (and that is allowed). */
  iso: IsoDate | null;
  /** What to tell the user, GOV.UK style; absent when the value is fine. */
  error?: string;
}

/**
 * Checks a date field. `noun` names it in messages ("start date" gives
 * "Enter the start date", "The start date must be a real date").
 */
export function checkDateField(
  text: string,
  noun: string,
  { required = true }: { required?: boolean } = {},
): DateFieldResult {
  const parsed = parseUkDate(text);
  const The = `The ${noun}`;
  switch (parsed.kind) {
    case 'date':
      return { iso: parsed.iso };
    case 'empty':
      return required ? { iso: null, error: `Enter the ${noun}` } : { iso: null };
    case 'format':
      return { iso: null, error: `${The} must be a date, like 27/3/2026` };
    case 'impossible':
      return { iso: null, error: `${The} must be a real date` };
    case 'year':
      return { iso: null, error: `${The} must be between ${MIN_YEAR} and ${MAX_YEAR}` };
  }
}

function parts(iso: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date: '${iso}'`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** "3 March 2026". Empty for null or undefined. */
export function formatDate(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  const [year, month, day] = parts(iso);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** An ISO date as the field expects it: '2026-03-03' gives '03/03/2026'. */
export function toUkInput(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  const [year, month, day] = parts(iso);
  return `${pad(day)}/${pad(month)}/${year}`;
}

function dayNumber(iso: IsoDate): number {
  const [year, month, day] = parts(iso);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function fromDayNumber(value: number): IsoDate {
  const date = new Date(value * 86_400_000);
  return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** `iso` plus `days` days (negative goes back). */
export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

/** `iso` plus whole calendar months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [year, month, day] = parts(iso);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return isoOf(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Days from `from` to `to` (`to - from`; negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Today's date in an IANA time zone (the organisation's: metrics.md counts
 * days there), falling back to the browser's when the zone is unknown.
 */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): IsoDate {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }
}

export interface DateInputProps extends Omit<TextFieldProps, 'type' | 'inputMode'> {
  /** Defaults to "For example, 27/3/2026". Pass '' for none. */
  hint?: string;
}

/**
 * A labelled DD/MM/YYYY field (the GOV.UK error pattern of TextField). Keep
 * the text as typed in state and check it with `checkDateField` on submit.
 */
export function DateInput({ hint = DATE_HINT, style, ...props }: DateInputProps) {
  return (
    <TextField
      {...props}
      hint={hint || undefined}
      type="text"
      inputMode="text"
      autoComplete={props.autoComplete ?? 'off'}
      spellCheck={false}
      style={{ maxWidth: '11em', ...style }}
    />
  );
}
