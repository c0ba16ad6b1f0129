import type { DataSource } from 'typeorm';
import {
  addDays,
  addMonthsClamped,
  firstDayOfMonth,
  type OrganisationKind,
  type Role,
} from '@holdspace/shared';
import { hashPassword } from '../auth/password';
import { refreshMarkedRollup } from '../commissioning/rollup.service';
import { generateOrganisation, type GeneratedOrganisation } from './generate';
import { insertRows, loadOrganisation } from './load';
import { seededRandom, seededUuid } from './random';

/** Demo only: printed at start, never used outside the demo data. */
export const DEMO_PASSWORD = 'holdspace-demo-2026';

interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  services: string[];
  staff: number;
  /** Made from the commissioning demo's own random source (see COMMISSIONING_SEED). */
  commissioning?: true;
}

const ORGANISATIONS: DemoOrganisation[] = [
  {
    slug: 'northside',
    name: 'Northside Family Support',
    kind: 'NGO',
    services: ['Outreach', 'Counselling', 'Family support'],
    staff: 48,
  },
  {
    slug: 'riverside',
    name: 'Riverside Academy Trust',
    kind: 'SCHOOL',
    services: ['Pastoral', 'Safeguarding'],
    staff: 14,
  },
  {
    slug: 'county',
    name: 'County Council Commissioning',
    kind: 'COMMISSIONER',
    services: [],
    staff: 0,
  },
  // A provider County has asked to share (no answer yet), and another commissioner that has
  // asked Northside (for Northside's admin to answer).
  {
    slug: 'hillcrest',
    name: 'Hillcrest Care',
    kind: 'CARE_PROVIDER',
    services: ['Residential', 'Home care'],
    staff: 20,
    commissioning: true,
  },
  {
    slug: 'regional-fund',
    name: 'Regional Wellbeing Fund',
    kind: 'COMMISSIONER',
    services: [],
    staff: 0,
    commissioning: true,
  },
];

/**
 * The commissioning demo (docs/commissioning.md) draws from its own seeded source, so the
 * rest of the demo data stays exactly as it was: County shares all of Northside's services
 * and some of Riverside's (one of them small enough to be suppressed), from two years back.
 */
const COMMISSIONING_SEED = 20261123;
/** Riverside's small service (4 people), shared with County: its figures are suppressed. */
const SMALL_SERVICE = { name: 'Sixth form wellbeing', staff: 4 };
const SHARING: Array<{
  provider: string;
  commissioner: string;
  status: 'ACTIVE' | 'REQUESTED';
  /** Service names, or every service of the provider. */
  services: 'ALL' | string[];
}> = [
  { provider: 'northside', commissioner: 'county', status: 'ACTIVE', services: 'ALL' },
  {
    provider: 'riverside',
    commissioner: 'county',
    status: 'ACTIVE',
    services: ['Safeguarding', SMALL_SERVICE.name],
  },
  { provider: 'hillcrest', commissioner: 'county', status: 'REQUESTED', services: [] },
  { provider: 'northside', commissioner: 'regional-fund', status: 'REQUESTED', services: [] },
];

type StaffLink = 'SUPERVISOR' | 'SUPERVISEE';

interface DemoUser {
  email: string;
  name: string;
  describe: string;
  /** Made from the commissioning demo's own random source. */
  commissioning?: true;
  memberships: Array<{ org: string; role: Role; manages?: string[]; staffRecord?: StaffLink }>;
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@northside.example',
    name: 'Amira Khan',
    describe: 'organisation admin (Northside and Riverside)',
    memberships: [
      { org: 'northside', role: 'ORG_ADMIN' },
      { org: 'riverside', role: 'ORG_ADMIN' },
    ],
  },
  {
    email: 'manager@northside.example',
    name: 'Ben Okafor',
    describe: 'service manager (Outreach)',
    memberships: [{ org: 'northside', role: 'SERVICE_MANAGER', manages: ['Outreach'] }],
  },
  {
    email: 'supervisor@northside.example',
    name: 'Carys Evans',
    describe: 'supervisor',
    memberships: [{ org: 'northside', role: 'SUPERVISOR', staffRecord: 'SUPERVISOR' }],
  },
  {
    email: 'practitioner@northside.example',
    name: 'Dev Patel',
    describe: 'practitioner (supervised by Carys Evans)',
    memberships: [{ org: 'northside', role: 'PRACTITIONER', staffRecord: 'SUPERVISEE' }],
  },
  {
    email: 'analyst@northside.example',
    name: 'Elena Rossi',
    describe: 'analyst (aggregates only)',
    memberships: [{ org: 'northside', role: 'ANALYST' }],
  },
  {
    email: 'commissioner@county.example',
    name: 'Femi Adeyemi',
    describe: 'commissioner analyst',
    memberships: [{ org: 'county', role: 'COMMISSIONER_ANALYST' }],
  },
  {
    email: 'admin@county.example',
    name: 'Grace Whitfield',
    describe: 'commissioner organisation admin (asks providers to share)',
    memberships: [{ org: 'county', role: 'ORG_ADMIN' }],
    commissioning: true,
  },
];

