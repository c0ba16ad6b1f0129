import { randomUUID } from 'node:crypto';
import type { OrganisationKind, Role } from '@holdspace/shared';
import { recordAudit } from '../audit/audit.service';
import type { AuthenticatedSession } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { normaliseEmail } from '../auth/tokens';
import { AppError, badInput, conflict, forbidden, notFound } from '../errors/app-errors';
import { decodeCursor, type PageInput, toPage } from '../pagination/connection';
import { isUuid } from '../graphql/validation';
import { isUniqueViolation } from '../errors/database-errors';
import type { RequestContext } from '../tenancy/context';
import {
  INVITATION_DAYS,
  invitationIdFor,
  issuedBy,
  newInvitationToken,
  parseInvitationToken,
} from './invitation-token';
import { assertCanManageMembers } from './users.access';
import {
  DISPLAY_NAME_MAX,
  type AcceptInvitationInput,
  type ChangeMemberRoleInput,
  type InviteMemberInput,
} from './users.input';
import type {
  AcceptInvitationPayload,
  InviteMemberPayload,
  MemberConnection,
  MemberType,
} from './users.types';

export const INVALID_INVITATION =
  'This invitation link is not valid or has expired. Ask your organisation admin for a new one.';
export const LAST_ADMIN =
  'The organisation must keep at least one admin. Make another member an admin first.';
export const PENDING_ELSEWHERE =
  'This person has been invited by another organisation and has not set a password yet. Invite them again once they have.';

interface MemberRow {
  membership_id: string;
  role: Role;
  user_id: string;
  email: string;
  display_name: string;
  sort_name: string;
  pending: boolean;
  managed: string[];
}

const MEMBER_SELECT = `
  SELECT m.id AS membership_id, m.role, u.id AS user_id, u.email, u.display_name,
         lower(u.display_name) AS sort_name, (u.password_hash IS NULL) AS pending,
         ARRAY(SELECT ms.service_id::text FROM membership_services ms
                WHERE ms.tenant_id = m.tenant_id AND ms.membership_id = m.id
                ORDER BY ms.service_id) AS managed
    FROM memberships m JOIN users u ON u.id = m.user_id`;

function toMember(row: MemberRow): MemberType {
  return {
    membershipId: row.membership_id,
    user: { id: row.user_id, email: row.email, displayName: row.display_name },
    role: row.role,
    managedServiceIds: row.managed,
    invitationPending: row.pending,
  };
}

async function getMember(ctx: RequestContext, membershipId: string): Promise<MemberType> {
  const [row] = await ctx.db.query<MemberRow>(
    `${MEMBER_SELECT} WHERE m.tenant_id = $1 AND m.id = $2`,
    [ctx.db.tenantId, membershipId],
  );
  if (!row) throw notFound('Member');
  return toMember(row);
}

/** The organisation's members, by name (keyset on lower(name), membership id). */
export async function listMembers(ctx: RequestContext, page: PageInput): Promise<MemberConnection> {
  assertCanManageMembers(ctx);
  const [{ total }] = await ctx.db.query<{ total: number }>(
    'SELECT count(*)::int AS total FROM memberships WHERE tenant_id = $1',
    [ctx.db.tenantId],
  );
  const params: unknown[] = [ctx.db.tenantId, page.first + 1];
  let after = '';
  if (page.after) {
    const [name, id] = decodeCursor(page.after, 2);
    if (typeof name !== 'string' || !isUuid(id)) {
      throw badInput('page.after', 'The cursor is not valid; start again from the first page.');
    }
    params.push(name, id);
    after = 'AND (lower(u.display_name), m.id) > ($3, $4::uuid)';
  }
  const rows = await ctx.db.query<MemberRow>(
    `${MEMBER_SELECT} WHERE m.tenant_id = $1 ${after}
      ORDER BY lower(u.display_name), m.id LIMIT $2`,
    params,
  );
  const result = toPage(rows, page.first, total, (r) => [r.sort_name, r.membership_id]);
  return {
    ...result,
    nodes: result.nodes.map(toMember),
    edges: result.edges.map((e) => ({ cursor: e.cursor, node: toMember(e.node) })),
  } as MemberConnection;
}

/**
 * Roles by kind of organisation: commissioner analysts exist only in
 * commissioner organisations, which otherwise have admins only (they hold no
 * staff records); every other organisation has every role but commissioner
 * analyst.
 */
