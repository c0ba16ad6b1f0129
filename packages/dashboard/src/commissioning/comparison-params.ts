import type {
  CommissionerComparisonInput,
  ComparisonMetric,
  OrganisationKind,
} from '../gql/graphql';
import type { TableSort } from '../shell/charts/data-table';

/*
 * The comparison's period, filters and table sort, kept in the address so a
 * view can be shared as a link and survives a reload:
 *   /commissioning?from=2025-11&to=2026-10&kind=NGO&kind=SCHOOL&type=Social+worker&metric=COVERAGE&sort=coverage&dir=desc
 * Months are YYYY-MM in the address and the first day of the month for the
 * API (its LocalDate). With no period the page shows the 12 months to the
 * latest complete month; with no kind, every kind; with no type, every type;
 * with no sort, the API's order (provider, then service).
 *
 * Pure; tested in comparison-params.test.ts.
 */

export const FROM_PARAM = 'from';
export const TO_PARAM = 'to';
export const KIND_PARAM = 'kind';
export const TYPE_PARAM = 'type';
export const METRIC_PARAM = 'metric';
export const SORT_PARAM = 'sort';
export const DIRECTION_PARAM = 'dir';

/** The API's limit (docs/commissioning.md): whole months, at most 24. */
export const MAX_MONTHS = 24;
/** The default period: this many months up to the latest complete one. */
export const DEFAULT_MONTHS = 12;
/** How far back the month choices go from the latest complete month. */
export const MONTH_CHOICES = 36;
/** A practitioner type is free text in the records; the API takes at most this. */
export const MAX_TYPE_LENGTH = 100;

/** The kinds of organisation that provide services (every kind but COMMISSIONER). */
export const PROVIDER_KINDS: readonly OrganisationKind[] = [
  'CARE_PROVIDER',
  'HEALTH',
  'LOCAL_AUTHORITY',
  'NGO',
  'SCHOOL',
];

export const KIND_LABELS: Record<OrganisationKind, string> = {
  CARE_PROVIDER: 'Care provider',
  COMMISSIONER: 'Commissioner',
  HEALTH: 'Health',
  LOCAL_AUTHORITY: 'Local authority',
  NGO: 'Charity or NGO',
  SCHOOL: 'School',
};

/** 'YYYY-MM' */
export type Month = string;

const MONTH = /^(\d{4})-(\d{2})$/;

export interface ComparisonFilters {
  fromMonth: Month;
  toMonth: Month;
  /** Empty: every kind. */
  providerKinds: OrganisationKind[];
  /** Empty: every practitioner type together. */
  practitionerType: string;
}

