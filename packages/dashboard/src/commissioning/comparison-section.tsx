import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import { apiErrors } from '../app/errors';
import {
  CommissionerComparisonDocument,
  SharingAgreementsDocument,
  type ComparisonMetric,
} from '../gql/graphql';
import { SelectField } from '../people/form-fields';
import { DataTable, type TableSort } from '../shell/charts/data-table';
import { todayIn } from '../shell/date-input';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { BenchmarkBandChart, ScatterPlot, TrendBandChart } from './comparison-charts';
import {
  bandChartData,
  comparisonColumns,
  comparisonRows,
  hiddenServicesText,
  METRIC_DEFINITIONS,
  METRIC_LIST,
  periodText,
  scatterData,
  suppressionNote,
  trendData,
  type Comparison,
} from './comparison-data';
import { ComparisonFiltersForm } from './comparison-filters';
import {
  clearComparisonParams,
  comparisonInput,
  formFieldOf,
  METRIC_PARAM,
  monthBefore,
  monthOf,
  readComparisonParams,
  readComparisonSort,
  readMetric,
  writeComparisonParams,
  writeComparisonSort,
  type ComparisonFilters,
  type ComparisonSort,
  type FilterFormErrors,
  type Month,
} from './comparison-params';
import { SHARING_PATH } from './paths';

/*
 * The commissioner's comparison (/commissioning): the services shared with
 * the organisation side by side with the pooled total and the benchmark, a
 * chart of each service against the benchmark band, the benchmark by month,
 * and coverage against absence and turnover. The period, filters, charted
 * figure and table sort live in the address.
 */

