import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import {
  SupervisionMetricsDocument,
  SupervisionOverdueListDocument,
  type OverdueSupervisionInput,
} from '../gql/graphql';
import { hasErrorCode } from '../app/errors';
import { formatDate } from '../shell/date-input';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useViewer } from '../shell/viewer-context';
import { ExportCsvButton } from '../people/page-kit';
import { canLogSessions } from './permissions';
import { AGREEMENTS_PATH } from './supervision-kit';
import { breakdownChartRows, periodText, trendSummary } from './supervision-metrics-common';
import {
  coverageTrend,
  formatMixRows,
  formatMixSummary,
  functionMixRows,
  functionMixSummary,
  heldTotal,
  OVERDUE_COLUMNS,
  overdueRow,
  pageRangeText,
  supervisionFigures,
} from './supervision-metrics-data';
import {
  canSeeMetrics,
  canSeeOverdueList,
  MetricsCoverageLine,
  MetricsFilters,
  SuppressedNotice,
  useMetricsContext,
  useMetricsFilters,
} from './supervision-metrics-parts';
import { FigureGrid, TrendFigure, BreakdownFigure } from './supervision-metrics-visuals';
import './supervision-metrics.css';

/*
 * The figures half of the Supervision page (its own chunk, loaded lazily by
 * the page): the headline figures, the overdue list,
 * the coverage trend and the format and function mixes, for the period and
 * services in the address (?period=…&service=…). Definitions: docs/metrics.md.
 */

export const OVERDUE_PAGE_SIZE = 25;

export default function SupervisionMetrics() {
  const { role } = useViewer();
  if (!canSeeMetrics(role)) {
    return (
      <section className="section metrics-section" aria-labelledby="supervision-figures-heading">
        <h2 id="supervision-figures-heading">Supervision figures</h2>
        <p>
          Your organisation’s supervision figures are shown to organisation admins, service managers
          and analysts. The sessions and agreements you supervise are below.
        </p>
      </section>
    );
  }
  return <SupervisionFigures />;
}

