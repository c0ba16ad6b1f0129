import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  SupervisionAgreementsDocument,
  type AgreementFilter,
  type SupervisionAgreementFieldsFragment,
} from '../gql/graphql';
import { formatDate, todayIn, type IsoDate } from '../shell/date-input';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useViewer } from '../shell/viewer-context';
import { SelectField } from '../people/form-fields';
import { pluralDays } from '../people/labels';
import { ExportCsvButton, SortableHeader, type SortDirection } from '../people/page-kit';
import { reviewState } from './agreement-form';
import { formatDuration, INTERVAL_LABELS, staffRefName, supervisorName } from './labels';
import { canManageAgreements } from './permissions';
import { AGREEMENTS_PATH } from './supervision-kit';

export type Agreement = SupervisionAgreementFieldsFragment;

/** Which agreements the list shows: ?show=active (default), review or all. */
export type AgreementView = 'active' | 'review' | 'all';

export const AGREEMENT_VIEWS: ReadonlyArray<{ value: AgreementView; label: string }> = [
  { value: 'active', label: 'Active today' },
  { value: 'review', label: 'Due for review' },
  { value: 'all', label: 'All, including ended and future' },
];

export function readAgreementView(search: URLSearchParams): AgreementView {
  const show = search.get('show');
  return show === 'review' || show === 'all' ? show : 'active';
}

export function agreementFilter(view: AgreementView, today: IsoDate): AgreementFilter | null {
  if (view === 'active') return { activeOn: today };
  if (view === 'review') return { reviewOverdueOn: today };
  return null;
}

/** "Due for review since 3 March 2026 (12 days)", "4 May 2026", "No review date set". */
export function reviewText(agreement: Agreement, today: IsoDate): string {
  const state = reviewState(agreement, today);
  if (state.kind === 'none') return 'No review date set';
  if (state.kind === 'due') {
    return `Due for review: was due ${formatDate(state.since)} (${pluralDays(state.days)} ago)`;
  }
  return formatDate(state.on);
}

export function agreementStatus(agreement: Agreement, today: IsoDate): string {
  if (agreement.active) return 'Active';
  if (agreement.startDate > today) return `Starts ${formatDate(agreement.startDate)}`;
  return agreement.endDate ? `Ended ${formatDate(agreement.endDate)}` : 'Ended';
}

export const AGREEMENT_COLUMNS = [
  'Supervisee',
  'Supervisor',
  'How often',
  'Session length',
  'Start',
  'Review due',
  'Status',
] as const;

export function agreementRow(agreement: Agreement, today: IsoDate): string[] {
  return [
    staffRefName(agreement.supervisee),
    supervisorName(agreement.supervisor),
    INTERVAL_LABELS[agreement.interval],
    agreement.sessionMinutes ? formatDuration(agreement.sessionMinutes) : 'Not set',
    formatDate(agreement.startDate),
    reviewText(agreement, today),
    agreementStatus(agreement, today),
  ];
}

/** Every agreement matching `filter`, fetched 100 at a time until there are no more pages. */
export function useAllAgreements(filter: AgreementFilter | null, { skip = false } = {}) {
  const { data, error, loading, fetchMore, refetch } = useQuery(SupervisionAgreementsDocument, {
    variables: { filter, page: { first: 100 } },
    skip,
  });
  const pageInfo = data?.agreements.pageInfo;
  const more = Boolean(pageInfo?.hasNextPage && pageInfo.endCursor);
  useEffect(() => {
    if (!more || !pageInfo?.endCursor) return;
    void fetchMore({
      variables: { page: { first: 100, after: pageInfo.endCursor } },
      updateQuery: (previous, { fetchMoreResult }) => ({
        agreements: {
          ...fetchMoreResult.agreements,
          nodes: [...previous.agreements.nodes, ...fetchMoreResult.agreements.nodes],
        },
      }),
    }).catch(() => {
      // The first pages still show; a retry reports the error.
    });
  }, [more, pageInfo?.endCursor, fetchMore]);
  return {
    agreements: data?.agreements.nodes ?? [],
    totalCount: data?.agreements.totalCount ?? 0,
    loading: !skip && (loading || more || !data),
    error,
    refetch: () => void refetch(),
  };
}

type SortKey = 'supervisee' | 'supervisor' | 'start' | 'review';

