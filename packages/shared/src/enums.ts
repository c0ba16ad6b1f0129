/**
 * The enumerations of metrics.md and product.md. Each is a readonly tuple (the
 * allowed values, in display order) and a string-literal type derived from it.
 */

export const ORGANISATION_KINDS = [
  'SCHOOL',
  'NGO',
  'CARE_PROVIDER',
  'HEALTH',
  'LOCAL_AUTHORITY',
  'COMMISSIONER',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  'ORG_ADMIN',
  'SERVICE_MANAGER',
  'SUPERVISOR',
  'PRACTITIONER',
  'ANALYST',
  'COMMISSIONER_ANALYST',
] as const;
export type Role = (typeof ROLES)[number];

export const LEAVING_REASONS = [
  'RESIGNATION',
  'RETIREMENT',
  'END_OF_FIXED_TERM',
  'DISMISSAL',
  'REDUNDANCY',
  'DEATH_IN_SERVICE',
  'OTHER',
] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];
export const VOLUNTARY_LEAVING_REASONS: readonly LeavingReason[] = ['RESIGNATION', 'RETIREMENT'];

export const ABSENCE_REASONS = [
  'MENTAL_HEALTH',
  'MUSCULOSKELETAL',
  'MINOR_ILLNESS',
  'INJURY',
  'OTHER',
  'UNDISCLOSED',
] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const SESSION_FORMATS = ['ONE_TO_ONE', 'GROUP', 'PEER', 'CASE_CONSULTATION'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const DEFAULT_COUNTED_FORMATS: readonly SessionFormat[] = ['ONE_TO_ONE', 'GROUP'];

export const SESSION_STATUSES = ['SCHEDULED', 'HELD', 'CANCELLED', 'DID_NOT_ATTEND'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SUPERVISION_FUNCTIONS = ['NORMATIVE', 'FORMATIVE', 'RESTORATIVE'] as const;
export type SupervisionFunction = (typeof SUPERVISION_FUNCTIONS)[number];

export const SUPERVISION_INTERVALS = [
  'WEEKLY',
  'FORTNIGHTLY',
  'FOUR_WEEKLY',
  'SIX_WEEKLY',
  'MONTHLY',
  'TWO_MONTHLY',
  'QUARTERLY',
] as const;
export type SupervisionInterval = (typeof SUPERVISION_INTERVALS)[number];

export const ACTION_STATUSES = ['OPEN', 'DONE', 'DROPPED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
