import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import { AbsenceEpisodesDocument, type AbsenceEpisodeFieldsFragment } from '../gql/graphql';
import { DateInput, formatDate, todayIn } from '../shell/date-input';
import { ErrorSummary } from '../shell/error-summary';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useViewer } from '../shell/viewer-context';
import { SelectField } from '../people/form-fields';
import type { FieldErrors } from '../people/form-problems';
import {
  ABSENCE_REASON_LABELS,
  ABSENCE_REASONS,
  absenceLength,
  personName,
} from '../people/labels';
import { ExportCsvButton, Flash } from '../people/page-kit';
import { useStaffDirectory, type DirectoryPerson } from '../people/use-staff-directory';
import {
  ABSENCE_FILTER_FIELDS,
  draftOf,
  isAbsenceFiltered,
  ONGOING_OPTIONS,
  readAbsenceParams,
  readFilterDraft,
  toAbsenceFilter,
  writeAbsenceParams,
  type AbsenceFilterDraft,
  type AbsenceFilterField,
  type AbsenceListParams,
} from './absence-list-params';

export const ABSENCE_PAGE_SIZE = 50;

export const ABSENCE_COLUMNS = [
  'Person',
  'Service',
  'First day',
  'Last day',
  'Length',
  'Reason',
  'Reference',
] as const;

/** One row as the table shows it (and as the CSV holds it). */
export function absenceRow(
  episode: AbsenceEpisodeFieldsFragment,
  person: DirectoryPerson | undefined,
  today: string,
): string[] {
  return [
    person ? personName(person) : 'Unknown person',
    person?.service.name ?? '',
    formatDate(episode.startDate),
    episode.endDate ? formatDate(episode.endDate) : 'Ongoing',
    absenceLength(episode.startDate, episode.endDate, today),
    ABSENCE_REASON_LABELS[episode.reason],
    episode.absenceRef ?? '',
  ];
}

/** "Aisha Jones (NOR-10044)", so two people with one name can be told apart. */
export function personOption(person: DirectoryPerson, today: string): string {
  const name = personName(person);
  const ref = person.staffRef && person.staffRef !== name ? ` (${person.staffRef})` : '';
  const left = person.endDate && person.endDate < today ? ', left' : '';
  return `${name}${ref}${left}`;
}

