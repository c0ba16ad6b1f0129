import type {
  CreateStaffMemberInput,
  LeavingReason,
  RecordLeaverInput,
  UpdateStaffMemberInput,
} from '../gql/graphql';
import {
  addDays,
  addMonths,
  checkDateField,
  formatDate,
  toUkInput,
  type IsoDate,
} from '../shell/date-input';
import type { FieldErrors } from './form-problems';
import { LEAVING_REASONS } from './labels';

/*
 * The staff forms' checks, made before anything is sent. They mirror the
 * API's rules (packages/api/src/staff/staff.input.ts and staff.service.ts), so
 * most mistakes are caught at once; the API checks again and its answer is
 * mapped onto the same fields.
 */

export const STAFF_FORM_FIELDS = [
  'displayName',
  'staffRef',
  'serviceId',
  'roleTitle',
  'practitionerType',
  'fte',
  'startDate',
  'requiresSupervision',
] as const;
export type StaffFormField = (typeof STAFF_FORM_FIELDS)[number];

export interface StaffFormValues {
  displayName: string;
  staffRef: string;
  serviceId: string;
  roleTitle: string;
  practitionerType: string;
  /** As typed, e.g. "0.8". */
  fte: string;
  /** As typed, DD/MM/YYYY. */
  startDate: string;
  requiresSupervision: boolean;
}

export const EMPTY_STAFF_FORM: StaffFormValues = {
  displayName: '',
  staffRef: '',
  serviceId: '',
  roleTitle: '',
  practitionerType: '',
  fte: '1',
  startDate: '',
  requiresSupervision: true,
};

export const FTE_MAX = 1.5;
export const STAFF_REF_PATTERN = /^[A-Za-z0-9._/-]+$/;

export const STAFF_MESSAGES = {
  nameOrRef: 'Enter a name or a staff reference (or both)',
  nameTooLong: 'The name must be 200 characters or fewer',
  refTooLong: 'The staff reference must be 64 characters or fewer',
  refCharacters:
    'The staff reference can only contain letters, numbers, dots, underscores, slashes and hyphens',
  service: 'Select a service',
  roleTitleTooLong: 'The role title must be 120 characters or fewer',
  practitionerTypeTooLong: 'The practitioner type must be 80 characters or fewer',
  fteMissing: 'Enter the FTE',
  fteNumber: 'FTE must be a number, like 0.8',
  ftePositive: 'FTE must be greater than 0',
  fteMax: 'FTE must be 1.5 or less',
  startAfterEnd: (endDate: IsoDate) =>
    `The start date must be on or before their last day (${formatDate(endDate)})`,
  leavingReason: 'Select the reason they left',
  endBeforeStart: (startDate: IsoDate) =>
    `The last day of employment must be on or after their start date (${formatDate(startDate)})`,
} as const;

export type StaffFormResult =
  { ok: true; input: CreateStaffMemberInput } | { ok: false; errors: FieldErrors<StaffFormField> };

/** An optional text: trimmed, and null when empty (the API treats both as "none"). */
function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** FTE as typed: "0.8", ".5", "1"; a comma is read as a decimal point (0,8). */
export function parseFte(text: string): number | null {
  const value = text.trim().replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value)) return null;
  return Number(value);
}

/**
 * Checks the add / edit form. `endDate` is the person's last day when they
 * have left (editing a leaver): their start date may not come after it.
 */
