/**
 * Test support (not used by the running API): fast-check generators of random organisations
 * that the database accepts (UUID ids, every agreement, absence and attendee pointing at a
 * staff member of the organisation, end dates never before start dates, a leaving reason
 * exactly when there is an end date, FTE in (0, 1.5]), with the cases the metric rules turn
 * on made common: staff who start and leave, agreements that follow each other with another
 * interval and agreements that overlap, counted-format overrides (some empty), group and
 * peer sessions, cancelled and did-not-attend ones, sessions with no attendee, overlapping
 * and ongoing absences, month ends and 29 February, periods and scopes of every size.
 *
 * The shared package's arbitraries (packages/shared/src/metrics/testing) use short ids and
 * may point records at missing staff, which the database refuses, so these are separate.
 */
import fc from 'fast-check';
import {
  ABSENCE_REASONS,
  DEFAULT_COUNTED_FORMATS,
  LEAVING_REASONS,
  SESSION_FORMATS,
  SESSION_STATUSES,
  SUPERVISION_FUNCTIONS,
  SUPERVISION_INTERVALS,
  addDays,
  fromDayNumber,
  lastDayOfMonth,
  toDayNumber,
  type AbsenceRecord,
  type AgreementRecord,
  type OrgData,
  type OrgSettings,
  type Period,
  type SessionRecord,
  type StaffRecord,
} from '@holdspace/shared';

export const PRACTITIONER_TYPES = ['COUNSELLOR', 'SOCIAL_WORKER', null] as const;

/** Dates the rules treat specially: month ends, 28/29 February, the day after. */
export const SPECIAL_DATES = [
  '2023-01-31',
  '2023-02-28',
  '2023-03-01',
  '2023-03-31',
  '2023-08-31',
  '2023-11-30',
  '2023-12-31',
  '2024-01-31',
  '2024-02-28',
  '2024-02-29',
  '2024-03-01',
  '2024-03-31',
  '2024-05-31',
  '2024-12-31',
  '2025-02-28',
] as const;

/** An ISO date between `from` and `to` inclusive. */
export function dateBetween(from: string, to: string): fc.Arbitrary<string> {
  return fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
}

/** Mostly in 2023-06 .. 2025-01, sometimes earlier, a special date or a month end. */
const recordDate: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: dateBetween('2023-06-01', '2025-01-31') },
  { weight: 2, arbitrary: dateBetween('2022-07-01', '2025-03-31') },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_DATES) },
  { weight: 1, arbitrary: dateBetween('2022-07-01', '2025-03-31').map(lastDayOfMonth) },
);

/** A start date: often well before the records, so people are in post through them. */
const startDate: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: dateBetween('2021-01-01', '2023-06-30') },
  { weight: 3, arbitrary: recordDate },
);

/** A date on or after `start`: the same day, a short or a long way after, or a month end. */
function dateFrom(start: string, maxDays: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: 0, max: 40 }).map((n) => addDays(start, n)),
    fc.integer({ min: 0, max: maxDays }).map((n) => addDays(start, n)),
    fc.integer({ min: 0, max: maxDays }).map((n) => lastDayOfMonth(addDays(start, n))),
  );
}

/** An end on or after `start`, or null (open) about a third of the time. */
function optionalEnd(start: string, maxDays: number): fc.Arbitrary<string | null> {
  return fc.option(dateFrom(start, maxDays), { freq: 3 });
}

const uuid = fc.uuid().map((id) => id.toLowerCase());

export const settingsArb: fc.Arbitrary<OrgSettings> = fc.record({
  defaultInterval: fc.constantFrom(...SUPERVISION_INTERVALS),
  countedFormats: fc.oneof(
    { weight: 3, arbitrary: fc.constant([...DEFAULT_COUNTED_FORMATS]) },
    fc.subarray([...SESSION_FORMATS]),
  ),
  supervisionCostPerWorkerYear: fc.constantFrom(0, 563, 1000.5),
  recruitmentCostPerLeaver: fc.constantFrom(0, 1612, 5000),
  suppressionThreshold: fc.integer({ min: 3, max: 8 }),
});