/** The API's complaints about the applied filters, placed on the form. */
function filterErrorsFrom(error: unknown): FilterFormErrors | null {
  const placed: FilterFormErrors = {};
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

export function ComparisonSection() {
  useDocumentTitle('Commissioning');
  const { organisation, role } = useViewer();
  const today = todayIn(organisation.timeZone);
  const [search, setSearch] = useSearchParams();
  // The API says which month is the latest complete one; until it has, the month before today.
  const [latestKnown, setLatestKnown] = useState<Month | null>(null);
  const latest = latestKnown ?? monthBefore(today);
  const read = useMemo(() => readComparisonParams(search, latest), [search, latest]);
  const metric = readMetric(search);
  const sort = useMemo(() => readComparisonSort(search), [search]);

  const agreements = useQuery(SharingAgreementsDocument);
  const { data, error, loading, refetch } = useQuery(CommissionerComparisonDocument, {
    variables: { input: comparisonInput(read.filters) },
    notifyOnNetworkStatusChange: true,
  });
  const comparison = loading ? undefined : data?.commissionerComparison;
  const reported = comparison?.latestCompleteMonth ? monthOf(comparison.latestCompleteMonth) : null;
  useEffect(() => {
    if (reported && reported !== latestKnown) setLatestKnown(reported);
  }, [reported, latestKnown]);

  const fieldErrors = filterErrorsFrom(error);

  function apply(filters: ComparisonFilters) {
    setSearch(writeComparisonParams(search, filters));
  }

  function reset() {
    setSearch(clearComparisonParams(search));
  }

  function chooseMetric(value: ComparisonMetric) {
    const next = new URLSearchParams(search);
    next.set(METRIC_PARAM, value);
    setSearch(next, { replace: true });
  }

  function chooseSort(value: TableSort) {
    setSearch(writeComparisonSort(search, value), { replace: true });
  }

  const active = (agreements.data?.sharingAgreements ?? []).filter((a) => a.status === 'ACTIVE');
  const retry = () => {
    void refetch().catch(() => undefined);
    void agreements.refetch().catch(() => undefined);
  };

  let body: React.ReactNode;
  if (agreements.error && !agreements.data) {
    body = <ErrorState error={agreements.error} onRetry={retry} />;
  } else if ((agreements.loading && !agreements.data) || (loading && !error)) {
    body = <LoadingState label="Loading the comparison" />;
  } else if (active.length === 0) {
    body = <NoAgreements isAdmin={role === 'ORG_ADMIN'} organisationName={organisation.name} />;
  } else if (error && !fieldErrors) {
    body = <ErrorState error={error} onRetry={retry} />;
  } else if (fieldErrors || !comparison) {
    body = null;
  } else if (comparison.rows.length === 0) {
    body = (
      <EmptyState title="No shared service matches these filters">
        <p>
          {comparison.latestCompleteMonth
            ? 'Try another period, or clear the filters to compare every kind of provider and every practitioner type.'
            : 'No month of the shared services is complete yet. Figures appear once a whole month has passed since sharing began.'}
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <ComparisonBody
        comparison={comparison}
        metric={metric}
        onMetric={chooseMetric}
        sort={sort}
        onSort={chooseSort}
        today={today}
      />
    );
  }

  return (
    <div className="comparison">
      <p className="lead">
        The services that providers share with {organisation.name}, side by side with the benchmark
        across them. Figures about fewer staff than the threshold are not shown, so that no one can
        be identified.
      </p>
      {read.periodIgnored ? (
        <p className="notice notice--inline" role="status">
          The period in the web address could not be used, so the latest 12 months are shown.
        </p>
      ) : null}
      <section aria-labelledby="comparison-filters-title" className="comparison__filters">
        <h2 id="comparison-filters-title">Period and filters</h2>
        <ComparisonFiltersForm
          filters={read.filters}
          latest={latest}
          onApply={apply}
          onReset={reset}
          apiErrors={fieldErrors}
        />
      </section>
      {body}
    </div>
  );
}

function NoAgreements({
  isAdmin,
  organisationName,
}: {
  isAdmin: boolean;
  organisationName: string;
}) {
  return (
    <EmptyState
      title="No provider shares its figures with you yet"
      action={isAdmin ? <Link to={SHARING_PATH}>Ask a provider to share</Link> : undefined}
    >
      <p>
        A provider decides what it shares. To ask one, an organisation admin of {organisationName}{' '}
        enters the provider’s Holdspace address (for example, <code>northside</code>) on the Sharing
        page. The provider’s admin then chooses which services to share and from which date, and can
        stop at any time.
      </p>
      {isAdmin ? null : <p>Ask your organisation admin to send the request.</p>}
    </EmptyState>
  );
}

function ComparisonBody({
  comparison,
  metric,
  onMetric,
  sort,
  onSort,
  today,
}: {
  comparison: Comparison;
  metric: ComparisonMetric;
  onMetric: (metric: ComparisonMetric) => void;
  sort: ComparisonSort | null;
  onSort: (sort: TableSort) => void;
  today: string;
}) {
  const period = periodText(comparison.fromMonth, comparison.toMonth);
  const columns = useMemo(() => comparisonColumns(), []);
  const rows = useMemo(() => comparisonRows(comparison), [comparison]);
  const band = useMemo(() => bandChartData(comparison, metric), [comparison, metric]);
  const trend = useMemo(() => trendData(comparison, metric), [comparison, metric]);
  const absence = useMemo(() => scatterData(comparison, 'COVERAGE', 'ABSENCE_RATE'), [comparison]);
  const turnover = useMemo(
    () => scatterData(comparison, 'COVERAGE', 'TURNOVER_RATE'),
    [comparison],
  );
  const hidden = hiddenServicesText(comparison.rows);
  const note = (
    <>
      {suppressionNote(comparison.threshold).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </>
  );

  return (
    <>
      <p className="comparison__period" role="status">
        Showing {period}: {comparison.rows.length}{' '}
        {comparison.rows.length === 1 ? 'service' : 'services'}. {hidden}
      </p>
      <section aria-labelledby="comparison-table-title" className="section">
        <h2 id="comparison-table-title">Services side by side</h2>
        <p className="table-note">
          Sort by any column with its heading button. The total of all compared services and the
          benchmark (median and quartiles over the services shown) stay at the foot of the table.
          Coverage and share overdue are on the last day of the period.
        </p>
        <DataTable
          id="comparison-table"
          caption={`Services compared, ${period}`}
          csvSubject={`Comparison ${comparison.fromMonth.slice(0, 7)} to ${comparison.toMonth.slice(0, 7)}`}
          columns={columns}
          rows={rows}
          note={note}
          today={today}
          sort={sort}
          onSortChange={onSort}
        />
        <details className="comparison__definitions">
          <summary>What the figures mean</summary>
          <dl>
            {METRIC_LIST.map((definition) => (
              <div key={definition.metric}>
                <dt>{definition.label}</dt>
                <dd>{definition.definition}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>
      <section aria-labelledby="comparison-benchmark-title" className="section">
        <h2 id="comparison-benchmark-title">Against the benchmark</h2>
        <SelectField
          id="comparison-metric"
          label="Figure to chart"
          hint="The two charts below change to the figure you choose."
          options={METRIC_LIST.map((d) => ({ value: d.metric, label: d.label }))}
          value={metric}
          onChange={(event) => onMetric(event.target.value as ComparisonMetric)}
        />
        <BenchmarkBandChart chart={band} note={hidden ? <p>{hidden}</p> : undefined} />
        <TrendBandChart chart={trend} />
      </section>
      <section aria-labelledby="comparison-association-title" className="section">
        <h2 id="comparison-association-title">Coverage, absence and turnover</h2>
        <p className="table-note">
          Each dot is a service. These charts show whether services with higher supervision coverage
          also tend to have lower absence or turnover. That is an association, not a cause.
        </p>
        <ScatterPlot id="comparison-scatter-absence" chart={absence} />
        <ScatterPlot id="comparison-scatter-turnover" chart={turnover} />
      </section>
      <p className="table-note">
        {METRIC_DEFINITIONS.SUPERVISION_SPEND_PER_WORKER.label} uses each provider’s own cost
        figures and currency.
      </p>
    </>
  );
}