function monthIndex(month: Month): number {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`Not a month: '${month}'`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthOfIndex(index: number): Month {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function isMonth(value: string | null | undefined): value is Month {
  if (!value) return false;
  const match = MONTH.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const year = Number(match[1]);
  return month >= 1 && month <= 12 && year >= 1900 && year <= 2199;
}

/** `month` plus `count` months (negative goes back). */
export function addMonthsTo(month: Month, count: number): Month {
  return monthOfIndex(monthIndex(month) + count);
}

/** How many months [from, to] holds, both included (0 or less when to is before from). */
export function monthCount(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from) + 1;
}

/** The month before the one `today` (YYYY-MM-DD) is in: the latest that can be complete. */
export function monthBefore(today: string): Month {
  return addMonthsTo(today.slice(0, 7), -1);
}

/** A LocalDate's month: '2026-10-01' → '2026-10'. */
export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

/** The 12 months to `latest`. */
export function defaultPeriod(latest: Month): { fromMonth: Month; toMonth: Month } {
  return { fromMonth: addMonthsTo(latest, -(DEFAULT_MONTHS - 1)), toMonth: latest };
}

export function isValidPeriod(from: Month, to: Month): boolean {
  const count = monthCount(from, to);
  return count >= 1 && count <= MAX_MONTHS;
}

export interface ReadComparison {
  filters: ComparisonFilters;
  /** True when the address chose the period. */
  periodChosen: boolean;
  /** True when the address held a period that could not be used (the default is shown). */
  periodIgnored: boolean;
}

/**
 * The filters in an address. Anything unusable is left out rather than sent:
 * a month that is not one, a start after the end, more than 24 months or a
 * last month after `latest` give the default period; unknown kinds are dropped.
 */
export function readComparisonParams(search: URLSearchParams, latest: Month): ReadComparison {
  const rawFrom = search.get(FROM_PARAM);
  const rawTo = search.get(TO_PARAM);
  const kinds = search.getAll(KIND_PARAM);
  const providerKinds = PROVIDER_KINDS.filter((kind) => kinds.includes(kind));
  const practitionerType = (search.get(TYPE_PARAM) ?? '').trim().slice(0, MAX_TYPE_LENGTH);
  const rest = { providerKinds, practitionerType };
  // A month that has not ended cannot be compared (the API refuses it).
  if (isMonth(rawFrom) && isMonth(rawTo) && isValidPeriod(rawFrom, rawTo) && rawTo <= latest) {
    return {
      filters: { fromMonth: rawFrom, toMonth: rawTo, ...rest },
      periodChosen: true,
      periodIgnored: false,
    };
  }
  return {
    filters: { ...defaultPeriod(latest), ...rest },
    periodChosen: false,
    periodIgnored: rawFrom !== null || rawTo !== null,
  };
}

/** The address with these filters, every other parameter (the chart's metric) kept. */
export function writeComparisonParams(
  search: URLSearchParams,
  filters: ComparisonFilters,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const key of [FROM_PARAM, TO_PARAM, KIND_PARAM, TYPE_PARAM]) next.delete(key);
  next.set(FROM_PARAM, filters.fromMonth);
  next.set(TO_PARAM, filters.toMonth);
  for (const kind of filters.providerKinds) next.append(KIND_PARAM, kind);
  if (filters.practitionerType) next.set(TYPE_PARAM, filters.practitionerType);
  return next;
}

/** The address without the filters: the default view. */
export function clearComparisonParams(search: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const key of [FROM_PARAM, TO_PARAM, KIND_PARAM, TYPE_PARAM]) next.delete(key);
  return next;
}

/** The `input` of commissionerComparison. */
export function comparisonInput(filters: ComparisonFilters): CommissionerComparisonInput {
  return {
    fromMonth: `${filters.fromMonth}-01`,
    toMonth: `${filters.toMonth}-01`,
    providerKinds: filters.providerKinds.length > 0 ? filters.providerKinds : null,
    practitionerType: filters.practitionerType || null,
  };
}

/* ---- The chart's metric ---- */

export const METRICS_IN_ORDER: readonly ComparisonMetric[] = [
  'COVERAGE',
  'SHARE_OVERDUE',
  'SUPERVISION_HOURS_PER_WORKER_PER_MONTH',
  'CANCELLATION_RATE',
  'ABSENCE_RATE',
  'TURNOVER_RATE',
  'ANNUALISED_TURNOVER_RATE',
  'SUPERVISION_SPEND_PER_WORKER',
];

export function readMetric(search: URLSearchParams): ComparisonMetric {
  const value = search.get(METRIC_PARAM);
  return METRICS_IN_ORDER.find((metric) => metric === value) ?? 'COVERAGE';
}

/* ---- The table's sort ---- */

/**
 * The comparison table's sortable columns, by their keys (comparisonColumns in
 * comparison-data.ts; comparison-params.test.ts holds the two lists equal). A
 * key is what the address holds: `sort=coverage`.
 */
export const SORT_KEYS = [
  'service',
  'provider',
  'kind',
  'band',
  'coverage',
  'shareOverdue',
  'supervisionHoursPerWorkerPerMonth',
  'cancellationRate',
  'absenceRate',
  'turnoverRate',
  'annualisedTurnoverRate',
  'supervisionSpendPerWorker',
] as const;