function staffArb(serviceIds: readonly string[]): fc.Arbitrary<StaffRecord> {
  return fc
    .record({
      id: uuid,
      serviceId: fc.constantFrom(...serviceIds),
      practitionerType: fc.constantFrom(...PRACTITIONER_TYPES),
      fte: fc.constantFrom(0.2, 0.5, 0.6, 0.8, 1, 1, 0.333, 1.2),
      startDate,
      leavingReason: fc.constantFrom(...LEAVING_REASONS),
      requiresSupervision: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
    })
    .chain((s) =>
      fc
        .option(
          fc.oneof(
            dateFrom(s.startDate, 900),
            fc.integer({ min: 200, max: 1200 }).map((n) => addDays(s.startDate, n)),
          ),
          { freq: 2 },
        )
        .map((endDate) => ({
          ...s,
          endDate,
          leavingReason: endDate === null ? null : s.leavingReason,
        })),
    );
}

const countedFormatsArb = fc.option(fc.subarray([...SESSION_FORMATS]), { freq: 3 });

function agreementArb(staffIds: readonly string[]): fc.Arbitrary<AgreementRecord> {
  return fc
    .record({
      id: uuid,
      staffId: fc.constantFrom(...staffIds),
      interval: fc.constantFrom(...SUPERVISION_INTERVALS),
      startDate: recordDate,
      reviewDueDate: fc.option(recordDate, { freq: 2 }),
      countedFormats: countedFormatsArb,
    })
    .chain((a) => optionalEnd(a.startDate, 500).map((endDate) => ({ ...a, endDate })));
}

/** Two agreements of one person, the second starting the day after the first ends. */
function agreementChangeArb(staffIds: readonly string[]): fc.Arbitrary<AgreementRecord[]> {
  return fc
    .tuple(agreementArb(staffIds), uuid, fc.constantFrom(...SUPERVISION_INTERVALS))
    .chain(([first, secondId, interval]) =>
      dateFrom(first.startDate, 300).chain((firstEnd) =>
        optionalEnd(addDays(firstEnd, 1), 400).map((secondEnd) => [
          { ...first, endDate: firstEnd },
          {
            ...first,
            id: secondId,
            interval,
            startDate: addDays(firstEnd, 1),
            endDate: secondEnd,
          },
        ]),
      ),
    );
}

/** Two agreements of one person starting on the same day (the greater id applies). */
function agreementTwinArb(staffIds: readonly string[]): fc.Arbitrary<AgreementRecord[]> {
  return fc.tuple(agreementArb(staffIds), agreementArb(staffIds)).map(([first, second]) => [
    first,
    {
      ...second,
      staffId: first.staffId,
      startDate: first.startDate,
      endDate: shiftEnd(second, first.startDate),
    },
  ]);
}

/** The end of `record` moved so that it keeps its length when it starts on `startDate`. */
function shiftEnd(record: { startDate: string; endDate: string | null }, startDate: string) {
  if (record.endDate === null) return null;
  return addDays(startDate, toDayNumber(record.endDate) - toDayNumber(record.startDate));
}

function sessionArb(staffIds: readonly string[]): fc.Arbitrary<SessionRecord> {
  return fc.record({
    id: uuid,
    date: recordDate,
    durationMinutes: fc.constantFrom(30, 45, 60, 90),
    format: fc.oneof(
      { weight: 3, arbitrary: fc.constant('ONE_TO_ONE' as const) },
      fc.constantFrom(...SESSION_FORMATS),
    ),
    status: fc.oneof(
      { weight: 3, arbitrary: fc.constant('HELD' as const) },
      fc.constantFrom(...SESSION_STATUSES),
    ),
    attendeeIds: fc.oneof(
      { weight: 4, arbitrary: fc.subarray([...staffIds], { minLength: 1, maxLength: 1 }) },
      {
        weight: 2,
        arbitrary: fc.subarray([...staffIds], {
          minLength: 1,
          maxLength: Math.min(4, staffIds.length),
        }),
      },
      { weight: 1, arbitrary: fc.constant([]) },
    ),
    functions: fc.subarray([...SUPERVISION_FUNCTIONS]),
  });
}

