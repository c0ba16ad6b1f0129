import type { DataSource } from 'typeorm';
import type { OrganisationKind, Role } from '@holdspace/shared';
import { hashPassword } from '../auth/password';
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
];

type StaffLink = 'SUPERVISOR' | 'SUPERVISEE';

interface DemoUser {
  email: string;
  name: string;
  describe: string;
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
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = todayIso();
  await dataSource.transaction(async (manager) => {
    const query = (sql: string, parameters: unknown[]) => manager.query(sql, parameters);
    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const id = seededUuid(random);
      userIds.set(user.email, id);
      await query(
        'INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)',
        [id, user.email, user.name, passwordHash],
      );
    }

    for (const org of ORGANISATIONS) {
      const tenantId = seededUuid(random);
      await query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await query('INSERT INTO organisations (id, name, slug, kind) VALUES ($1, $2, $3, $4)', [
        tenantId,
        org.name,
        org.slug,
        org.kind,
      ]);
      const data = generateOrganisation(random, {
        refPrefix: org.slug.slice(0, 3).toUpperCase(),
        serviceNames: org.services,
        staffCount: org.staff,
        today,
        years: 3,
      });
      const memberships: Array<Record<string, unknown>> = [];
      const managed: Array<Record<string, unknown>> = [];
      for (const user of DEMO_USERS) {
        for (const m of user.memberships.filter((x) => x.org === org.slug)) {
          const membershipId = seededUuid(random);
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
    }
  });
  return true;
}
