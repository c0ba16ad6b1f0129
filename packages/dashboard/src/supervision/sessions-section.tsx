import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import { SupervisionSessionsDocument } from '../gql/graphql';
import { DateInput, formatDate, todayIn, type IsoDate } from '../shell/date-input';
import { ErrorSummary } from '../shell/error-summary';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useViewer } from '../shell/viewer-context';
import { SelectField } from '../people/form-fields';
import type { FieldErrors } from '../people/form-problems';
import { ExportCsvButton } from '../people/page-kit';
import { useStaffDirectory, type DirectoryPerson } from '../people/use-staff-directory';
import {
  formatDuration,
  functionsText,
  SESSION_FORMAT_LABELS,
  SESSION_FORMATS,
  SESSION_STATUS_LABELS,
  SESSION_STATUSES,
  supervisorName,
} from './labels';
import { canChangeSession, canLogSessions, sessionChanges } from './permissions';
import {
  draftOfSessionParams,
  isSessionListFiltered,
  readSessionFilterDraft,
  readSessionParams,
  SESSION_FILTER_FIELDS,
  toSessionFilter,
  writeSessionParams,
  type SessionFilterDraft,
  type SessionFilterField,
  type SessionListParams,
} from './session-list-params';
import {
  attendeesText,
  confirmedOn,
  personOption,
  sessionDescription,
  SUPERVISION_PATH,
  useSupervisionOptions,
  type Session,
  type SupervisorOption,
} from './supervision-kit';

export const SESSION_PAGE_SIZE = 50;

export const SESSION_COLUMNS = [
  'Date',
  'People',
  'Supervisor',
  'Format',
  'Status',
  'Length',
  'Functions served',
  'Confirmed',
] as const;

/** One row as the table shows it (and as the CSV holds it). */
export function sessionRow(session: Session, timeZone: string): string[] {
  return [
    formatDate(session.date),
    attendeesText(session),
    supervisorName(session.supervisor),
    SESSION_FORMAT_LABELS[session.format],
    SESSION_STATUS_LABELS[session.status],
    formatDuration(session.durationMinutes),
    session.status === 'HELD' ? functionsText(session.functions) : '',
    session.status !== 'HELD'
      ? ''
      : session.confirmedAt
        ? `Confirmed ${confirmedOn(session.confirmedAt, timeZone)}`
        : 'Not yet confirmed',
  ];
}

const STATUS_TAGS: Record<Session['status'], string> = {
  SCHEDULED: 'tag',
  HELD: 'tag tag--in-date',
  CANCELLED: 'tag tag--due-soon',
  DID_NOT_ATTEND: 'tag tag--due-soon',
};