/** The demo's "today": the day of the first start, so overdue lists look current. */
const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Links demo users to staff records: the supervisor user becomes the first
 * internal supervisor, in post; the practitioner one of their supervisees, in post.
 */
function linkStaff(
  data: GeneratedOrganisation,
  link: StaffLink,
  userId: string,
  name: string,
): void {
  const internal = data.supervisors.find((s) => s.kind === 'INTERNAL');
  if (!internal) return;
  const supervisorStaff = data.staff.find((s) => s.id === internal.staff_id)!;
  const superviseeIds = new Set(
    data.agreements.filter((a) => a.supervisor_id === internal.id).map((a) => a.staff_id),
  );
  const candidates =
    link === 'SUPERVISOR'
      ? [supervisorStaff]
      : data.staff.filter(
          (s) => superviseeIds.has(s.id) && s.id !== supervisorStaff.id && s.requires_supervision,
        );
  const target = candidates.find((s) => s.end_date === null) ?? candidates[0];
  if (!target) return;
  target.user_id = userId;
  target.display_name = name;
  if (target.end_date) {
    // Demo users are in post: reopen the person and their latest agreement.
    target.end_date = null;
    target.leaving_reason = null;
    const latest = data.agreements
      .filter((a) => a.staff_id === target.id)
      .sort((a, b) => String(b.start_date).localeCompare(String(a.start_date)))[0];
    if (latest) latest.end_date = null;
  }
}

/**
 * Creates the demo organisations, people, supervision, absences and sign-ins
 * when the database has no users at all (first run), in one transaction.
 * Returns true when it created them.
 */
export async function seedDemoIfEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = (await dataSource.query(
    'SELECT count(*)::int AS count FROM users',
  )) as Array<{ count: number }>;
  if (count > 0) return false;

  const random = seededRandom(20261122);
  const sharingRandom = seededRandom(COMMISSIONING_SEED);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = todayIso();
  await dataSource.transaction(async (manager) => {
    const query = (sql: string, parameters: unknown[]) => manager.query(sql, parameters);
    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const id = seededUuid(user.commissioning ? sharingRandom : random);
      userIds.set(user.email, id);
      await query(
        'INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)',
        [id, user.email, user.name, passwordHash],
      );
    }

    const organisations = new Map<
      string,
      { id: string; services: GeneratedOrganisation['services'] }
    >();
    for (const org of ORGANISATIONS) {
      const orgRandom = org.commissioning ? sharingRandom : random;
      const tenantId = seededUuid(orgRandom);
      await query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await query('INSERT INTO organisations (id, name, slug, kind) VALUES ($1, $2, $3, $4)', [
        tenantId,
        org.name,
        org.slug,
        org.kind,
      ]);
      const data = generateOrganisation(orgRandom, {
        refPrefix: org.slug.slice(0, 3).toUpperCase(),
        serviceNames: org.services,
        staffCount: org.staff,
        today,
        years: 3,
      });
      if (org.slug === 'riverside') addSmallService(data, sharingRandom, today);
      const memberships: Array<Record<string, unknown>> = [];
      const managed: Array<Record<string, unknown>> = [];
      for (const user of DEMO_USERS) {
        for (const m of user.memberships.filter((x) => x.org === org.slug)) {
          const membershipId = seededUuid(user.commissioning ? sharingRandom : orgRandom);
          const userId = userIds.get(user.email)!;
          memberships.push({ id: membershipId, user_id: userId, role: m.role });
          for (const name of m.manages ?? []) {
            managed.push({
              membership_id: membershipId,
              service_id: data.services.find((s) => s.name === name)!.id,
            });
          }
          if (m.staffRecord) linkStaff(data, m.staffRecord, userId, user.name);
        }
      }
      await loadOrganisation(query, tenantId, data);
      await insertRows(query, 'memberships', tenantId, memberships);
      await insertRows(query, 'membership_services', tenantId, managed);
      organisations.set(org.slug, { id: tenantId, services: data.services });
    }
    await seedSharing(query, organisations, userIds, sharingRandom, today);
  });
  return true;
}

