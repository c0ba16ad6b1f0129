import { isPlausibleEmail } from '../auth/sign-in-form';
import type { Role } from '../gql/graphql';
import { formProblems, type FormProblems } from './api-problems';

/*
 * Inviting a member and changing a member's role: the fields, the checks made
 * before anything is sent, and the API's refusals mapped onto the fields.
 */

export const INVITE_FIELDS = ['inviteEmail', 'inviteName', 'inviteRole', 'inviteServices'] as const;
export type InviteField = (typeof INVITE_FIELDS)[number];

export const ROLE_FIELDS = ['memberRole', 'memberServices'] as const;
export type RoleField = (typeof ROLE_FIELDS)[number];

export interface InviteValues {
  email: string;
  displayName: string;
  role: Role | '';
  managedServiceIds: string[];
}

export interface RoleValues {
  role: Role | '';
  managedServiceIds: string[];
}

export const MEMBER_MESSAGES = {
  emailMissing: 'Enter their email address',
  emailFormat: 'Enter an email address in the correct format, like name@example.com',
  emailTooLong: 'Email address must be 320 characters or fewer',
  nameMissing: 'Enter their name',
  nameTooLong: 'Name must be 200 characters or fewer',
  roleMissing: 'Select a role',
  roleNotOffered: 'Select one of the roles listed',
  servicesMissing: 'Select the services this service manager manages',
} as const;

function checkRole(
  role: Role | '',
  managedServiceIds: readonly string[],
  roles: readonly Role[],
  hasServices: boolean,
): { role?: string; services?: string } {
  if (!role) return { role: MEMBER_MESSAGES.roleMissing };
  if (!roles.includes(role)) return { role: MEMBER_MESSAGES.roleNotOffered };
  // A service manager with no services would see nothing.
  if (role === 'SERVICE_MANAGER' && hasServices && managedServiceIds.length === 0) {
    return { services: MEMBER_MESSAGES.servicesMissing };
  }
  return {};
}

/**
 * Checks made before an invitation is sent. `roles` are the roles this
 * organisation can give; `hasServices` whether it has any services to manage.
 */
export function validateInvite(
  values: InviteValues,
  roles: readonly Role[],
  hasServices: boolean,
): Partial<Record<InviteField, string>> {
  const errors: Partial<Record<InviteField, string>> = {};
  const email = values.email.trim();
  if (!email) errors.inviteEmail = MEMBER_MESSAGES.emailMissing;
  else if (email.length > 320) errors.inviteEmail = MEMBER_MESSAGES.emailTooLong;
  else if (!isPlausibleEmail(email)) errors.inviteEmail = MEMBER_MESSAGES.emailFormat;
  const name = values.displayName.trim();
  if (!name) errors.inviteName = MEMBER_MESSAGES.nameMissing;
  else if (name.length > 200) errors.inviteName = MEMBER_MESSAGES.nameTooLong;
  const role = checkRole(values.role, values.managedServiceIds, roles, hasServices);
  if (role.role) errors.inviteRole = role.role;
  if (role.services) errors.inviteServices = role.services;
  return errors;
}

export function validateRoleChange(
  values: RoleValues,
  roles: readonly Role[],
  hasServices: boolean,
): Partial<Record<RoleField, string>> {
  const errors: Partial<Record<RoleField, string>> = {};
  const role = checkRole(values.role, values.managedServiceIds, roles, hasServices);
  if (role.role) errors.memberRole = role.role;
  if (role.services) errors.memberServices = role.services;
  return errors;
}

/** Services are sent for service managers only (the API refuses them for other roles). */
export function servicesFor(role: Role | '', managedServiceIds: readonly string[]): string[] {
  return role === 'SERVICE_MANAGER' ? [...managedServiceIds] : [];
}

const INVITE_API_FIELDS: Record<string, InviteField> = {
  'input.email': 'inviteEmail',
  'input.displayName': 'inviteName',
  'input.role': 'inviteRole',
  'input.managedServiceIds': 'inviteServices',
};

const ROLE_API_FIELDS: Record<string, RoleField> = {
  'input.role': 'memberRole',
  'input.managedServiceIds': 'memberServices',
};

/** The API's reasons for refusing an invitation, on the form's fields. */
export function inviteProblems(error: unknown): FormProblems<InviteField> {
  return formProblems(error, (field) => INVITE_API_FIELDS[field.replace(/\.\d+$/, '')]);
}

/** The API's reasons for refusing a role change (the last admin, say), on the form's fields. */
export function roleProblems(error: unknown): FormProblems<RoleField> {
  return formProblems(error, (field) => ROLE_API_FIELDS[field.replace(/\.\d+$/, '')]);
}
