import type {
  OrganisationSettingsQuery,
  SessionFormat,
  SupervisionInterval,
  UpdateOrganisationSettingsInput,
} from '../gql/graphql';
import { formProblems, inputField, type FormProblems } from './api-problems';
import { FORMATS, INTERVALS } from './labels';

/*
 * The organisation settings form: its fields, the checks made before anything
 * is sent (the same limits as the API), and what is sent (only what changed).
 */

export type OrganisationSettings = OrganisationSettingsQuery['organisationSettings'];

/** The fields in page order. Each is also the id of its input (the first checkbox for formats). */
export const SETTINGS_FIELDS = [
  'name',
  'timeZone',
  'currency',
  'defaultInterval',
  'countedFormats',
  'supervisionCostPerWorkerYear',
  'recruitmentCostPerLeaver',
  'suppressionThreshold',
  'retentionMonths',
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];
export type SettingsFieldErrors = Partial<Record<SettingsField, string>>;

/** What the form holds: text as typed, so that a half-typed number is not lost. */
export interface SettingsValues {
  name: string;
  timeZone: string;
  currency: string;
  defaultInterval: SupervisionInterval;
  countedFormats: SessionFormat[];
  supervisionCostPerWorkerYear: string;
  recruitmentCostPerLeaver: string;
  suppressionThreshold: string;
  retentionMonths: string;
}

/** The settings as the API takes them. */
export type ParsedSettings = Required<{
  [K in keyof UpdateOrganisationSettingsInput]: NonNullable<UpdateOrganisationSettingsInput[K]>;
}>;

export const LIMITS = {
  nameMax: 200,
  costMax: 1_000_000,
  suppressionMin: 3,
  suppressionMax: 50,
  retentionMin: 12,
  retentionMax: 240,
} as const;

export const SETTINGS_MESSAGES = {
  nameMissing: 'Enter the organisation’s name',
  nameTooLong: `Organisation name must be ${LIMITS.nameMax} characters or fewer`,
  timeZoneMissing: 'Select the organisation’s time zone',
  currencyMissing: 'Select the currency your costs are in',
  intervalMissing: 'Select the default supervision interval',
  formatsMissing: 'Select at least one session format that counts',
  supervisionCostMissing: 'Enter the supervision cost per worker per year',
  supervisionCostFormat:
    'Supervision cost per worker per year must be an amount of money, like 563 or 563.50',
  supervisionCostRange: `Supervision cost per worker per year must be between 0 and ${LIMITS.costMax.toLocaleString('en-GB')}`,
  recruitmentCostMissing: 'Enter the recruitment cost per leaver',
  recruitmentCostFormat:
    'Recruitment cost per leaver must be an amount of money, like 1612 or 1612.50',
  recruitmentCostRange: `Recruitment cost per leaver must be between 0 and ${LIMITS.costMax.toLocaleString('en-GB')}`,
  suppressionMissing: 'Enter the small-number threshold',
  suppressionFormat: 'Small-number threshold must be a whole number, like 5',
  suppressionRange: `Small-number threshold must be between ${LIMITS.suppressionMin} and ${LIMITS.suppressionMax}`,
  retentionMissing: 'Enter how many months to keep leavers’ personal data',
  retentionFormat: 'Retention period must be a whole number of months, like 72',
  retentionRange: `Retention period must be between ${LIMITS.retentionMin} and ${LIMITS.retentionMax} months`,
} as const;

/** Amounts are shown without grouping, so they can be edited as they are. */
function amountText(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

export function settingsToValues(settings: OrganisationSettings): SettingsValues {
  return {
    name: settings.name,
    timeZone: settings.timeZone,
    currency: settings.currency,
    defaultInterval: settings.defaultInterval,
    countedFormats: FORMATS.filter((f) => settings.countedFormats.includes(f)),
    supervisionCostPerWorkerYear: amountText(settings.supervisionCostPerWorkerYear),
    recruitmentCostPerLeaver: amountText(settings.recruitmentCostPerLeaver),
    suppressionThreshold: String(settings.suppressionThreshold),
    retentionMonths: String(settings.retentionMonths),
  };
}

export function settingsToParsed(settings: OrganisationSettings): ParsedSettings {
  return {
    name: settings.name,
    timeZone: settings.timeZone,
    currency: settings.currency,
    defaultInterval: settings.defaultInterval,
    countedFormats: FORMATS.filter((f) => settings.countedFormats.includes(f)),
    supervisionCostPerWorkerYear: settings.supervisionCostPerWorkerYear,
    recruitmentCostPerLeaver: settings.recruitmentCostPerLeaver,
    suppressionThreshold: settings.suppressionThreshold,
    retentionMonths: settings.retentionMonths,
  };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: 'missing' | 'format' | 'range' };

/**
 * An amount of money as people type it: "563", "1,612", "1612.5", "£563.00".
 * Commas between digit groups and a leading currency symbol are allowed; at
 * most two decimal places.
 */
export function parseAmount(raw: string, max: number = LIMITS.costMax): Parsed<number> {
  const text = raw.trim().replace(/^[£$€]\s*/, '');
  if (text === '') return { ok: false, problem: 'missing' };
  if (text.startsWith('-')) return { ok: false, problem: 'range' };
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(text)) return { ok: false, problem: 'format' };
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { ok: false, problem: 'format' };
  if (value > max) return { ok: false, problem: 'range' };
  return { ok: true, value };
}

