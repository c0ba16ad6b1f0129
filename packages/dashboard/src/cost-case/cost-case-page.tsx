import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { CostCaseDocument, OverviewContextDocument } from '../gql/graphql';
import { OverviewFiltersForm } from '../overview/overview-filters';
import { overviewInput } from '../overview/overview-params';
import { DEFINITIONS, periodText, scopeText } from '../overview/overview-data';
import {
  filterErrorsFrom,
  serviceOptions,
  useOverviewFilters,
} from '../overview/use-overview-filters';
import { BarChart, countTick } from '../shell/charts/bar-chart';
import { formatNumber, suppressedText, suppressionExplanation } from '../shell/charts/format';
import { FigureCard } from '../shell/figure-card';
import { navigationItem } from '../shell/navigation';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import {
  breakEven,
  breakEvenExplanation,
  costRows,
  costSummary,
  DEFAULT_RECRUITMENT_COST,
  DEFAULT_SUPERVISION_COST,
  leaverRows,
  leaversSentence,
  leaverSummary,
  leaversText,
  money,
  moneyTick,
  price,
  usesDefaults,
  working,
} from './cost-case-data';
import '../people/people.css';
import '../overview/overview.css';

/**
 * The Cost case (loaded lazily by the router): what the period's supervision
 * cost, set against what replacing its leavers cost, and how many leavers
 * avoided would pay for the supervision, with the organisation's own
 * figures, where the defaults come from, and the working. Same filters as
 * the Overview, kept in the address.
 */
