import { createHash } from 'node:crypto';
import { ROLES, type Role } from '@holdspace/shared';
import type { RunningHoldspace } from '../server';
import {
  asTenant,
  auditEventsOf,
  callerOf,
  createOrganisation,
  createService,
  createUser,
  errorCode,
  expectError,
  gql,
  type Member,
  memberOf,
  operationsOf,
  organisationWithAdmin,
  signInToken,
  startTestServer,
} from '../../test/helpers';
import { INVALID_INVITATION, LAST_ADMIN, PENDING_ELSEWHERE } from './users.service';
import { UsersResolver } from './users.resolver';

const MEMBER =
  'membershipId user { id email displayName } role managedServiceIds invitationPending';
const MEMBERS = `query($page: PageInput) { members(page: $page) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor } nodes { ${MEMBER} } } }`;
const INVITE = `mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { invitationToken member { ${MEMBER} } } }`;
const RENEW = `mutation($id: ID!) { renewInvitation(membershipId: $id) { invitationToken member { ${MEMBER} } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { email } }`;
const CHANGE = `mutation($id: ID!, $input: ChangeMemberRoleInput!) {
  changeMemberRole(membershipId: $id, input: $input) { ${MEMBER} } }`;
const REMOVE = `mutation($id: ID!) { removeMember(membershipId: $id) }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token viewer {
  memberships { role organisation { id } } } } }`;

const NEW_PASSWORD = 'a long enough new password';