const SORTERS: Record<SortKey, (a: Agreement, b: Agreement) => number> = {
  supervisee: (a, b) =>
    staffRefName(a.supervisee).localeCompare(staffRefName(b.supervisee), 'en-GB'),
  supervisor: (a, b) =>
    supervisorName(a.supervisor).localeCompare(supervisorName(b.supervisor), 'en-GB'),
  start: (a, b) => a.startDate.localeCompare(b.startDate),
  // No review date last.
  review: (a, b) => (a.reviewDueDate ?? '9999').localeCompare(b.reviewDueDate ?? '9999'),
};

export function sortAgreements(
  agreements: readonly Agreement[],
  key: SortKey,
  direction: SortDirection,
): Agreement[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...agreements].sort(
    (a, b) => sign * SORTERS[key](a, b) || SORTERS.supervisee(a, b) || a.id.localeCompare(b.id),
  );
}

function ReviewCell({ agreement, today }: { agreement: Agreement; today: IsoDate }) {
  const state = reviewState(agreement, today);
  if (state.kind === 'due') {
    return (
      <>
        <span className="tag tag--overdue">Due for review</span>
        <span className="table__secondary">
          Was due {formatDate(state.since)} ({pluralDays(state.days)} ago)
        </span>
      </>
    );
  }
  return <>{reviewText(agreement, today)}</>;
}

export interface AgreementsTableProps {
  agreements: readonly Agreement[];
  caption: string;
  subject: string;
  /** Sort by column (the full list); the short list keeps the API's order. */
  sortable?: boolean;
  /** How many there are in all, when the table shows only some. */
  total?: number;
  initialSort?: { key: SortKey; direction: SortDirection };
}