function SupervisionFigures() {
  const { role } = useViewer();
  const filters = useMetricsFilters();
  const context = useMetricsContext();
  const result = useQuery(SupervisionMetricsDocument, { variables: { input: filters.input } });
  const overview = result.data?.metricsOverview;
  const lastDay = filters.period.to;
  const figures = useMemo(
    () => (overview?.headlines ? supervisionFigures(overview.headlines, lastDay) : []),
    [overview, lastDay],
  );

  let body;
  if ((result.error && !overview) || (context.error && !context.loading && !result.data)) {
    body = (
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
    body = <LoadingState label="Loading supervision figures" />;
  } else if (overview.suppressed || !overview.headlines) {
    body = <SuppressedNotice reason={overview.suppressionReason} threshold={context.threshold} />;
  } else if (
    overview.headlines.eligible === 0 &&
    overview.formatMix?.every((f) => f.sessions === 0)
  ) {
    body = <NoStaffYet />;
  } else {
    body = (
      <FigureGrid
        figures={figures}
        idPrefix="supervision"
        links={{
          'agreements-review':
            role === 'ORG_ADMIN' || role === 'SERVICE_MANAGER'
              ? {
                  to: `${AGREEMENTS_PATH}?show=review`,
                  text: 'See which agreements are due for review',
                }
              : undefined,
          overdue: canSeeOverdueList(role)
            ? { to: '#overdue-heading', text: 'See who is overdue', hash: true }
            : undefined,
        }}
      />
    );
  }

  const coverage = useMemo(
    () => (overview ? coverageTrend(overview.monthlySeries, context.threshold) : []),
    [overview, context.threshold],
  );
  const ready = Boolean(overview && !overview.suppressed && overview.headlines && !context.loading);

  return (
    <>
      <section className="section metrics-section" aria-labelledby="supervision-figures-heading">
        <h2 id="supervision-figures-heading">Supervision figures</h2>
        <MetricsCoverageLine
          params={filters.params}
          period={filters.period}
          serviceNames={context.serviceNames}
          extra={<>Coverage, overdue and agreements are as on {formatDate(lastDay)}.</>}
        />
        <MetricsFilters
          key={`${filters.params.period}|${filters.params.serviceIds.join(',')}`}
          idPrefix="supervision-figures"
          label="Supervision figures"
          params={filters.params}
          services={context.services}
          onApply={filters.apply}
        />
        {body}
      </section>

      <OverdueSection
        key={JSON.stringify(filters.input)}
        input={{
          on: lastDay,
          serviceIds: filters.input.serviceIds,
          practitionerTypes: filters.input.practitionerTypes,
        }}
        serviceNames={context.serviceNames}
        today={filters.today}
      />

      {ready && overview ? (
        <>
          <section className="section metrics-section" aria-labelledby="coverage-trend-heading">
            <h2 id="coverage-trend-heading">Coverage month by month</h2>
            <TrendFigure
              id="coverage-trend"
              title="Supervision coverage at the end of each month"
              valueLabel="Coverage"
              points={coverage}
              summary={trendSummary('coverage', coverage)}
              note={`${periodText(overview.seriesPeriod)}. Each month’s coverage is taken on its last day; the table gives the people behind each figure.`}
            />
          </section>
          <MixSection
            formatMix={overview.formatMix}
            functionMix={overview.functionMix}
            threshold={context.threshold}
          />
        </>
      ) : null}
    </>
  );
}

function NoStaffYet() {
  const { role } = useViewer();
  return (
    <EmptyState
      headingLevel={3}
      title="No supervision to report yet"
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
        There is no one in post who needs supervision, and no sessions, in this period.
        {role === 'ANALYST'
          ? ' The figures appear here once your organisation’s staff and sessions are recorded.'
          : ' Add your staff and record their supervision sessions, and the figures appear here.'}
      </p>
    </EmptyState>
  );
}

/* ------------------------------------------------------------------ */
/* The overdue list                                                     */
/* ------------------------------------------------------------------ */

function OverdueSection({
  input,
  serviceNames,
  today,
}: {
  input: OverdueSupervisionInput;
  serviceNames: ReadonlyMap<string, string>;
  today: string;
}) {
  const { role } = useViewer();
  const allowed = canSeeOverdueList(role);
  return (
    <section className="section metrics-section" aria-labelledby="overdue-heading">
      <h2 id="overdue-heading" tabIndex={-1}>
        Overdue for supervision
      </h2>
      {allowed ? (
        <OverdueList input={input} serviceNames={serviceNames} today={today} />
      ) : (
        <OverdueNote />
      )}
    </section>
  );
}

function OverdueNote() {
  return (
    <div className="inset">
      <p>
        The list of people overdue for supervision names individuals, so it is shown to organisation
        admins and service managers only. How many people are overdue is in the figures above.
      </p>
    </div>
  );
}

function OverdueList({
  input,
  serviceNames,
  today,
}: {
  input: OverdueSupervisionInput;
  serviceNames: ReadonlyMap<string, string>;
  today: string;
}) {
  const { role } = useViewer();
  // The cursor of each page shown so far: page n is fetched after cursors[n].
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const pageIndex = cursors.length - 1;
  const after = cursors[pageIndex] ?? null;
  const result = useQuery(SupervisionOverdueListDocument, {
    variables: { input, page: { first: OVERDUE_PAGE_SIZE, after } },
  });
  const tableRef = useRef<HTMLTableElement>(null);
  const [moved, setMoved] = useState(false);
  const connection = result.data?.overdueSupervision;

  // After Next or Previous, focus goes to the table, so keyboard and screen
  // reader users start reading the new page (the buttons may have gone).
  useEffect(() => {
    if (moved && connection) {
      tableRef.current?.focus();
      setMoved(false);
    }
  }, [moved, connection]);

  if (result.error && !connection) {
    if (hasErrorCode(result.error, 'FORBIDDEN')) return <OverdueNote />;
    return (
      <ErrorState error={result.error} headingLevel={3} onRetry={() => void result.refetch()} />
    );
  }
  if (!connection) return <LoadingState label="Loading the overdue list" />;

  const onDay =
    input.on === today ? `today (${formatDate(input.on)})` : `on ${formatDate(input.on)}`;
  if (connection.totalCount === 0) {
    return (
      <p className="metrics-all-clear">
        No one who needs supervision is overdue {onDay}. Everyone is in date.
      </p>
    );
  }

  const firstIndex = pageIndex * OVERDUE_PAGE_SIZE;
  const rows = connection.nodes.map((node) => overdueRow(node, serviceNames));
  const recordSessions = canLogSessions(role);

  return (
    <>
      <p>
        People who need supervision and are past their due date {onDay}, most days overdue first.
        Each was due on their last counted session, or their start date, plus the interval their
        agreement sets.
      </p>
      <div className="table-toolbar">
        <p className="table-toolbar__count" role="status">
          {pageRangeText(firstIndex, connection.nodes.length, connection.totalCount)}
        </p>
        <ExportCsvButton
          subject="Overdue for supervision"
          today={today}
          header={OVERDUE_COLUMNS}
          rows={() => rows}
          label="of the overdue list shown"
        />
      </div>
      <div className="table-wrapper">
        <table className="table" ref={tableRef} tabIndex={-1}>
          <caption className="table__caption">
            Overdue for supervision on {formatDate(input.on)}, most days overdue first
            {connection.totalCount > OVERDUE_PAGE_SIZE
              ? ` (page ${pageIndex + 1} of ${Math.ceil(connection.totalCount / OVERDUE_PAGE_SIZE)})`
              : ''}
          </caption>
          <thead>
            <tr>
              {OVERDUE_COLUMNS.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
              {recordSessions ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {connection.nodes.map((node, index) => {
              const row = rows[index] as string[];
              return (
                <tr key={node.staffId}>
                  <td className="table__name">
                    <Link to={`/people/${node.staffId}`}>{row[0]}</Link>
                  </td>
                  <td className="table__nowrap">{row[1]}</td>
                  <td>{row[2]}</td>
                  <td className="table__nowrap">{row[3]}</td>
                  <td className="table__nowrap">
                    <span className="tag tag--overdue">{row[4]}</span>
                  </td>
                  {recordSessions ? (
                    <td className="table__actions">
                      <Link
                        to={`/supervision/sessions/record?person=${encodeURIComponent(node.staffId)}`}
                      >
                        Record a session<span className="visually-hidden"> for {row[0]}</span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pageIndex > 0 || connection.pageInfo.hasNextPage ? (
        <nav className="metrics-pager" aria-label="Pages of the overdue list">
          {pageIndex > 0 ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setCursors((list) => list.slice(0, -1));
                setMoved(true);
              }}
            >
              Previous<span className="visually-hidden"> page of the overdue list</span>
            </button>
          ) : null}
          {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={result.loading}
              onClick={() => {
                const next = connection.pageInfo.endCursor;
                if (next) setCursors((list) => [...list, next]);
                setMoved(true);
              }}
            >
              Next<span className="visually-hidden"> page of the overdue list</span>
            </button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

/* ------------------------------------------------------------------ */
/* Format and function mixes                                            */
/* ------------------------------------------------------------------ */

function MixSection({
  formatMix,
  functionMix,
  threshold,
}: {
  formatMix: Parameters<typeof formatMixRows>[0] | null;
  functionMix: Parameters<typeof functionMixRows>[0] | null;
  threshold: number | null;
}) {
  const formats = formatMix ? formatMixRows(formatMix) : null;
  const held = formats ? heldTotal(formats) : 0;
  const functions = functionMix ? functionMixRows(functionMix, held) : null;
  return (
    <section className="section metrics-section" aria-labelledby="mix-heading">
      <h2 id="mix-heading">Formats and functions of sessions held</h2>
      <p className="metrics-intro">
        All sessions held in the period, including formats your organisation does not count towards
        being in date (such as peer supervision).
      </p>
      <div className="metrics-pair">
        <div>
          {formats ? (
            <BreakdownFigure
              id="format-mix"
              title="Sessions held, by format"
              categoryLabel="Format"
              valueLabel="Sessions held (share)"
              rows={breakdownChartRows(formats, 0)}
              summary={formatMixSummary(formats)}
            />
          ) : (
            <SuppressedNotice reason="BELOW_THRESHOLD" threshold={threshold} />
          )}
        </div>
        <div>
          {functions ? (
            <BreakdownFigure
              id="function-mix"
              title="Sessions held, by function"
              categoryLabel="Function"
              valueLabel="Sessions (share of sessions held)"
              rows={breakdownChartRows(functions, 0)}
              summary={functionMixSummary(functions, held)}
            />
          ) : (
            <SuppressedNotice reason="BELOW_THRESHOLD" threshold={threshold} />
          )}
        </div>
      </div>
    </section>
  );
}