/** A whole number in [min, max]; "5" and " 5 " are fine, "5.0" and "five" are not. */
export function parseWholeNumber(raw: string, min: number, max: number): Parsed<number> {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'missing' };
  if (!/^-?\d+$/.test(text)) return { ok: false, problem: 'format' };
  const value = Number(text);
  if (value < min || value > max) return { ok: false, problem: 'range' };
  return { ok: true, value };
}

export interface SettingsCheck {
  errors: SettingsFieldErrors;
  /** Present when there are no errors. */
  parsed?: ParsedSettings;
}

/** Checks made before anything is sent. */
export function validateSettings(values: SettingsValues): SettingsCheck {
  const errors: SettingsFieldErrors = {};
  const m = SETTINGS_MESSAGES;

  const name = values.name.trim();
  if (!name) errors.name = m.nameMissing;
  else if (name.length > LIMITS.nameMax) errors.name = m.nameTooLong;

  if (!values.timeZone.trim()) errors.timeZone = m.timeZoneMissing;
  if (!/^[A-Z]{3}$/.test(values.currency)) errors.currency = m.currencyMissing;
  if (!INTERVALS.includes(values.defaultInterval)) errors.defaultInterval = m.intervalMissing;
  const formats = FORMATS.filter((f) => values.countedFormats.includes(f));
  if (formats.length === 0) errors.countedFormats = m.formatsMissing;

  const supervisionCost = parseAmount(values.supervisionCostPerWorkerYear);
  if (!supervisionCost.ok) {
    errors.supervisionCostPerWorkerYear = {
      missing: m.supervisionCostMissing,
      format: m.supervisionCostFormat,
      range: m.supervisionCostRange,
    }[supervisionCost.problem];
  }
  const recruitmentCost = parseAmount(values.recruitmentCostPerLeaver);
  if (!recruitmentCost.ok) {
    errors.recruitmentCostPerLeaver = {
      missing: m.recruitmentCostMissing,
      format: m.recruitmentCostFormat,
      range: m.recruitmentCostRange,
    }[recruitmentCost.problem];
  }
  const suppression = parseWholeNumber(
    values.suppressionThreshold,
    LIMITS.suppressionMin,
    LIMITS.suppressionMax,
  );
  if (!suppression.ok) {
    errors.suppressionThreshold = {
      missing: m.suppressionMissing,
      format: m.suppressionFormat,
      range: m.suppressionRange,
    }[suppression.problem];
  }
  const retention = parseWholeNumber(
    values.retentionMonths,
    LIMITS.retentionMin,
    LIMITS.retentionMax,
  );
  if (!retention.ok) {
    errors.retentionMonths = {
      missing: m.retentionMissing,
      format: m.retentionFormat,
      range: m.retentionRange,
    }[retention.problem];
  }

  if (
    Object.keys(errors).length > 0 ||
    !supervisionCost.ok ||
    !recruitmentCost.ok ||
    !suppression.ok ||
    !retention.ok
  ) {
    return { errors };
  }
  return {
    errors,
    parsed: {
      name,
      timeZone: values.timeZone.trim(),
      currency: values.currency,
      defaultInterval: values.defaultInterval,
      countedFormats: formats,
      supervisionCostPerWorkerYear: supervisionCost.value,
      recruitmentCostPerLeaver: recruitmentCost.value,
      suppressionThreshold: suppression.value,
      retentionMonths: retention.value,
    },
  };
}

/** Only the settings that differ from what was loaded (the API changes only those). */
export function changedSettings(
  before: ParsedSettings,
  after: ParsedSettings,
): UpdateOrganisationSettingsInput {
  const input: UpdateOrganisationSettingsInput = {};
  for (const key of Object.keys(after) as (keyof ParsedSettings)[]) {
    const a = before[key];
    const b = after[key];
    const same =
      Array.isArray(a) && Array.isArray(b)
        ? a.length === b.length && a.every((value, i) => value === b[i])
        : a === b;
    if (!same) (input as Record<string, unknown>)[key] = b;
  }
  return input;
}

/** The API's reasons for refusing the change, on the form's fields. */
export function settingsProblems(error: unknown): FormProblems<SettingsField> {
  return formProblems(error, inputField(SETTINGS_FIELDS));
}
