import type {
  AddSessionActionInput,
  MarkSessionHeldInput,
  RecordHeldSessionInput,
  ScheduleSessionInput,
  SessionFormat,
  SupervisionFunction,
} from '../gql/graphql';
import { addMonths, checkDateField, type IsoDate } from '../shell/date-input';
import type { FieldErrors } from '../people/form-problems';
import { SESSION_FORMATS, SUPERVISION_FUNCTIONS } from './labels';

/*
 * The session forms' checks, mirroring the API's (packages/api/src/supervision
 * session.input.ts, session.service.ts and action.input.ts) so most mistakes
 * are caught before sending; the API checks again and its errors are mapped
 * onto the same fields.
 */

export const MIN_DURATION = 1;
export const MAX_DURATION = 480;
export const MAX_ATTENDEES = 50;
export const MAX_ACTION_TITLE = 120;
export const MAX_REFERENCE = 64;

export type Checked<I, F extends string> =
  { ok: true; input: I } | { ok: false; errors: FieldErrors<F> };

export interface MinutesResult {
  value: number | null;
  error?: string;
}

/**
 * A number of minutes typed into a field: a whole number from 1 to 480.
 * `what` names it in messages ("The duration", "The expected session length").
 */
export function checkMinutes(
  text: string,
  what: string,
  { required, emptyMessage }: { required: boolean; emptyMessage?: string },
): MinutesResult {
  const value = text.trim();
  if (!value) {
    return required
      ? { value: null, error: emptyMessage ?? `Enter ${what.toLowerCase()}` }
      : { value: null };
  }
  if (!/^\d+$/.test(value)) {
    return { value: null, error: `${what} must be a whole number of minutes, like 60` };
  }
  const minutes = Number(value);
  if (minutes < MIN_DURATION) return { value: null, error: `${what} must be at least 1 minute` };
  if (minutes > MAX_DURATION) {
    return { value: null, error: `${what} must be 480 minutes (8 hours) or less` };
  }
  return { value: minutes };
}

// ---- Schedule a session, record a held session ----

export type SessionKind = 'schedule' | 'record';

export interface SessionFormValues {
  date: string;
  durationMinutes: string;
  format: SessionFormat | '';
  supervisorId: string;
  attendeeIds: string[];
  /** Recorded sessions only. */
  functions: SupervisionFunction[];
  sessionRef: string;
}

export const EMPTY_SESSION_FORM: SessionFormValues = {
  date: '',
  durationMinutes: '',
  format: '',
  supervisorId: '',
  attendeeIds: [],
  functions: [],
  sessionRef: '',
};

/** In page order: the error summary lists them so. */
export const SESSION_FORM_FIELDS = [
  'date',
  'format',
  'supervisorId',
  'attendeeIds',
  'durationMinutes',
  'functions',
  'sessionRef',
] as const;
export type SessionFormField = (typeof SESSION_FORM_FIELDS)[number];

export interface SessionFormContext {
  /** Today in the organisation's time zone. */
  today: IsoDate;
  /** The staff record of the chosen supervisor, when internal: they cannot also attend. */
  supervisorStaffMemberId?: string | null;
}

/** A session's attendees, checked against its format. */
export function checkAttendees(
  format: SessionFormat | '',
  attendeeIds: readonly string[],
  supervisorStaffMemberId?: string | null,
): string | undefined {
  if (attendeeIds.length === 0) {
    return format === 'ONE_TO_ONE' ? 'Select the supervisee' : 'Select at least one attendee';
  }
  if (format === 'ONE_TO_ONE' && attendeeIds.length !== 1) {
    return 'A one-to-one session has exactly one attendee';
  }
  if (attendeeIds.length > MAX_ATTENDEES) {
    return `A session can have at most ${MAX_ATTENDEES} attendees`;
  }
  if (new Set(attendeeIds).size !== attendeeIds.length) {
    return 'Each attendee can be chosen only once';
  }
  if (supervisorStaffMemberId && attendeeIds.includes(supervisorStaffMemberId)) {
    return 'The supervisor cannot also attend as a supervisee';
  }
  return undefined;
}

/** The date of a held session: a real date, not in the future. */
function checkHeldDate(text: string, today: IsoDate): { iso: IsoDate | null; error?: string } {
  const date = checkDateField(text, 'date of the session');
  if (date.error || !date.iso) return date;
  if (date.iso > today) {
    return { iso: null, error: 'The date of the session must be today or in the past' };
  }
  return date;
}

