import { ROLES } from '@holdspace/shared';
import type { RunningHoldspace } from '../server';
import {
  asTenant,
  auditEventsOf,
  callerOf,
  errorCode,
  expectError,
  gql,
  type Member,
  memberOf,
  operationsOf,
  organisationWithAdmin,
  startTestServer,
} from '../../test/helpers';
import { SettingsResolver } from './settings.resolver';

const F = `name timeZone currency defaultInterval countedFormats supervisionCostPerWorkerYear
  recruitmentCostPerLeaver suppressionThreshold retentionMonths costDefaultsSource`;
const GET = `{ organisationSettings { ${F} } }`;
const UPDATE = `mutation($input: UpdateOrganisationSettingsInput!) {
  updateOrganisationSettings(input: $input) { ${F} } }`;

describe('organisation settings', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const ds = () => server.dataSource;
  const call = callerOf(() => server);
  const stored = (tenantId: string) =>
    asTenant(
      ds(),
      tenantId,
      `SELECT name, time_zone, currency, default_interval, counted_formats,
              supervision_cost_per_worker_year::text, recruitment_cost_per_leaver::text,
              suppression_threshold, retention_months
         FROM organisations WHERE id = $1`,
      [tenantId],
    ).then((rows) => rows[0]);

  const orgWithAdmin = () => organisationWithAdmin(server, { name: 'Northside Care' });

  it('shows the defaults, with where the default costs come from, to every member', async () => {
    const { org, admin } = await orgWithAdmin();
    const expected = {
      name: 'Northside Care',
      timeZone: 'Europe/London',
      currency: 'GBP',
      defaultInterval: 'MONTHLY',
      countedFormats: ['ONE_TO_ONE', 'GROUP'],
      supervisionCostPerWorkerYear: 563,
      recruitmentCostPerLeaver: 1612,
      suppressionThreshold: 5,
      retentionMonths: 72,
      costDefaultsSource: expect.stringMatching(/one charity's published evaluation/),
    };
    for (const role of ROLES) {
      const who = role === 'ORG_ADMIN' ? admin : await memberOf(server, org.id, role);
      const result = await call(who, GET);
      expect({ role, data: result.body.data?.organisationSettings }).toEqual({
        role,
        data: expected,
      });
    }
    const source = (await call(admin, GET)).body.data?.organisationSettings.costDefaultsSource;
    expect(source).toMatch(/563/);
    expect(source).toMatch(/1,612/);
    expect(errorCode(await gql(server.url, GET))).toBe('UNAUTHENTICATED');
  });

  it('has a rule for every settings operation; only an admin changes settings', async () => {
    expect(await operationsOf(SettingsResolver)).toEqual([
      'organisationSettings',
      'updateOrganisationSettings',
    ]);
    const { org, admin } = await orgWithAdmin();
    const outcomes: Record<string, unknown> = {};
    for (const role of ROLES) {
      const who = role === 'ORG_ADMIN' ? admin : await memberOf(server, org.id, role);
      const result = await call(who, UPDATE, { input: { retentionMonths: 60 } });
      outcomes[role] = errorCode(result) ?? 'ALLOWED';
    }
    outcomes.signedOut = errorCode(
      await gql(server.url, UPDATE, { input: { retentionMonths: 60 } }),
    );
    expect(outcomes).toEqual({
      ORG_ADMIN: 'ALLOWED',
      SERVICE_MANAGER: 'FORBIDDEN',
      SUPERVISOR: 'FORBIDDEN',
      PRACTITIONER: 'FORBIDDEN',
      ANALYST: 'FORBIDDEN',
      COMMISSIONER_ANALYST: 'FORBIDDEN',
      signedOut: 'UNAUTHENTICATED',
    });
  });

  it('updates only the settings given, audits the change, and touches no other organisation', async () => {
    const { org, admin } = await orgWithAdmin();
    const other = await orgWithAdmin();
    const otherBefore = await stored(other.org.id);
    const result = await call(admin, UPDATE, {
      input: {
        name: '  Northside Community Care ',
        timeZone: 'America/New_York',
        currency: 'USD',
        defaultInterval: 'SIX_WEEKLY',
        countedFormats: ['ONE_TO_ONE', 'PEER'],
        supervisionCostPerWorkerYear: 700.5,
        recruitmentCostPerLeaver: 0,
        suppressionThreshold: 3,
        retentionMonths: 240,
      },
    });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.updateOrganisationSettings).toMatchObject({
      name: 'Northside Community Care',
      timeZone: 'America/New_York',
      currency: 'USD',
      defaultInterval: 'SIX_WEEKLY',
      countedFormats: ['ONE_TO_ONE', 'PEER'],
      supervisionCostPerWorkerYear: 700.5,
      recruitmentCostPerLeaver: 0,
      suppressionThreshold: 3,
      retentionMonths: 240,
    });
    const partial = await call(admin, UPDATE, { input: { retentionMonths: 12 } });
    expect(partial.body.data?.updateOrganisationSettings).toMatchObject({
      currency: 'USD',
      retentionMonths: 12,
    });
    expect(await stored(org.id)).toEqual({
      name: 'Northside Community Care',
      time_zone: 'America/New_York',
      currency: 'USD',
      default_interval: 'SIX_WEEKLY',
      counted_formats: ['ONE_TO_ONE', 'PEER'],
      supervision_cost_per_worker_year: '700.50',
      recruitment_cost_per_leaver: '0.00',
      suppression_threshold: 3,
      retention_months: 12,
    });
    expect(await auditEventsOf(ds(), org.id)).toEqual([
      {
        action: 'settings.update',
        entity_type: 'Organisation',
        entity_id: org.id,
        actor_user_id: admin.user.id,
      },
      {
        action: 'settings.update',
        entity_type: 'Organisation',
        entity_id: org.id,
        actor_user_id: admin.user.id,
      },
    ]);
    expect(await stored(other.org.id)).toEqual(otherBefore);
    // The viewer's organisation reflects the new time zone and currency too.
    const viewer = await call(
      admin,
      '{ viewer { currentMembership { organisation { timeZone currency } } } }',
    );
    expect(viewer.body.data?.viewer.currentMembership.organisation).toEqual({
      timeZone: 'America/New_York',
      currency: 'USD',
    });
  });

  it('stores a time zone under its canonical IANA name', async () => {
    const { admin } = await orgWithAdmin();
    const result = await call(admin, UPDATE, { input: { timeZone: 'europe/paris' } });
    expect(result.body.data?.updateOrganisationSettings.timeZone).toBe('Europe/Paris');
    const utc = await call(admin, UPDATE, { input: { timeZone: 'UTC' } });
    expect(utc.body.data?.updateOrganisationSettings.timeZone).toBe('UTC');
  });

  describe('validation (code and field), nothing changed on refusal', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'input.timeZone'],
      ['an offset instead of a zone', { timeZone: '+01:00' }, 'input.timeZone'],
      ['a blank time zone', { timeZone: '' }, 'input.timeZone'],
      ['a lower-case currency', { currency: 'gbp' }, 'input.currency'],
      ['a four-letter currency', { currency: 'GBPX' }, 'input.currency'],
      ['a currency that is not ISO 4217', { currency: 'ZZZ' }, 'input.currency'],
      [
        'a negative supervision cost',
        { supervisionCostPerWorkerYear: -1 },
        'input.supervisionCostPerWorkerYear',
      ],
      [
        'a supervision cost over a million',
        { supervisionCostPerWorkerYear: 1_000_000.01 },
        'input.supervisionCostPerWorkerYear',
      ],
      [
        'a cost with three decimals',
        { supervisionCostPerWorkerYear: 1.005 },
        'input.supervisionCostPerWorkerYear',
      ],
      [
        'a tiny fraction JavaScript prints as 1e-7',
        { recruitmentCostPerLeaver: 1e-7 },
        'input.recruitmentCostPerLeaver',
      ],
      [
        'a negative recruitment cost',
        { recruitmentCostPerLeaver: -0.01 },
        'input.recruitmentCostPerLeaver',
      ],
      [
        'a recruitment cost over a million',
        { recruitmentCostPerLeaver: 2_000_000 },
        'input.recruitmentCostPerLeaver',
      ],
      [
        'a suppression threshold below 3',
        { suppressionThreshold: 2 },
        'input.suppressionThreshold',
      ],
      [
        'a suppression threshold above 50',
        { suppressionThreshold: 51 },
        'input.suppressionThreshold',
      ],
      ['a retention below 12 months', { retentionMonths: 11 }, 'input.retentionMonths'],
      ['a retention above 240 months', { retentionMonths: 241 }, 'input.retentionMonths'],
      ['no counted formats', { countedFormats: [] }, 'input.countedFormats'],
      ['a counted format twice', { countedFormats: ['GROUP', 'GROUP'] }, 'input.countedFormats'],
      ['a blank name', { name: '   ' }, 'input.name'],
      ['a name over 200 characters', { name: 'x'.repeat(201) }, 'input.name'],
    ];
    let admin: Member;
    let orgId: string;
    beforeAll(async () => {
      const made = await orgWithAdmin();
      admin = made.admin;
      orgId = made.org.id;
    });

    it.each(cases)('refuses %s', async (_label, input, field) => {
      const before = await stored(orgId);
      expectError(await call(admin, UPDATE, { input }), 'BAD_USER_INPUT', field);
      expect(await stored(orgId)).toEqual(before);
    });

    it('accepts the bounds themselves', async () => {
      for (const input of [
        { suppressionThreshold: 50, retentionMonths: 12, supervisionCostPerWorkerYear: 1_000_000 },
        { suppressionThreshold: 3, retentionMonths: 240, recruitmentCostPerLeaver: 0.01 },
      ]) {
        expect((await call(admin, UPDATE, { input })).body.errors).toBeUndefined();
      }
    });

    it('refuses values outside the enumerations and non-integers', async () => {
      expect(errorCode(await call(admin, UPDATE, { input: { defaultInterval: 'YEARLY' } }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await call(admin, UPDATE, { input: { countedFormats: ['CHAT'] } }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await call(admin, UPDATE, { input: { suppressionThreshold: 4.5 } }))).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('writes no audit event when refused', async () => {
      const before = await auditEventsOf(ds(), orgId);
      await call(admin, UPDATE, { input: { suppressionThreshold: 1 } });
      expect(await auditEventsOf(ds(), orgId)).toEqual(before);
    });
  });
});
