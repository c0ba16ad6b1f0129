/**
 * Scopes. metrics.md: "A scope (the whole organisation, a set of services, a practitioner
 * type) filters staff first; every metric is then computed over the staff in scope."
 *
 * Decisions (also in DECISIONS.md):
 * - Staff are filtered first. Agreements and absences follow their staff member.
 * - A session belongs to a scope when at least one of its attendees is a staff member in
 *   scope. Session-level metrics (cancellation rate, format and function mix) count such a
 *   session once, whatever the number of attendees; per-attendee metrics (coverage, hours)
 *   only look at the attendees in scope.
 * - The session metrics apply the same "at least one attendee among `org.staff`" rule
 *   themselves, so a metric gives the same answer on `applyScope(org, {})` as on `org`:
 *   a session with no known attendee belongs to no scope.
 * - A practitioner-type filter never matches a staff member whose type is null.
 */
import type { OrgData, Scope, SessionRecord, StaffRecord } from './records';

/** True when `s` passes every non-empty filter of `scope`. */
export function isInScope(s: StaffRecord, scope: Scope): boolean {
  const { serviceIds, practitionerTypes } = scope;
  if (serviceIds && serviceIds.length > 0 && !serviceIds.includes(s.serviceId)) return false;
  if (practitionerTypes && practitionerTypes.length > 0) {
    if (s.practitionerType === null || !practitionerTypes.includes(s.practitionerType)) {
      return false;
    }
  }
  return true;
}

/** True when at least one attendee of `session` is in `staffIds`. */
export function sessionBelongsTo(session: SessionRecord, staffIds: ReadonlySet<string>): boolean {
  return session.attendeeIds.some((id) => staffIds.has(id));
}

/** The sessions of `org` with at least one attendee among `org.staff`. */
export function sessionsOfStaff(org: OrgData): SessionRecord[] {
  const staffIds = new Set(org.staff.map((s) => s.id));
  return org.sessions.filter((session) => sessionBelongsTo(session, staffIds));
}

/** `org` cut down to the staff for whom `keep` is true, and their records. */
export function restrictToStaff(org: OrgData, keep: (s: StaffRecord) => boolean): OrgData {
  const staff = org.staff.filter(keep);
  const staffIds = new Set(staff.map((s) => s.id));
  return {
    settings: org.settings,
    staff,
    agreements: org.agreements.filter((a) => staffIds.has(a.staffId)),
    absences: org.absences.filter((a) => staffIds.has(a.staffId)),
    sessions: org.sessions.filter((session) => sessionBelongsTo(session, staffIds)),
  };
}

/** `org` cut down to the staff in `scope` and their records. */
export function applyScope(org: OrgData, scope: Scope): OrgData {
  return restrictToStaff(org, (s) => isInScope(s, scope));
}
