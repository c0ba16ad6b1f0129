import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import { primaryErrorCode } from '../app/errors';
import {
  PeopleOptionsDocument,
  PeoplePersonAbsencesDocument,
  PeoplePersonDocument,
  PeoplePersonSessionsDocument,
  PeopleReinstateStaffMemberDocument,
  type PeopleStaffFieldsFragment,
  type SupervisionInterval,
} from '../gql/graphql';
import { formatDate, todayIn } from '../shell/date-input';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { forgetStaffLists } from './cache';
import { problemsFromApi } from './form-problems';
import {
  ABSENCE_REASON_LABELS,
  absenceLength,
  formatFte,
  INTERVAL_LABELS,
  LEAVING_REASON_LABELS,
  personName,
  SESSION_FORMAT_LABELS,
  SESSION_STATUS_LABELS,
  SUPERVISION_FUNCTION_LABELS,
} from './labels';
import { BackLink, ExportCsvButton, Flash } from './page-kit';
import {
  canEditAbsenceOf,
  canEditPerson,
  canEraseStaff,
  canSeeAbsenceRecords,
} from './permissions';
import { erasableFrom } from './staff-form';
import { describeEmployment } from './staff-list';
import { describeSupervisionState, supervisionState } from './supervision-status';

type Person = PeopleStaffFieldsFragment;

/** The error state for a person who cannot be shown, in words that fit a person. */
export function PersonError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const code = primaryErrorCode(error);
  if (code === 'NOT_FOUND') {
    return (
      <ErrorState error={error} title="We could not find this person">
        <p>
          They may have been removed, the link may be wrong, or their record may not be one you can
          see. <Link to="/people">Go to the staff list</Link>.
        </p>
      </ErrorState>
    );
  }
  if (code === 'FORBIDDEN') {
    return (
      <ErrorState error={error} title="You cannot see this person’s record">
        <p>Your role does not include this record. If you need it, ask your organisation admin.</p>
      </ErrorState>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

function SummaryRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">
        {children || <span className="muted">Not recorded</span>}
      </dd>
    </div>
  );
}

function Details({ person, today }: { person: Person; today: string }) {
  return (
    <dl className="summary-list">
      <SummaryRow label="Name">{person.erased ? 'Erased' : person.displayName}</SummaryRow>
      <SummaryRow label="Staff reference">{person.erased ? 'Erased' : person.staffRef}</SummaryRow>
      <SummaryRow label="Service">{person.service.name}</SummaryRow>
      <SummaryRow label="Role title">{person.erased ? 'Erased' : person.roleTitle}</SummaryRow>
      <SummaryRow label="Practitioner type">{person.practitionerType}</SummaryRow>
      <SummaryRow label="FTE">{formatFte(person.fte)}</SummaryRow>
      <SummaryRow label="Start date">{formatDate(person.startDate)}</SummaryRow>
      <SummaryRow label="Status">
        {describeEmployment(person, today)}
        {person.leavingReason ? ` – ${LEAVING_REASON_LABELS[person.leavingReason]}` : ''}
      </SummaryRow>
      <SummaryRow label="Needs regular supervision">
        {person.requiresSupervision ? 'Yes' : 'No'}
      </SummaryRow>
    </dl>
  );
}

function Agreement({
  person,
  defaultInterval,
  today,
}: {
  person: Person;
  defaultInterval: SupervisionInterval;
  today: string;
}) {
  const agreement = person.currentAgreement;
  const state = supervisionState(person, defaultInterval, today);
  return (
    <section aria-labelledby="agreement-heading" className="section">
      <h2 id="agreement-heading">Supervision</h2>
      <dl className="summary-list">
        <SummaryRow label="Supervision">
          <span className={`tag tag--${state.kind}`}>{describeSupervisionState(state)}</span>
        </SummaryRow>
        {person.requiresSupervision ? (
          <SummaryRow label="Latest session held">
            {person.lastHeldSession ? formatDate(person.lastHeldSession) : 'None recorded yet'}
          </SummaryRow>
        ) : null}
        {agreement ? (
          <>
            <SummaryRow label="Agreed interval">{INTERVAL_LABELS[agreement.interval]}</SummaryRow>
            <SummaryRow label="Supervisor">{agreement.supervisorName ?? 'Name erased'}</SummaryRow>
            <SummaryRow label="Agreement started">{formatDate(agreement.startDate)}</SummaryRow>
            <SummaryRow label="Review due">
              {agreement.reviewDueDate
                ? agreement.reviewDueDate < today
                  ? `${formatDate(agreement.reviewDueDate)} – due for review`
                  : formatDate(agreement.reviewDueDate)
                : 'No review date set'}
            </SummaryRow>
          </>
        ) : state.kind === 'left' ? (
          <SummaryRow label="Agreement">No agreement is active: they have left.</SummaryRow>
        ) : (
          <SummaryRow label="Agreement">
            No supervision agreement is in place today, so your organisation’s default applies (
            {INTERVAL_LABELS[defaultInterval].toLowerCase()}).
          </SummaryRow>
        )}
      </dl>
    </section>
  );
}

