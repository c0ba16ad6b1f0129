import { addDays, addMonths, checkDateField, type IsoDate } from '../shell/date-input';

/*
 * The Overview's (and the Cost case's) filters, kept in the address so a view
 * can be shared as a link:
 *   /overview?from=2025-04-01&to=2026-03-31&service=<id>&service=<id>
 * Dates are ISO in the address (unambiguous in a link) and DD/MM/YYYY in
 * the form. With no dates the page shows the 12 months to today (the
 * organisation's today); with no service, everything the viewer may see.
 *
 * Pure; tested in overview-params.test.ts.
 */

export const FROM_PARAM = 'from';
export const TO_PARAM = 'to';
export const SERVICE_PARAM = 'service';

/** The API's limit: a period shorter than 60 calendar months (5 years). */
export const MAX_PERIOD_MONTHS = 60;
/** The trend charts: 12 calendar months ending with the period. */
export const SERIES_MONTHS = 12;
/** The API takes at most 100 services. */
const MAX_SERVICES = 100;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f-]{1,64}$/i;

export interface OverviewFilters {
  from: IsoDate;
  to: IsoDate;
  /** Empty: every service the viewer may see. */
  serviceIds: string[];
}

/** The default period: the 12 months up to and including `today` (23 Nov 2025 to 22 Nov 2026). */
export function defaultPeriod(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

/** True when [from, to] is a period the API takes: from <= to and under 5 years long. */
export function isValidPeriod(from: IsoDate, to: IsoDate): boolean {
  return from <= to && to < addMonths(from, MAX_PERIOD_MONTHS);
}

function readIso(value: string | null): IsoDate | null {
  if (!value || !ISO.test(value)) return null;
  const parsed = checkDateField(value, 'date');
  return parsed.iso;
}

export interface ReadFilters {
  filters: OverviewFilters;
  /** True when the address held dates that could not be used (the default period is shown). */
  datesIgnored: boolean;
  /** True when the address chose the period (not the default). */
  periodChosen: boolean;
}

/**
 * The filters in an address. Anything unusable is left out rather than sent:
 * dates that are not real, a start after the end or a period of 5 years or
 * more give the default period; service values that are not ids are dropped.
 */
export function readOverviewParams(search: URLSearchParams, today: IsoDate): ReadFilters {
  const fallback = defaultPeriod(today);
  const rawFrom = search.get(FROM_PARAM);
  const rawTo = search.get(TO_PARAM);
  const from = readIso(rawFrom);
  const to = readIso(rawTo);
  const serviceIds = [...new Set(search.getAll(SERVICE_PARAM).filter((id) => ID.test(id)))].slice(
    0,
    MAX_SERVICES,
  );
  const anyDate = rawFrom !== null || rawTo !== null;
  if (from && to && isValidPeriod(from, to)) {
    return { filters: { from, to, serviceIds }, datesIgnored: false, periodChosen: true };
  }
  // Only one end given: keep it, with a 12-month period on the other side.
  if (from && rawTo === null) {
    const end = addDays(addMonths(from, 12), -1);
    return { filters: { from, to: end, serviceIds }, datesIgnored: false, periodChosen: true };
  }
  if (to && rawFrom === null) {
    return {
      filters: { ...defaultPeriod(to), serviceIds },
      datesIgnored: false,
      periodChosen: true,
    };
  }
  return { filters: { ...fallback, serviceIds }, datesIgnored: anyDate, periodChosen: false };
}

/**
 * The address with these filters, every other parameter kept. The dates are
 * always written, so a shared link shows the same period on any day.
 */
export function writeOverviewParams(
  search: URLSearchParams,
  filters: OverviewFilters,
): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete(FROM_PARAM);
  next.delete(TO_PARAM);
  next.delete(SERVICE_PARAM);
  next.set(FROM_PARAM, filters.from);
  next.set(TO_PARAM, filters.to);
  for (const id of filters.serviceIds) next.append(SERVICE_PARAM, id);
  return next;
}

/** The `input` of metricsOverview for these filters. */
export function overviewInput(filters: OverviewFilters, months = SERIES_MONTHS) {
  return {
    from: filters.from,
    to: filters.to,
    months,
    serviceIds: filters.serviceIds.length > 0 ? filters.serviceIds : null,
  };
}

/* ---- The filter form ---- */

export interface FilterFormValues {
  /** As typed: "1/4/2025". */
  from: string;
  to: string;
  serviceIds: string[];
}

export interface FilterFormResult {
  filters?: OverviewFilters;
  errors: { from?: string; to?: string };
}

/** Checks the filter form, GOV.UK style: each field's own error, then the two together. */
export function checkFilterForm(values: FilterFormValues): FilterFormResult {
  const from = checkDateField(values.from, 'start date');
  const to = checkDateField(values.to, 'end date');
  const errors: FilterFormResult['errors'] = {};
  if (from.error) errors.from = from.error;
  if (to.error) errors.to = to.error;
  if (errors.from || errors.to || !from.iso || !to.iso) return { errors };
  if (to.iso < from.iso) {
    return { errors: { to: 'The end date must be the same as or after the start date' } };
  }
  if (!isValidPeriod(from.iso, to.iso)) {
    return { errors: { to: 'The period must be shorter than 5 years' } };
  }
  return { filters: { from: from.iso, to: to.iso, serviceIds: values.serviceIds }, errors: {} };
}

/**
 * Where the API's BAD_USER_INPUT field (`input.from`, `input.to`,
 * `input.serviceIds`) belongs in the form.
 */
export function formFieldOf(apiField: string | undefined): 'from' | 'to' | 'services' | null {
  switch (apiField) {
    case 'input.from':
      return 'from';
    case 'input.to':
      return 'to';
    case 'input.serviceIds':
      return 'services';
    default:
      return null;
  }
}
