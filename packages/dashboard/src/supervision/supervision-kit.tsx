import type { ReactNode } from 'react';
import type { ApolloCache } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import {
  SupervisionOptionsDocument,
  type SupervisionOptionsQuery,
  type SupervisionSessionFieldsFragment,
} from '../gql/graphql';
import { formatDate, todayIn, type IsoDate } from '../shell/date-input';
import { useViewer } from '../shell/viewer-context';
import { personName } from '../people/labels';
import type { DirectoryPerson } from '../people/use-staff-directory';
import {
  formatDuration,
  functionsText,
  NO_CONTENT_NOTICE,
  SESSION_FORMAT_LABELS,
  SESSION_STATUS_LABELS,
  staffRefName,
  supervisorName,
} from './labels';
import { viewerSupervisor } from './permissions';

/*
 * Pieces the Supervision page's lists and forms share: the options query,
 * cache eviction after a change, how people are offered in a list, and a
 * session's summary.
 */

export const SUPERVISION_PATH = '/supervision';
export const AGREEMENTS_PATH = '/supervision/agreements';

export type Session = SupervisionSessionFieldsFragment;
export type SupervisorOption = SupervisionOptionsQuery['supervisors'][number];

/**
 * After a session or agreement changes, lists, people's records (their latest
 * session, their agreement) and figures (overdue, coverage) may be out of
 * date: drop them from the cache, so whatever is shown next is fetched again.
 */
export function forgetSupervisionData(cache: ApolloCache): void {
  for (const fieldName of [
    'sessions',
    'session',
    'agreements',
    'agreement',
    'staffMembers',
    'staffMember',
    'overdueSupervision',
    'metricsOverview',
  ]) {
    cache.evict({ id: 'ROOT_QUERY', fieldName });
  }
  cache.gc();
}

/** The supervisors, the organisation's counted formats and default interval. */
export function useSupervisionOptions() {
  const viewer = useViewer();
  const result = useQuery(SupervisionOptionsDocument);
  const supervisors = result.data?.supervisors ?? [];
  return {
    ...result,
    supervisors,
    settings: result.data?.organisationSettings,
    /** The signed-in supervisor's own record, when we can tell (see viewerSupervisor). */
    mine: viewerSupervisor(viewer.role, supervisors, viewer.user.displayName),
  };
}

/** "Aisha Jones (NOR-10044)", so two people with one name can be told apart. */
export function personOption(person: DirectoryPerson, today: IsoDate): string {
  const name = personName(person);
  const ref = person.staffRef && person.staffRef !== name ? ` (${person.staffRef})` : '';
  const left = person.endDate && person.endDate < today ? ', left' : '';
  const future = person.startDate > today ? `, starts ${formatDate(person.startDate)}` : '';
  return `${name}${ref}${left}${future}`;
}

/** In post on `date`: started, and not past their last day. */
export function inPostOn(person: { startDate: IsoDate; endDate?: IsoDate | null }, date: IsoDate) {
  return person.startDate <= date && (!person.endDate || person.endDate >= date);
}

/** The people at a session, by name: "Dev Patel", "Dev Patel, Aisha Jones". */
export function attendeesText(session: Pick<Session, 'attendees'>): string {
  return session.attendees.map(staffRefName).join(', ') || 'No one recorded';
}

/** Names a session for screen readers and messages: "the one-to-one session on 3 March 2026 with Dev Patel". */
export function sessionDescription(session: Pick<Session, 'format' | 'date' | 'attendees'>) {
  const format = SESSION_FORMAT_LABELS[session.format].toLowerCase();
  return `the ${format} session on ${formatDate(session.date)} with ${attendeesText(session)}`;
}

export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

/** The day (in the organisation's time zone) a session was confirmed: "3 March 2026". */
export function confirmedOn(confirmedAt: string, timeZone: string): string {
  const at = new Date(confirmedAt);
  return Number.isNaN(at.getTime()) ? '' : formatDate(todayIn(timeZone, at));
}

/** A session's facts, for the pages that change it. */
export function SessionSummary({ session }: { session: Session }) {
  const { organisation } = useViewer();
  return (
    <dl className="summary-list">
      <SummaryRow label="Date">{formatDate(session.date)}</SummaryRow>
      <SummaryRow label={session.format === 'ONE_TO_ONE' ? 'Supervisee' : 'People'}>
        {attendeesText(session)}
      </SummaryRow>
      <SummaryRow label="Supervisor">{supervisorName(session.supervisor)}</SummaryRow>
      <SummaryRow label="Format">{SESSION_FORMAT_LABELS[session.format]}</SummaryRow>
      <SummaryRow label="Status">{SESSION_STATUS_LABELS[session.status]}</SummaryRow>
      <SummaryRow label="Length">{formatDuration(session.durationMinutes)}</SummaryRow>
      {session.status === 'HELD' ? (
        <>
          <SummaryRow label="Functions served">{functionsText(session.functions)}</SummaryRow>
          <SummaryRow label="Confirmed by the supervisee">
            {session.confirmedAt
              ? `Yes, on ${confirmedOn(session.confirmedAt, organisation.timeZone)}`
              : 'Not yet'}
          </SummaryRow>
        </>
      ) : null}
      {session.sessionRef ? <SummaryRow label="Reference">{session.sessionRef}</SummaryRow> : null}
    </dl>
  );
}

/** The notice near every form: Holdspace keeps no record of what was said. */
export function NoContentNotice() {
  return <p className="inset">{NO_CONTENT_NOTICE}</p>;
}
