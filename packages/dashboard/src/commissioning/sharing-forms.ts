import { checkDateField, type IsoDate } from '../shell/date-input';

/*
 * The sharing forms' checks, GOV.UK style: what to say by each field, or
 * nothing when the form can be sent. The API checks again.
 *
 * Pure; tested in sharing-forms.test.ts.
 */

/* ---- The commissioner's request form ---- */

export const MAX_SLUG_LENGTH = 200;

/** Checks the provider's address: what to say, or undefined when it can be sent. */
export function checkProviderSlug(value: string): string | undefined {
  const slug = value.trim();
  if (!slug) return 'Enter the provider’s Holdspace address';
  if (/\s/.test(slug)) return 'The address cannot contain spaces';
  if (slug.length > MAX_SLUG_LENGTH) {
    return `The address must be ${MAX_SLUG_LENGTH} characters or fewer`;
  }
  return undefined;
}

/* ---- The provider's terms form ---- */

export interface TermsValues {
  serviceIds: string[];
  /** As typed: "1/4/2026". */
  sharedFrom: string;
}

/** The API's earliest day to share from (sharing.input.ts). */
export const EARLIEST_SHARED_FROM = '2000-01-01';

export interface TermsErrors {
  serviceIds?: string;
  sharedFrom?: string;
}

export interface TermsResult {
  terms?: { serviceIds: string[]; sharedFrom: IsoDate };
  errors: TermsErrors;
}

/** Checks the services and the date to share from; `today` is the organisation's. */
export function checkTerms(values: TermsValues, today: IsoDate): TermsResult {
  const errors: TermsErrors = {};
  if (values.serviceIds.length === 0) errors.serviceIds = 'Choose at least one service to share';
  const date = checkDateField(values.sharedFrom, 'date to share from');
  if (date.error) errors.sharedFrom = date.error;
  else if (date.iso && date.iso > today) {
    errors.sharedFrom = 'The date to share from must be today or in the past';
  } else if (date.iso && date.iso < EARLIEST_SHARED_FROM) {
    errors.sharedFrom = 'The date to share from must be 1 January 2000 or later';
  }
  if (errors.serviceIds || errors.sharedFrom || !date.iso) return { errors };
  return { terms: { serviceIds: values.serviceIds, sharedFrom: date.iso }, errors: {} };
}