/**
 * Riverside's small service: a few people generated apart (their own references), so that
 * a shared service has fewer staff than any suppression threshold.
 */
function addSmallService(data: GeneratedOrganisation, random: () => number, today: string): void {
  const small = generateOrganisation(random, {
    refPrefix: 'RSX',
    serviceNames: [SMALL_SERVICE.name],
    staffCount: SMALL_SERVICE.staff,
    today,
    years: 3,
  });
  for (const session of small.sessions) session.session_ref = `X${String(session.session_ref)}`;
  data.services.push(...small.services);
  data.staff.push(...small.staff);
  data.supervisors.push(...small.supervisors);
  data.agreements.push(...small.agreements);
  data.sessions.push(...small.sessions);
  data.attendees.push(...small.attendees);
  data.actions.push(...small.actions);
  data.absences.push(...small.absences);
}

/**
 * The demo's sharing agreements (SHARING), each audited in both organisations' logs as the
 * API would, then the rollup of every provider that shares (computed here: the seed commits
 * outside the API's request path).
 */
async function seedSharing(
  query: (sql: string, parameters: unknown[]) => Promise<unknown>,
  organisations: Map<string, { id: string; services: GeneratedOrganisation['services'] }>,
  userIds: Map<string, string>,
  random: () => number,
  today: string,
): Promise<void> {
  const countyAdmin = userIds.get('admin@county.example') ?? null;
  const providerAdmin = userIds.get('admin@northside.example') ?? null;
  const sharedFrom = addMonthsClamped(firstDayOfMonth(today), -24);
  const audit: Array<{
    tenant: string;
    action: string;
    agreement: string;
    actor: string | null;
    at: string;
  }> = [];
  const sharing = new Set<string>();
  for (const agreement of SHARING) {
    const provider = organisations.get(agreement.provider)!;
    const commissioner = organisations.get(agreement.commissioner)!;
    const id = seededUuid(random);
    const requestedAt = `${addDays(sharedFrom, -14)}T10:00:00Z`;
    const respondedAt = `${addDays(sharedFrom, -7)}T15:30:00Z`;
    const active = agreement.status === 'ACTIVE';
    await query(`SELECT set_config('app.tenant_id', $1, true)`, [provider.id]);
    await query(
      `INSERT INTO sharing_agreements (tenant_id, id, commissioner_id, status, requested_at,
         requested_by, responded_at, responded_by, shared_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        provider.id,
        id,
        commissioner.id,
        agreement.status,
        active ? requestedAt : `${addDays(today, -3)}T09:00:00Z`,
        agreement.commissioner === 'county' ? countyAdmin : null,
        active ? respondedAt : null,
        active ? providerAdmin : null,
        active ? sharedFrom : null,
      ],
    );
    const names = agreement.services;
    const services = provider.services.filter((s) => names === 'ALL' || names.includes(s.name));
    await insertRows(
      query,
      'sharing_agreement_services',
      provider.id,
      services.map((s) => ({ agreement_id: id, service_id: s.id })),
    );
    for (const tenant of [provider.id, commissioner.id]) {
      audit.push({
        tenant,
        action: 'sharing.request',
        agreement: id,
        actor: agreement.commissioner === 'county' ? countyAdmin : null,
        at: active ? requestedAt : `${addDays(today, -3)}T09:00:00Z`,
      });
      if (active) {
        audit.push({
          tenant,
          action: 'sharing.accept',
          agreement: id,
          actor: providerAdmin,
          at: respondedAt,
        });
      }
    }
    if (active) sharing.add(provider.id);
  }
  for (const event of audit) {
    await query(`SELECT set_config('app.tenant_id', $1, true)`, [event.tenant]);
    await query(
      `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, occurred_at)
       VALUES ($1, $2, $3, $4, 'SharingAgreement', $5, $6)`,
      [event.tenant, seededUuid(random), event.actor, event.action, event.agreement, event.at],
    );
  }
  // The rollup of each sharing provider: from the marks its agreements left, as at a commit.
  for (const tenantId of sharing) {
    await query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    await refreshMarkedRollup({
      tenantId,
      query: async <T>(sql: string, parameters: unknown[] = []) =>
        (await query(sql, parameters)) as T[],
    });
  }
}