export type SortKey = (typeof SORT_KEYS)[number];

/** The table's sort (data-table.tsx) on one of the comparison's columns. */
export interface ComparisonSort extends TableSort {
  key: SortKey;
}

/** A descending sort in the address; ascending is the default and is not written. */
const DESCENDING = 'desc';

export function isSortKey(value: string | null | undefined): value is SortKey {
  return SORT_KEYS.some((key) => key === value);
}

/**
 * The table's sort in an address, null for the default (the rows in the API's order). A
 * column that is not one gives the default sort whatever the direction; with a known
 * column, `dir=desc` sorts descending and anything else (none, `asc`, nonsense) ascending.
 */
export function readComparisonSort(search: URLSearchParams): ComparisonSort | null {
  const key = search.get(SORT_PARAM);
  if (!isSortKey(key)) return null;
  return {
    key,
    direction: search.get(DIRECTION_PARAM) === DESCENDING ? 'descending' : 'ascending',
  };
}

/**
 * The address with this sort, every other parameter kept. Only what differs from the
 * default is written: no sort, nothing; ascending, the column alone; descending, `dir=desc`
 * as well. A column that is not one is the default sort too.
 */
export function writeComparisonSort(
  search: URLSearchParams,
  sort: TableSort | null,
): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete(SORT_PARAM);
  next.delete(DIRECTION_PARAM);
  if (sort && isSortKey(sort.key)) {
    next.set(SORT_PARAM, sort.key);
    if (sort.direction === 'descending') next.set(DIRECTION_PARAM, DESCENDING);
  }
  return next;
}

/* ---- The filter form ---- */

export interface FilterFormValues {
  fromMonth: string;
  toMonth: string;
  providerKinds: OrganisationKind[];
  practitionerType: string;
}

export interface FilterFormErrors {
  fromMonth?: string;
  toMonth?: string;
  practitionerType?: string;
}

export interface FilterFormResult {
  filters?: ComparisonFilters;
  errors: FilterFormErrors;
}

/** Checks the filter form, GOV.UK style. */
export function checkFilterForm(values: FilterFormValues): FilterFormResult {
  const errors: FilterFormErrors = {};
  if (!isMonth(values.fromMonth)) errors.fromMonth = 'Choose the first month';
  if (!isMonth(values.toMonth)) errors.toMonth = 'Choose the last month';
  const practitionerType = values.practitionerType.trim();
  if (practitionerType.length > MAX_TYPE_LENGTH) {
    errors.practitionerType = `The practitioner type must be ${MAX_TYPE_LENGTH} characters or fewer`;
  }
  if (errors.fromMonth || errors.toMonth || errors.practitionerType) return { errors };
  const count = monthCount(values.fromMonth, values.toMonth);
  if (count < 1) {
    return { errors: { toMonth: 'The last month must be the same as or after the first month' } };
  }
  if (count > MAX_MONTHS) {
    return { errors: { toMonth: `The period can be at most ${MAX_MONTHS} months` } };
  }
  return {
    filters: {
      fromMonth: values.fromMonth,
      toMonth: values.toMonth,
      providerKinds: PROVIDER_KINDS.filter((kind) => values.providerKinds.includes(kind)),
      practitionerType,
    },
    errors: {},
  };
}

/** The months to choose from, newest first: `count` months up to `latest`. */
export function monthChoices(latest: Month, count = MONTH_CHOICES): Month[] {
  return Array.from({ length: count }, (_, index) => addMonthsTo(latest, -index));
}

/** Where the API's BAD_USER_INPUT field belongs in the form. */
export function formFieldOf(apiField: string | undefined): keyof FilterFormErrors | null {
  switch (apiField) {
    case 'input.fromMonth':
      return 'fromMonth';
    case 'input.toMonth':
      return 'toMonth';
    case 'input.practitionerType':
      return 'practitionerType';
    default:
      return null;
  }
}