export function validateSessionForm(
  kind: 'schedule',
  values: SessionFormValues,
  context: SessionFormContext,
): Checked<ScheduleSessionInput, SessionFormField>;
export function validateSessionForm(
  kind: 'record',
  values: SessionFormValues,
  context: SessionFormContext,
): Checked<RecordHeldSessionInput, SessionFormField>;
export function validateSessionForm(
  kind: SessionKind,
  values: SessionFormValues,
  context: SessionFormContext,
): Checked<ScheduleSessionInput | RecordHeldSessionInput, SessionFormField>;
export function validateSessionForm(
  kind: SessionKind,
  values: SessionFormValues,
  { today, supervisorStaffMemberId }: SessionFormContext,
): Checked<ScheduleSessionInput | RecordHeldSessionInput, SessionFormField> {
  const errors: FieldErrors<SessionFormField> = {};

  let date: { iso: IsoDate | null; error?: string };
  if (kind === 'record') {
    date = checkHeldDate(values.date, today);
  } else {
    date = checkDateField(values.date, 'date of the session');
    const latest = addMonths(today, 12);
    if (date.iso && date.iso > latest) {
      date = { iso: null, error: 'The date of the session must be within a year from today' };
    }
  }
  if (date.error) errors.date = date.error;

  const duration = checkMinutes(values.durationMinutes, 'The length of the session', {
    required: true,
    emptyMessage:
      kind === 'record'
        ? 'Enter how long the session lasted, in minutes'
        : 'Enter how long the session will last, in minutes',
  });
  if (duration.error) errors.durationMinutes = duration.error;

  const format = SESSION_FORMATS.find((f) => f === values.format);
  if (!format) errors.format = 'Select the format of the session';

  if (!values.supervisorId) errors.supervisorId = 'Select the supervisor';

  const attendees = checkAttendees(values.format, values.attendeeIds, supervisorStaffMemberId);
  if (attendees) errors.attendeeIds = attendees;

  const reference = values.sessionRef.trim();
  if (reference.length > MAX_REFERENCE) {
    errors.sessionRef = `The session reference must be ${MAX_REFERENCE} characters or fewer`;
  }

  if (Object.keys(errors).length > 0 || !date.iso || duration.value === null || !format) {
    return { ok: false, errors };
  }
  const input: ScheduleSessionInput = {
    date: date.iso,
    durationMinutes: duration.value,
    format,
    supervisorId: values.supervisorId,
    attendeeIds: [...values.attendeeIds],
    ...(reference ? { sessionRef: reference } : {}),
  };
  if (kind === 'schedule') return { ok: true, input };
  return { ok: true, input: { ...input, functions: orderedFunctions(values.functions) } };
}

/** Distinct, in the usual order. */
export function orderedFunctions(functions: readonly SupervisionFunction[]): SupervisionFunction[] {
  return SUPERVISION_FUNCTIONS.filter((f) => functions.includes(f));
}

/**
 * When the format changes to one-to-one, keep only the first attendee chosen
 * (the form then shows a single "Supervisee" choice).
 */
export function attendeesForFormat(
  format: SessionFormat | '',
  attendeeIds: readonly string[],
): string[] {
  return format === 'ONE_TO_ONE' ? attendeeIds.slice(0, 1) : [...attendeeIds];
}

// ---- Mark a scheduled session as held ----

export interface MarkHeldValues {
  date: string;
  durationMinutes: string;
  functions: SupervisionFunction[];
}

export const MARK_HELD_FIELDS = ['date', 'durationMinutes', 'functions'] as const;
export type MarkHeldField = (typeof MARK_HELD_FIELDS)[number];

export function validateMarkHeld(
  values: MarkHeldValues,
  session: { date: IsoDate; durationMinutes: number },
  today: IsoDate,
): Checked<MarkSessionHeldInput, MarkHeldField> {
  const errors: FieldErrors<MarkHeldField> = {};
  const date = checkHeldDate(values.date, today);
  if (date.error) errors.date = date.error;
  const duration = checkMinutes(values.durationMinutes, 'The length of the session', {
    required: true,
    emptyMessage: 'Enter how long the session lasted, in minutes',
  });
  if (duration.error) errors.durationMinutes = duration.error;
  if (Object.keys(errors).length > 0 || !date.iso || duration.value === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      ...(date.iso !== session.date ? { date: date.iso } : {}),
      ...(duration.value !== session.durationMinutes ? { durationMinutes: duration.value } : {}),
      functions: orderedFunctions(values.functions),
    },
  };
}

// ---- Add an agreed action ----

export interface ActionFormValues {
  title: string;
  ownerStaffMemberId: string;
  dueDate: string;
}

export const EMPTY_ACTION_FORM: ActionFormValues = {
  title: '',
  ownerStaffMemberId: '',
  dueDate: '',
};

export const ACTION_FORM_FIELDS = ['title', 'ownerStaffMemberId', 'dueDate'] as const;
export type ActionFormField = (typeof ACTION_FORM_FIELDS)[number];

export function validateActionForm(
  values: ActionFormValues,
  allowedOwnerIds: readonly string[],
): Checked<AddSessionActionInput, ActionFormField> {
  const errors: FieldErrors<ActionFormField> = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Enter a title for the action';
  else if (title.length > MAX_ACTION_TITLE) {
    errors.title = `The title must be ${MAX_ACTION_TITLE} characters or fewer`;
  }
  if (values.ownerStaffMemberId && !allowedOwnerIds.includes(values.ownerStaffMemberId)) {
    errors.ownerStaffMemberId = 'The owner must be an attendee or the supervisor of the session';
  }
  const due = checkDateField(values.dueDate, 'due date', { required: false });
  if (due.error) errors.dueDate = due.error;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title,
      ...(values.ownerStaffMemberId ? { ownerStaffMemberId: values.ownerStaffMemberId } : {}),
      ...(due.iso ? { dueDate: due.iso } : {}),
    },
  };
}