function absenceArb(staffIds: readonly string[]): fc.Arbitrary<AbsenceRecord> {
  return fc
    .record({
      id: uuid,
      staffId: fc.constantFrom(...staffIds),
      startDate: recordDate,
      reason: fc.oneof(fc.constant('MENTAL_HEALTH' as const), fc.constantFrom(...ABSENCE_REASONS)),
    })
    .chain((e) =>
      fc
        .option(
          fc.oneof(
            fc.integer({ min: 0, max: 10 }).map((n) => addDays(e.startDate, n)),
            fc.integer({ min: 20, max: 40 }).map((n) => addDays(e.startDate, n)), // ~28 days
            fc.integer({ min: 0, max: 120 }).map((n) => addDays(e.startDate, n)),
          ),
          { freq: 4 },
        )
        .map((endDate) => ({ ...e, endDate })),
    );
}

/**
 * Two overlapping absences of one person: the second starts on the same day as the first
 * (the smaller id takes the shared days) or during it.
 */
function absenceOverlapArb(staffIds: readonly string[]): fc.Arbitrary<AbsenceRecord[]> {
  return fc
    .tuple(absenceArb(staffIds), absenceArb(staffIds), fc.integer({ min: 0, max: 10 }))
    .map(([first, second, shift]) => {
      const startDate = shift > 5 ? first.startDate : addDays(first.startDate, shift);
      return [
        first,
        { ...second, staffId: first.staffId, startDate, endDate: shiftEnd(second, startDate) },
      ];
    });
}

/** A random organisation: 1 to 3 services, 1 to 10 staff, and their records. */
export const orgArb: fc.Arbitrary<OrgData & { serviceIds: string[] }> = fc
  .record({
    settings: settingsArb,
    serviceIds: fc.uniqueArray(uuid, { minLength: 1, maxLength: 3 }),
  })
  .chain(({ settings, serviceIds }) =>
    fc
      .uniqueArray(staffArb(serviceIds), {
        selector: (s) => s.id,
        minLength: 1,
        maxLength: 10,
        size: 'max',
      })
      .chain((staff) => {
        const ids = staff.map((s) => s.id);
        return fc
          .record({
            agreements: fc.array(agreementArb(ids), { maxLength: 6, size: 'max' }),
            changes: fc.array(agreementChangeArb(ids), { maxLength: 3, size: 'max' }),
            twins: fc.array(agreementTwinArb(ids), { maxLength: 2, size: 'max' }),
            sessions: fc.array(sessionArb(ids), { maxLength: 80, size: 'max' }),
            absences: fc.array(absenceArb(ids), { maxLength: 12, size: 'max' }),
            overlaps: fc.array(absenceOverlapArb(ids), { maxLength: 3, size: 'max' }),
          })
          .map(({ agreements, changes, twins, sessions, absences, overlaps }) => ({
            settings,
            serviceIds,
            staff,
            agreements: uniqueById([...agreements, ...changes.flat(), ...twins.flat()]),
            sessions: uniqueById(sessions),
            absences: uniqueById([...absences, ...overlaps.flat()]),
          }));
      }),
  );

function uniqueById<T extends { id: string }>(records: T[]): T[] {
  const seen = new Set<string>();
  return records.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** A period of 1 to 400 days starting between 2023 and 2024 (some on a special date). */
export const periodArb: fc.Arbitrary<Period> = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: dateBetween('2023-06-01', '2024-12-31') },
      { weight: 1, arbitrary: dateBetween('2023-01-01', '2025-03-31') },
      { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_DATES) },
    ),
    fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 399 })),
  )
  .map(([from, extra]) => ({ from, to: addDays(from, extra) }));

/** A scope over `serviceIds`: often everything, sometimes services and/or types. */
export function scopeArb(serviceIds: readonly string[]) {
  return fc.record({
    serviceIds: fc.oneof(
      { weight: 2, arbitrary: fc.constant([] as string[]) },
      fc.subarray([...serviceIds]),
    ),
    practitionerTypes: fc.oneof(
      { weight: 2, arbitrary: fc.constant([] as string[]) },
      fc.subarray(['COUNSELLOR', 'SOCIAL_WORKER', 'MENTOR']),
    ),
  });
}