describe('users and memberships', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const ds = () => server.dataSource;
  const call = callerOf(() => server);
  const email = (label = 'person') => `${label}-${Math.random().toString(36).slice(2)}@Example.org`;
  const accept = (token: string, password = NEW_PASSWORD) =>
    gql(server.url, ACCEPT, { input: { token, password } });
  const signIn = (address: string, password: string) =>
    gql(server.url, SIGN_IN, { input: { email: address, password, issueBearerToken: true } });

  /** Memberships and managed services of an organisation, as stored. */
  const memberships = (tenantId: string) =>
    asTenant(
      ds(),
      tenantId,
      `SELECT m.id, m.user_id, m.role,
              ARRAY(SELECT service_id::text FROM membership_services s
                     WHERE s.tenant_id = m.tenant_id AND s.membership_id = m.id ORDER BY 1) AS services
         FROM memberships m WHERE m.tenant_id = $1 ORDER BY m.id`,
      [tenantId],
    );
  const membershipOf = async (tenantId: string, userId: string) =>
    (await memberships(tenantId)).find((m) => m.user_id === userId);

  const invite = (admin: Member, input: Record<string, unknown>) =>
    call(admin, INVITE, {
      input: { email: email(), displayName: 'New Person', role: 'PRACTITIONER', ...input },
    });

  describe('who may do what', () => {
    it('has a rule for every users operation', async () => {
      expect(await operationsOf(UsersResolver)).toEqual([
        'acceptInvitation',
        'changeMemberRole',
        'inviteMember',
        'members',
        'removeMember',
        'renewInvitation',
      ]);
    });

    it('lets only an organisation admin list, invite, renew, change and remove members', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const callers: Partial<Record<Role, Member>> = { ORG_ADMIN: admin };
      for (const role of ROLES.slice(1)) callers[role] = await memberOf(server, org.id, role);
      // A second admin, so that removing or demoting members never hits the last-admin rule.
      await memberOf(server, org.id, 'ORG_ADMIN');

      const target = async () => {
        const made = await invite(admin, {});
        return made.body.data?.inviteMember.member.membershipId as string;
      };
      const ops: Record<string, () => Promise<[string, Record<string, unknown>]>> = {
        members: async () => [MEMBERS, {}],
        inviteMember: async () => [
          INVITE,
          { input: { email: email(), displayName: 'X', role: 'ANALYST' } },
        ],
        renewInvitation: async () => [RENEW, { id: await target() }],
        changeMemberRole: async () => [CHANGE, { id: await target(), input: { role: 'ANALYST' } }],
        removeMember: async () => [REMOVE, { id: await target() }],
      };
      const outcomes: Record<string, Record<string, unknown>> = {};
      for (const [op, setUp] of Object.entries(ops)) {
        outcomes[op] = {};
        for (const role of ROLES) {
          const [query, variables] = await setUp();
          const r = await call(callers[role]!, query, variables);
          outcomes[op][role] = errorCode(r) ?? 'ALLOWED';
        }
        const [query, variables] = await setUp();
        outcomes[op].signedOut = errorCode(await gql(server.url, query, variables));
      }
      const adminOnly = {
        ORG_ADMIN: 'ALLOWED',
        SERVICE_MANAGER: 'FORBIDDEN',
        SUPERVISOR: 'FORBIDDEN',
        PRACTITIONER: 'FORBIDDEN',
        ANALYST: 'FORBIDDEN',
        COMMISSIONER_ANALYST: 'FORBIDDEN',
        signedOut: 'UNAUTHENTICATED',
      };
      expect(outcomes).toEqual(Object.fromEntries(Object.keys(ops).map((op) => [op, adminOnly])));
    });

    it('lets anyone holding a token accept an invitation, signed in or not', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const tokens: string[] = [];
      for (let i = 0; i < 2; i++) {
        tokens.push((await invite(admin, {})).body.data?.inviteMember.invitationToken);
      }
      expect((await accept(tokens[0])).body.errors).toBeUndefined();
      // Signed in to the same organisation (e.g. an admin testing the link): allowed.
      const r = await gql(
        server.url,
        ACCEPT,
        { input: { token: tokens[1], password: NEW_PASSWORD } },
        { token: admin.token, org: org.id },
      );
      expect(r.body.errors).toBeUndefined();
      // Signed in to another organisation: refused; sign out first.
      const elsewhere = await organisationWithAdmin(server);
      const third = (await invite(admin, {})).body.data?.inviteMember.invitationToken;
      expectError(
        await gql(
          server.url,
          ACCEPT,
          { input: { token: third, password: NEW_PASSWORD } },
          { token: elsewhere.admin.token, org: elsewhere.org.id },
        ),
        'FORBIDDEN',
      );
      expect((await accept(third)).body.errors).toBeUndefined();
    });
  });

  describe('invitations', () => {
    it('invites a new person, who accepts with the token and signs in with their password', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const address = email('new');
      const invited = await call(admin, INVITE, {
        input: { email: address, displayName: ' Robin New ', role: 'ANALYST' },
      });
      expect(invited.body.errors).toBeUndefined();
      const { member, invitationToken } = invited.body.data!.inviteMember;
      expect(member).toEqual({
        membershipId: expect.any(String),
        user: { id: expect.any(String), email: address.toLowerCase(), displayName: 'Robin New' },
        role: 'ANALYST',
        managedServiceIds: [],
        invitationPending: true,
      });
      expect(invitationToken).toMatch(new RegExp(`^${org.id}\\.[A-Za-z0-9_-]{43}$`));

      // Stored: a user with no password, and only the SHA-256 of the token, for 7 days.
      const [user] = await ds().query('SELECT password_hash FROM users WHERE id = $1', [
        member.user.id,
      ]);
      expect(user.password_hash).toBeNull();
      const invitations = await ds().query(
        `SELECT token_hash, used_at, round(extract(epoch FROM expires_at - created_at) / 86400) AS days
           FROM user_invitations WHERE user_id = $1`,
        [member.user.id],
      );
      expect(invitations).toHaveLength(1);
      expect(invitations[0].token_hash).toEqual(
        createHash('sha256').update(invitationToken).digest(),
      );
      expect(Number(invitations[0].days)).toBe(7);
      expect(invitations[0].used_at).toBeNull();
      // Nobody can sign in as them before they accept.
      expect(errorCode(await signIn(address, NEW_PASSWORD))).toBe('UNAUTHENTICATED');

      const accepted = await accept(invitationToken);
      expect(accepted.body.errors).toBeUndefined();
      expect(accepted.body.data?.acceptInvitation.email).toBe(address.toLowerCase());

      const signedIn = await signIn(address, NEW_PASSWORD);
      expect(signedIn.body.errors).toBeUndefined();
      expect(signedIn.body.data?.signIn.viewer.memberships).toEqual([
        { role: 'ANALYST', organisation: { id: org.id } },
      ]);
      const [hashed] = await ds().query('SELECT password_hash FROM users WHERE id = $1', [
        member.user.id,
      ]);
      expect(hashed.password_hash).toMatch(/^\$argon2id\$/);

      const list = await call(admin, MEMBERS);
      const listed = list.body.data?.members.nodes.find(
        (m: { membershipId: string }) => m.membershipId === member.membershipId,
      );
      expect(listed.invitationPending).toBe(false);

      // The token works once.
      expectError(
        await accept(invitationToken, 'another long password'),
        'BAD_USER_INPUT',
        'input.token',
      );
      expect((await signIn(address, NEW_PASSWORD)).body.errors).toBeUndefined();

      const events = await auditEventsOf(ds(), org.id);
      expect(events).toEqual(
        expect.arrayContaining([
          {
            action: 'member.invite',
            entity_type: 'Membership',
            entity_id: member.membershipId,
            actor_user_id: admin.user.id,
          },
          {
            action: 'invitation.accept',
            entity_type: 'User',
            entity_id: member.user.id,
            actor_user_id: member.user.id,
          },
        ]),
      );
      expect(events).toHaveLength(2);
      // The audit log holds no token, email or password.
      const raw = JSON.stringify(await ds().query('SELECT 1')) + JSON.stringify(events);
      expect(raw).not.toContain(invitationToken);
    });

    it('answers an unknown, malformed, used or expired token the same way', async () => {
      const { admin } = await organisationWithAdmin(server);
      const [used, expired] = [
        (await invite(admin, {})).body.data?.inviteMember,
        (await invite(admin, {})).body.data?.inviteMember,
      ];
      expect((await accept(used.invitationToken)).body.errors).toBeUndefined();
      await ds().query(
        `UPDATE user_invitations SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [expired.member.user.id],
      );
      const forged = `${admin.org}.${'A'.repeat(43)}`;
      // A real token with another organisation's id in front does not work either.
      const other = await organisationWithAdmin(server);
      const moved = expired.invitationToken.replace(admin.org, other.org.id);
      for (const token of [
        used.invitationToken,
        expired.invitationToken,
        forged,
        'garbage',
        '',
        moved,
      ]) {
        const r = await accept(token);
        expectError(r, 'BAD_USER_INPUT', 'input.token');
        expect(r.body.errors?.[0].message).toBe(INVALID_INVITATION);
      }
      const [row] = await ds().query('SELECT password_hash FROM users WHERE id = $1', [
        expired.member.user.id,
      ]);
      expect(row.password_hash).toBeNull();
    });

    it('requires a password of 12 to 256 characters, and keeps the token usable when refused', async () => {
      const { admin } = await organisationWithAdmin(server);
      const { invitationToken } = (await invite(admin, {})).body.data!.inviteMember;
      expectError(
        await accept(invitationToken, 'x'.repeat(11)),
        'BAD_USER_INPUT',
        'input.password',
      );
      expectError(
        await accept(invitationToken, 'x'.repeat(257)),
        'BAD_USER_INPUT',
        'input.password',
      );
      const refused = await accept(invitationToken, 'short');
      expect(JSON.stringify(refused.body)).not.toContain('short"');
      expect((await accept(invitationToken, 'x'.repeat(12))).body.errors).toBeUndefined();
    });

    it('adds someone who already has a password without a token; they sign in as they are', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const existing = await createUser(ds(), { displayName: 'Kept Name' });
      const r = await call(admin, INVITE, {
        input: {
          email: existing.email.toUpperCase(),
          displayName: 'Other Name',
          role: 'SUPERVISOR',
        },
      });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data?.inviteMember).toEqual({
        invitationToken: null,
        member: expect.objectContaining({
          user: { id: existing.id, email: existing.email, displayName: 'Kept Name' },
          role: 'SUPERVISOR',
          invitationPending: false,
        }),
      });
      expect(
        await ds().query('SELECT 1 FROM user_invitations WHERE user_id = $1', [existing.id]),
      ).toEqual([]);
      const token = await signInToken(server.url, existing.email);
      const viewer = await gql(
        server.url,
        '{ viewer { currentMembership { role } } }',
        {},
        { token, org: org.id },
      );
      expect(viewer.body.data?.viewer.currentMembership.role).toBe('SUPERVISOR');
    });

    it('refuses someone who is already a member, whatever the case of the email', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const before = await memberships(org.id);
      expectError(
        await invite(admin, { email: admin.user.email.toUpperCase() }),
        'CONFLICT',
        'input.email',
      );
      expect(await memberships(org.id)).toEqual(before);
    });

    it('refuses someone invited by another organisation who has not set a password yet', async () => {
      const a = await organisationWithAdmin(server);
      const b = await organisationWithAdmin(server);
      const address = email('pending');
      const fromA = await invite(a.admin, { email: address });
      const r = await invite(b.admin, { email: address });
      expectError(r, 'CONFLICT', 'input.email');
      expect(r.body.errors?.[0].message).toBe(PENDING_ELSEWHERE);
      expect(
        await membershipOf(b.org.id, fromA.body.data?.inviteMember.member.user.id),
      ).toBeUndefined();
      // Once they have accepted A's invitation, B may add them (no token needed).
      expect(
        (await accept(fromA.body.data?.inviteMember.invitationToken)).body.errors,
      ).toBeUndefined();
      const later = await invite(b.admin, { email: address });
      expect(later.body.data?.inviteMember.invitationToken).toBeNull();
    });

    it('renews a pending invitation (the old link stops working) and ends it when the member is removed', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const first = (await invite(admin, {})).body.data?.inviteMember;
      const renewed = await call(admin, RENEW, { id: first.member.membershipId });
      expect(renewed.body.errors).toBeUndefined();
      const second = renewed.body.data?.renewInvitation.invitationToken;
      expect(second).not.toBe(first.invitationToken);
      expectError(await accept(first.invitationToken), 'BAD_USER_INPUT', 'input.token');

      // Removing a member who never signed up ends their link.
      expect(
        (await call(admin, REMOVE, { id: first.member.membershipId })).body.errors,
      ).toBeUndefined();
      expectError(await accept(second), 'BAD_USER_INPUT', 'input.token');
      // Re-inviting them (invited only here) gives a fresh, working link.
      const again = await invite(admin, { email: first.member.user.email });
      expect(again.body.errors).toBeUndefined();
      expect(
        (await accept(again.body.data?.inviteMember.invitationToken)).body.errors,
      ).toBeUndefined();

      // A member with a password needs no link.
      expectError(
        await call(admin, RENEW, { id: again.body.data?.inviteMember.member.membershipId }),
        'CONFLICT',
        'membershipId',
      );
      const events = (await auditEventsOf(ds(), org.id)).map((e) => e.action).sort();
      expect(events).toEqual(
        [
          'invitation.accept',
          'invitation.renew',
          'member.invite',
          'member.invite',
          'member.remove',
        ].sort(),
      );
    });
  });

  describe('roles and managed services', () => {
    it('gives service managers services of this organisation, and nobody else any', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const s1 = await createService(ds(), org.id);
      const s2 = await createService(ds(), org.id);
      const foreign = await createService(ds(), (await createOrganisation(ds())).id);

      const manager = await invite(admin, {
        role: 'SERVICE_MANAGER',
        managedServiceIds: [s1.id, s2.id, s1.id],
      });
      expect(manager.body.errors).toBeUndefined();
      expect(manager.body.data?.inviteMember.member.managedServiceIds.sort()).toEqual(
        [s1.id, s2.id].sort(),
      );
      const before = await memberships(org.id);
      expectError(
        await invite(admin, { role: 'SUPERVISOR', managedServiceIds: [s1.id] }),
        'BAD_USER_INPUT',
        'input.managedServiceIds',
      );
      expectError(
        await invite(admin, { role: 'SERVICE_MANAGER', managedServiceIds: [s1.id, foreign.id] }),
        'NOT_FOUND',
        'input.managedServiceIds',
      );
      expectError(
        await invite(admin, { role: 'SERVICE_MANAGER', managedServiceIds: ['not-an-id'] }),
        'BAD_USER_INPUT',
        'input.managedServiceIds',
      );
      expect(await memberships(org.id)).toEqual(before);

      // Changing the role: services move with it, and go when the role is not a manager's.
      const id = manager.body.data?.inviteMember.member.membershipId;
      const moved = await call(admin, CHANGE, {
        id,
        input: { role: 'SERVICE_MANAGER', managedServiceIds: [s2.id] },
      });
      expect(moved.body.data?.changeMemberRole.managedServiceIds).toEqual([s2.id]);
      expectError(
        await call(admin, CHANGE, { id, input: { role: 'ANALYST', managedServiceIds: [s2.id] } }),
        'BAD_USER_INPUT',
        'input.managedServiceIds',
      );
      expectError(
        await call(admin, CHANGE, {
          id,
          input: { role: 'SERVICE_MANAGER', managedServiceIds: [foreign.id] },
        }),
        'NOT_FOUND',
        'input.managedServiceIds',
      );
      const demoted = await call(admin, CHANGE, { id, input: { role: 'ANALYST' } });
      expect(demoted.body.data?.changeMemberRole).toMatchObject({
        role: 'ANALYST',
        managedServiceIds: [],
      });
      const stored = (await memberships(org.id)).find((m) => m.id === id);
      expect(stored).toMatchObject({ role: 'ANALYST', services: [] });
      expect((await auditEventsOf(ds(), org.id)).filter((e) => e.action === 'member.role')).toEqual(
        [
          {
            action: 'member.role',
            entity_type: 'Membership',
            entity_id: id,
            actor_user_id: admin.user.id,
          },
          {
            action: 'member.role',
            entity_type: 'Membership',
            entity_id: id,
            actor_user_id: admin.user.id,
          },
        ],
      );
    });

    it('keeps commissioner analysts to commissioner organisations, which have admins besides', async () => {
      const provider = await organisationWithAdmin(server, { kind: 'NGO' });
      const commissioner = await organisationWithAdmin(server, { kind: 'COMMISSIONER' });
      expectError(
        await invite(provider.admin, { role: 'COMMISSIONER_ANALYST' }),
        'BAD_USER_INPUT',
        'input.role',
      );
      for (const role of ['SERVICE_MANAGER', 'SUPERVISOR', 'PRACTITIONER', 'ANALYST']) {
        expectError(await invite(commissioner.admin, { role }), 'BAD_USER_INPUT', 'input.role');
      }
      expect(
        (await invite(commissioner.admin, { role: 'COMMISSIONER_ANALYST' })).body.errors,
      ).toBeUndefined();
      const admin = await invite(commissioner.admin, { role: 'ORG_ADMIN' });
      expect(admin.body.errors).toBeUndefined();
      const id = admin.body.data?.inviteMember.member.membershipId;
      expectError(
        await call(commissioner.admin, CHANGE, { id, input: { role: 'PRACTITIONER' } }),
        'BAD_USER_INPUT',
        'input.role',
      );
      const analyst = (await invite(provider.admin, { role: 'ANALYST' })).body.data?.inviteMember
        .member;
      expectError(
        await call(provider.admin, CHANGE, {
          id: analyst.membershipId,
          input: { role: 'COMMISSIONER_ANALYST' },
        }),
        'BAD_USER_INPUT',
        'input.role',
      );
    });

    it('validates the invitation input with field-level errors', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const before = await memberships(org.id);
      expectError(await invite(admin, { email: 'not-an-email' }), 'BAD_USER_INPUT', 'input.email');
      expectError(
        await invite(admin, { email: `${'x'.repeat(320)}@example.org` }),
        'BAD_USER_INPUT',
        'input.email',
      );
      expectError(
        await invite(admin, { displayName: '   ' }),
        'BAD_USER_INPUT',
        'input.displayName',
      );
      expectError(
        await invite(admin, { displayName: 'x'.repeat(201) }),
        'BAD_USER_INPUT',
        'input.displayName',
      );
      expect(errorCode(await invite(admin, { role: 'OWNER' }))).toBe('BAD_USER_INPUT');
      expect(await memberships(org.id)).toEqual(before);
      expect(await auditEventsOf(ds(), org.id)).toEqual([]);
    });
  });

  describe('the last admin', () => {
    it('cannot be demoted or removed; with another admin, either may step down', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const mine = (await membershipOf(org.id, admin.user.id))!.id;
      const before = await memberships(org.id);
      const demote = await call(admin, CHANGE, { id: mine, input: { role: 'ANALYST' } });
      expectError(demote, 'CONFLICT', 'input.role');
      expect(demote.body.errors?.[0].message).toBe(LAST_ADMIN);
      expectError(await call(admin, REMOVE, { id: mine }), 'CONFLICT', 'membershipId');
      expect(await memberships(org.id)).toEqual(before);
      // Staying an admin (say, to change nothing) is fine.
      expect(
        (await call(admin, CHANGE, { id: mine, input: { role: 'ORG_ADMIN' } })).body.errors,
      ).toBeUndefined();

      const second = await memberOf(server, org.id, 'ORG_ADMIN');
      const demoted = await call(admin, CHANGE, { id: mine, input: { role: 'ANALYST' } });
      expect(demoted.body.data?.changeMemberRole.role).toBe('ANALYST');
      // Now `second` is the last admin and cannot remove themselves.
      expectError(
        await call(second, REMOVE, { id: second.membership.id }),
        'CONFLICT',
        'membershipId',
      );
      // The former admin has lost admin rights at once.
      expectError(await call(admin, MEMBERS), 'FORBIDDEN');
    });

    it('survives two admins demoting each other at the same moment', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const other = await memberOf(server, org.id, 'ORG_ADMIN');
      const mine = (await membershipOf(org.id, admin.user.id))!.id;
      const results = await Promise.all([
        call(admin, CHANGE, { id: other.membership.id, input: { role: 'ANALYST' } }),
        call(other, CHANGE, { id: mine, input: { role: 'ANALYST' } }),
      ]);
      const codes = results.map((r) => errorCode(r) ?? 'OK').sort();
      // One wins; the other is refused (CONFLICT, or FORBIDDEN if it was already demoted).
      expect(codes[0]).toMatch(/CONFLICT|FORBIDDEN/);
      expect(codes[1]).toBe('OK');
      const admins = (await memberships(org.id)).filter((m) => m.role === 'ORG_ADMIN');
      expect(admins).toHaveLength(1);
    });

    it('removes a member: they lose access at once, other organisations untouched', async () => {
      const { org, admin } = await organisationWithAdmin(server);
      const elsewhere = await organisationWithAdmin(server);
      const practitioner = await memberOf(server, org.id, 'PRACTITIONER');
      await asTenant(
        ds(),
        elsewhere.org.id,
        'INSERT INTO memberships (tenant_id, id, user_id, role) VALUES ($1, gen_random_uuid(), $2, $3)',
        [elsewhere.org.id, practitioner.user.id, 'ANALYST'],
      );
      const elsewhereBefore = await memberships(elsewhere.org.id);
      const removed = await call(admin, REMOVE, { id: practitioner.membership.id });
      expect(removed.body.data?.removeMember).toBe(practitioner.membership.id);
      expect(await membershipOf(org.id, practitioner.user.id)).toBeUndefined();
      expect(
        errorCode(
          await gql(
            server.url,
            '{ viewer { user { id } } }',
            {},
            {
              token: practitioner.token,
              org: org.id,
            },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(await memberships(elsewhere.org.id)).toEqual(elsewhereBefore);
      expect((await auditEventsOf(ds(), org.id)).at(-1)).toEqual({
        action: 'member.remove',
        entity_type: 'Membership',
        entity_id: practitioner.membership.id,
        actor_user_id: admin.user.id,
      });
    });
  });

  it("answers NOT_FOUND for another organisation's memberships and changes nothing there", async () => {
    const a = await organisationWithAdmin(server);
    const b = await organisationWithAdmin(server);
    const pending = (await invite(a.admin, {})).body.data?.inviteMember.member;
    const before = await memberships(a.org.id);
    const auditBefore = await auditEventsOf(ds(), a.org.id);
    for (const id of [pending.membershipId, '00000000-0000-4000-8000-000000000000', 'nope']) {
      expectError(await call(b.admin, CHANGE, { id, input: { role: 'ANALYST' } }), 'NOT_FOUND');
      expectError(await call(b.admin, REMOVE, { id }), 'NOT_FOUND');
      expectError(await call(b.admin, RENEW, { id }), 'NOT_FOUND');
    }
    const listed = await call(b.admin, MEMBERS);
    expect(listed.body.data?.members.nodes.map((m: { user: { id: string } }) => m.user.id)).toEqual(
      [b.admin.user.id],
    );
    expect(await memberships(a.org.id)).toEqual(before);
    expect(await auditEventsOf(ds(), a.org.id)).toEqual(auditBefore);
  });

  it('pages members by name', async () => {
    const { org, admin } = await organisationWithAdmin(server);
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'];
    for (const displayName of names) {
      const user = await createUser(ds(), { displayName });
      await asTenant(
        ds(),
        org.id,
        'INSERT INTO memberships (tenant_id, id, user_id, role) VALUES ($1, gen_random_uuid(), $2, $3)',
        [org.id, user.id, 'ANALYST'],
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r = await call(admin, MEMBERS, { page: { first: 2, after } });
      const conn = r.body.data?.members;
      expect(conn.totalCount).toBe(6);
      seen.push(...conn.nodes.map((n: { user: { displayName: string } }) => n.user.displayName));
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo', 'Test User']);
    expectError(
      await call(admin, MEMBERS, { page: { first: 101 } }),
      'BAD_USER_INPUT',
      'page.first',
    );
  });
});
