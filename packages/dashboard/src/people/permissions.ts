import type { Role } from '../gql/graphql';

/*
 * What the People and Absence pages offer each role. The API decides again on
 * every request (packages/api/src/staff/staff.access.ts and
 * absence/absence.access.ts); these only keep buttons away from people who
 * could not use them.
 */

/** Organisation admins (anyone) and service managers (in the services they manage). */
export function canAddStaff(role: Role): boolean {
  return role === 'ORG_ADMIN' || role === 'SERVICE_MANAGER';
}

/** May this member change this person's record? */
export function canEditPerson(
  role: Role,
  managedServiceIds: readonly string[],
  person: { service: { id: string }; erased: boolean },
): boolean {
  if (person.erased) return false;
  if (role === 'ORG_ADMIN') return true;
  return role === 'SERVICE_MANAGER' && managedServiceIds.includes(person.service.id);
}

/** Erasing a leaver's personal data: organisation admins only. */
export function canEraseStaff(role: Role): boolean {
  return role === 'ORG_ADMIN';
}

/** Individual absence records: organisation admins and service managers only. */
export function canSeeAbsenceRecords(role: Role): boolean {
  return role === 'ORG_ADMIN' || role === 'SERVICE_MANAGER';
}

/** The services a member may put staff in: all for admins, their own for managers. */
export function servicesFor<S extends { id: string }>(
  role: Role,
  managedServiceIds: readonly string[],
  services: readonly S[],
): S[] {
  if (role === 'ORG_ADMIN') return [...services];
  if (role === 'SERVICE_MANAGER') return services.filter((s) => managedServiceIds.includes(s.id));
  return [];
}

/** May this member record or change absences of this person? (The API decides too.) */
export function canEditAbsenceOf(
  role: Role,
  managedServiceIds: readonly string[],
  person: { service: { id: string } },
): boolean {
  if (role === 'ORG_ADMIN') return true;
  return role === 'SERVICE_MANAGER' && managedServiceIds.includes(person.service.id);
}
