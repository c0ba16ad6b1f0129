import type {
  OrganisationKind,
  OrganisationSettingsQuery,
  SessionFormat,
  SupervisionInterval,
  UpdateOrganisationSettingsInput,
} from '../gql/graphql';
import { formProblems, inputField, type FormProblems } from './api-problems';
import { audienceOf } from '../shell/navigation';
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

/**
 * The settings that mean something to a commissioner organisation (kind COMMISSIONER), in
 * page order. It records no staff, supervision or absence (docs/commissioning.md), so the
 * supervision defaults, the cost case and how long leavers' data is kept do not apply to it,
 * and the comparison's figures use each provider's own settings (its counted formats, its
 * costs in its currency). Its own time zone decides the latest complete month it can
 * compare and the audit log's times; its threshold hides small figures when it is the larger
 * of its own and the provider's.
 */
export const COMMISSIONER_SETTINGS_FIELDS = [
  'name',
  'timeZone',
  'suppressionThreshold',
] as const satisfies readonly SettingsField[];

/** The settings an organisation of this kind is shown and can change, in page order. */
export function settingsFieldsFor(kind: OrganisationKind): readonly SettingsField[] {
  return audienceOf(kind) === 'COMMISSIONER' ? COMMISSIONER_SETTINGS_FIELDS : SETTINGS_FIELDS;
}

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
  /** Present when there are no errors: the fields checked, as the API takes them. */
  parsed?: Partial<ParsedSettings>;
}

type FieldCheck<K extends SettingsField> =
  { ok: true; value: ParsedSettings[K] } | { ok: false; message: string };

type Messages = Record<'missing' | 'format' | 'range', string>;

function numberCheck<K extends SettingsField>(
  parsed: Parsed<number>,
  messages: Messages,
): FieldCheck<K> {
  return parsed.ok
    ? { ok: true, value: parsed.value as ParsedSettings[K] }
    : { ok: false, message: messages[parsed.problem] };
}

const m = SETTINGS_MESSAGES;

/** Each field's check: its value as the API takes it, or why it cannot be sent. */
const FIELD_CHECKS: { [K in SettingsField]: (values: SettingsValues) => FieldCheck<K> } = {
  name: (values) => {
    const name = values.name.trim();
    if (!name) return { ok: false, message: m.nameMissing };
    if (name.length > LIMITS.nameMax) return { ok: false, message: m.nameTooLong };
    return { ok: true, value: name };
  },
  timeZone: (values) => {
    const zone = values.timeZone.trim();
    return zone ? { ok: true, value: zone } : { ok: false, message: m.timeZoneMissing };
  },
  currency: (values) =>
    /^[A-Z]{3}$/.test(values.currency)
      ? { ok: true, value: values.currency }
      : { ok: false, message: m.currencyMissing },
  defaultInterval: (values) =>
    INTERVALS.includes(values.defaultInterval)
      ? { ok: true, value: values.defaultInterval }
      : { ok: false, message: m.intervalMissing },
  countedFormats: (values) => {
    const formats = FORMATS.filter((f) => values.countedFormats.includes(f));
    return formats.length > 0
      ? { ok: true, value: formats }
      : { ok: false, message: m.formatsMissing };
  },
  supervisionCostPerWorkerYear: (values) =>
    numberCheck(parseAmount(values.supervisionCostPerWorkerYear), {
      missing: m.supervisionCostMissing,
      format: m.supervisionCostFormat,
      range: m.supervisionCostRange,
    }),
  recruitmentCostPerLeaver: (values) =>
    numberCheck(parseAmount(values.recruitmentCostPerLeaver), {
      missing: m.recruitmentCostMissing,
      format: m.recruitmentCostFormat,
      range: m.recruitmentCostRange,
    }),
  suppressionThreshold: (values) =>
    numberCheck(
      parseWholeNumber(values.suppressionThreshold, LIMITS.suppressionMin, LIMITS.suppressionMax),
      { missing: m.suppressionMissing, format: m.suppressionFormat, range: m.suppressionRange },
    ),
  retentionMonths: (values) =>
    numberCheck(
      parseWholeNumber(values.retentionMonths, LIMITS.retentionMin, LIMITS.retentionMax),
      {
        missing: m.retentionMissing,
        format: m.retentionFormat,
        range: m.retentionRange,
      },
    ),
};

/**
 * Checks made before anything is sent, of `fields` only (every field by default; a
 * commissioner's form has fewer, `settingsFieldsFor`). `parsed` holds exactly those fields.
 */
export function validateSettings(
  values: SettingsValues,
  fields: readonly SettingsField[] = SETTINGS_FIELDS,
): SettingsCheck {
  const errors: SettingsFieldErrors = {};
  const parsed: Record<string, unknown> = {};
  for (const field of fields) {
    const check = FIELD_CHECKS[field](values);
    if (check.ok) parsed[field] = check.value;
    else errors[field] = check.message;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, parsed: parsed as Partial<ParsedSettings> };
}

/** Only the settings that differ from what was loaded (the API changes only those). */
export function changedSettings(
  before: ParsedSettings,
  after: Partial<ParsedSettings>,
): UpdateOrganisationSettingsInput {
  const input: UpdateOrganisationSettingsInput = {};
  for (const key of Object.keys(after) as (keyof ParsedSettings)[]) {
    const a = before[key];
    const b = after[key];
    if (b === undefined) continue;
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
