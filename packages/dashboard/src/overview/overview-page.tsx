import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { OverviewContextDocument, OverviewDocument } from '../gql/graphql';
import { BarChart } from '../shell/charts/bar-chart';
import { DataTable } from '../shell/charts/data-table';
import { TrendChart } from '../shell/charts/trend-chart';
import { formatDate } from '../shell/date-input';
import { FigureCard } from '../shell/figure-card';
import { navigationItem } from '../shell/navigation';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { OverviewFiltersForm } from './overview-filters';
import { overviewInput } from './overview-params';
import {
  breakdown,
  COVERAGE_SERIES,
  hasNoStaff,
  headlineCards,
  periodText,
  RATE_SERIES,
  scopeText,
  trends,
  TREND_SERIES,
  type Breakdown,
  type CardView,
  type Context,
  type Overview,
} from './overview-data';
import { filterErrorsFrom, serviceOptions, useOverviewFilters } from './use-overview-filters';
import '../people/people.css';
import './overview.css';

/**
 * The Overview (loaded lazily by the router): headline figures with the
 * numbers behind them, 12-month trends, and breakdowns by service and by
 * practitioner type, for a period and services kept in the address. Admins
 * and analysts see the whole organisation (analysts with small numbers
 * hidden), service managers their services. Prints as a board report.
 */
export default function OverviewPage() {
  const item = navigationItem('overview');
  useDocumentTitle(item.label);
  const { role, organisation, membership } = useViewer();
  const { filters, datesIgnored, apply, reset, query, today } = useOverviewFilters();
  const isManager = role === 'SERVICE_MANAGER';

  const context = useQuery(OverviewContextDocument);
  const overview = useQuery(OverviewDocument, {
    variables: { input: overviewInput(filters) },
  });

  const services = context.data?.services ?? [];
  const options = serviceOptions(services, membership.managedServiceIds, isManager);
  const serviceNames = new Map(services.map((s) => [s.id, s.name]));
  const scope = scopeText({
    serviceIds: filters.serviceIds,
    serviceNames,
    managedServiceIds: isManager ? membership.managedServiceIds : null,
  });
  const filterErrors = filterErrorsFrom(overview.error);
  const settings = context.data?.organisationSettings;
  const ctx: Context = {
    threshold: settings?.suppressionThreshold ?? null,
    currency: settings?.currency ?? organisation.currency,
  };

  return (
    <div className="page overview">
      <div className="page-heading">
        <h1>{item.label}</h1>
        <div className="overview__actions">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Print report
          </button>
        </div>
      </div>
      <p className="lead">
        {organisation.name}: {scope}, {periodText(filters)}.
      </p>
      <p className="overview-print-only">
        Holdspace board report, printed on {formatDate(today)}. What each figure means is one click
        away in Holdspace (“What this means” on each card).
      </p>
      {datesIgnored ? (
        <p className="notice" role="status">
          The link had dates that could not be used, so the last 12 months are shown.
        </p>
      ) : null}

      <OverviewFiltersForm
        filters={filters}
        services={options}
        servicesLegend={isManager ? 'Your services' : 'Services'}
        onApply={apply}
        onReset={reset}
        {...(filterErrors ? { apiErrors: filterErrors } : {})}
      />

      <OverviewBody
        loading={overview.loading || context.loading}
        error={filterErrors ? null : (overview.error ?? context.error)}
        onRetry={() => {
          void overview.refetch();
          void context.refetch();
        }}
        data={overview.data?.metricsOverview}
        ctx={ctx}
        filtered={filters.serviceIds.length > 0}
        canImport={role === 'ORG_ADMIN'}
        supervisionLink={`/supervision${
          filters.serviceIds.length > 0
            ? `?${filters.serviceIds.map((id) => `service=${encodeURIComponent(id)}`).join('&')}`
            : ''
        }`}
        costCaseLink={`/cost-case${query}`}
        seesNames={role !== 'ANALYST'}
      />
    </div>
  );
}

interface BodyProps {
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  data: Overview | undefined;
  ctx: Context;
  filtered: boolean;
  canImport: boolean;
  supervisionLink: string;
  costCaseLink: string;
  seesNames: boolean;
}

