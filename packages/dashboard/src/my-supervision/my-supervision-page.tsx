import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  MySupervisionConfirmSessionDocument,
  MySupervisionMeDocument,
  MySupervisionSessionsDocument,
} from '../gql/graphql';
import { formatDate, todayIn, type IsoDate } from '../shell/date-input';
import { navigationItem } from '../shell/navigation';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { problemsFromApi } from '../people/form-problems';
import { ExportCsvButton } from '../people/page-kit';
import { reviewState } from '../supervision/agreement-form';
import {
  formatDuration,
  formatsText,
  INTERVAL_LABELS,
  NO_CONTENT_NOTICE,
  supervisorName,
} from '../supervision/labels';
import { confirmedOn, SummaryRow } from '../supervision/supervision-kit';
import {
  awaitsConfirmation,
  MY_ACTION_COLUMNS,
  MY_SESSION_COLUMNS,
  myActionCells,
  myActions,
  mySessionRow,
  type MySession,
} from './my-supervision-logic';
import '../people/people.css';
import '../supervision/supervision.css';

/**
 * My supervision (practitioners): their current agreement, their sessions
 * (confirming the held ones their supervisor recorded) and the actions agreed
 * in them. Only their own records: the API answers a practitioner with
 * nothing else, and this page names no one else who attended.
 */
export default function MySupervisionPage() {
  const viewer = useViewer();
  const item = navigationItem('my-supervision');
  useDocumentTitle(item.label);
  const today = todayIn(viewer.organisation.timeZone);
  const me = useMeQuery(today);
  const sessions = useAllMySessions();
  const myStaffId = me.data?.staffMembers.nodes[0]?.id ?? null;

  return (
    <div className="page">
      <h1>{item.label}</h1>
      <p className="lead">
        Your supervision agreement, your sessions and the actions you agreed. Only you, your
        supervisor, your service manager and your organisation’s admins can see these records.
      </p>
      <p className="inset">{NO_CONTENT_NOTICE}</p>
      <AgreementSection query={me} today={today} />
      <SessionsSection sessions={sessions} today={today} />
      <ActionsSection sessions={sessions} myStaffId={myStaffId} today={today} />
    </div>
  );
}

type MeQuery = ReturnType<typeof useMeQuery>;
function useMeQuery(today: IsoDate) {
  return useQuery(MySupervisionMeDocument, { variables: { today } });
}

function AgreementSection({ query, today }: { query: MeQuery; today: IsoDate }) {
  const { data, error, refetch } = query;
  let content;
  if (error && !data) {
    content = <ErrorState error={error} onRetry={() => void refetch()} headingLevel={3} />;
  } else if (!data) {
    content = <LoadingState label="Loading your agreement" />;
  } else {
    const agreement = data.agreements.nodes[0];
    const settings = data.organisationSettings;
    if (!agreement) {
      content = (
        <EmptyState headingLevel={3} title="You have no supervision agreement at the moment">
          <p>
            Until one is set up, your organisation expects supervision{' '}
            {INTERVAL_LABELS[settings.defaultInterval].toLowerCase()}. If you think you should have
            an agreement, ask your supervisor or manager.
          </p>
        </EmptyState>
      );
    } else {
      const review = reviewState({ active: true, reviewDueDate: agreement.reviewDueDate }, today);
      content = (
        <dl className="summary-list">
          <SummaryRow label="Supervisor">{supervisorName(agreement.supervisor)}</SummaryRow>
          <SummaryRow label="How often">{INTERVAL_LABELS[agreement.interval]}</SummaryRow>
          {agreement.sessionMinutes ? (
            <SummaryRow label="Expected length">
              {formatDuration(agreement.sessionMinutes)}
            </SummaryRow>
          ) : null}
          <SummaryRow label="Started">{formatDate(agreement.startDate)}</SummaryRow>
          {agreement.endDate ? (
            <SummaryRow label="Last day">{formatDate(agreement.endDate)}</SummaryRow>
          ) : null}
          <SummaryRow label="Sessions that count">
            {formatsText(agreement.countedFormats ?? settings.countedFormats)}
          </SummaryRow>
          <SummaryRow label="Last reviewed">
            {agreement.lastReviewedOn ? formatDate(agreement.lastReviewedOn) : 'Not reviewed yet'}
          </SummaryRow>
          <SummaryRow label="Review due">
            {review.kind === 'none'
              ? 'No review date set'
              : review.kind === 'due'
                ? `Due for review since ${formatDate(review.since)}: talk to your supervisor about reviewing it together`
                : formatDate(review.on)}
          </SummaryRow>
        </dl>
      );
    }
  }
  return (
    <section className="section" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">Your supervision agreement</h2>
      {content}
    </section>
  );
}