export function AgreementsTable({
  agreements,
  caption,
  subject,
  sortable,
  total,
  initialSort = { key: 'supervisee', direction: 'ascending' },
}: AgreementsTableProps) {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(
    () => (sortable ? sortAgreements(agreements, sort.key, sort.direction) : [...agreements]),
    [agreements, sortable, sort],
  );
  const rows = sorted.map((agreement) => agreementRow(agreement, today));
  const manage = canManageAgreements(viewer.role);
  const columnKeys: Partial<Record<(typeof AGREEMENT_COLUMNS)[number], SortKey>> = {
    Supervisee: 'supervisee',
    Supervisor: 'supervisor',
    Start: 'start',
    'Review due': 'review',
  };

  return (
    <>
      <div className="table-toolbar">
        <p className="table-toolbar__count">
          {total !== undefined && total > agreements.length
            ? `Showing ${agreements.length} of ${total} agreements`
            : `${agreements.length} ${agreements.length === 1 ? 'agreement' : 'agreements'}`}
        </p>
        <ExportCsvButton
          subject={subject}
          today={today}
          header={AGREEMENT_COLUMNS}
          rows={() => rows}
          label={`of ${caption.toLowerCase()}`}
        />
      </div>
      <div className="table-wrapper">
        <table className="table sv-table">
          <caption className="table__caption">{caption}</caption>
          <thead>
            <tr>
              {AGREEMENT_COLUMNS.map((column) => {
                const key = columnKeys[column];
                if (!sortable || !key) {
                  return (
                    <th scope="col" key={column}>
                      {column}
                    </th>
                  );
                }
                return (
                  <SortableHeader
                    key={column}
                    label={column}
                    sorted={sort.key === key ? sort.direction : undefined}
                    onSort={() =>
                      setSort((previous) => ({
                        key,
                        direction:
                          previous.key === key && previous.direction === 'ascending'
                            ? 'descending'
                            : 'ascending',
                      }))
                    }
                  />
                );
              })}
              {manage ? (
                <th scope="col">
                  <span className="visually-hidden">Changes</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {sorted.map((agreement, index) => {
              const row = rows[index] as string[];
              const about = <span className="visually-hidden"> the agreement of {row[0]}</span>;
              const ended = Boolean(agreement.endDate && agreement.endDate < today);
              return (
                <tr key={agreement.id}>
                  <td className="table__name">
                    {manage || viewer.role === 'SUPERVISOR' ? (
                      <Link to={`/people/${agreement.staffMemberId}`}>{row[0]}</Link>
                    ) : (
                      row[0]
                    )}
                  </td>
                  <td>{row[1]}</td>
                  <td>{row[2]}</td>
                  <td>{row[3]}</td>
                  <td className="sv-date">{row[4]}</td>
                  <td className="table__status">
                    <ReviewCell agreement={agreement} today={today} />
                  </td>
                  <td>{row[6]}</td>
                  {manage ? (
                    <td className="table__actions sv-row-actions">
                      {!ended ? (
                        <Link to={`${AGREEMENTS_PATH}/${agreement.id}/review`}>Review{about}</Link>
                      ) : null}
                      {!ended ? (
                        <Link to={`${AGREEMENTS_PATH}/${agreement.id}/end`}>End{about}</Link>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** How many agreements due for review the Supervision page lists (longest due first). */
export const DUE_SHOWN = 5;

/** The index page's short list: active agreements whose review date has passed. */
export function DueForReviewSection() {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const { agreements, loading, error, refetch } = useAllAgreements({ reviewOverdueOn: today });
  const shown = useMemo(
    () => sortAgreements(agreements, 'review', 'ascending').slice(0, DUE_SHOWN),
    [agreements],
  );

  let content;
  if (error && agreements.length === 0) {
    content = <ErrorState error={error} onRetry={refetch} headingLevel={3} />;
  } else if (loading) {
    content = <LoadingState label="Loading agreements due for review" />;
  } else if (agreements.length === 0) {
    content = (
      <p>
        No agreement is due for review. <Link to={AGREEMENTS_PATH}>See all agreements</Link>.
      </p>
    );
  } else {
    content = (
      <>
        <AgreementsTable
          agreements={shown}
          total={agreements.length}
          caption={
            agreements.length > shown.length
              ? `The ${shown.length} agreements longest due for review`
              : 'Agreements due for review, longest due first'
          }
          subject="Agreements due for review"
        />
        <p>
          <Link to={`${AGREEMENTS_PATH}?show=review`}>
            See all {agreements.length} {agreements.length === 1 ? 'agreement' : 'agreements'} due
            for review
          </Link>
        </p>
      </>
    );
  }
  return (
    <section className="section" aria-labelledby="review-heading">
      <div className="section-heading">
        <h2 id="review-heading">Agreements due for review</h2>
        <Link to={AGREEMENTS_PATH}>All agreements</Link>
      </div>
      <p className="hint">
        An agreement is due for review once its review date has passed. Reviewing it together keeps
        the expectations of supervisor and supervisee clear.
      </p>
      {content}
    </section>
  );
}

/** The full list, with a choice of which agreements to show. */
export function AgreementsList() {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const [search, setSearch] = useSearchParams();
  const view = readAgreementView(search);
  const [draft, setDraft] = useState<AgreementView>(view);
  const { agreements, loading, error, refetch } = useAllAgreements(agreementFilter(view, today));
  const label = AGREEMENT_VIEWS.find((v) => v.value === view)?.label ?? '';

  let content;
  if (error && agreements.length === 0) {
    content = <ErrorState error={error} onRetry={refetch} headingLevel={3} />;
  } else if (loading) {
    content = <LoadingState label="Loading agreements" />;
  } else if (agreements.length === 0) {
    content =
      view === 'review' ? (
        <EmptyState headingLevel={3} title="No agreement is due for review">
          <p>Every active agreement’s review date is today or later.</p>
        </EmptyState>
      ) : (
        <EmptyState
          headingLevel={3}
          title={view === 'active' ? 'No agreements active today' : 'No agreements yet'}
          action={
            canManageAgreements(viewer.role) ? (
              <Link className="button" to={`${AGREEMENTS_PATH}/new`}>
                Set up an agreement
              </Link>
            ) : null
          }
        >
          <p>
            An agreement sets how often someone should have supervision, and with whom. Without one,
            your organisation’s default interval applies.
          </p>
        </EmptyState>
      );
  } else {
    content = (
      <AgreementsTable
        agreements={agreements}
        caption={`Supervision agreements: ${label.toLowerCase()}`}
        subject={`Agreements ${label}`}
        sortable
        initialSort={view === 'review' ? { key: 'review', direction: 'ascending' } : undefined}
      />
    );
  }

  return (
    <section className="section" aria-labelledby="agreements-heading">
      <div className="section-heading">
        <h2 id="agreements-heading">Agreements</h2>
        {canManageAgreements(viewer.role) ? (
          <Link className="button" to={`${AGREEMENTS_PATH}/new`}>
            Set up an agreement
          </Link>
        ) : null}
      </div>
      <form
        className="filters"
        role="search"
        aria-label="Agreements"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(draft === 'active' ? {} : { show: draft });
        }}
      >
        <div className="filters__row">
          <SelectField
            id="agreements-show"
            label="Show"
            options={AGREEMENT_VIEWS}
            value={draft}
            onChange={(event) => setDraft(event.target.value as AgreementView)}
          />
          <div className="button-group filters__buttons">
            <button type="submit" className="button">
              Show agreements
            </button>
          </div>
        </div>
      </form>
      {content}
    </section>
  );
}
