import type { Role } from '@holdspace/shared';
import { INDIVIDUAL_RECORD_ROLES } from '../access/staff-visibility';
import { forbidden } from '../errors/app-errors';
import { requireRole } from '../graphql/auth-checker';
import type { ActiveMembership, RequestContext } from '../tenancy/context';

/**
 * Who may see and change supervision agreements, sessions and their agreed
 * actions (product.md's table). The one place these rules live:
 *
 * | role             | sees                                                    | may change                                            |
 * | ---------------- | ------------------------------------------------------- | ----------------------------------------------------- |
 * | ORG_ADMIN        | everything in the organisation                          | everything                                            |
 * | SERVICE_MANAGER  | agreements whose supervisee, sessions with an attendee, | those agreements and sessions; new ones only for      |
 * |                  | in a service they manage                                | staff of their services                               |
 * | SUPERVISOR       | agreements they supervise (and their own as supervisee);| sessions they supervise (log, hold, cancel, actions); |
 * |                  | sessions they supervise or attend                       | new sessions only as supervisor, for their supervisees|
 * | PRACTITIONER     | their own agreements; sessions they attend              | confirm a held session they attended, nothing else    |
 * | ANALYST, COMM.   | nothing (FORBIDDEN)                                     | nothing                                               |
 *
 * "They supervise" = the record's supervisor is an internal supervisor whose
 * staff member is the caller's (staff_members.user_id = caller). "Supervisee"
 * = a staff member with an agreement they supervise. A record the caller may
 * not see answers NOT_FOUND, exactly like an id of another organisation.
 *
 * The SQL conditions below append their parameters to `params` and return
 * SQL using the right placeholders. Queries still filter tenant_id themselves.
 */

/** Roles that may read agreements and sessions at all. */
export const SUPERVISION_READ_ROLES: readonly Role[] = INDIVIDUAL_RECORD_ROLES;
/** Roles that may create and change agreements (supervisors and practitioners may not). */
export const AGREEMENT_EDIT_ROLES: readonly Role[] = ['ORG_ADMIN', 'SERVICE_MANAGER'];
/** Roles that may create and change sessions and their actions (each within its reach). */
export const SESSION_EDIT_ROLES: readonly Role[] = ['ORG_ADMIN', 'SERVICE_MANAGER', 'SUPERVISOR'];

const placeholder = (params: unknown[], value: unknown) => {
  params.push(value);
  return `$${params.length}`;
};

/** True when `supervisorExpr` (of tenant `tenantExpr`) is an internal supervisor who is the caller. */
function callerSupervisesSql(tenantExpr: string, supervisorExpr: string, user: string): string {
  return `EXISTS (SELECT 1 FROM supervisors acc_sv
                    JOIN staff_members acc_me ON acc_me.tenant_id = acc_sv.tenant_id AND acc_me.id = acc_sv.staff_id
                   WHERE acc_sv.tenant_id = ${tenantExpr} AND acc_sv.id = ${supervisorExpr}
                     AND acc_me.user_id = ${user})`;
}

/** True when staff member `staffExpr` is the caller. */
function callerIsStaffSql(tenantExpr: string, staffExpr: string, user: string): string {
  return `EXISTS (SELECT 1 FROM staff_members acc_self
                   WHERE acc_self.tenant_id = ${tenantExpr} AND acc_self.id = ${staffExpr}
                     AND acc_self.user_id = ${user})`;
}

/** True when the caller's staff member attends session `sessionAlias`. */
function callerAttendsSql(sessionAlias: string, user: string): string {
  return `EXISTS (SELECT 1 FROM session_attendees acc_at
                    JOIN staff_members acc_me ON acc_me.tenant_id = acc_at.tenant_id AND acc_me.id = acc_at.staff_id
                   WHERE acc_at.tenant_id = ${sessionAlias}.tenant_id AND acc_at.session_id = ${sessionAlias}.id
                     AND acc_me.user_id = ${user})`;
}

/** True when some attendee of session `sessionAlias` works in one of `services`. */
function attendeeInServicesSql(sessionAlias: string, services: string): string {
  return `EXISTS (SELECT 1 FROM session_attendees acc_at
                    JOIN staff_members acc_st ON acc_st.tenant_id = acc_at.tenant_id AND acc_st.id = acc_at.staff_id
                   WHERE acc_at.tenant_id = ${sessionAlias}.tenant_id AND acc_at.session_id = ${sessionAlias}.id
                     AND acc_st.service_id = ANY(${services}::uuid[]))`;
}

/** True when staff member `staffAlias` has an agreement the caller supervises. */
function superviseeOfCallerSql(staffAlias: string, user: string): string {
  return `EXISTS (SELECT 1 FROM supervision_agreements acc_ag
                   WHERE acc_ag.tenant_id = ${staffAlias}.tenant_id AND acc_ag.staff_id = ${staffAlias}.id
                     AND ${callerSupervisesSql('acc_ag.tenant_id', 'acc_ag.supervisor_id', user)})`;
}