export default function CostCasePage() {
  const item = navigationItem('cost-case');
  useDocumentTitle(item.label);
  const { role, organisation, membership } = useViewer();
  const { filters, datesIgnored, apply, reset } = useOverviewFilters();
  const isManager = role === 'SERVICE_MANAGER';
  const isAdmin = role === 'ORG_ADMIN';

  const context = useQuery(OverviewContextDocument);
  const result = useQuery(CostCaseDocument, { variables: { input: overviewInput(filters) } });

  const services = context.data?.services ?? [];
  const settings = context.data?.organisationSettings;
  const threshold = settings?.suppressionThreshold ?? null;
  const scope = scopeText({
    serviceIds: filters.serviceIds,
    serviceNames: new Map(services.map((s) => [s.id, s.name])),
    managedServiceIds: isManager ? membership.managedServiceIds : null,
  });
  const filterErrors = filterErrorsFrom(result.error);
  const data = result.data?.metricsOverview;
  const cost = data?.costCase ?? null;
  const currency = cost?.currency ?? settings?.currency ?? organisation.currency;

  let body;
  if ((result.loading && !data) || (context.loading && !context.data)) {
    body = <LoadingState label="Loading the cost case" />;
  } else if (!filterErrors && (result.error || context.error)) {
    body = (
      <ErrorState
        error={result.error ?? context.error}
        onRetry={() => {
          void result.refetch();
          void context.refetch();
        }}
      />
    );
  } else if (data && !data.suppressed && data.headlines?.staffCount === 0) {
    body =
      filters.serviceIds.length > 0 ? (
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
            isAdmin ? (
              <Link className="button" to="/imports">
                Import your staff
              </Link>
            ) : null
          }
        >
          <p>
            The cost case needs your staff and leavers.{' '}
            {isAdmin
              ? 'Import them from your HR system as a CSV file.'
              : 'Ask your organisation admin to import your staff.'}
          </p>
        </EmptyState>
      );
  } else if (data) {
    body = (
      <>
        {result.loading ? <LoadingState label="Updating the figures" /> : null}
        {data.suppressed || !cost ? (
          <section className="section" aria-labelledby="cost-hidden-heading">
            <h2 id="cost-hidden-heading">{suppressedText(data.suppressionReason, threshold)}</h2>
            <p>{suppressionExplanation(data.suppressionReason, threshold)}</p>
            <p>Choose more services or a longer period.</p>
          </section>
        ) : (
          <>
            <section className="section" aria-labelledby="cost-figures-heading">
              <h2 id="cost-figures-heading">The figures for {periodText(data.period)}</h2>
              <div className="cost-case__explanation" role="note" aria-label="In plain words">
                <p className="cost-case__big">{breakEvenExplanation(cost)}</p>
                <p>{leaversSentence(cost)}</p>
                <p>
                  This sets two costs side by side; it does not prove that supervision keeps people.
                  Studies find that good supervision goes with less sickness absence and fewer
                  leavers (an association), but no figure here can show what would have happened
                  without it. Read it with what you know about your teams.
                </p>
              </div>
              <ul className="figure-cards">
                <FigureCard
                  id="cost-spend"
                  label="Supervision spend"
                  value={money(cost.supervisionSpend, currency)}
                  basis={`${price(cost.supervisionCostPerWorkerYear, currency)} a year for each of ${formatNumber(cost.averageEligible, 2)} people needing supervision (on average), over ${formatNumber(data.period.days, 0)} days`}
                  definition="Your supervision cost per worker per year × the average number of people who need supervision (of the first and last day of the period) × the days in the period ÷ 365."
                />
                <FigureCard
                  id="cost-turnover"
                  label="Turnover cost"
                  value={money(cost.turnoverCost, currency)}
                  basis={`${leaversText(cost.leavers)} × ${price(cost.recruitmentCostPerLeaver, currency)} recruitment cost per leaver`}
                  definition="The people whose last day of employment fell in the period × your recruitment cost per leaver: what replacing them costs."
                />
                <FigureCard
                  id="cost-break-even"
                  label="Break-even leavers"
                  value={breakEven(cost) === null ? '—' : formatNumber(breakEven(cost), 1)}
                  unit={breakEven(cost) === 1 ? 'leaver' : 'leavers'}
                  basis={`${money(cost.breakEvenLeavers.numerator, currency)} supervision spend ÷ ${price(cost.breakEvenLeavers.denominator, currency)} per leaver`}
                  definition="Supervision spend ÷ recruitment cost per leaver: how many leavers avoided would pay for the period’s supervision."
                  {...(breakEven(cost) === null
                    ? { note: 'There is no figure because your recruitment cost per leaver is 0.' }
                    : {})}
                />
                <FigureCard
                  id="cost-leavers"
                  label="Leavers in the period"
                  value={formatNumber(cost.leavers, 0)}
                  unit={cost.leavers === 1 ? 'person' : 'people'}
                  basis="whose last day of employment fell in the period"
                  definition={DEFINITIONS.turnover}
                />
              </ul>
            </section>

            <section className="section" aria-labelledby="cost-charts-heading">
              <h2 id="cost-charts-heading">Side by side</h2>
              <div className="overview__breakdown-charts">
                <BarChart
                  id="cost-bars"
                  title="Supervision spend and turnover cost"
                  summary={costSummary(cost)}
                  categoryLabel="Cost"
                  series={[{ key: 'amount', label: `Amount (${currency})` }]}
                  rows={costRows(cost)}
                  formatTick={moneyTick(currency)}
                  labelWidth={140}
                />
                <BarChart
                  id="leaver-bars"
                  title="Leavers and break-even leavers"
                  summary={leaverSummary(cost)}
                  categoryLabel="Leavers"
                  series={[{ key: 'leavers', label: 'Leavers' }]}
                  rows={leaverRows(cost)}
                  formatTick={countTick}
                  labelWidth={140}
                />
              </div>
            </section>

            <section className="section" aria-labelledby="cost-working-heading">
              <h2 id="cost-working-heading">How it is worked out</h2>
              <ul className="cost-case__working">
                {working(cost, data.period.days).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
          </>
        )}
      </>
    );
  }

  return (
    <div className="page cost-case">
      <h1>{item.label}</h1>
      <p className="lead">
        {organisation.name}: {scope}, {periodText(filters)}.
      </p>
      {datesIgnored ? (
        <p className="notice" role="status">
          The link had dates that could not be used, so the last 12 months are shown.
        </p>
      ) : null}
      <OverviewFiltersForm
        filters={filters}
        services={serviceOptions(services, membership.managedServiceIds, isManager)}
        servicesLegend={isManager ? 'Your services' : 'Services'}
        onApply={apply}
        onReset={reset}
        {...(filterErrors ? { apiErrors: filterErrors } : {})}
      />
      {body}
      {settings ? (
        <section className="section" aria-labelledby="cost-settings-heading">
          <h2 id="cost-settings-heading">Your organisation’s figures</h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt className="summary-list__key">Supervision cost per worker per year</dt>
              <dd className="summary-list__value">
                {price(settings.supervisionCostPerWorkerYear, settings.currency)}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">Recruitment cost per leaver</dt>
              <dd className="summary-list__value">
                {price(settings.recruitmentCostPerLeaver, settings.currency)}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">Currency</dt>
              <dd className="summary-list__value">{settings.currency}</dd>
            </div>
          </dl>
          <p>
            {usesDefaults({ ...settings })
              ? 'These are the default figures. '
              : 'Your organisation has set its own figures. '}
            The defaults, £{DEFAULT_SUPERVISION_COST} per worker per year for supervision against £
            {DEFAULT_RECRUITMENT_COST.toLocaleString('en-GB')} to recruit a replacement for each
            leaver, come from one charity’s published evaluation of its clinical supervision. They
            are a starting point, not a claim about your organisation.
          </p>
          <p className="muted">Source, as Holdspace records it: {settings.costDefaultsSource}</p>
          {isAdmin ? (
            <p>
              <Link to="/settings#supervisionCostPerWorkerYear">
                Change your organisation’s cost figures in Settings
              </Link>
            </p>
          ) : (
            <p>Your organisation admin can change these figures in Settings.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
