import type { GraphQLSchema } from 'graphql';
import { ROLES, type Role } from '@holdspace/shared';
import { buildHoldspaceSchema } from '../src/graphql/schema';
import type { RunningHoldspace } from '../src/server';
import {
  createOrganisationFixture,
  type OrganisationFixture,
} from './fixtures/organisation-fixture';
import { errorCode, gql, startTestServer } from './helpers';
import { callFor, schemaOperations } from './schema-operations';

const A: Role = 'ORG_ADMIN';
const M: Role = 'SERVICE_MANAGER';
const S: Role = 'SUPERVISOR';
const P: Role = 'PRACTITIONER';
const N: Role = 'ANALYST';
const C: Role = 'COMMISSIONER_ANALYST';
/**
 * A persona beyond the fixture organisation's roles: the ORG_ADMIN of the commissioner
 * organisation (which has an ACTIVE sharing agreement with the fixture organisation, whose
 * ORG_ADMIN is `A`). The commissioner analyst `C` acts in that commissioner organisation.
 */
const CA = 'COMMISSIONER_ADMIN' as const;
type Persona = Role | typeof CA;
const PERSONAS: Persona[] = [...ROLES, CA];
/**
 * The commissioning operations, the only ones asked as CA here: elsewhere CA is an ordinary
 * ORG_ADMIN of its own organisation, and the provider's ids in its hands are the business of
 * cross-organisation.test.ts.
 */
const COMMISSIONING = new Set([
  'sharingAgreements',
  'requestSharing',
  'withdrawSharingRequest',
  'acceptSharing',
  'updateSharing',
  'declineSharing',
  'revokeSharing',
  'commissionerComparison',
]);
const INDIVIDUAL = [A, M, S, P];

/**
 * Who may call each operation (product.md's table). `PUBLIC` needs no sign-in;
 * `SIGNED_IN` any signed-in user. An operation missing here fails the suite:
 * a new query or mutation cannot ship without a decided rule.
 * Finer rules (which services, which supervisees) are tested in each domain.
 */
const ACCESS: Record<string, Persona[] | 'PUBLIC' | 'SIGNED_IN'> = {
  // sign-in
  viewer: 'PUBLIC',
  signIn: 'PUBLIC',
  signOut: 'SIGNED_IN',
  acceptInvitation: 'PUBLIC',
  // services, staff, supervisors
  services: [A, M, S, P, N],
  createService: [A],
  renameService: [A],
  staffMember: INDIVIDUAL,
  staffMembers: INDIVIDUAL,
  createStaffMember: [A, M],
  updateStaffMember: [A, M],
  recordLeaver: [A, M],
  reinstateStaffMember: [A, M],
  eraseLeaverPersonalData: [A],
  supervisors: [A, M, S],
  createExternalSupervisor: [A, M],
  updateExternalSupervisor: [A, M],
  designateInternalSupervisor: [A, M],
  // agreements, sessions, actions
  agreement: INDIVIDUAL,
  agreements: INDIVIDUAL,
  createAgreement: [A, M],
  updateAgreement: [A, M],
  reviewAgreement: [A, M],
  endAgreement: [A, M],
  session: INDIVIDUAL,
  sessions: INDIVIDUAL,
  scheduleSession: [A, M, S],
  recordHeldSession: [A, M, S],
  markSessionHeld: [A, M, S],
  cancelSession: [A, M, S],
  markDidNotAttend: [A, M, S],
  confirmSession: [P],
  addSessionAction: [A, M, S],
  updateSessionAction: [A, M, S],
  // absence: never supervisors, practitioners or analysts
  absenceEpisode: [A, M],
  absenceEpisodes: [A, M],
  openAbsence: [A, M],
  closeAbsence: [A, M],
  correctAbsence: [A, M],
  deleteAbsence: [A, M],
  // organisation
  organisationSettings: [A, M, S, P, N, C],
  updateOrganisationSettings: [A],
  members: [A],
  inviteMember: [A],
  changeMemberRole: [A],
  removeMember: [A],
  renewInvitation: [A],
  auditEvents: [A],
  // metrics: aggregates for admins, managers (their services) and analysts; the overdue list names people
  metricsOverview: [A, M, N],
  overdueSupervision: [A, M],
  // commissioning (docs/commissioning.md): A is the provider's admin; C and CA the commissioner's
  sharingAgreements: [A, C, CA],
  requestSharing: [CA],
  withdrawSharingRequest: [CA],
  acceptSharing: [A],
  updateSharing: [A],
  declineSharing: [A],
  revokeSharing: [A],
  commissionerComparison: [C, CA],
};

const REFUSALS = ['FORBIDDEN', 'NOT_FOUND'];

describe('who may do what: every operation, every role', () => {
  let server: RunningHoldspace;
  let schema: GraphQLSchema;
  let shared: OrganisationFixture;

  beforeAll(async () => {
    server = await startTestServer();
    schema = await buildHoldspaceSchema();
    shared = await createOrganisationFixture(server.dataSource, { sharing: true });
  });
  afterAll(() => server.stop());

  it('has a rule for every query and mutation in the schema', () => {
    const missing = schemaOperations(schema)
      .map((op) => op.field.name)
      .filter((name) => !(name in ACCESS));
    expect(missing).toEqual([]);
    const names = new Set(schemaOperations(schema).map((op) => op.field.name));
    expect([...COMMISSIONING].filter((name) => !names.has(name))).toEqual([]);
  });

  it('refuses every operation that needs a sign-in when signed out', async () => {
    for (const { kind, field } of schemaOperations(schema)) {
      if (ACCESS[field.name] === 'PUBLIC') continue;
      const { document, variables } = callFor(kind, field, shared);
      const result = await gql(server.url, document, variables);
      expect({ op: field.name, code: errorCode(result) }).toEqual({
        op: field.name,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('allows or refuses each role as the table says', async () => {
    const outcomes: string[] = [];
    for (const { kind, field } of schemaOperations(schema)) {
      const rule = ACCESS[field.name];
      if (rule === undefined || rule === 'PUBLIC') continue;
      for (const role of PERSONAS) {
        if (role === CA && !COMMISSIONING.has(field.name)) continue;
        // Mutations get a fresh organisation each, so one role's change never decides another's answer.
        const f =
          kind === 'mutation'
            ? await createOrganisationFixture(server.dataSource, {
                sharing: COMMISSIONING.has(field.name),
              })
            : shared;
        const member = role === CA ? f.commissionerAdmin : f.members[role];
        const { document, variables } = callFor(kind, field, f);
        const result = await gql(server.url, document, variables, {
          token: member.token,
          org: member.org,
        });
        const code = errorCode(result) as string | undefined;
        const allowed = rule === 'SIGNED_IN' || rule.includes(role);
        const ok = allowed
          ? code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED' && code !== 'NOT_FOUND'
          : REFUSALS.includes(code ?? '');
        if (!ok)
          outcomes.push(
            `${field.name} as ${role}: expected ${allowed ? 'allowed' : 'refused'}, got ${code ?? 'data'} ${result.body.errors?.[0]?.message ?? ''}`,
          );
        if (!allowed) expect(result.body.data ?? null).toBeNull();
      }
    }
    expect(outcomes).toEqual([]);
  }, 600_000);
});
