import type {
  AbsenceReason,
  CloseAbsenceInput,
  CorrectAbsenceInput,
  OpenAbsenceInput,
} from '../gql/graphql';
import { addMonths, checkDateField, formatDate, type IsoDate } from '../shell/date-input';
import type { FieldErrors } from '../people/form-problems';
import { ABSENCE_REASONS } from '../people/labels';

/*
 * The absence forms' checks, made before anything is sent. They mirror the
 * API's rules (packages/api/src/absence/absence.service.ts): the first day
 * within the person's employment, the last day not before the first, neither
 * more than a year from today, a reason category, a reference of at most 64
 * characters. The API checks again; its answer is mapped onto the same fields.
 */

export const ABSENCE_REF_MAX = 64;

export const ABSENCE_MESSAGES = {
  person: 'Select the person who was absent',
  reason: 'Select a reason category',
  endBeforeStart: 'The last day absent must be on or after the first day absent',
  startBeforeEmployment: (startDate: IsoDate) =>
    `The first day absent must be on or after their start date (${formatDate(startDate)})`,
  startAfterLeaving: (endDate: IsoDate) =>
    `The first day absent must be on or before their last day of employment (${formatDate(endDate)})`,
  startTooLate: 'The first day absent must be within a year from today',
  endTooLate: 'The last day absent must be within a year from today',
  refTooLong: `The absence reference must be ${ABSENCE_REF_MAX} characters or fewer`,
} as const;

/** What the forms need to know about the person who was absent. */
export interface AbsencePerson {
  startDate: IsoDate;
  endDate?: IsoDate | null;
}

export const ABSENCE_FORM_FIELDS = [
  'staffMemberId',
  'startDate',
  'endDate',
  'reason',
  'absenceRef',
] as const;
export type AbsenceFormField = (typeof ABSENCE_FORM_FIELDS)[number];

export interface AbsenceFormValues {
  staffMemberId: string;
  /** DD/MM/YYYY as typed. */
  startDate: string;
  /** DD/MM/YYYY as typed; empty while the absence is ongoing. */
  endDate: string;
  reason: string;
  absenceRef: string;
}

export const EMPTY_ABSENCE_FORM: AbsenceFormValues = {
  staffMemberId: '',
  startDate: '',
  endDate: '',
  reason: '',
  absenceRef: '',
};

interface Checked {
  errors: FieldErrors<AbsenceFormField>;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  reason: AbsenceReason | null;
  absenceRef: string | null;
}

/** The checks the record and correct forms share. */
function checkEpisode(
  values: Omit<AbsenceFormValues, 'staffMemberId'>,
  person: AbsencePerson | undefined,
  today: IsoDate,
): Checked {
  const errors: FieldErrors<AbsenceFormField> = {};
  const latest = addMonths(today, 12);
  const start = checkDateField(values.startDate, 'first day absent');
  const end = checkDateField(values.endDate, 'last day absent', { required: false });
  if (start.error) errors.startDate = start.error;
  else if (start.iso && person && start.iso < person.startDate)
    errors.startDate = ABSENCE_MESSAGES.startBeforeEmployment(person.startDate);
  else if (start.iso && person?.endDate && start.iso > person.endDate)
    errors.startDate = ABSENCE_MESSAGES.startAfterLeaving(person.endDate);
  else if (start.iso && start.iso > latest) errors.startDate = ABSENCE_MESSAGES.startTooLate;

  if (end.error) errors.endDate = end.error;
  else if (end.iso && start.iso && end.iso < start.iso)
    errors.endDate = ABSENCE_MESSAGES.endBeforeStart;
  else if (end.iso && end.iso > latest) errors.endDate = ABSENCE_MESSAGES.endTooLate;

  const reason = ABSENCE_REASONS.find((r) => r === values.reason) ?? null;
  if (!reason) errors.reason = ABSENCE_MESSAGES.reason;

  const absenceRef = values.absenceRef.trim() || null;
  if (absenceRef && absenceRef.length > ABSENCE_REF_MAX)
    errors.absenceRef = ABSENCE_MESSAGES.refTooLong;

  return { errors, startDate: start.iso, endDate: end.iso, reason, absenceRef };
}

export type Validated<I> =
  { ok: true; input: I } | { ok: false; errors: FieldErrors<AbsenceFormField> };

/** The "record an absence" form. `person` is the chosen person, once chosen. */
export function validateRecordAbsence(
  values: AbsenceFormValues,
  person: AbsencePerson | undefined,
  today: IsoDate,
): Validated<OpenAbsenceInput> {
  const checked = checkEpisode(values, person, today);
  const errors = { ...checked.errors };
  if (!values.staffMemberId) errors.staffMemberId = ABSENCE_MESSAGES.person;
  if (Object.keys(errors).length > 0 || !checked.startDate || !checked.reason) {
    return { ok: false, errors: orderErrors(errors) };
  }
  return {
    ok: true,
    input: {
      staffMemberId: values.staffMemberId,
      startDate: checked.startDate,
      ...(checked.endDate ? { endDate: checked.endDate } : {}),
      reason: checked.reason,
      ...(checked.absenceRef ? { absenceRef: checked.absenceRef } : {}),
    },
  };
}

/** The "correct an absence" form: every field is sent, so the record becomes what the form shows. */
export function validateCorrectAbsence(
  values: Omit<AbsenceFormValues, 'staffMemberId'>,
  person: AbsencePerson | undefined,
  today: IsoDate,
): Validated<CorrectAbsenceInput> {
  const checked = checkEpisode(values, person, today);
  if (Object.keys(checked.errors).length > 0 || !checked.startDate || !checked.reason) {
    return { ok: false, errors: orderErrors(checked.errors) };
  }
  return {
    ok: true,
    input: {
      startDate: checked.startDate,
      // null reopens an episode whose last day was recorded by mistake.
      endDate: checked.endDate,
      reason: checked.reason,
      absenceRef: checked.absenceRef,
    },
  };
}

/** The "close an absence" form: the last day absent, on or after the first. */
export function validateCloseAbsence(
  endDateText: string,
  startDate: IsoDate,
  today: IsoDate,
): Validated<CloseAbsenceInput> {
  const end = checkDateField(endDateText, 'last day absent');
  let error = end.error;
  if (!error && end.iso && end.iso < startDate)
    error = `The last day absent must be on or after the first day absent (${formatDate(startDate)})`;
  else if (!error && end.iso && end.iso > addMonths(today, 12)) error = ABSENCE_MESSAGES.endTooLate;
  if (error || !end.iso) return { ok: false, errors: { endDate: error } };
  return { ok: true, input: { endDate: end.iso } };
}

function orderErrors(errors: FieldErrors<AbsenceFormField>): FieldErrors<AbsenceFormField> {
  const ordered: FieldErrors<AbsenceFormField> = {};
  for (const field of ABSENCE_FORM_FIELDS) if (errors[field]) ordered[field] = errors[field];
  return ordered;
}