const SESSION_COLUMNS = ['Date', 'Format', 'Status', 'Functions', 'Supervisor'] as const;

function Sessions({ person, today }: { person: Person; today: string }) {
  const { data, error, loading, refetch } = useQuery(PeoplePersonSessionsDocument, {
    variables: { id: person.id },
  });
  let content;
  if (error) {
    content =
      primaryErrorCode(error) === 'FORBIDDEN' ? (
        <p>Your role does not include this person’s session records.</p>
      ) : (
        <ErrorState error={error} onRetry={() => void refetch()} headingLevel={3} />
      );
  } else if (loading || !data) {
    content = <LoadingState label="Loading sessions" />;
  } else if (data.sessions.nodes.length === 0) {
    content = (
      <EmptyState title="No sessions recorded yet" headingLevel={3}>
        <p>
          Sessions appear here once they are scheduled or recorded on the{' '}
          <Link to="/supervision">Supervision page</Link>.
        </p>
      </EmptyState>
    );
  } else {
    const rows = data.sessions.nodes.map((session) => [
      formatDate(session.date),
      SESSION_FORMAT_LABELS[session.format],
      SESSION_STATUS_LABELS[session.status],
      session.functions.map((f) => SUPERVISION_FUNCTION_LABELS[f]).join(', ') || 'None recorded',
      session.supervisor.name ?? 'Name erased',
    ]);
    content = (
      <>
        <div className="table-toolbar">
          <p className="table-toolbar__count">
            {data.sessions.totalCount > rows.length
              ? `The latest ${rows.length} of ${data.sessions.totalCount} sessions`
              : `${rows.length} ${rows.length === 1 ? 'session' : 'sessions'}`}
          </p>
          <ExportCsvButton
            subject={`Sessions ${personName(person)}`}
            today={today}
            header={SESSION_COLUMNS}
            rows={() => rows}
            label="of these sessions"
          />
        </div>
        <div className="table-wrapper">
          <table className="table">
            <caption className="table__caption">Recent supervision sessions, newest first</caption>
            <thead>
              <tr>
                {SESSION_COLUMNS.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={data.sessions.nodes[index]?.id}>
                  {row.map((cell, column) => (
                    <td
                      key={SESSION_COLUMNS[column]}
                      className={column === 0 ? 'table__nowrap' : undefined}
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
    <section aria-labelledby="sessions-heading" className="section">
      <h2 id="sessions-heading">Recent sessions</h2>
      {content}
    </section>
  );
}

const ABSENCE_COLUMNS = ['First day', 'Last day', 'Length', 'Reason'] as const;

function Absences({ person, today, canEdit }: { person: Person; today: string; canEdit: boolean }) {
  const { data, error, loading, refetch } = useQuery(PeoplePersonAbsencesDocument, {
    variables: { id: person.id },
  });
  let content;
  if (error) {
    content = <ErrorState error={error} onRetry={() => void refetch()} headingLevel={3} />;
  } else if (loading || !data) {
    content = <LoadingState label="Loading absence" />;
  } else if (data.absenceEpisodes.nodes.length === 0) {
    content = (
      <EmptyState title="No absence recorded" headingLevel={3}>
        <p>Nothing has been recorded for {personName(person)}.</p>
      </EmptyState>
    );
  } else {
    const episodes = data.absenceEpisodes.nodes;
    const rows = episodes.map((episode) => [
      formatDate(episode.startDate),
      episode.endDate ? formatDate(episode.endDate) : 'Ongoing',
      absenceLength(episode.startDate, episode.endDate, today),
      ABSENCE_REASON_LABELS[episode.reason],
    ]);
    content = (
      <>
        <div className="table-toolbar">
          <p className="table-toolbar__count">
            {data.absenceEpisodes.totalCount > rows.length
              ? `The latest ${rows.length} of ${data.absenceEpisodes.totalCount} absences`
              : `${rows.length} ${rows.length === 1 ? 'absence' : 'absences'}`}
          </p>
          <ExportCsvButton
            subject={`Absence ${personName(person)}`}
            today={today}
            header={ABSENCE_COLUMNS}
            rows={() => rows}
            label="of these absences"
          />
        </div>
        <div className="table-wrapper">
          <table className="table">
            <caption className="table__caption">Sickness absence, newest first</caption>
            <thead>
              <tr>
                {ABSENCE_COLUMNS.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {episodes.map((episode, index) => (
                <tr key={episode.id}>
                  {(rows[index] ?? []).map((cell, column) => (
                    <td key={ABSENCE_COLUMNS[column]}>{cell}</td>
                  ))}
                  {canEdit ? (
                    <td className="table__actions">
                      {episode.ongoing ? (
                        <Link to={`/absence-and-turnover/${episode.id}/close`}>
                          Close
                          <span className="visually-hidden">
                            {' '}
                            the absence from {rows[index]?.[0]}
                          </span>
                        </Link>
                      ) : null}
                      <Link to={`/absence-and-turnover/${episode.id}/correct`}>
                        Correct
                        <span className="visually-hidden">
                          {' '}
                          the absence from {rows[index]?.[0]}
                        </span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }
  return (
    <section aria-labelledby="absence-heading" className="section">
      <div className="section-heading">
        <h2 id="absence-heading">Absence</h2>
        {canEdit && person.startDate <= today && !person.erased ? (
          <Link
            className="button button--secondary"
            to={`/absence-and-turnover/record?person=${encodeURIComponent(person.id)}`}
          >
            Record an absence
          </Link>
        ) : null}
      </div>
      <p className="hint">Dates and a reason category only: Holdspace keeps no medical details.</p>
      {content}
    </section>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const { data, error, loading, refetch } = useQuery(PeoplePersonDocument, { variables: { id } });
  const options = useQuery(PeopleOptionsDocument);
  const [reinstate, reinstating] = useMutation(PeopleReinstateStaffMemberDocument, {
    update: forgetStaffLists,
  });
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const person = data?.staffMember;
  useDocumentTitle(person ? personName(person) : error ? 'Person not found' : 'Person');

  if (error && !person) {
    return (
      <div className="page">
        <BackLink to="/people">Back to people</BackLink>
        <h1>Person not found</h1>
        <PersonError error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (loading || !person) {
    return (
      <div className="page">
        <BackLink to="/people">Back to people</BackLink>
        <h1>Person</h1>
        <LoadingState label="Loading their record" />
      </div>
    );
  }

  const canEdit = canEditPerson(viewer.role, viewer.membership.managedServiceIds, person);
  const absenceAllowed = canSeeAbsenceRecords(viewer.role);
  const defaultInterval = options.data?.organisationSettings.defaultInterval ?? 'MONTHLY';
  const retentionMonths = options.data?.organisationSettings.retentionMonths;
  const left = Boolean(person.endDate && person.endDate < today);
  const eraseFrom =
    person.endDate && retentionMonths !== undefined
      ? erasableFrom(person.endDate, retentionMonths)
      : null;

  async function doReinstate() {
    setActionError(null);
    setMessage(null);
    try {
      await reinstate({ variables: { id } });
      setMessage(`${personName(person as Person)} is no longer recorded as a leaver.`);
    } catch (reason) {
      const problems = problemsFromApi(reason, []);
      setActionError(problems.form.join(' ') || 'Sorry, that did not work. Try again.');
    }
  }

  return (
    <div className="page">
      <BackLink to="/people">Back to people</BackLink>
      <div className="page-heading">
        <div>
          <span className="page-heading__caption">{person.service.name}</span>
          <h1>{personName(person)}</h1>
        </div>
      </div>
      <Flash message={message} />
      {actionError ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__text">{actionError}</p>
        </div>
      ) : null}
      {person.erased ? (
        <p className="inset">
          This leaver’s personal data has been erased. Their dates, FTE, service and type are kept
          so that your figures do not change.
        </p>
      ) : null}
      {canEdit ? (
        <ul className="action-list" aria-label="Actions">
          <li>
            <Link to={`/people/${id}/edit`}>Edit details</Link>
          </li>
          <li>
            <Link to={`/people/${id}/leaver`}>
              {person.endDate ? 'Change leaving details' : 'Record as a leaver'}
            </Link>
          </li>
          {person.endDate ? (
            <li>
              <button
                type="button"
                className="link-button"
                onClick={() => void doReinstate()}
                disabled={reinstating.loading}
                aria-disabled={reinstating.loading ? true : undefined}
              >
                {reinstating.loading ? 'Reinstating…' : 'Reinstate (clear the leaving date)'}
              </button>
            </li>
          ) : null}
          {canEraseStaff(viewer.role) && left && eraseFrom && eraseFrom <= today ? (
            <li>
              <Link to={`/people/${id}/erase`}>Erase personal data</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      {canEraseStaff(viewer.role) && left && eraseFrom && eraseFrom > today && !person.erased ? (
        <p className="hint">
          Your organisation keeps leavers’ records for {retentionMonths} months. Their personal data
          can be erased from {formatDate(eraseFrom)}.
        </p>
      ) : null}
      <section aria-labelledby="details-heading" className="section">
        <h2 id="details-heading">Details</h2>
        <Details person={person} today={today} />
      </section>
      <Agreement person={person} defaultInterval={defaultInterval} today={today} />
      <Sessions person={person} today={today} />
      {absenceAllowed ? (
        <Absences
          person={person}
          today={today}
          canEdit={canEditAbsenceOf(viewer.role, viewer.membership.managedServiceIds, person)}
        />
      ) : null}
    </div>
  );
}
