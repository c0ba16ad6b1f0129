import type {
  AbsenceReason,
  LeavingReason,
  SessionFormat,
  SessionStatus,
  SupervisionFunction,
  SupervisionInterval,
} from '../gql/graphql';
import { daysBetween } from '../shell/date-input';

/*
 * The words the People and Absence pages use for the API's enumerations. Each
 * is a Record, so a value added to the schema does not compile until it has
 * words. Orders are the orders to offer them in.
 */

export const LEAVING_REASON_LABELS: Record<LeavingReason, string> = {
  RESIGNATION: 'Resignation',
  RETIREMENT: 'Retirement',
  END_OF_FIXED_TERM: 'End of fixed-term contract',
  DISMISSAL: 'Dismissal',
  REDUNDANCY: 'Redundancy',
  DEATH_IN_SERVICE: 'Death in service',
  OTHER: 'Other',
};
export const LEAVING_REASONS = Object.keys(LEAVING_REASON_LABELS) as LeavingReason[];

/** Short words for tables and CSV files. */
export const ABSENCE_REASON_LABELS: Record<AbsenceReason, string> = {
  MENTAL_HEALTH: 'Mental health',
  MUSCULOSKELETAL: 'Musculoskeletal',
  MINOR_ILLNESS: 'Minor illness',
  INJURY: 'Injury',
  OTHER: 'Other',
  UNDISCLOSED: 'Not disclosed',
};
export const ABSENCE_REASONS = Object.keys(ABSENCE_REASON_LABELS) as AbsenceReason[];

/** What each category covers, as a hint when choosing one (metrics.md's definitions). */
export const ABSENCE_REASON_HINTS: Record<AbsenceReason, string> = {
  MENTAL_HEALTH: 'Stress, anxiety, depression or another mental health reason.',
  MUSCULOSKELETAL: 'Back, neck, joint or muscle problems.',
  MINOR_ILLNESS: 'Colds, flu, stomach upsets, headaches and similar.',
  INJURY: 'An injury, at work or elsewhere.',
  OTHER: 'Any other reason.',
  UNDISCLOSED: 'The person chose not to say, or the reason is not known.',
};

export const SESSION_FORMAT_LABELS: Record<SessionFormat, string> = {
  ONE_TO_ONE: 'One-to-one',
  GROUP: 'Group',
  PEER: 'Peer',
  CASE_CONSULTATION: 'Case consultation',
};

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  SCHEDULED: 'Scheduled',
  HELD: 'Held',
  CANCELLED: 'Cancelled',
  DID_NOT_ATTEND: 'Did not attend',
};

export const SUPERVISION_FUNCTION_LABELS: Record<SupervisionFunction, string> = {
  NORMATIVE: 'Normative',
  FORMATIVE: 'Formative',
  RESTORATIVE: 'Restorative',
};

export const INTERVAL_LABELS: Record<SupervisionInterval, string> = {
  WEEKLY: 'Every week',
  FORTNIGHTLY: 'Every two weeks',
  FOUR_WEEKLY: 'Every four weeks',
  SIX_WEEKLY: 'Every six weeks',
  MONTHLY: 'Every month',
  TWO_MONTHLY: 'Every two months',
  QUARTERLY: 'Every three months',
};

/** "1 day", "12 days". */
export function pluralDays(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

/** FTE as people write it: 1, 0.8, 0.625. */
export function formatFte(fte: number): string {
  return fte.toLocaleString('en-GB', { maximumFractionDigits: 3 });
}

/** A person's name for lists: their name, else their reference, else a plain note. */
export function personName(person: {
  displayName?: string | null;
  staffRef?: string | null;
  erased?: boolean | null;
}): string {
  if (person.displayName) return person.displayName;
  if (person.staffRef) return person.staffRef;
  return person.erased ? 'Name erased' : 'No name';
}

/** "12 days", "5 days so far" for an ongoing episode. */
export function absenceLength(
  startDate: string,
  endDate: string | null | undefined,
  today: string,
) {
  if (endDate) return pluralDays(daysBetween(startDate, endDate) + 1);
  if (startDate > today) return 'Not started yet';
  return `${pluralDays(daysBetween(startDate, today) + 1)} so far`;
}