function checkRoleForKind(kind: OrganisationKind, role: Role, field: string): void {
  if (role === 'COMMISSIONER_ANALYST' && kind !== 'COMMISSIONER') {
    throw badInput(
      field,
      'The commissioner analyst role exists only in commissioner organisations.',
    );
  }
  if (kind === 'COMMISSIONER' && role !== 'COMMISSIONER_ANALYST' && role !== 'ORG_ADMIN') {
    throw badInput(field, 'A commissioner organisation has admins and commissioner analysts only.');
  }
}

/** Managed services: for service managers only, and services of this organisation. */
async function checkManagedServices(
  ctx: RequestContext,
  role: Role,
  requested: string[] | null | undefined,
  field: string,
): Promise<string[]> {
  const ids = [...new Set((requested ?? []).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return [];
  if (role !== 'SERVICE_MANAGER') {
    throw badInput(
      field,
      'Only service managers manage services; leave the services out for this role.',
    );
  }
  const found = await ctx.db.query<{ id: string }>(
    'SELECT id FROM services WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
    [ctx.db.tenantId, ids],
  );
  if (found.length !== ids.length) {
    // Another organisation's service answers like one that does not exist.
    throw new AppError('NOT_FOUND', 'Service not found.', { field });
  }
  return ids;
}

async function setManagedServices(ctx: RequestContext, membershipId: string, ids: string[]) {
  await ctx.db.query(
    'DELETE FROM membership_services WHERE tenant_id = $1 AND membership_id = $2',
    [ctx.db.tenantId, membershipId],
  );
  if (ids.length > 0) {
    await ctx.db.query(
      `INSERT INTO membership_services (tenant_id, membership_id, service_id)
       SELECT $1, $2, unnest($3::uuid[])`,
      [ctx.db.tenantId, membershipId, ids],
    );
  }
}

/**
 * The organisation's kind, locking its row so that changes to admins are
 * serialised: two admins demoting each other at once cannot leave none.
 * (NO KEY UPDATE does not block inserts that reference the organisation.)
 */
async function lockOrganisation(ctx: RequestContext): Promise<OrganisationKind> {
  const [org] = await ctx.db.query<{ kind: OrganisationKind }>(
    'SELECT kind FROM organisations WHERE id = $1 FOR NO KEY UPDATE',
    [ctx.db.tenantId],
  );
  if (!org) throw notFound('Organisation');
  return org.kind;
}

interface MembershipRow {
  id: string;
  role: Role;
  user_id: string;
  pending: boolean;
}

async function findMembership(ctx: RequestContext, membershipId: string): Promise<MembershipRow> {
  if (!isUuid(membershipId)) throw notFound('Member');
  const [row] = await ctx.db.query<MembershipRow>(
    `SELECT m.id, m.role, m.user_id, (u.password_hash IS NULL) AS pending
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.tenant_id = $1 AND m.id = $2`,
    [ctx.db.tenantId, membershipId],
  );
  if (!row) throw notFound('Member');
  return row;
}

async function assertAnotherAdmin(ctx: RequestContext, membershipId: string, field: string) {
  const [other] = await ctx.db.query(
    `SELECT 1 FROM memberships WHERE tenant_id = $1 AND role = 'ORG_ADMIN' AND id <> $2 LIMIT 1`,
    [ctx.db.tenantId, membershipId],
  );
  if (!other) throw conflict(LAST_ADMIN, field);
}

interface InvitationRow {
  id: string;
  token_hash: Buffer;
}

/**
 * Whether every invitation a person without a password has had came from this
 * organisation. Whoever holds an invitation token can set that person's
 * password, so a person invited (and not yet signed up) elsewhere must not be
 * added here, nor be given a token here, until they have set their password:
 * otherwise one organisation's admin could take over another's membership.
 */
async function invitedOnlyHere(ctx: RequestContext, userId: string): Promise<boolean> {
  const rows = await ctx.db.query<InvitationRow>(
    'SELECT id, token_hash FROM user_invitations WHERE user_id = $1',
    [userId],
  );
  return rows.every((row) => issuedBy(ctx.db.tenantId, row));
}

/** Ends the unused invitations this organisation issued to a person. */
async function expireInvitations(ctx: RequestContext, userId: string): Promise<void> {
  const rows = await ctx.db.query<InvitationRow>(
    `SELECT id, token_hash FROM user_invitations
      WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()`,
    [userId],
  );
  const ours = rows.filter((row) => issuedBy(ctx.db.tenantId, row)).map((row) => row.id);
  if (ours.length > 0) {
    await ctx.db.query(
      'UPDATE user_invitations SET expires_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[])',
      [userId, ours],
    );
  }
}

/** A new invitation (the only valid one this organisation has for the person); returns the token. */
async function issueInvitation(ctx: RequestContext, userId: string): Promise<string> {
  await expireInvitations(ctx, userId);
  const { token, hash, id } = newInvitationToken(ctx.db.tenantId);
  await ctx.db.query(
    `INSERT INTO user_invitations (id, user_id, token_hash, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [id, userId, hash, INVITATION_DAYS],
  );
  return token;
}

/** The global user with this email, created (with no password) when new. */
async function findOrCreateUser(
  ctx: RequestContext,
  email: string,
  displayName: string,
): Promise<{ id: string; pending: boolean; created: boolean }> {
  const select = () =>
    ctx.db.query<{ id: string; pending: boolean }>(
      'SELECT id, (password_hash IS NULL) AS pending FROM users WHERE email = $1',
      [email],
    );
  const [existing] = await select();
  if (existing) return { ...existing, created: false };
  const [inserted] = await ctx.db.query<{ id: string }>(
    `INSERT INTO users (id, email, display_name) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [randomUUID(), email, displayName],
  );
  if (inserted) return { id: inserted.id, pending: true, created: true };
  // Someone else created them a moment ago.
  const [raced] = await select();
  if (!raced) throw conflict('Please try again.', 'input.email');
  return { ...raced, created: false };
}

export async function inviteMember(
  ctx: RequestContext,
  input: InviteMemberInput,
): Promise<InviteMemberPayload> {
  assertCanManageMembers(ctx);
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim();
  if (displayName.length === 0) throw badInput('input.displayName', "Give the person's name.");
  if (displayName.length > DISPLAY_NAME_MAX) {
    throw badInput('input.displayName', `A name can be at most ${DISPLAY_NAME_MAX} characters.`);
  }
  const [org] = await ctx.db.query<{ kind: OrganisationKind }>(
    'SELECT kind FROM organisations WHERE id = $1',
    [ctx.db.tenantId],
  );
  if (!org) throw notFound('Organisation');
  checkRoleForKind(org.kind, input.role, 'input.role');
  const services = await checkManagedServices(
    ctx,
    input.role,
    input.managedServiceIds,
    'input.managedServiceIds',
  );

  const user = await findOrCreateUser(ctx, email, displayName);
  const alreadyMember = () =>
    conflict('This person is already a member of the organisation.', 'input.email');
  if (!user.created) {
    const [member] = await ctx.db.query(
      'SELECT 1 FROM memberships WHERE tenant_id = $1 AND user_id = $2',
      [ctx.db.tenantId, user.id],
    );
    if (member) throw alreadyMember();
    if (user.pending && !(await invitedOnlyHere(ctx, user.id))) {
      throw conflict(PENDING_ELSEWHERE, 'input.email');
    }
  }

  const membershipId = randomUUID();
  try {
    await ctx.db.query(
      'INSERT INTO memberships (tenant_id, id, user_id, role) VALUES ($1, $2, $3, $4)',
      [ctx.db.tenantId, membershipId, user.id, input.role],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'memberships_tenant_user_key')) throw alreadyMember();
    throw error;
  }
  await setManagedServices(ctx, membershipId, services);
  // Someone with a password signs in as they are; anyone else needs a link.
  const invitationToken = user.pending ? await issueInvitation(ctx, user.id) : null;
  await recordAudit(ctx, 'member.invite', 'Membership', membershipId);
  return { member: await getMember(ctx, membershipId), invitationToken };
}

/** A new link for a member who has not set a password yet (the old ones stop working). */
export async function renewInvitation(
  ctx: RequestContext,
  membershipId: string,
): Promise<InviteMemberPayload> {
  assertCanManageMembers(ctx);
  const membership = await findMembership(ctx, membershipId);
  if (!membership.pending) {
    throw conflict('This member has already set a password; they can sign in.', 'membershipId');
  }
  if (!(await invitedOnlyHere(ctx, membership.user_id))) {
    throw conflict(PENDING_ELSEWHERE, 'membershipId');
  }
  const invitationToken = await issueInvitation(ctx, membership.user_id);
  await recordAudit(ctx, 'invitation.renew', 'Membership', membership.id);
  return { member: await getMember(ctx, membership.id), invitationToken };
}

export async function changeMemberRole(
  ctx: RequestContext,
  membershipId: string,
  input: ChangeMemberRoleInput,
): Promise<MemberType> {
  assertCanManageMembers(ctx);
  const kind = await lockOrganisation(ctx);
  const membership = await findMembership(ctx, membershipId);
  checkRoleForKind(kind, input.role, 'input.role');
  const services = await checkManagedServices(
    ctx,
    input.role,
    input.managedServiceIds,
    'input.managedServiceIds',
  );
  if (membership.role === 'ORG_ADMIN' && input.role !== 'ORG_ADMIN') {
    await assertAnotherAdmin(ctx, membership.id, 'input.role');
  }
  await ctx.db.query('UPDATE memberships SET role = $3 WHERE tenant_id = $1 AND id = $2', [
    ctx.db.tenantId,
    membership.id,
    input.role,
  ]);
  await setManagedServices(ctx, membership.id, services);
  await recordAudit(ctx, 'member.role', 'Membership', membership.id);
  return getMember(ctx, membership.id);
}

/** Ends a membership (the person's other organisations are untouched); returns its id. */
export async function removeMember(ctx: RequestContext, membershipId: string): Promise<string> {
  assertCanManageMembers(ctx);
  await lockOrganisation(ctx);
  const membership = await findMembership(ctx, membershipId);
  if (membership.role === 'ORG_ADMIN') {
    await assertAnotherAdmin(ctx, membership.id, 'membershipId');
  }
  await ctx.db.query('DELETE FROM memberships WHERE tenant_id = $1 AND id = $2', [
    ctx.db.tenantId,
    membership.id,
  ]);
  // A link this organisation gave someone who never signed up stops working.
  if (membership.pending) await expireInvitations(ctx, membership.user_id);
  await recordAudit(ctx, 'member.remove', 'Membership', membership.id);
  return membership.id;
}

/**
 * Sets the invited person's password. Public: the token is the credential.
 * The request has no organisation until the token names one (the inviting
 * organisation, where the acceptance is audited with the person as actor).
 * An unknown, used or expired token gets one and the same answer.
 */
export async function acceptInvitation(
  ctx: RequestContext,
  input: AcceptInvitationInput,
): Promise<AcceptInvitationPayload> {
  const parsed = parseInvitationToken(input.token);
  if (!parsed) throw badInput('input.token', INVALID_INVITATION);
  if (ctx.db.hasTenant && ctx.db.tenantId !== parsed.tenantId) {
    throw forbidden('Sign out, then open the invitation link again.');
  }
  // Claimed atomically: a token works once, even when used twice at the same moment.
  const [claimed] = await ctx.db.query<{ user_id: string }>(
    `WITH claimed AS (
       UPDATE user_invitations SET used_at = now()
        WHERE token_hash = $1 AND id = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id)
     SELECT user_id FROM claimed`,
    [parsed.hash, invitationIdFor(parsed.tenantId, parsed.hash)],
  );
  if (!claimed) throw badInput('input.token', INVALID_INVITATION);
  const passwordHash = await hashPassword(input.password);
  const [user] = await ctx.db.query<{ email: string; display_name: string }>(
    `WITH changed AS (UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING email, display_name)
     SELECT email, display_name FROM changed`,
    [claimed.user_id, passwordHash],
  );
  // Any other link the person was given stops working.
  await ctx.db.query(
    `UPDATE user_invitations SET expires_at = now()
      WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()`,
    [claimed.user_id],
  );
  await ctx.db.actAs(parsed.tenantId);
  const actor: AuthenticatedSession = {
    sessionId: '',
    userId: claimed.user_id,
    email: user.email,
    displayName: user.display_name,
    expiresAt: new Date(),
  };
  await recordAudit({ ...ctx, auth: actor }, 'invitation.accept', 'User', claimed.user_id);
  ctx.logger.info({ userId: claimed.user_id }, 'invitation accepted');
  return { email: user.email };
}
