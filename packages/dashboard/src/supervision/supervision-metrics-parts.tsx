import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router-dom';
import { MetricsSectionContextDocument, type Role, type SuppressionReason } from '../gql/graphql';
import { todayIn } from '../shell/date-input';
import { useViewer } from '../shell/viewer-context';
import { SelectField } from '../people/form-fields';
import {
  metricsInput,
  PERIOD_OPTIONS,
  periodFor,
  periodText,
  readMetricsParams,
  scopeText,
  suppressionText,
  writeMetricsParams,
  type MetricsParams,
  type PeriodKey,
} from './supervision-metrics-common';

/*
 * React pieces the two figures sections share (the Supervision page's and
 * the Absence & turnover page's): who may see figures, the filters kept in
 * the address, the line saying what the figures cover, and the note shown
 * for hidden figures.
 */

/** metricsOverview: organisation admins, service managers (their services) and analysts. */
export function canSeeMetrics(role: Role): boolean {
  return role === 'ORG_ADMIN' || role === 'SERVICE_MANAGER' || role === 'ANALYST';
}

/** overdueSupervision names people: organisation admins and service managers only. */
export function canSeeOverdueList(role: Role): boolean {
  return role === 'ORG_ADMIN' || role === 'SERVICE_MANAGER';
}

/**
 * The filters in the address, today in the organisation's time zone, the
 * period they give and the API input; `apply` writes new filters to the
 * address, keeping the page's other parameters.
 */
export function useMetricsFilters() {
  const viewer = useViewer();
  const [search, setSearch] = useSearchParams();
  const today = todayIn(viewer.organisation.timeZone);
  const key = search.toString();
  const params = useMemo(() => readMetricsParams(new URLSearchParams(key)), [key]);
  const input = useMemo(() => metricsInput(params, today), [params, today]);
  const period = useMemo(() => periodFor(params.period, today), [params.period, today]);
  return {
    today,
    params,
    period,
    input,
    apply: (next: MetricsParams) => setSearch(writeMetricsParams(search, next)),
  };
}

/** Service names and the small-number threshold, for every figures section. */
export function useMetricsContext() {
  const result = useQuery(MetricsSectionContextDocument);
  const services = result.data?.services;
  const serviceNames = useMemo(
    () => new Map((services ?? []).map((service) => [service.id, service.name])),
    [services],
  );
  return {
    services: services ?? [],
    serviceNames,
    threshold: result.data?.organisationSettings.suppressionThreshold ?? null,
    loading: result.loading && !result.data,
    error: result.error,
    refetch: () => void result.refetch(),
  };
}

export interface MetricsFiltersProps {
  /** Prefix for the fields' ids (unique on the page). */
  idPrefix: string;
  /** Names the search landmark: "Supervision figures". */
  label: string;
  params: MetricsParams;
  services: ReadonlyArray<{ id: string; name: string }>;
  onApply: (params: MetricsParams) => void;
}

/**
 * The period and service of the figures. Changes apply with the button (WCAG
 * 3.2.2: choosing an option does not change the page by itself).
 */
export function MetricsFilters({
  idPrefix,
  label,
  params,
  services,
  onApply,
}: MetricsFiltersProps) {
  const { role, membership } = useViewer();
  const [period, setPeriod] = useState<PeriodKey>(params.period);
  const [serviceId, setServiceId] = useState(
    params.serviceIds.length === 1 ? params.serviceIds[0] : '',
  );
  // Managers see their own services only; a single service needs no choice.
  const offered =
    role === 'SERVICE_MANAGER'
      ? services.filter((service) => membership.managedServiceIds.includes(service.id))
      : services;
  const several = params.serviceIds.length > 1;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({
      period,
      serviceIds: serviceId ? [serviceId] : several ? params.serviceIds : [],
      practitionerTypes: params.practitionerTypes,
    });
  }

  return (
    <form className="filters metrics-filters" role="search" aria-label={label} onSubmit={submit}>
      <div className="filters__row">
        <SelectField
          id={`${idPrefix}-period`}
          label="Period"
          options={PERIOD_OPTIONS}
          value={period}
          onChange={(event) => setPeriod(event.target.value as PeriodKey)}
        />
        {offered.length > 1 ? (
          <SelectField
            id={`${idPrefix}-service`}
            label="Service"
            placeholder={
              several
                ? 'The services chosen in the address'
                : role === 'SERVICE_MANAGER'
                  ? 'All your services'
                  : 'All services'
            }
            options={offered.map((service) => ({ value: service.id, label: service.name }))}
            value={serviceId}
            onChange={(event) => setServiceId(event.target.value)}
          />
        ) : null}
        <div className="button-group filters__buttons">
          <button type="submit" className="button button--secondary">
            Show figures
          </button>
          {params.practitionerTypes.length > 0 ? (
            <button
              type="button"
              className="link-button"
              onClick={() => onApply({ ...params, practitionerTypes: [] })}
            >
              Include every practitioner type
            </button>
          ) : null}
        </div>
      </div>
    </form>
  );
}

/** "Figures for everyone in Northside, 23 November 2025 to 22 November 2026." */
export function MetricsCoverageLine({
  params,
  period,
  serviceNames,
  extra,
}: {
  params: MetricsParams;
  period: { from: string; to: string };
  serviceNames: ReadonlyMap<string, string>;
  extra?: ReactNode;
}) {
  const { role, organisation, membership } = useViewer();
  const scope = scopeText({
    serviceIds: params.serviceIds,
    practitionerTypes: params.practitionerTypes,
    serviceNames,
    organisationName: organisation.name,
    managedServiceIds: role === 'SERVICE_MANAGER' ? membership.managedServiceIds : null,
  });
  return (
    <p className="metrics-coverage">
      Figures for {scope}, {periodText(period)}.{extra ? <> {extra}</> : null}
    </p>
  );
}

/** Said where figures are hidden because too few people stand behind them. */
export function SuppressedNotice({
  reason,
  threshold,
  children,
}: {
  reason: SuppressionReason | null | undefined;
  threshold: number | null;
  children?: ReactNode;
}) {
  return (
    <div className="inset metrics-hidden">
      <p>{suppressionText(reason, threshold)}</p>
      {children ?? (
        <p>
          Figures are shown to analysts only when enough people stand behind them. Try a longer
          period, more services or every practitioner type.
        </p>
      )}
    </div>
  );
}
