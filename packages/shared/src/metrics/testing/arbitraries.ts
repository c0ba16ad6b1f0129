/**
 * fast-check arbitraries for random organisations, for property-based tests of the metrics
 * (and, later, for holding the SQL fast path equal to this reference). Test support only:
 * imports fast-check (a dev dependency) and is not exported from the package index.
 *
 * The data is small and dense on purpose: a handful of staff, services and practitioner
 * types, dates within 2023-2024, so that overlaps, boundaries and empty groups are common.
 */
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../../dates';
import {
  ABSENCE_REASONS,
  DEFAULT_COUNTED_FORMATS,
  LEAVING_REASONS,
  SESSION_FORMATS,
  SESSION_STATUSES,
  SUPERVISION_FUNCTIONS,
  SUPERVISION_INTERVALS,
} from '../../enums';
import type {
  AbsenceRecord,
  AgreementRecord,
  OrgData,
  OrgSettings,
  Period,
  SessionRecord,
  StaffRecord,
} from '../records';

export const STAFF_IDS = ['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7'] as const;
export const SERVICE_IDS = ['svc-a', 'svc-b', 'svc-c'] as const;
export const PRACTITIONER_TYPES = ['COUNSELLOR', 'SOCIAL_WORKER', null] as const;

/** An ISO date between `from` and `to` inclusive. */
export function isoDateBetween(from: string, to: string): fc.Arbitrary<string> {
  return fc
    .integer({ min: toDayNumber(from), max: toDayNumber(to) })
    .map((day) => fromDayNumber(day));
}

const recordDate = isoDateBetween('2023-01-01', '2024-12-31');

/** `start` plus 0..maxDays days, or null (open) about a third of the time. */
function optionalEnd(start: string, maxDays: number, minDays = 0): fc.Arbitrary<string | null> {
  return fc.option(
    fc.integer({ min: minDays, max: maxDays }).map((n) => fromDayNumber(toDayNumber(start) + n)),
    { freq: 3 },
  );
}

export const staffArb: fc.Arbitrary<StaffRecord> = fc
  .record({
    id: fc.constantFrom(...STAFF_IDS),
    serviceId: fc.constantFrom(...SERVICE_IDS),
    practitionerType: fc.constantFrom(...PRACTITIONER_TYPES),
    fte: fc.constantFrom(0.2, 0.5, 0.6, 0.8, 1),
    startDate: recordDate,
    leavingReason: fc.option(fc.constantFrom(...LEAVING_REASONS), { freq: 5 }),
    requiresSupervision: fc.integer({ min: 0, max: 4 }).map((n) => n > 0), // 80% true
  })
  .chain((s) =>
    optionalEnd(s.startDate, 900).map((endDate) => ({
      ...s,
      endDate,
      leavingReason: endDate === null ? null : s.leavingReason,
    })),
  );

export const agreementArb: fc.Arbitrary<AgreementRecord> = fc
  .record({
    id: fc.constantFrom('a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'),
    staffId: fc.constantFrom(...STAFF_IDS),
    interval: fc.constantFrom(...SUPERVISION_INTERVALS),
    startDate: recordDate,
    reviewDueDate: fc.option(recordDate, { freq: 3 }),
    countedFormats: fc.option(fc.subarray([...SESSION_FORMATS], { minLength: 1 }), { freq: 3 }),
  })
  .chain((a) => optionalEnd(a.startDate, 600).map((endDate) => ({ ...a, endDate })));

export const sessionArb: fc.Arbitrary<SessionRecord> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  date: recordDate,
  durationMinutes: fc.constantFrom(30, 45, 60, 90),
  format: fc.oneof(
    { arbitrary: fc.constant('ONE_TO_ONE' as const), weight: 3 },
    fc.constantFrom(...SESSION_FORMATS),
  ),
  status: fc.oneof(
    { arbitrary: fc.constant('HELD' as const), weight: 3 },
    fc.constantFrom(...SESSION_STATUSES),
  ),
  attendeeIds: fc.subarray([...STAFF_IDS, 'external'], { minLength: 1, maxLength: 4 }),
  functions: fc.subarray([...SUPERVISION_FUNCTIONS]),
});

export const absenceArb: fc.Arbitrary<AbsenceRecord> = fc
  .record({
    id: fc.constantFrom('e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9'),
    staffId: fc.constantFrom(...STAFF_IDS),
    startDate: recordDate,
    reason: fc.constantFrom(...ABSENCE_REASONS),
  })
  .chain((e) => optionalEnd(e.startDate, 60).map((endDate) => ({ ...e, endDate })));

export const settingsArb: fc.Arbitrary<OrgSettings> = fc.record({
  defaultInterval: fc.constantFrom(...SUPERVISION_INTERVALS),
  countedFormats: fc.oneof(
    fc.constant([...DEFAULT_COUNTED_FORMATS]),
    fc.subarray([...SESSION_FORMATS]), // sometimes none at all
  ),
  supervisionCostPerWorkerYear: fc.constantFrom(0, 563, 1000),
  recruitmentCostPerLeaver: fc.constantFrom(0, 1612, 5000),
  suppressionThreshold: fc.integer({ min: 0, max: 10 }),
});

/** A random organisation: 1 to 8 staff (unique ids) and their records. */
export const orgArb: fc.Arbitrary<OrgData> = fc.record({
  settings: settingsArb,
  staff: fc.uniqueArray(staffArb, {
    selector: (s) => s.id,
    minLength: 1,
    maxLength: STAFF_IDS.length,
    size: 'max',
  }),
  agreements: fc.uniqueArray(agreementArb, { selector: (a) => a.id, maxLength: 6 }),
  sessions: fc.array(sessionArb, { maxLength: 40, size: 'medium' }),
  absences: fc.uniqueArray(absenceArb, { selector: (e) => e.id, maxLength: 8 }),
});

/** A period of 1 to 300 days starting between July 2023 and December 2024. */
export const periodArb: fc.Arbitrary<Period> = fc
  .tuple(isoDateBetween('2023-07-01', '2024-12-31'), fc.integer({ min: 0, max: 299 }))
  .map(([from, extra]) => ({ from, to: fromDayNumber(toDayNumber(from) + extra) }));