export function validateStaffForm(
  values: StaffFormValues,
  { endDate }: { endDate?: IsoDate | null } = {},
): StaffFormResult {
  const errors: FieldErrors<StaffFormField> = {};
  const displayName = optional(values.displayName);
  const staffRef = optional(values.staffRef);
  const roleTitle = optional(values.roleTitle);
  const practitionerType = optional(values.practitionerType);

  if (!displayName && !staffRef) errors.displayName = STAFF_MESSAGES.nameOrRef;
  else if (displayName && displayName.length > 200) errors.displayName = STAFF_MESSAGES.nameTooLong;

  if (staffRef && staffRef.length > 64) errors.staffRef = STAFF_MESSAGES.refTooLong;
  else if (staffRef && !STAFF_REF_PATTERN.test(staffRef))
    errors.staffRef = STAFF_MESSAGES.refCharacters;

  if (!values.serviceId) errors.serviceId = STAFF_MESSAGES.service;
  if (roleTitle && roleTitle.length > 120) errors.roleTitle = STAFF_MESSAGES.roleTitleTooLong;
  if (practitionerType && practitionerType.length > 80)
    errors.practitionerType = STAFF_MESSAGES.practitionerTypeTooLong;

  const fte = parseFte(values.fte);
  if (!values.fte.trim()) errors.fte = STAFF_MESSAGES.fteMissing;
  else if (fte === null) errors.fte = STAFF_MESSAGES.fteNumber;
  // The API keeps three decimals: 0.0001 would round to 0.
  else if (!(Math.round(fte * 1000) / 1000 > 0)) errors.fte = STAFF_MESSAGES.ftePositive;
  else if (fte > FTE_MAX) errors.fte = STAFF_MESSAGES.fteMax;

  const start = checkDateField(values.startDate, 'start date');
  if (start.error) errors.startDate = start.error;
  else if (start.iso && endDate && start.iso > endDate)
    errors.startDate = STAFF_MESSAGES.startAfterEnd(endDate);

  if (Object.keys(errors).length > 0 || fte === null || !start.iso) return { ok: false, errors };
  return {
    ok: true,
    input: {
      displayName,
      staffRef,
      serviceId: values.serviceId,
      roleTitle,
      practitionerType,
      fte,
      startDate: start.iso,
      requiresSupervision: values.requiresSupervision,
    },
  };
}

/** The update input for an edit: every field, so what the form shows is what is saved. */
export function toUpdateInput(input: CreateStaffMemberInput): UpdateStaffMemberInput {
  return {
    displayName: input.displayName ?? null,
    staffRef: input.staffRef ?? null,
    serviceId: input.serviceId,
    roleTitle: input.roleTitle ?? null,
    practitionerType: input.practitionerType ?? null,
    fte: input.fte,
    startDate: input.startDate,
    requiresSupervision: input.requiresSupervision,
  };
}

/** A staff member as the form shows them, for editing. */
export function staffFormValues(person: {
  displayName?: string | null;
  staffRef?: string | null;
  service: { id: string };
  roleTitle?: string | null;
  practitionerType?: string | null;
  fte: number;
  startDate: IsoDate;
  requiresSupervision: boolean;
}): StaffFormValues {
  return {
    displayName: person.displayName ?? '',
    staffRef: person.staffRef ?? '',
    serviceId: person.service.id,
    roleTitle: person.roleTitle ?? '',
    practitionerType: person.practitionerType ?? '',
    fte: String(person.fte),
    startDate: toUkInput(person.startDate),
    requiresSupervision: person.requiresSupervision,
  };
}

export const LEAVER_FORM_FIELDS = ['endDate', 'leavingReason'] as const;
export type LeaverFormField = (typeof LEAVER_FORM_FIELDS)[number];

export interface LeaverFormValues {
  endDate: string;
  leavingReason: string;
}

export type LeaverFormResult =
  { ok: true; input: RecordLeaverInput } | { ok: false; errors: FieldErrors<LeaverFormField> };

/** Checks the leaver form: a real last day, not before the start date, and a reason. */
export function validateLeaverForm(
  values: LeaverFormValues,
  { startDate }: { startDate: IsoDate },
): LeaverFormResult {
  const errors: FieldErrors<LeaverFormField> = {};
  const end = checkDateField(values.endDate, 'last day of employment');
  if (end.error) errors.endDate = end.error;
  else if (end.iso && end.iso < startDate)
    errors.endDate = STAFF_MESSAGES.endBeforeStart(startDate);
  const reason = LEAVING_REASONS.find((r) => r === values.leavingReason);
  if (!reason) errors.leavingReason = STAFF_MESSAGES.leavingReason;
  if (!end.iso || !reason || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { endDate: end.iso, leavingReason: reason as LeavingReason } };
}

/** The day from which a leaver's personal data may be erased (retention after their last day). */
export function erasableFrom(endDate: IsoDate, retentionMonths: number): IsoDate {
  // The API: erasable once (last day + retention months) is before today.
  return addDays(addMonths(endDate, retentionMonths), 1);
}
