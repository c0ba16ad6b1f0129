import type { AuditEventFilter } from '../gql/graphql';
import { checkDateField, parseUkDate, toUkInput, type IsoDate } from '../shell/date-input';
import { FILTER_MESSAGES } from './audit-filter-messages';

export { FILTER_MESSAGES };

/*
 * The audit log's filters live in the address (?action=…&type=…&person=…&from=…&to=…,
 * dates as YYYY-MM-DD), so a filtered view can be shared as a link. The form
 * holds dates as typed (DD/MM/YYYY) until it is applied.
 */

export const FILTER_FIELDS = ['action', 'recordType', 'person', 'from', 'to'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type FilterValues = Record<FilterField, string>;
export type FilterErrors = Partial<Record<FilterField, string>>;

export const EMPTY_FILTERS: FilterValues = {
  action: '',
  recordType: '',
  person: '',
  from: '',
  to: '',
};

/** The address parameter of each field. */
const PARAMS: Record<FilterField, string> = {
  action: 'action',
  recordType: 'type',
  person: 'person',
  from: 'from',
  to: 'to',
};

function isoParam(params: URLSearchParams, name: string): IsoDate | null {
  const value = params.get(name)?.trim() ?? '';
  const parsed = parseUkDate(value);
  return parsed.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? parsed.iso : null;
}

/** The filters in the address, as the API takes them (unreadable values are ignored). */
export function filterFromParams(params: URLSearchParams): AuditEventFilter {
  const filter: AuditEventFilter = {};
  const action = params.get(PARAMS.action)?.trim();
  if (action) filter.actions = [action];
  const type = params.get(PARAMS.recordType)?.trim();
  if (type) filter.entityTypes = [type];
  const person = params.get(PARAMS.person)?.trim();
  if (person) filter.actorUserIds = [person];
  const from = isoParam(params, PARAMS.from);
  const to = isoParam(params, PARAMS.to);
  if (from) filter.from = from;
  if (to && !(from && to < from)) filter.to = to;
  return filter;
}

/** Whether the address filters the log at all. */
export function isFiltered(filter: AuditEventFilter): boolean {
  return Object.keys(filter).length > 0;
}

/** The form's values for the filters in the address. */
export function valuesFromParams(params: URLSearchParams): FilterValues {
  const filter = filterFromParams(params);
  return {
    action: filter.actions?.[0] ?? '',
    recordType: filter.entityTypes?.[0] ?? '',
    person: String(filter.actorUserIds?.[0] ?? ''),
    from: toUkInput(filter.from ?? null),
    to: toUkInput(filter.to ?? null),
  };
}

export interface FilterCheck {
  errors: FilterErrors;
  /** The address parameters to apply; present when there are no errors. */
  params?: URLSearchParams;
}

/** Checks the filter form and, when it is fine, gives the address parameters for it. */
export function checkFilters(values: FilterValues): FilterCheck {
  const errors: FilterErrors = {};
  const from = checkDateField(values.from, 'from date', { required: false });
  const to = checkDateField(values.to, 'to date', { required: false });
  if (from.error) errors.from = from.error;
  if (to.error) errors.to = to.error;
  if (!errors.from && !errors.to && from.iso && to.iso && to.iso < from.iso) {
    errors.to = FILTER_MESSAGES.toBeforeFrom;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const params = new URLSearchParams();
  if (values.action) params.set(PARAMS.action, values.action);
  if (values.recordType) params.set(PARAMS.recordType, values.recordType);
  if (values.person) params.set(PARAMS.person, values.person);
  if (from.iso) params.set(PARAMS.from, from.iso);
  if (to.iso) params.set(PARAMS.to, to.iso);
  return { errors, params };
}