interface AllSessions {
  sessions: readonly MySession[];
  loading: boolean;
  error: unknown;
  refetch: () => void;
}

/** Every session they attended, 100 at a time until there are no more pages. */
function useAllMySessions(): AllSessions {
  const { data, error, loading, fetchMore, refetch } = useQuery(MySupervisionSessionsDocument, {
    variables: { after: null },
  });
  const pageInfo = data?.sessions.pageInfo;
  const more = Boolean(pageInfo?.hasNextPage && pageInfo.endCursor);
  useEffect(() => {
    if (!more || !pageInfo?.endCursor) return;
    void fetchMore({
      variables: { after: pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        sessions: {
          ...fetchMoreResult.sessions,
          nodes: [...previous.sessions.nodes, ...fetchMoreResult.sessions.nodes],
        },
      }),
    }).catch(() => {
      // The first pages still show; a retry reports the error.
    });
  }, [more, pageInfo?.endCursor, fetchMore]);
  return {
    sessions: data?.sessions.nodes ?? [],
    loading: loading || more || !data,
    error,
    refetch: () => void refetch(),
  };
}

function SessionsSection({ sessions: all, today }: { sessions: AllSessions; today: IsoDate }) {
  const viewer = useViewer();
  const timeZone = viewer.organisation.timeZone;
  const [confirm, confirming] = useMutation(MySupervisionConfirmSessionDocument);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The button pressed has gone: take focus to what happened.
    if (message) messageRef.current?.focus();
  }, [message]);

  async function confirmSession(session: MySession) {
    if (confirming.loading) return;
    setConfirmingId(session.id);
    try {
      await confirm({ variables: { id: session.id } });
      setMessage({
        kind: 'success',
        text: `Thank you. You confirmed your session on ${formatDate(session.date)}.`,
      });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: problemsFromApi(error, [] as const).form.join(' '),
      });
    } finally {
      setConfirmingId(null);
    }
  }

  const { sessions } = all;
  const waiting = sessions.filter((s) => awaitsConfirmation(s) && s.date <= today).length;
  let content;
  if (all.error && sessions.length === 0) {
    content = <ErrorState error={all.error} onRetry={all.refetch} headingLevel={3} />;
  } else if (all.loading && sessions.length === 0) {
    content = <LoadingState label="Loading your sessions" />;
  } else if (sessions.length === 0) {
    content = (
      <EmptyState headingLevel={3} title="No sessions recorded yet">
        <p>
          Your sessions appear here once your supervisor schedules or records them. If you have had
          supervision that is not shown, ask your supervisor to record it.
        </p>
      </EmptyState>
    );
  } else {
    const rows = sessions.map((s) => mySessionRow(s, (at) => confirmedOn(at, timeZone)));
    content = (
      <>
        {waiting > 0 ? (
          <div className="sv-callout">
            <p>
              {waiting === 1
                ? '1 held session is waiting for you to confirm it.'
                : `${waiting} held sessions are waiting for you to confirm them.`}{' '}
              Confirming tells your organisation the session really took place as recorded.
            </p>
          </div>
        ) : null}
        <div className="table-toolbar">
          <p className="table-toolbar__count">
            {sessions.length} {sessions.length === 1 ? 'session' : 'sessions'}
          </p>
          <ExportCsvButton
            subject="My supervision sessions"
            today={today}
            header={MY_SESSION_COLUMNS}
            rows={() => rows}
            label="of your sessions"
          />
        </div>
        <div className="table-wrapper">
          <table className="table sv-table">
            <caption className="table__caption">Your supervision sessions, newest first</caption>
            <thead>
              <tr>
                {MY_SESSION_COLUMNS.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sessions.map((session, index) => {
                const row = rows[index] as string[];
                return (
                  <tr key={session.id}>
                    <td className="sv-date">{row[0]}</td>
                    <td>{row[1]}</td>
                    <td>{row[2]}</td>
                    <td>{row[3]}</td>
                    <td>{row[4]}</td>
                    <td>{row[5]}</td>
                    <td>
                      {awaitsConfirmation(session) && session.date <= today ? (
                        <>
                          <span className="table__secondary">Not yet confirmed</span>
                          <button
                            type="button"
                            className="button button--secondary sv-button--small"
                            disabled={confirming.loading}
                            aria-disabled={confirming.loading || undefined}
                            onClick={() => void confirmSession(session)}
                          >
                            {confirmingId === session.id ? 'Confirming…' : 'Confirm this session'}
                            <span className="visually-hidden"> on {row[0]}</span>
                          </button>
                        </>
                      ) : (
                        row[6]
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <section className="section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Your sessions</h2>
      <div className="flash-region" role="status">
        {message?.kind === 'success' ? (
          <div className="notice notice--success" ref={messageRef} tabIndex={-1}>
            <p className="notice__text">{message.text}</p>
          </div>
        ) : null}
      </div>
      {message?.kind === 'error' ? (
        <div className="notice notice--error" role="alert" ref={messageRef} tabIndex={-1}>
          <p className="notice__text">{message.text}</p>
        </div>
      ) : null}
      {content}
    </section>
  );
}

function ActionsSection({
  sessions: all,
  myStaffId,
  today,
}: {
  sessions: AllSessions;
  myStaffId: string | null;
  today: IsoDate;
}) {
  const rows = useMemo(() => myActions(all.sessions, myStaffId), [all.sessions, myStaffId]);
  let content;
  if (all.error && all.sessions.length === 0) {
    content = <p>Your agreed actions will show here once your sessions can be loaded.</p>;
  } else if (all.loading) {
    content = <LoadingState label="Loading your agreed actions" />;
  } else if (rows.length === 0) {
    content = (
      <EmptyState headingLevel={3} title="No agreed actions">
        <p>Actions you and your supervisor agree in a session are listed here, by title.</p>
      </EmptyState>
    );
  } else {
    const cells = rows.map(myActionCells);
    content = (
      <>
        <div className="table-toolbar">
          <p className="table-toolbar__count">
            {rows.filter((r) => r.open).length} open of {rows.length}{' '}
            {rows.length === 1 ? 'action' : 'actions'}
          </p>
          <ExportCsvButton
            subject="My agreed actions"
            today={today}
            header={MY_ACTION_COLUMNS}
            rows={() => cells}
            label="of your agreed actions"
          />
        </div>
        <div className="table-wrapper">
          <table className="table sv-table">
            <caption className="table__caption">Your agreed actions, open first</caption>
            <thead>
              <tr>
                {MY_ACTION_COLUMNS.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.id}>
                  {(cells[index] as string[]).map((cell, column) => (
                    <td
                      key={MY_ACTION_COLUMNS[column]}
                      className={column === 2 || column === 4 ? 'table__nowrap' : undefined}
                    >
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }
  return (
    <section className="section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Your agreed actions</h2>
      {content}
    </section>
  );
}