function Filters({
  params,
  people,
  today,
  onApply,
}: {
  params: AbsenceListParams;
  people: readonly DirectoryPerson[];
  today: string;
  onApply: (params: AbsenceListParams) => void;
}) {
  const [draft, setDraft] = useState<AbsenceFilterDraft>(() => draftOf(params));
  const [errors, setErrors] = useState<FieldErrors<AbsenceFilterField>>({});
  const summary = useMemo(
    () =>
      ABSENCE_FILTER_FIELDS.flatMap((field) => {
        const message = errors[field];
        return message ? [{ message, fieldId: field }] : [];
      }),
    [errors],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = readFilterDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onApply(result.params);
  }

  return (
    <form
      className="filters"
      role="search"
      aria-label="Absence records"
      onSubmit={submit}
      noValidate
    >
      <ErrorSummary items={summary} title="There is a problem with the filters" />
      <div className="filters__row">
        <SelectField
          id="absence-state"
          label="Ongoing or ended"
          options={ONGOING_OPTIONS}
          value={draft.ongoing}
          onChange={(event) =>
            setDraft({ ...draft, ongoing: event.target.value as AbsenceFilterDraft['ongoing'] })
          }
        />
        <SelectField
          id="absence-reason"
          label="Reason"
          placeholder="All reasons"
          options={ABSENCE_REASONS.map((r) => ({ value: r, label: ABSENCE_REASON_LABELS[r] }))}
          value={draft.reason}
          onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
        />
        <SelectField
          id="absence-person"
          label="Person"
          placeholder="Everyone"
          options={people.map((p) => ({ value: p.id, label: personOption(p, today) }))}
          value={draft.personId}
          onChange={(event) => setDraft({ ...draft, personId: event.target.value })}
        />
        <DateInput
          id="absence-from"
          label="Absent on or after"
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          error={errors['absence-from']}
        />
        <DateInput
          id="absence-to"
          label="Absent on or before"
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          error={errors['absence-to']}
        />
        <div className="button-group filters__buttons">
          <button type="submit" className="button">
            Apply filters
          </button>
          {isAbsenceFiltered(params) ? (
            <Link className="button-link" to="/absence-and-turnover">
              Clear filters
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}

/**
 * The records half of the Absence & turnover page: episodes, newest first,
 * with filters, "Export CSV", and links to record, close and correct.
 * Organisation admins (everyone) and service managers (their services) only.
 */
export function AbsenceRecords() {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readAbsenceParams(searchParams);
  const directory = useStaffDirectory();
  const list = useQuery(AbsenceEpisodesDocument, {
    variables: { filter: toAbsenceFilter(params), page: { first: ABSENCE_PAGE_SIZE } },
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = list.data?.absenceEpisodes;
  const episodes = connection?.nodes ?? [];

  async function showMore() {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await list.fetchMore({
        variables: { page: { first: ABSENCE_PAGE_SIZE, after } },
        updateQuery: (previous, { fetchMoreResult }) => ({
          absenceEpisodes: {
            ...fetchMoreResult.absenceEpisodes,
            nodes: [...previous.absenceEpisodes.nodes, ...fetchMoreResult.absenceEpisodes.nodes],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  }

  let content;
  if (list.error && !list.data) {
    content = (
      <ErrorState error={list.error} onRetry={() => void list.refetch()} headingLevel={3} />
    );
  } else if (!list.data || directory.loading) {
    content = <LoadingState label="Loading absence records" />;
  } else if (episodes.length === 0) {
    content = isAbsenceFiltered(params) ? (
      <EmptyState
        headingLevel={3}
        title="No absence matches these filters"
        action={
          <Link className="button button--secondary" to="/absence-and-turnover">
            Clear filters
          </Link>
        }
      >
        <p>Try a wider date range, another reason, or everyone.</p>
      </EmptyState>
    ) : (
      <EmptyState
        headingLevel={3}
        title="No absence recorded yet"
        action={
          <Link className="button" to="/absence-and-turnover/record">
            Record an absence
          </Link>
        }
      >
        <p>
          Record sickness absence here as it happens
          {viewer.role === 'ORG_ADMIN' ? (
            <>
              , or <Link to="/imports">import absence records</Link> from your HR system
            </>
          ) : null}
          .
        </p>
      </EmptyState>
    );
  } else {
    const rows = episodes.map((episode) =>
      absenceRow(episode, directory.byId.get(episode.staffMemberId), today),
    );
    content = (
      <>
        <div className="table-toolbar">
          <p className="table-toolbar__count">
            Showing {episodes.length} of {connection?.totalCount ?? episodes.length}{' '}
            {connection?.totalCount === 1 ? 'absence' : 'absences'}
          </p>
          <ExportCsvButton
            subject="Absence"
            today={today}
            header={ABSENCE_COLUMNS}
            rows={() => rows}
            label="of the absence records shown"
          />
        </div>
        <div className="table-wrapper">
          <table className="table">
            <caption className="table__caption">
              Absence records, newest first{isAbsenceFiltered(params) ? ', filtered' : ''}
            </caption>
            <thead>
              <tr>
                {ABSENCE_COLUMNS.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {episodes.map((episode, index) => {
                const row = rows[index] as string[];
                const about = ` the absence of ${row[0]} from ${row[2]}`;
                return (
                  <tr key={episode.id}>
                    <td className="table__name">
                      {directory.byId.has(episode.staffMemberId) ? (
                        <Link to={`/people/${episode.staffMemberId}`}>{row[0]}</Link>
                      ) : (
                        row[0]
                      )}
                    </td>
                    <td>{row[1]}</td>
                    <td className="table__nowrap">{row[2]}</td>
                    <td className="table__nowrap">
                      {episode.ongoing ? (
                        <span className="tag tag--ongoing">{row[3]}</span>
                      ) : (
                        row[3]
                      )}
                    </td>
                    <td>{row[4]}</td>
                    <td>{row[5]}</td>
                    <td>{row[6]}</td>
                    <td className="table__actions">
                      {episode.ongoing ? (
                        <Link to={`/absence-and-turnover/${episode.id}/close`}>
                          Close<span className="visually-hidden">{about}</span>
                        </Link>
                      ) : null}
                      <Link to={`/absence-and-turnover/${episode.id}/correct`}>
                        Correct<span className="visually-hidden">{about}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {connection?.pageInfo.hasNextPage ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void showMore()}
              disabled={loadingMore}
              aria-disabled={loadingMore ? true : undefined}
            >
              {loadingMore ? 'Loading more…' : `Show ${ABSENCE_PAGE_SIZE} more`}
            </button>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <section className="section" aria-labelledby="absence-records-heading">
      <div className="section-heading">
        <h2 id="absence-records-heading">Absence records</h2>
        <Link className="button" to="/absence-and-turnover/record">
          Record an absence
        </Link>
      </div>
      <p className="hint">
        Holdspace keeps the dates and a reason category only, never medical details. Every time
        these records are viewed, it is noted in the audit log.
      </p>
      <Flash />
      <Filters
        key={searchParams.toString()}
        params={params}
        people={directory.people}
        today={today}
        onApply={(next) => setSearchParams(writeAbsenceParams(next))}
      />
      {content}
    </section>
  );
}
