import type { SupervisionInterval } from '../gql/graphql';
import { addDays, addMonths, daysBetween, formatDate, type IsoDate } from '../shell/date-input';
import { pluralDays } from './labels';

/*
 * When a person is next due for supervision, for the staff list and a
 * person's page. metrics.md: due = the latest session held + the interval
 * (their agreement's, else the organisation's default); with no session yet,
 * their start date + the interval, so a new starter is in date until their
 * first interval ends.
 *
 * This uses the person's latest HELD session whatever its format; the
 * Supervision page's overdue list also applies the organisation's counted
 * formats, so a person whose only recent session was (say) peer supervision
 * may show as in date here and overdue there. The page says so.
 */

const INTERVAL_STEPS: Record<SupervisionInterval, { days?: number; months?: number }> = {
  WEEKLY: { days: 7 },
  FORTNIGHTLY: { days: 14 },
  FOUR_WEEKLY: { days: 28 },
  SIX_WEEKLY: { days: 42 },
  MONTHLY: { months: 1 },
  TWO_MONTHLY: { months: 2 },
  QUARTERLY: { months: 3 },
};

/** `date` plus one interval: days add days, months add calendar months (clamped). */
export function addInterval(date: IsoDate, interval: SupervisionInterval): IsoDate {
  const step = INTERVAL_STEPS[interval];
  return step.months ? addMonths(date, step.months) : addDays(date, step.days ?? 0);
}

/** Within this many days of the due date, a person is "due for supervision". */
export const DUE_SOON_DAYS = 7;

export interface SupervisionPerson {
  startDate: IsoDate;
  endDate?: IsoDate | null;
  requiresSupervision: boolean;
  lastHeldSession?: IsoDate | null;
  currentAgreement?: { interval: SupervisionInterval } | null;
}

export type SupervisionState =
  | { kind: 'not-required' }
  | { kind: 'left' }
  | { kind: 'not-started'; due: IsoDate }
  | { kind: 'in-date'; due: IsoDate }
  | { kind: 'due-soon'; due: IsoDate; daysLeft: number }
  | { kind: 'overdue'; due: IsoDate; daysOverdue: number };

export function supervisionState(
  person: SupervisionPerson,
  defaultInterval: SupervisionInterval,
  today: IsoDate,
): SupervisionState {
  if (!person.requiresSupervision) return { kind: 'not-required' };
  if (person.endDate && person.endDate < today) return { kind: 'left' };
  const interval = person.currentAgreement?.interval ?? defaultInterval;
  const base =
    person.lastHeldSession && person.lastHeldSession <= today
      ? person.lastHeldSession
      : person.startDate;
  const due = addInterval(base, interval);
  if (person.startDate > today) return { kind: 'not-started', due };
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0) return { kind: 'overdue', due, daysOverdue: -daysLeft };
  if (daysLeft <= DUE_SOON_DAYS) return { kind: 'due-soon', due, daysLeft };
  return { kind: 'in-date', due };
}

/** Plain, kind words: never "failing" or "non-compliant". */
export function describeSupervisionState(state: SupervisionState): string {
  switch (state.kind) {
    case 'not-required':
      return 'Not required';
    case 'left':
      return 'Not applicable (left)';
    case 'not-started':
      return `First due by ${formatDate(state.due)}`;
    case 'in-date':
      return `Next due by ${formatDate(state.due)}`;
    case 'due-soon':
      return state.daysLeft === 0
        ? 'Due for supervision today'
        : `Due for supervision by ${formatDate(state.due)}`;
    case 'overdue':
      return `Overdue by ${pluralDays(state.daysOverdue)}`;
  }
}

/** "Last held 10 November 2026" or "No session recorded yet". */
export function describeLastSession(lastHeldSession: IsoDate | null | undefined): string {
  return lastHeldSession ? `Last held ${formatDate(lastHeldSession)}` : 'No session recorded yet';
}
