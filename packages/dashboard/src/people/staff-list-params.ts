import type { StaffFilter, StaffSort, StaffSortField, StaffStatus } from '../gql/graphql';

/*
 * The staff list's filters, sort and page size, kept in the address so a view
 * can be bookmarked or shared: ?q=&service=&type=&status=&sort=&dir=&size=.
 * Anything unknown in the address falls back to the default.
 */

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const STATUS_OPTIONS: ReadonlyArray<{
  value: StatusParam;
  label: string;
  status: StaffStatus;
}> = [
  { value: 'in-post', label: 'In post', status: 'IN_POST' },
  { value: 'left', label: 'Left', status: 'LEFT' },
  { value: 'all', label: 'Everyone', status: 'ALL' },
];
export type StatusParam = 'in-post' | 'left' | 'all';

export const SORT_PARAMS: Record<SortParam, StaffSortField> = {
  name: 'NAME',
  ref: 'STAFF_REF',
  start: 'START_DATE',
};
export type SortParam = 'name' | 'ref' | 'start';

export interface StaffListParams {
  search: string;
  serviceId: string;
  practitionerType: string;
  status: StatusParam;
  sort: SortParam;
  direction: 'asc' | 'desc';
  size: PageSize;
}

export const DEFAULT_PARAMS: StaffListParams = {
  search: '',
  serviceId: '',
  practitionerType: '',
  status: 'in-post',
  sort: 'name',
  direction: 'asc',
  size: 25,
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly (string | null)[]).includes(value) ? (value as T) : fallback;
}

export function readParams(search: URLSearchParams): StaffListParams {
  const size = Number(search.get('size'));
  return {
    search: (search.get('q') ?? '').slice(0, 200),
    serviceId: search.get('service') ?? '',
    practitionerType: (search.get('type') ?? '').slice(0, 80),
    status: oneOf(
      search.get('status'),
      STATUS_OPTIONS.map((o) => o.value),
      DEFAULT_PARAMS.status,
    ),
    sort: oneOf(search.get('sort'), Object.keys(SORT_PARAMS) as SortParam[], DEFAULT_PARAMS.sort),
    direction: oneOf(search.get('dir'), ['asc', 'desc'], DEFAULT_PARAMS.direction),
    size: (PAGE_SIZES as readonly number[]).includes(size)
      ? (size as PageSize)
      : DEFAULT_PARAMS.size,
  };
}

/** The address's query for `params`, leaving out defaults so links stay short. */
export function writeParams(params: StaffListParams): URLSearchParams {
  const search = new URLSearchParams();
  const trimmed = params.search.trim();
  if (trimmed) search.set('q', trimmed);
  if (params.serviceId) search.set('service', params.serviceId);
  if (params.practitionerType) search.set('type', params.practitionerType);
  if (params.status !== DEFAULT_PARAMS.status) search.set('status', params.status);
  if (params.sort !== DEFAULT_PARAMS.sort) search.set('sort', params.sort);
  if (params.direction !== DEFAULT_PARAMS.direction) search.set('dir', params.direction);
  if (params.size !== DEFAULT_PARAMS.size) search.set('size', String(params.size));
  return search;
}

/** True when the list is narrowed by anything besides the default status. */
export function isFiltered(params: StaffListParams): boolean {
  return Boolean(params.search.trim() || params.serviceId || params.practitionerType);
}

export function toFilter(params: StaffListParams): StaffFilter {
  const status = STATUS_OPTIONS.find((o) => o.value === params.status)?.status ?? 'IN_POST';
  return {
    status,
    ...(params.search.trim() ? { search: params.search.trim() } : {}),
    ...(params.serviceId ? { serviceIds: [params.serviceId] } : {}),
    ...(params.practitionerType ? { practitionerType: params.practitionerType } : {}),
  };
}

export function toSort(params: StaffListParams): StaffSort {
  return {
    field: SORT_PARAMS[params.sort],
    direction: params.direction === 'desc' ? 'DESC' : 'ASC',
  };
}

/** Clicking a column: sort by it ascending, or flip the direction if it is already the sort. */
export function toggleSort(params: StaffListParams, sort: SortParam): StaffListParams {
  if (params.sort === sort) {
    return { ...params, direction: params.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { ...params, sort, direction: 'asc' };
}