function Filters({
  params,
  people,
  supervisors,
  today,
  onApply,
}: {
  params: SessionListParams;
  people: readonly DirectoryPerson[];
  supervisors: readonly SupervisorOption[];
  today: IsoDate;
  onApply: (params: SessionListParams) => void;
}) {
  const [draft, setDraft] = useState<SessionFilterDraft>(() => draftOfSessionParams(params));
  const [errors, setErrors] = useState<FieldErrors<SessionFilterField>>({});
  const summary = useMemo(
    () =>
      SESSION_FILTER_FIELDS.flatMap((field) => {
        const message = errors[field];
        return message ? [{ message, fieldId: field }] : [];
      }),
    [errors],
  );
  const set = (field: keyof SessionFilterDraft, value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = readSessionFilterDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onApply(result.params);
  }

  return (
    <form className="filters" role="search" aria-label="Sessions" onSubmit={submit} noValidate>
      <ErrorSummary items={summary} title="There is a problem with the filters" />
      <div className="filters__row">
        <DateInput
          id="sessions-from"
          label="On or after"
          value={draft.from}
          onChange={(event) => set('from', event.target.value)}
          error={errors['sessions-from']}
        />
        <DateInput
          id="sessions-to"
          label="On or before"
          value={draft.to}
          onChange={(event) => set('to', event.target.value)}
          error={errors['sessions-to']}
        />
        <SelectField
          id="sessions-status"
          label="Status"
          placeholder="Any status"
          options={SESSION_STATUSES.map((s) => ({ value: s, label: SESSION_STATUS_LABELS[s] }))}
          value={draft.status}
          onChange={(event) => set('status', event.target.value)}
        />
        <SelectField
          id="sessions-format"
          label="Format"
          placeholder="Any format"
          options={SESSION_FORMATS.map((f) => ({ value: f, label: SESSION_FORMAT_LABELS[f] }))}
          value={draft.format}
          onChange={(event) => set('format', event.target.value)}
        />
        <SelectField
          id="sessions-person"
          label="Person attending"
          placeholder="Anyone"
          options={people.map((p) => ({ value: p.id, label: personOption(p, today) }))}
          value={draft.personId}
          onChange={(event) => set('personId', event.target.value)}
        />
        <SelectField
          id="sessions-supervisor"
          label="Supervisor"
          placeholder="Any supervisor"
          options={supervisors.map((s) => ({ value: s.id, label: supervisorName(s) }))}
          value={draft.supervisorId}
          onChange={(event) => set('supervisorId', event.target.value)}
        />
        <div className="button-group filters__buttons">
          <button type="submit" className="button">
            Apply filters
          </button>
          {isSessionListFiltered(params) ? (
            <Link className="button-link" to={SUPERVISION_PATH}>
              Clear filters
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}

function RowActions({ session, today }: { session: Session; today: IsoDate }) {
  const changes = sessionChanges(session, today);
  const what = sessionDescription(session);
  const about = <span className="visually-hidden">: {what}</span>;
  const base = `${SUPERVISION_PATH}/sessions/${session.id}`;
  return (
    <>
      {changes.markHeld ? <Link to={`${base}/held`}>Mark held{about}</Link> : null}
      {changes.cancel ? <Link to={`${base}/cancel`}>Cancel{about}</Link> : null}
      {changes.didNotAttend ? (
        <Link to={`${base}/did-not-attend`}>Did not attend{about}</Link>
      ) : null}
      {changes.addAction ? (
        <Link to={`${base}/actions/new`}>
          Add an action<span className="visually-hidden"> to {what}</span>
        </Link>
      ) : null}
    </>
  );
}

/**
 * The sessions list: newest first, with filters kept in the address, "Export
 * CSV" of the rows shown, and the changes each session allows for those who
 * may make them.
 */
export function SessionsSection() {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readSessionParams(searchParams);
  const directory = useStaffDirectory();
  const options = useSupervisionOptions();
  const list = useQuery(SupervisionSessionsDocument, {
    variables: { filter: toSessionFilter(params), page: { first: SESSION_PAGE_SIZE } },
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = list.data?.sessions;
  const sessions = connection?.nodes ?? [];
  const mine = options.mine?.id ?? null;
  const mayLog = canLogSessions(viewer.role);
  const filtered = isSessionListFiltered(params);

  async function showMore() {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await list.fetchMore({
        variables: { page: { first: SESSION_PAGE_SIZE, after } },
        updateQuery: (previous, { fetchMoreResult }) => ({
          sessions: {
            ...fetchMoreResult.sessions,
            nodes: [...previous.sessions.nodes, ...fetchMoreResult.sessions.nodes],
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
  } else if (!list.data) {
    content = <LoadingState label="Loading sessions" />;
  } else if (sessions.length === 0) {
    content = filtered ? (
      <EmptyState
        headingLevel={3}
        title="No sessions match these filters"
        action={
          <Link className="button button--secondary" to={SUPERVISION_PATH}>
            Clear filters
          </Link>
        }
      >
        <p>Try a wider date range, another status or format, or anyone.</p>
      </EmptyState>
    ) : (
      <EmptyState
        headingLevel={3}
        title="No sessions recorded yet"
        action={
          mayLog ? (
            <Link className="button" to={`${SUPERVISION_PATH}/sessions/record`}>
              Record a held session
            </Link>
          ) : null
        }
      >
        <p>
          Record supervision as it happens, or schedule sessions ahead
          {viewer.role === 'ORG_ADMIN' ? (
            <>
              . You can also <Link to="/imports">import sessions</Link> from a spreadsheet
            </>
          ) : null}
          .
        </p>
      </EmptyState>
    );
  } else {
    const rows = sessions.map((session) => sessionRow(session, viewer.organisation.timeZone));
    const anyChangeable = sessions.some((s) => canChangeSession(viewer.role, s, mine));
    content = (
      <>
        <div className="table-toolbar">
          <p className="table-toolbar__count">
            Showing {sessions.length} of {connection?.totalCount ?? sessions.length}{' '}
            {connection?.totalCount === 1 ? 'session' : 'sessions'}
          </p>
          <ExportCsvButton
            subject="Supervision sessions"
            today={today}
            header={SESSION_COLUMNS}
            rows={() => rows}
            label="of the sessions shown"
          />
        </div>
        <div className="table-wrapper">
          <table className="table sv-table">
            <caption className="table__caption">
              Supervision sessions, newest first{filtered ? ', filtered' : ''}
            </caption>
            <thead>
              <tr>
                {SESSION_COLUMNS.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
                {anyChangeable ? (
                  <th scope="col">
                    <span className="visually-hidden">Changes</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {sessions.map((session, index) => {
                const row = rows[index] as string[];
                return (
                  <tr key={session.id}>
                    <td className="sv-date">
                      <Link to={`${SUPERVISION_PATH}/sessions/${session.id}`}>{row[0]}</Link>
                    </td>
                    <td className="table__name">{row[1]}</td>
                    <td>{row[2]}</td>
                    <td>{row[3]}</td>
                    <td>
                      <span className={STATUS_TAGS[session.status]}>{row[4]}</span>
                    </td>
                    <td>{row[5]}</td>
                    <td>{row[6]}</td>
                    <td>{row[7]}</td>
                    {anyChangeable ? (
                      <td className="table__actions sv-row-actions">
                        {canChangeSession(viewer.role, session, mine) ? (
                          <RowActions session={session} today={today} />
                        ) : null}
                      </td>
                    ) : null}
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
              aria-disabled={loadingMore || undefined}
            >
              {loadingMore ? 'Loading more…' : `Show ${SESSION_PAGE_SIZE} more`}
            </button>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <section className="section" aria-labelledby="sessions-heading">
      <div className="section-heading">
        <h2 id="sessions-heading">Sessions</h2>
        {mayLog ? (
          <div className="button-group sv-heading-buttons">
            <Link className="button" to={`${SUPERVISION_PATH}/sessions/record`}>
              Record a held session
            </Link>
            <Link className="button button--secondary" to={`${SUPERVISION_PATH}/sessions/schedule`}>
              Schedule a session
            </Link>
          </div>
        ) : null}
      </div>
      <Filters
        key={searchParams.toString()}
        params={params}
        people={directory.people}
        supervisors={options.supervisors}
        today={today}
        onApply={(next) => setSearchParams(writeSessionParams(next))}
      />
      {content}
    </section>
  );
}
