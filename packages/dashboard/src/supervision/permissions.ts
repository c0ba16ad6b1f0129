import type { Role, SessionStatus } from '../gql/graphql';
import type { IsoDate } from '../shell/date-input';

/*
 * What the Supervision page offers each role (packages/api/src/supervision/
 * supervision.access.ts is the rule; the API checks every request again, so
 * these only keep buttons away from people who could not use them):
 *
 * - organisation admins: every record; set up, review and end agreements;
 *   schedule, record and change any session;
 * - service managers: the same, for staff of the services they manage;
 * - supervisors: the sessions they supervise (record, hold, cancel, agreed
 *   actions) and the agreements they supervise (read only);
 * - analysts: no individual records (the page shows them the figures only).
 */

/** Sees individual sessions and agreements. */
export function canSeeSupervisionRecords(role: Role): boolean {
  return role === 'ORG_ADMIN' || role === 'SERVICE_MANAGER' || role === 'SUPERVISOR';
}

/** Sets up, reviews and ends agreements. */
export function canManageAgreements(role: Role): boolean {
  return role === 'ORG_ADMIN' || role === 'SERVICE_MANAGER';
}

/** Schedules and records sessions (supervisors: only as the supervisor). */
export function canLogSessions(role: Role): boolean {
  return canSeeSupervisionRecords(role);
}

interface SupervisorLike {
  id: string;
  kind: 'INTERNAL' | 'EXTERNAL';
  name?: string | null;
}

function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), 'en-GB', { sensitivity: 'base' }) === 0;
}

/**
 * The supervisor record of a signed-in supervisor: the internal supervisor
 * with their name, when exactly one has it. The API does not say which staff
 * record is the caller's, so this is a best guess, used only to choose the
 * supervisor in advance and to offer changes; the API decides.
 */
export function viewerSupervisor<S extends SupervisorLike>(
  role: Role,
  supervisors: readonly S[],
  displayName: string,
): S | null {
  if (role !== 'SUPERVISOR') return null;
  const matches = supervisors.filter(
    (s) => s.kind === 'INTERNAL' && s.name && sameName(s.name, displayName),
  );
  return matches.length === 1 ? (matches[0] as S) : null;
}

/**
 * May change this session (mark held, cancel, did not attend, agreed
 * actions)? Admins and managers any they see; a supervisor those they
 * supervise (when we cannot tell which supervisor they are, we offer it and
 * the API decides).
 */
export function canChangeSession(
  role: Role,
  session: { supervisor: { id: string } },
  mySupervisorId: string | null,
): boolean {
  if (role === 'ORG_ADMIN' || role === 'SERVICE_MANAGER') return true;
  if (role !== 'SUPERVISOR') return false;
  return mySupervisorId === null || session.supervisor.id === mySupervisorId;
}

export interface SessionChanges {
  markHeld: boolean;
  cancel: boolean;
  didNotAttend: boolean;
  addAction: boolean;
}

/** The changes a session's status allows (the API's rules in session.service.ts). */
export function sessionChanges(
  session: { status: SessionStatus; date: IsoDate },
  today: IsoDate,
): SessionChanges {
  const scheduled = session.status === 'SCHEDULED';
  return {
    markHeld: scheduled,
    cancel: scheduled,
    // Not attended: only once the day has come.
    didNotAttend: scheduled && session.date <= today,
    addAction: session.status === 'HELD',
  };
}
