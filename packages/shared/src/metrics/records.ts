/**
 * The input model of the reference metrics: plain records, as the API loads them from the
 * database for one organisation. Dates are ISO calendar dates 'YYYY-MM-DD' (see ../dates.ts).
 *
 * Arrays are typed `readonly`: the metric functions never modify their input, and a mutable
 * array is accepted wherever a readonly one is expected.
 */
import {
  DEFAULT_COUNTED_FORMATS,
  type AbsenceReason,
  type LeavingReason,
  type SessionFormat,
  type SessionStatus,
  type SupervisionFunction,
  type SupervisionInterval,
} from '../enums';

export interface StaffRecord {
  id: string;
  serviceId: string;
  practitionerType: string | null;
  /** Full-time equivalent, e.g. 0.6. One value per staff member in v1. */
  fte: number;
  /** First day of employment. */
  startDate: string;
  /** Last day of employment; null while employed. */
  endDate: string | null;
  leavingReason: LeavingReason | null;
  requiresSupervision: boolean;
}

export interface AgreementRecord {
  id: string;
  /** The supervisee. */
  staffId: string;
  interval: SupervisionInterval;
  startDate: string;
  /** Last day the agreement applies; null while open. */
  endDate: string | null;
  reviewDueDate: string | null;
  /** Formats that count under this agreement; null = the organisation's counted formats. */
  countedFormats: readonly SessionFormat[] | null;
}

export interface SessionRecord {
  id: string;
  date: string;
  durationMinutes: number;
  format: SessionFormat;
  status: SessionStatus;
  /** Staff ids of the supervisees who attended (or were due to attend). */
  attendeeIds: readonly string[];
  functions: readonly SupervisionFunction[];
}

export interface AbsenceRecord {
  id: string;
  staffId: string;
  startDate: string;
  /** Last day of absence; null while ongoing. */
  endDate: string | null;
  reason: AbsenceReason;
}

export interface OrgSettings {
  defaultInterval: SupervisionInterval;
  countedFormats: readonly SessionFormat[];
  supervisionCostPerWorkerYear: number;
  recruitmentCostPerLeaver: number;
  /** Configured small-number threshold k; the effective k is never below 3. */
  suppressionThreshold: number;
}

/** Everything the metrics need about one organisation (or a scope of it). */
export interface OrgData {
  settings: OrgSettings;
  staff: readonly StaffRecord[];
  agreements: readonly AgreementRecord[];
  sessions: readonly SessionRecord[];
  absences: readonly AbsenceRecord[];
}

/** A period of calendar days, both ends included. */
export interface Period {
  from: string;
  to: string;
}

/**
 * Which staff a metric is computed over. Each filter that is undefined or empty does not
 * filter; when both are given a staff member must match both.
 */
export interface Scope {
  serviceIds?: readonly string[];
  practitionerTypes?: readonly string[];
}

/**
 * metrics.md defaults: monthly supervision, ONE_TO_ONE and GROUP counted, £563 supervision
 * cost per worker per year, £1,612 recruitment cost per leaver, suppression k = 5.
 */
export const DEFAULT_ORG_SETTINGS: Readonly<OrgSettings> = Object.freeze({
  defaultInterval: 'MONTHLY',
  countedFormats: Object.freeze([...DEFAULT_COUNTED_FORMATS]),
  supervisionCostPerWorkerYear: 563,
  recruitmentCostPerLeaver: 1612,
  suppressionThreshold: 5,
});