function OverviewBody({
  loading,
  error,
  onRetry,
  data,
  ctx,
  filtered,
  canImport,
  supervisionLink,
  costCaseLink,
  seesNames,
}: BodyProps) {
  if (loading && !data) return <LoadingState label="Loading the overview" />;
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (!data) return null;

  if (hasNoStaff(data)) {
    return filtered ? (
      <EmptyState title="No one in these services in this period">
        <p>
          Nobody in the chosen services was in post between these dates. Choose other services or
          another period.
        </p>
      </EmptyState>
    ) : (
      <EmptyState
        title="No staff yet: import your staff"
        action={
          canImport ? (
            <Link className="button" to="/imports">
              Import your staff
            </Link>
          ) : null
        }
      >
        <p>
          The figures appear once your staff are in Holdspace.{' '}
          {canImport
            ? 'Import them from your HR system as a CSV file, or add them one by one on the People page.'
            : 'Ask your organisation admin to import your staff.'}
        </p>
      </EmptyState>
    );
  }

  const cards = headlineCards(data, ctx);
  const series = trends(data.monthlySeries, ctx);
  const byService = breakdown('service', data.breakdownByService, ctx);
  const byType = breakdown('type', data.breakdownByPractitionerType, ctx);
  const period = periodText(data.period);

  return (
    <div className="overview__body" aria-busy={loading || undefined}>
      {loading ? <LoadingState label="Updating the figures" /> : null}
      {data.suppressed ? (
        <div className="notice" role="note">
          <p className="notice__text">
            These figures are about very few people, so they are not shown to your role. This keeps
            individuals from being identified. Choose more services or a longer period.
          </p>
        </div>
      ) : null}

      <section className="section" aria-labelledby="headlines-heading">
        <h2 id="headlines-heading">Headline figures</h2>
        <p className="overview__period">{period}</p>
        <ul className="figure-cards">
          {cards.map((card) => (
            <HeadlineCard
              key={card.id}
              card={card}
              supervisionLink={supervisionLink}
              costCaseLink={costCaseLink}
              seesNames={seesNames}
            />
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="trends-heading">
        <h2 id="trends-heading">Trends over 12 months</h2>
        <p>
          Calendar months from {formatDate(data.seriesPeriod.from)} to{' '}
          {formatDate(data.seriesPeriod.to)}.
        </p>
        <div className="overview__trends">
          <TrendChart
            id="trend-coverage"
            title="Supervision coverage"
            summary={series.summaries.coverage}
            series={TREND_SERIES.coverage}
            rows={series.coverage}
            max={100}
            note="Coverage on the last day of each month."
          />
          <TrendChart
            id="trend-absence"
            title="Sickness absence rate"
            summary={series.summaries.absence}
            series={TREND_SERIES.absence}
            rows={series.absence}
            note="FTE days lost to sickness as a share of FTE days available, month by month."
          />
          <TrendChart
            id="trend-turnover"
            title="Turnover"
            summary={series.summaries.turnover}
            series={TREND_SERIES.turnover}
            rows={series.turnover}
            note="Turnover in the month is not annualised. The rolling line is the turnover of the 12 months ending with each month."
          />
        </div>
      </section>

      <BreakdownSection data={byService} period={period} />
      <BreakdownSection data={byType} period={period} />
    </div>
  );
}

function HeadlineCard({
  card,
  supervisionLink,
  costCaseLink,
  seesNames,
}: {
  card: CardView;
  supervisionLink: string;
  costCaseLink: string;
  seesNames: boolean;
}) {
  let action = null;
  if (card.id === 'card-overdue') {
    action = (
      <Link to={supervisionLink}>
        {seesNames ? 'See who is overdue' : 'See the supervision figures'}
      </Link>
    );
  } else if (card.link === 'cost-case') {
    action = <Link to={costCaseLink}>See the cost case</Link>;
  }
  return (
    <FigureCard
      id={card.id}
      label={card.label}
      value={card.value}
      definition={card.definition}
      {...(card.unit ? { unit: card.unit } : {})}
      {...(card.basis ? { basis: card.basis } : {})}
      {...(card.extra ? { extra: card.extra } : {})}
      {...(card.note ? { note: card.note } : {})}
      hidden={card.hidden ?? null}
      action={action}
    />
  );
}

function BreakdownSection({ data, period }: { data: Breakdown; period: string }) {
  const headingId = `by-${data.kind}-heading`;
  const lower = data.noun.toLowerCase();
  return (
    <section className="section overview__breakdown" aria-labelledby={headingId}>
      <h2 id={headingId}>By {lower}</h2>
      <DataTable
        id={`table-by-${data.kind}`}
        caption={`Figures by ${lower}, ${period}`}
        csvSubject={`Overview by ${lower}`}
        columns={data.columns}
        rows={data.rows}
        note={
          <>
            <p>
              Headcount and supervision figures are on the last day of the period; absence and
              turnover are over the period. Each {lower} is counted as if it were the whole
              organisation; someone in two groups counts in both, so the groups can add up to more
              than the total.
            </p>
            {data.notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </>
        }
      />
      <div className="overview__breakdown-charts">
        <BarChart
          id={`bars-coverage-${data.kind}`}
          title={`Supervision coverage by ${lower}`}
          summary={data.coverageSummary}
          categoryLabel={data.noun}
          series={COVERAGE_SERIES}
          rows={data.coverageRows}
          max={100}
        />
        <BarChart
          id={`bars-rates-${data.kind}`}
          title={`Sickness absence and turnover by ${lower}`}
          summary={data.ratesSummary}
          categoryLabel={data.noun}
          series={RATE_SERIES}
          rows={data.ratesRows}
        />
      </div>
    </section>
  );
}
