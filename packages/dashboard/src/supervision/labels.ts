import type {
  ActionStatus,
  SessionFormat,
  SessionStatus,
  SupervisionFunction,
  SupervisionInterval,
} from '../gql/graphql';
import {
  INTERVAL_LABELS,
  SESSION_FORMAT_LABELS,
  SESSION_STATUS_LABELS,
  SUPERVISION_FUNCTION_LABELS,
} from '../people/labels';

/*
 * Words the Supervision and My supervision pages use. The enumerations'
 * names come from src/people/labels.ts (shared with a person's page); these
 * add the explanations and orders the forms need.
 */

export {
  INTERVAL_LABELS,
  SESSION_FORMAT_LABELS,
  SESSION_STATUS_LABELS,
  SUPERVISION_FUNCTION_LABELS,
};

/** Said near every supervision form and on My supervision. */
export const NO_CONTENT_NOTICE =
  'Holdspace records that supervision happened, never what was said. There is nowhere to write notes, and nothing about the people you work with should be recorded here.';

export const SESSION_FORMATS: readonly SessionFormat[] = [
  'ONE_TO_ONE',
  'GROUP',
  'PEER',
  'CASE_CONSULTATION',
];

export const SESSION_FORMAT_HINTS: Record<SessionFormat, string> = {
  ONE_TO_ONE: 'A supervisor and one supervisee.',
  GROUP: 'A supervisor with several supervisees.',
  PEER: 'Colleagues supervising each other, with a facilitator.',
  CASE_CONSULTATION: 'A group discussing the work, led by a supervisor.',
};

export const SESSION_STATUSES: readonly SessionStatus[] = [
  'SCHEDULED',
  'HELD',
  'CANCELLED',
  'DID_NOT_ATTEND',
];

export const SUPERVISION_FUNCTIONS: readonly SupervisionFunction[] = [
  'NORMATIVE',
  'FORMATIVE',
  'RESTORATIVE',
];

/** One plain line on each function (product.md). */
export const SUPERVISION_FUNCTION_HINTS: Record<SupervisionFunction, string> = {
  NORMATIVE: 'The quality, safety and ethics of the work: standards, policy and accountability.',
  FORMATIVE: 'Learning: developing knowledge, skills and understanding.',
  RESTORATIVE: 'Support: the emotional impact of the work and the practitioner’s wellbeing.',
};

/** Shortest first, the order to offer them in. */
export const SUPERVISION_INTERVALS: readonly SupervisionInterval[] = [
  'WEEKLY',
  'FORTNIGHTLY',
  'FOUR_WEEKLY',
  'MONTHLY',
  'SIX_WEEKLY',
  'TWO_MONTHLY',
  'QUARTERLY',
];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  OPEN: 'Open',
  DONE: 'Done',
  DROPPED: 'Dropped',
};

/** "45 minutes", "90 minutes": in minutes, as they are entered. */
export function formatDuration(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** "Normative, Restorative", or "None recorded". */
export function functionsText(functions: readonly SupervisionFunction[]): string {
  if (functions.length === 0) return 'None recorded';
  return SUPERVISION_FUNCTIONS.filter((f) => functions.includes(f))
    .map((f) => SUPERVISION_FUNCTION_LABELS[f])
    .join(', ');
}

/** "One-to-one, Group", in the usual order. */
export function formatsText(formats: readonly SessionFormat[]): string {
  return SESSION_FORMATS.filter((f) => formats.includes(f))
    .map((f) => SESSION_FORMAT_LABELS[f])
    .join(', ');
}

/** A supervisor as lists show them: "Carys Evans", "Dr Sam Lee (Talking Space)". */
export function supervisorName(supervisor: {
  name?: string | null;
  organisationName?: string | null;
}): string {
  const name = supervisor.name ?? 'Name erased';
  return supervisor.organisationName ? `${name} (${supervisor.organisationName})` : name;
}

/** A staff member named on a session or agreement (the name is null once erased). */
export function staffRefName(person: { displayName?: string | null }): string {
  return person.displayName ?? 'Name erased';
}
