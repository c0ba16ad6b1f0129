import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { apiErrors } from '../app/errors';
import { todayIn } from '../shell/date-input';
import { useViewer } from '../shell/viewer-context';
import type { FilterErrors, ServiceOption } from './overview-filters';
import {
  FROM_PARAM,
  formFieldOf,
  readOverviewParams,
  SERVICE_PARAM,
  TO_PARAM,
  writeOverviewParams,
  type OverviewFilters,
} from './overview-params';

/**
 * The filters of the Overview and the Cost case, read from and written to
 * the address (so a view can be shared as a link and survives a reload).
 */
export function useOverviewFilters() {
  const { organisation } = useViewer();
  const today = todayIn(organisation.timeZone);
  const [search, setSearch] = useSearchParams();
  const read = useMemo(() => readOverviewParams(search, today), [search, today]);

  function apply(filters: OverviewFilters) {
    setSearch(writeOverviewParams(search, filters));
  }

  function reset() {
    const next = new URLSearchParams(search);
    next.delete(FROM_PARAM);
    next.delete(TO_PARAM);
    next.delete(SERVICE_PARAM);
    setSearch(next);
  }

  /** The filters as a query string ("?from=...&to=..."), for links to other pages. */
  const query =
    read.periodChosen || read.filters.serviceIds.length > 0
      ? `?${writeOverviewParams(new URLSearchParams(), read.filters).toString()}`
      : '';

  return { ...read, today, apply, reset, query };
}

/** The services a viewer may filter by: a manager's own, everyone else's all. */
export function serviceOptions(
  services: readonly ServiceOption[],
  managedServiceIds: readonly string[] | null | undefined,
  isManager: boolean,
): ServiceOption[] {
  if (!isManager) return [...services];
  const mine = new Set(managedServiceIds ?? []);
  return services.filter((service) => mine.has(service.id));
}

/** The API's complaints about the filters (BAD_USER_INPUT), placed on the form's fields. */
export function filterErrorsFrom(error: unknown): FilterErrors | null {
  const placed: FilterErrors = {};
  let any = false;
  for (const problem of apiErrors(error)) {
    if (problem.code !== 'BAD_USER_INPUT') continue;
    const field = formFieldOf(problem.field);
    if (!field) continue;
    placed[field] = problem.message || 'Check this filter';
    any = true;
  }
  return any ? placed : null;
}
