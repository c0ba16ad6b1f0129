import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { AbsenceMetricsDocument } from '../gql/graphql';
import { formatDate } from '../shell/date-input';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useViewer } from '../shell/viewer-context';
import {
  breakdownChartRows,
  periodText,
  trendSummary,
} from '../supervision/supervision-metrics-common';
import {
  canSeeMetrics,
  MetricsCoverageLine,
  MetricsFilters,
  SuppressedNotice,
  useMetricsContext,
  useMetricsFilters,
} from '../supervision/supervision-metrics-parts';
import {
  BreakdownFigure,
  FigureGrid,
  TrendFigure,
} from '../supervision/supervision-metrics-visuals';
import {
  ABSENCE_REASON_SERIES,
  absenceFigures,
  absenceReasonChartRows,
  absenceReasonRows,
  absenceReasonSummary,
  absenceTrend,
  leaverReasonRows,
  leaverReasonSummary,
  rollingTurnoverTrend,
  turnoverFigures,
} from './absence-metrics-data';
import '../supervision/supervision-metrics.css';

/*
 * The rates and trends half of the Absence & turnover page (its own chunk,
 * loaded lazily by the page): sickness absence (rate, working days
 * lost, long-term and mental-health shares, the monthly trend, by reason)
 * and turnover (turnover, voluntary and annualised, stability, the rolling
 * 12-month trend, leavers by reason), for the period and services in the
 * address (?period=…&service=…). Definitions: docs/metrics.md.
 */

export default function AbsenceMetrics() {
  const { role } = useViewer();
  if (!canSeeMetrics(role)) return null;
  return <AbsenceFigures />;
}

function AbsenceFigures() {
  const filters = useMetricsFilters();
  const context = useMetricsContext();
  const result = useQuery(AbsenceMetricsDocument, { variables: { input: filters.input } });
  const overview = result.data?.metricsOverview;
  const lastDay = filters.period.to;
  const headlines = overview?.headlines ?? null;

  const shaped = useMemo(() => {
    if (!overview || !overview.headlines) return null;
    return {
      absence: absenceFigures(overview.headlines),
      turnover: turnoverFigures(overview.headlines, lastDay),
      absenceTrend: absenceTrend(overview.monthlySeries, context.threshold),
      turnoverTrend: rollingTurnoverTrend(overview.monthlySeries, context.threshold),
      reasons: overview.absenceByReason ? absenceReasonRows(overview.absenceByReason) : null,
      leavers: overview.leaversByReason ? leaverReasonRows(overview.leaversByReason) : null,
    };
  }, [overview, lastDay, context.threshold]);

  let absenceBody;
  let turnoverBody;
  if ((result.error && !overview) || (context.error && !context.loading && !result.data)) {
    absenceBody = (
      <ErrorState
        error={result.error ?? context.error}
        headingLevel={3}
        onRetry={() => {
          void result.refetch();
          context.refetch();
        }}
      />
    );
  } else if (!overview || context.loading) {
    absenceBody = <LoadingState label="Loading absence and turnover figures" />;
  } else if (overview.suppressed || !headlines || !shaped) {
    absenceBody = (
      <SuppressedNotice reason={overview.suppressionReason} threshold={context.threshold} />
    );
  } else if (headlines.headcount === 0 && headlines.averageHeadcount === 0) {
    absenceBody = <NoStaffYet />;
  } else {
    absenceBody = <FigureGrid figures={shaped.absence} idPrefix="absence" />;
    turnoverBody = <FigureGrid figures={shaped.turnover} idPrefix="turnover" />;
  }
  const ready = Boolean(turnoverBody && shaped && overview);

  return (
    <>
      <section className="section metrics-section" aria-labelledby="absence-figures-heading">
        <h2 id="absence-figures-heading">Sickness absence</h2>
        <MetricsCoverageLine
          params={filters.params}
          period={filters.period}
          serviceNames={context.serviceNames}
        />
        <MetricsFilters
          key={`${filters.params.period}|${filters.params.serviceIds.join(',')}`}
          idPrefix="absence-figures"
          label="Absence and turnover figures"
          params={filters.params}
          services={context.services}
          onApply={filters.apply}
        />
        {absenceBody}
        {ready && shaped && overview ? (
          <div className="metrics-stack">
            <div>
              <TrendFigure
                id="absence-trend"
                title="Sickness absence rate by month"
                valueLabel="Absence rate"
                points={shaped.absenceTrend}
                summary={trendSummary('the absence rate', shaped.absenceTrend)}
                note={`${periodText(overview.seriesPeriod)}. Each month’s rate is over that month only; the table gives the FTE days behind each figure.`}
              />
            </div>
            <div>
              {shaped.reasons ? (
                <BreakdownFigure
                  id="absence-reasons"
                  title="Days lost, by reason"
                  categoryLabel="Reason"
                  series={ABSENCE_REASON_SERIES}
                  rows={absenceReasonChartRows(shaped.reasons)}
                  summary={absenceReasonSummary(shaped.reasons)}
                  note="FTE days are weighted by each person’s FTE (a day of someone on 0.5 FTE is half a day); calendar days are not. Where absences overlap, a day belongs to the one that started first."
                />
              ) : (
                <SuppressedNotice reason="BELOW_THRESHOLD" threshold={context.threshold} />
              )}
            </div>
          </div>
        ) : null}
      </section>

      {ready && shaped && overview ? (
        <section className="section metrics-section" aria-labelledby="turnover-figures-heading">
          <h2 id="turnover-figures-heading">Turnover and stability</h2>
          <p className="metrics-coverage">
            Leavers are people whose last day of employment fell between{' '}
            {formatDate(filters.period.from)} and {formatDate(lastDay)}; stability is as on{' '}
            {formatDate(lastDay)}.
          </p>
          {turnoverBody}
          <div className="metrics-stack">
            <div>
              <TrendFigure
                id="turnover-trend"
                title="Rolling 12-month turnover by month"
                valueLabel="Turnover over 12 months"
                points={shaped.turnoverTrend}
                summary={trendSummary('rolling 12-month turnover', shaped.turnoverTrend)}
                note={`${periodText(overview.seriesPeriod)}. Each month’s figure is the turnover of the 12 months ending on its last day: leavers over the average headcount.`}
              />
            </div>
            <div>
              {shaped.leavers ? (
                <BreakdownFigure
                  id="leaver-reasons"
                  title="Leavers, by reason"
                  categoryLabel="Reason for leaving"
                  valueLabel="Leavers (share)"
                  rows={breakdownChartRows(shaped.leavers, 0)}
                  summary={leaverReasonSummary(shaped.leavers)}
                  note="Resignation and retirement count as voluntary."
                />
              ) : (
                <SuppressedNotice reason="BELOW_THRESHOLD" threshold={context.threshold} />
              )}
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}

function NoStaffYet() {
  const { role } = useViewer();
  return (
    <EmptyState
      headingLevel={3}
      title="No staff in this period"
      action={
        role === 'ORG_ADMIN' ? (
          <Link className="button" to="/imports">
            Import your staff
          </Link>
        ) : role === 'SERVICE_MANAGER' ? (
          <Link className="button" to="/people/new">
            Add your first member of staff
          </Link>
        ) : undefined
      }
    >
      <p>
        Absence and turnover are worked out from your staff records: no one was in post in this
        period.
        {role === 'ANALYST'
          ? ' The figures appear here once your organisation’s staff are recorded.'
          : ' Add or import your staff, with their start dates, and the figures appear here.'}
      </p>
    </EmptyState>
  );
}