/** Which agreements (alias of `supervision_agreements`) the caller may see. FORBIDDEN for analysts. */
export function visibleAgreementCondition(
  ctx: RequestContext,
  alias: string,
  params: unknown[],
): string {
  const membership = requireRole(ctx, SUPERVISION_READ_ROLES);
  switch (membership.role) {
    case 'ORG_ADMIN':
      return 'TRUE';
    case 'SERVICE_MANAGER':
      return `EXISTS (SELECT 1 FROM staff_members acc_st
                       WHERE acc_st.tenant_id = ${alias}.tenant_id AND acc_st.id = ${alias}.staff_id
                         AND acc_st.service_id = ANY(${placeholder(params, membership.managedServiceIds)}::uuid[]))`;
    case 'SUPERVISOR': {
      const user = placeholder(params, ctx.auth!.userId);
      return `(${callerSupervisesSql(`${alias}.tenant_id`, `${alias}.supervisor_id`, user)}
               OR ${callerIsStaffSql(`${alias}.tenant_id`, `${alias}.staff_id`, user)})`;
    }
    case 'PRACTITIONER':
      return callerIsStaffSql(
        `${alias}.tenant_id`,
        `${alias}.staff_id`,
        placeholder(params, ctx.auth!.userId),
      );
    default:
      throw forbidden();
  }
}

/** Which sessions (alias of `supervision_sessions`) the caller may see. FORBIDDEN for analysts. */
export function visibleSessionCondition(
  ctx: RequestContext,
  alias: string,
  params: unknown[],
): string {
  const membership = requireRole(ctx, SUPERVISION_READ_ROLES);
  switch (membership.role) {
    case 'ORG_ADMIN':
      return 'TRUE';
    case 'SERVICE_MANAGER':
      return attendeeInServicesSql(alias, placeholder(params, membership.managedServiceIds));
    case 'SUPERVISOR': {
      const user = placeholder(params, ctx.auth!.userId);
      return `(${callerSupervisesSql(`${alias}.tenant_id`, `${alias}.supervisor_id`, user)}
               OR ${callerAttendsSql(alias, user)})`;
    }
    case 'PRACTITIONER':
      return callerAttendsSql(alias, placeholder(params, ctx.auth!.userId));
    default:
      throw forbidden();
  }
}

/**
 * Columns telling how the caller relates to session `alias`
 * (`"supervisedByCaller"`, `"attendedByCaller"`), for the write rules below.
 */
export function sessionRelationColumns(
  ctx: RequestContext,
  alias: string,
  params: unknown[],
): string {
  const user = placeholder(params, ctx.auth!.userId);
  return `${callerSupervisesSql(`${alias}.tenant_id`, `${alias}.supervisor_id`, user)} AS "supervisedByCaller",
          ${callerAttendsSql(alias, user)} AS "attendedByCaller"`;
}

export interface SessionRelation {
  supervisedByCaller: boolean;
  attendedByCaller: boolean;
}

/** May create or change agreements at all (FORBIDDEN otherwise). Which ones: see below. */
export function requireAgreementEditor(ctx: RequestContext): ActiveMembership {
  return requireRole(ctx, AGREEMENT_EDIT_ROLES);
}

/**
 * Which staff members (alias of `staff_members`) the caller may make the
 * supervisee of an agreement. A visible agreement is also an editable one for
 * the editor roles (a manager sees exactly their services' agreements).
 */
export function agreementSuperviseeCondition(
  ctx: RequestContext,
  alias: string,
  params: unknown[],
): string {
  const membership = requireAgreementEditor(ctx);
  if (membership.role === 'ORG_ADMIN') return 'TRUE';
  return `${alias}.service_id = ANY(${placeholder(params, membership.managedServiceIds)}::uuid[])`;
}

/** May create or change sessions and agreed actions at all (FORBIDDEN otherwise). */
export function requireSessionEditor(ctx: RequestContext): ActiveMembership {
  return requireRole(ctx, SESSION_EDIT_ROLES);
}

/**
 * Which staff members (alias of `staff_members`) the caller may name as
 * attendees of a new session: an admin anyone, a manager staff of their
 * services, a supervisor their supervisees.
 */
export function sessionAttendeeCondition(
  ctx: RequestContext,
  alias: string,
  params: unknown[],
): string {
  const membership = requireSessionEditor(ctx);
  switch (membership.role) {
    case 'ORG_ADMIN':
      return 'TRUE';
    case 'SERVICE_MANAGER':
      return `${alias}.service_id = ANY(${placeholder(params, membership.managedServiceIds)}::uuid[])`;
    default:
      return superviseeOfCallerSql(alias, placeholder(params, ctx.auth!.userId));
  }
}

/**
 * May log a session with this supervisor: a supervisor only as themselves
 * (`supervisorUserId` is the user of the supervisor's staff member, if internal).
 */
export function canLogSessionAs(ctx: RequestContext, supervisorUserId: string | null): boolean {
  const membership = requireSessionEditor(ctx);
  if (membership.role !== 'SUPERVISOR') return true;
  return supervisorUserId !== null && supervisorUserId === ctx.auth!.userId;
}

/**
 * May change a session the caller can see (hold, cancel, did-not-attend,
 * agreed actions): an admin or a manager any they see; a supervisor only the
 * sessions they supervise, not those they merely attend.
 */
export function canEditSession(ctx: RequestContext, session: SessionRelation): boolean {
  const membership = requireSessionEditor(ctx);
  if (membership.role === 'SUPERVISOR') return session.supervisedByCaller;
  return true;
}

/** Only an attendee (the supervisee) confirms a session; any role that sees individual records. */
export function canConfirmSession(ctx: RequestContext, session: SessionRelation): boolean {
  requireRole(ctx, SUPERVISION_READ_ROLES);
  return session.attendedByCaller;
}
