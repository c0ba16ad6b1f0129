/**
 * The commissioner comparison over GraphQL, against the real database, with the rollup made
 * by the real path: providers' records written as the providers, sharing requested by the
 * commissioner and accepted by the providers over the API (whose commit computes the
 * rollup). Every visible figure must equal the shared reference (packages/shared)
 * computed straight from the records; suppression shows as null with its reason.
 */
import { randomUUID } from 'node:crypto';
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import {
  COMPARISON_METRIC_FIGURE,
  DEFAULT_ORG_SETTINGS,
  addDays,
  addMonthsClamped,
  applyScope,
  computeHeadlines,
  lastDayOfMonth,
  quantile,
  staffInPostDuring,
  type AbsenceRecord,
  type AgreementRecord,
  type Figure,
  type OrgData,
  type Period,
  type Scope,
  type SessionRecord,
  type StaffRecord,
} from '@holdspace/shared';
import { issueToken } from '../../test/fixtures/organisation-fixture';
import {
  addMembership,
  asTenant,
  createOrganisation,
  createUser,
  errorCode,
  gql,
  startTestServer,
} from '../../test/helpers';
import { buildHoldspaceSchema } from '../graphql/schema';
import { insertOrg, type FixtureOrg } from '../metrics/testing/org-fixture';
import type { RunningHoldspace } from '../server';
import type { RequestContext } from '../tenancy/context';

const RELATIVE_TOLERANCE = 1e-9;

/** mulberry32: a small seeded generator, so the records are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ServiceSpec {
  name: string;
  staff: number;
  types: string[];
  /** Leavers and starters during the compared months (Social workers only). */
  churn?: boolean;
}

/**
 * A provider's records: staff of each service (types in turn), agreements for most, sessions
 * every few weeks (some cancelled or missed, some peer, some group within a service),
 * absences. Dates run from 2022 to 2025.
 */
function providerRecords(
  specs: ServiceSpec[],
  seed: number,
): FixtureOrg & { serviceIds: Record<string, string> } {
  const rand = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const dayIn = (from: string, days: number) => addDays(from, Math.floor(rand() * days));
  const serviceIds: Record<string, string> = {};
  const serviceNames: Record<string, string> = {};
  const staff: StaffRecord[] = [];
  const agreements: AgreementRecord[] = [];
  const sessions: SessionRecord[] = [];
  const absences: AbsenceRecord[] = [];
  for (const spec of specs) {
    const serviceId = randomUUID();
    serviceIds[spec.name] = serviceId;
    serviceNames[serviceId] = spec.name;
    const members: StaffRecord[] = [];
    for (let i = 0; i < spec.staff; i++) {
      const type = spec.types[i % spec.types.length];
      const leaver = spec.churn && i % 4 === 1;
      const starter = spec.churn && i % 4 === 3 && i > 4;
      const member: StaffRecord = {
        id: randomUUID(),
        serviceId,
        practitionerType: type,
        fte: pick([1, 1, 0.8, 0.5]),
        startDate: starter ? dayIn('2025-02-01', 80) : dayIn('2022-01-01', 900),
        endDate: leaver ? dayIn('2025-01-15', 150) : null,
        leavingReason: leaver ? 'RESIGNATION' : null,
        requiresSupervision: i % 7 !== 6,
      };
      members.push(member);
      if (rand() < 0.7) {
        agreements.push({
          id: randomUUID(),
          staffId: member.id,
          interval: pick(['MONTHLY', 'SIX_WEEKLY', 'FORTNIGHTLY', 'FOUR_WEEKLY'] as const),
          startDate: member.startDate,
          endDate: null,
          reviewDueDate: null,
          countedFormats: null,
        });
      }
      let date = member.startDate > '2024-06-01' ? member.startDate : dayIn('2024-06-01', 30);
      while (date <= '2025-08-31') {
        const r = rand();
        sessions.push({
          id: randomUUID(),
          date,
          durationMinutes: pick([45, 60, 60, 90]),
          format: r < 0.85 ? 'ONE_TO_ONE' : r < 0.95 ? 'PEER' : 'CASE_CONSULTATION',
          status: pick(['HELD', 'HELD', 'HELD', 'HELD', 'HELD', 'CANCELLED', 'DID_NOT_ATTEND']),
          attendeeIds: [member.id],
          functions: [],
        });
        date = addDays(date, 14 + Math.floor(rand() * 40));
      }
      if (rand() < 0.3) {
        const start = dayIn('2024-11-01', 260);
        absences.push({
          id: randomUUID(),
          staffId: member.id,
          startDate: start,
          endDate: rand() < 0.1 ? null : addDays(start, Math.floor(rand() * 40)),
          reason: pick(['MENTAL_HEALTH', 'MINOR_ILLNESS', 'MUSCULOSKELETAL'] as const),
        });
      }
    }
    // A group session each month among three of the service's staff.
    if (members.length >= 3) {
      for (let month = 1; month <= 8; month++) {
        const attendees = [...members].sort(() => rand() - 0.5).slice(0, 3);
        sessions.push({
          id: randomUUID(),
          date: `2025-0${month}-${String(5 + Math.floor(rand() * 20)).padStart(2, '0')}`,
          durationMinutes: 90,
          format: 'GROUP',
          status: pick(['HELD', 'HELD', 'CANCELLED']),
          attendeeIds: attendees.map((m) => m.id),
          functions: [],
        });
      }
    }
    staff.push(...members);
  }
  return {
    settings: { ...DEFAULT_ORG_SETTINGS, supervisionCostPerWorkerYear: 600 },
    staff,
    agreements,
    sessions,
    absences,
    serviceNames,
    serviceIds,
  };
}

/** The comparison's figures by the reference, straight from the records, with their Figures. */
function referenceFigures(org: OrgData, period: Period, scope: Scope) {
  const h = computeHeadlines(org, period, scope);
  const spend: Figure = {
    value: h.cost.averageEligible === 0 ? null : h.cost.supervisionSpend / h.cost.averageEligible,
    numerator: h.cost.supervisionSpend,
    denominator: h.cost.averageEligible,
  };
  const overdue: Figure = {
    value: h.eligible === 0 ? null : (100 * h.overdueCount) / h.eligible,
    numerator: h.overdueCount,
    denominator: h.eligible,
  };
  const figures = {
    coverage: h.coverage,
    shareOverdue: overdue,
    supervisionHoursPerWorkerPerMonth: h.supervisionHoursPerWorkerPerMonth,
    cancellationRate: h.cancellationRate,
    absenceRate: h.absenceRate,
    turnoverRate: h.turnoverRate,
    annualisedTurnoverRate: h.annualisedTurnoverRate,
    supervisionSpendPerWorker: spend,
  };
  return { figures, headcount: h.headcount };
}
type RefFigures = ReturnType<typeof referenceFigures>['figures'];
type FigureName = keyof RefFigures;
const FIGURES: FigureName[] = [
  'coverage',
  'shareOverdue',
  'supervisionHoursPerWorkerPerMonth',
  'cancellationRate',
  'absenceRate',
  'turnoverRate',
  'annualisedTurnoverRate',
  'supervisionSpendPerWorker',
];
const SCALE: Record<FigureName, number> = {
  coverage: 100,
  shareOverdue: 100,
  supervisionHoursPerWorkerPerMonth: 1,
  cancellationRate: 100,
  absenceRate: 100,
  turnoverRate: 100,
  annualisedTurnoverRate: 100,
  supervisionSpendPerWorker: 1,
};

const valuesOf = (f: RefFigures) =>
  Object.fromEntries(FIGURES.map((k) => [k, f[k].value])) as Record<FigureName, number | null>;

/** The pool of several scopes' figures: Σ numerators over Σ denominators. */
function pooledOf(parts: RefFigures[]): Record<FigureName, number | null> {
  return Object.fromEntries(
    FIGURES.map((k) => {
      const num = parts.reduce((acc, p) => acc + p[k].numerator, 0);
      const den = parts.reduce((acc, p) => acc + p[k].denominator, 0);
      return [k, den === 0 ? null : (SCALE[k] * num) / den];
    }),
  ) as Record<FigureName, number | null>;
}

function close(actual: unknown, expected: number | null): boolean {
  if (expected === null || typeof actual !== 'number') return actual === expected;
  return (
    Math.abs(actual - expected) <=
    RELATIVE_TOLERANCE * Math.max(1, Math.abs(actual), Math.abs(expected))
  );
}

function figureDifferences(
  label: string,
  actual: Record<string, unknown>,
  expected: Record<FigureName, number | null>,
): string[] {
  return FIGURES.filter((k) => !close(actual[k], expected[k])).map(
    (k) => `${label}.${k}: ${String(actual[k])} (API) != ${String(expected[k])} (reference)`,
  );
}

function band(headcount: number): string | null {
  if (headcount < 1) return null;
  const bands: [number, string][] = [
    [10, '1–9'],
    [25, '10–24'],
    [50, '25–49'],
    [100, '50–99'],
    [250, '100–249'],
  ];
  return bands.find(([limit]) => headcount < limit)?.[1] ?? '250+';
}

const FIGURE_FIELDS = `{ ${FIGURES.join(' ')} }`;
const COMPARISON = `query Comparison($input: CommissionerComparisonInput!) {
  commissionerComparison(input: $input) {
    fromMonth toMonth threshold latestCompleteMonth
    rows { serviceId serviceName providerName providerKind currency headcountBand suppressed suppressionReason figures ${FIGURE_FIELDS} }
    pooled { serviceId serviceName providerName providerKind currency headcountBand suppressed suppressionReason figures ${FIGURE_FIELDS} }
    benchmarks { metric median lowerQuartile upperQuartile services }
    trend { month suppressed suppressionReason pooled ${FIGURE_FIELDS} benchmarks { metric median lowerQuartile upperQuartile services } }
  }
}`;

interface Row {
  serviceId: string;
  serviceName: string;
  providerName: string;
  providerKind: string;
  currency: string;
  headcountBand: string | null;
  suppressed: boolean;
  suppressionReason: string | null;
  figures: Record<string, number | null>;
}
interface Benchmark {
  metric: string;
  median: number | null;
  lowerQuartile: number | null;
  upperQuartile: number | null;
  services: number;
}
interface ComparisonAnswer {
  fromMonth: string;
  toMonth: string;
  threshold: number;
  latestCompleteMonth: string | null;
  rows: Row[];
  pooled: Row;
  benchmarks: Benchmark[];
  trend: Array<{
    month: string;
    suppressed: boolean;
    suppressionReason: string | null;
    pooled: Record<string, number | null>;
    benchmarks: Benchmark[];
  }>;
}

let server: RunningHoldspace;
let statements: number[] = [];

const ALPHA: ServiceSpec[] = [
  { name: 'Outreach', staff: 14, types: ['Counsellor', 'Social worker'], churn: true },
  { name: 'Family support', staff: 10, types: ['Counsellor', 'Social worker'] },
  { name: 'Counselling', staff: 8, types: ['Counsellor', 'Social worker'] },
  { name: 'Tiny', staff: 2, types: ['Counsellor', 'Social worker'] },
];
const BETA: ServiceSpec[] = [{ name: 'School team', staff: 9, types: ['Teacher'] }];

const alpha = providerRecords(ALPHA, 20261122);
const beta = providerRecords(BETA, 6);
const ids = { alpha: randomUUID(), beta: randomUUID() };
const JAN_JUN: Period = { from: '2025-01-01', to: '2025-06-30' };
const MAR_JUN: Period = { from: '2025-03-01', to: '2025-06-30' };
const INPUT = { fromMonth: '2025-01-01', toMonth: '2025-06-01' };

type Member = { token: string; org: string };
const people = {} as Record<
  | 'alphaAdmin'
  | 'alphaAnalyst'
  | 'betaAdmin'
  | 'commissionerAdmin'
  | 'commissionerAnalyst'
  | 'otherCommissioner'
  | 'waitingCommissioner',
  Member
>;
let betaAgreement = '';

async function member(orgId: string, role: Parameters<typeof addMembership>[3]): Promise<Member> {
  const user = await createUser(server.dataSource);
  await addMembership(server.dataSource, orgId, user.id, role);
  return { token: await issueToken(server.dataSource, user.id), org: orgId };
}

async function call<T = Record<string, any>>(
  who: Member,
  query: string,
  variables: Record<string, unknown> = {},
) {
  return gql<T>(server.url, query, variables, who);
}

async function comparison(who: Member, input: Record<string, unknown> = INPUT) {
  const result = await call<{ commissionerComparison: ComparisonAnswer }>(who, COMPARISON, {
    input,
  });
  if (result.body.errors) throw new Error(JSON.stringify(result.body.errors));
  return result.body.data!.commissionerComparison;
}

async function share(commissioner: Member, provider: Member, slug: string, terms?: object) {
  const requested = await call(
    commissioner,
    'mutation($input: RequestSharingInput!) { requestSharing(input: $input) { id status } }',
    { input: { providerSlug: slug } },
  );
  const id = requested.body.data?.requestSharing.id as string;
  expect({ id, errors: requested.body.errors }).toEqual({
    id: expect.any(String),
    errors: undefined,
  });
  if (!terms) return id;
  const accepted = await call(
    provider,
    'mutation($id: ID!, $input: SharingTermsInput!) { acceptSharing(id: $id, input: $input) { id status } }',
    { id, input: terms },
  );
  expect(accepted.body.errors).toBeUndefined();
  expect(accepted.body.data?.acceptSharing.status).toBe('ACTIVE');
  return id;
}

beforeAll(async () => {
  server = await startTestServer({}, [], (ctx: RequestContext) => {
    statements.push(ctx.db.statements);
  });
  const ds = server.dataSource;
  await insertOrg(ds, alpha, ids.alpha);
  await insertOrg(ds, beta, ids.beta);
  await asTenant(ds, ids.alpha, `UPDATE organisations SET name = 'Alpha Care' WHERE id = $1`, [
    ids.alpha,
  ]);
  await asTenant(
    ds,
    ids.beta,
    `UPDATE organisations SET name = 'Beta Academy', kind = 'SCHOOL', suppression_threshold = 8 WHERE id = $1`,
    [ids.beta],
  );
  const commissioner = await createOrganisation(ds, { kind: 'COMMISSIONER', name: 'County' });
  const other = await createOrganisation(ds, { kind: 'COMMISSIONER', name: 'Elsewhere' });
  const waiting = await createOrganisation(ds, { kind: 'COMMISSIONER', name: 'Waiting' });
  people.alphaAdmin = await member(ids.alpha, 'ORG_ADMIN');
  people.alphaAnalyst = await member(ids.alpha, 'ANALYST');
  people.betaAdmin = await member(ids.beta, 'ORG_ADMIN');
  people.commissionerAdmin = await member(commissioner.id, 'ORG_ADMIN');
  people.commissionerAnalyst = await member(commissioner.id, 'COMMISSIONER_ANALYST');
  people.otherCommissioner = await member(other.id, 'COMMISSIONER_ANALYST');
  const waitingAdmin = await member(waiting.id, 'ORG_ADMIN');
  people.waitingCommissioner = await member(waiting.id, 'COMMISSIONER_ANALYST');

  await share(people.commissionerAdmin, people.alphaAdmin, `metrics-${ids.alpha}`, {
    serviceIds: Object.values(alpha.serviceIds),
    sharedFrom: '2024-01-01',
  });
  betaAgreement = await share(people.commissionerAdmin, people.betaAdmin, `metrics-${ids.beta}`, {
    serviceIds: Object.values(beta.serviceIds),
    sharedFrom: '2025-03-01',
  });
  // Requested, never accepted: shows nothing.
  await share(waitingAdmin, people.alphaAdmin, `metrics-${ids.alpha}`);
}, 120_000);
afterAll(() => server.stop());

/** The reference's view of one service (or of one practitioner type in it). */
function reference(org: OrgData, serviceId: string, period: Period, type?: string) {
  const scope: Scope = { serviceIds: [serviceId], ...(type ? { practitionerTypes: [type] } : {}) };
  return referenceFigures(org, period, scope);
}

describe('commissionerComparison', () => {
  it('gives every visible figure as the reference computes it from the records', async () => {
    const answer = await comparison(people.commissionerAnalyst);
    expect(answer.fromMonth).toBe('2025-01-01');
    expect(answer.toMonth).toBe('2025-06-01');
    expect(answer.threshold).toBe(5);
    expect(answer.rows.map((r) => [r.providerName, r.serviceName, r.suppressionReason])).toEqual([
      ['Alpha Care', 'Counselling', 'COMPLEMENTARY'], // the smallest other beside Tiny
      ['Alpha Care', 'Family support', null],
      ['Alpha Care', 'Outreach', null],
      ['Alpha Care', 'Tiny', 'BELOW_THRESHOLD'], // 2 staff
      ['Beta Academy', 'School team', null], // 9 staff, the provider's k = 8
    ]);
    const problems: string[] = [];
    const parts: RefFigures[] = [];
    for (const row of answer.rows) {
      const [org, period] = row.providerName === 'Alpha Care' ? [alpha, JAN_JUN] : [beta, MAR_JUN]; // Beta shares from March
      const ref = reference(org, row.serviceId, period);
      parts.push(ref.figures);
      expect(row.providerKind).toBe(row.providerName === 'Alpha Care' ? 'NGO' : 'SCHOOL');
      expect(row.currency).toBe('GBP');
      if (row.suppressed) {
        expect(Object.values(row.figures).every((v) => v === null)).toBe(true);
        expect(row.headcountBand).toBeNull();
        continue;
      }
      expect(row.headcountBand).toBe(band(ref.headcount));
      problems.push(...figureDifferences(row.serviceName, row.figures, valuesOf(ref.figures)));
    }
    // The pool: all five services' counts, the hidden ones included.
    expect(answer.pooled).toMatchObject({
      serviceId: 'POOLED',
      suppressed: false,
      currency: 'GBP',
    });
    problems.push(...figureDifferences('pooled', answer.pooled.figures, pooledOf(parts)));
    expect(problems).toEqual([]);
    // Some figure of each kind is a real number (the records are not degenerate).
    for (const k of FIGURES) {
      expect(answer.rows.some((r) => typeof r.figures[k] === 'number' && r.figures[k] !== 0)).toBe(
        true,
      );
    }
  });

  it('benchmarks the visible services, and trends each month as the reference does', async () => {
    const answer = await comparison(people.commissionerAnalyst);
    const visible = answer.rows.filter((r) => !r.suppressed);
    for (const b of answer.benchmarks) {
      const key = COMPARISON_METRIC_FIGURE[b.metric as keyof typeof COMPARISON_METRIC_FIGURE];
      const values = visible.map((r) => r.figures[key]).filter((v): v is number => v !== null);
      expect(b.services).toBe(values.length);
      expect(close(b.median, quantile(values, 0.5))).toBe(true);
      expect(close(b.lowerQuartile, quantile(values, 0.25))).toBe(true);
      expect(close(b.upperQuartile, quantile(values, 0.75))).toBe(true);
    }
    expect(answer.benchmarks.map((b) => b.metric)).toEqual([
      'COVERAGE',
      'SHARE_OVERDUE',
      'SUPERVISION_HOURS_PER_WORKER_PER_MONTH',
      'CANCELLATION_RATE',
      'ABSENCE_RATE',
      'TURNOVER_RATE',
      'ANNUALISED_TURNOVER_RATE',
      'SUPERVISION_SPEND_PER_WORKER',
    ]);

    expect(answer.trend.map((m) => m.month)).toEqual([
      '2025-01-01',
      '2025-02-01',
      '2025-03-01',
      '2025-04-01',
      '2025-05-01',
      '2025-06-01',
    ]);
    const problems: string[] = [];
    for (const m of answer.trend) {
      const month: Period = { from: m.month, to: lastDayOfMonth(m.month) };
      const scopes: [OrgData, string][] = Object.values(alpha.serviceIds).map((id) => [alpha, id]);
      if (m.month >= '2025-03-01') scopes.push([beta, beta.serviceIds['School team']]);
      const parts = scopes.map(([org, id]) => reference(org, id, month).figures);
      expect(m.suppressed).toBe(false);
      problems.push(...figureDifferences(m.month, m.pooled, pooledOf(parts)));
      // Benchmarks use only cells of at least k staff (never Tiny's 2).
      const cellsAtK = scopes.filter(
        ([org, id]) =>
          staffInPostDuring(applyScope(org, { serviceIds: [id] }), month).length >=
          (org === beta ? 8 : 5),
      ).length;
      const coverage = m.benchmarks.find((b) => b.metric === 'COVERAGE')!;
      expect(coverage.services).toBeLessThanOrEqual(cellsAtK);
      expect(coverage.services).toBeGreaterThanOrEqual(cellsAtK - 1);
    }
    expect(problems).toEqual([]);
  });

  it('filters by provider kind and by practitioner type', async () => {
    const schools = await comparison(people.commissionerAnalyst, {
      ...INPUT,
      providerKinds: ['SCHOOL'],
    });
    expect(schools.rows.map((r) => [r.serviceName, r.suppressionReason])).toEqual([
      ['School team', null],
    ]);
    const ngos = await comparison(people.commissionerAnalyst, {
      ...INPUT,
      providerKinds: ['NGO', 'CARE_PROVIDER'],
    });
    expect(ngos.rows.map((r) => r.serviceName)).toEqual([
      'Counselling',
      'Family support',
      'Outreach',
      'Tiny',
    ]);

    // Counsellors: Outreach 7, Family support 5, Counselling 4, Tiny 1; Beta has none.
    const counsellors = await comparison(people.commissionerAnalyst, {
      ...INPUT,
      practitionerType: 'Counsellor',
    });
    expect(counsellors.rows.map((r) => [r.serviceName, r.suppressionReason])).toEqual([
      ['Counselling', 'BELOW_THRESHOLD'],
      ['Family support', null],
      ['Outreach', null],
      ['Tiny', 'BELOW_THRESHOLD'],
    ]);
    const problems: string[] = [];
    const parts: RefFigures[] = [];
    for (const row of counsellors.rows) {
      const ref = reference(alpha, row.serviceId, JAN_JUN, 'Counsellor');
      parts.push(ref.figures);
      if (!row.suppressed) {
        problems.push(...figureDifferences(row.serviceName, row.figures, valuesOf(ref.figures)));
      }
    }
    problems.push(...figureDifferences('pooled', counsellors.pooled.figures, pooledOf(parts)));
    expect(problems).toEqual([]);
    // Teachers, for the period: only Beta's service (from March).
    const teachers = await comparison(people.commissionerAnalyst, {
      ...INPUT,
      practitionerType: 'Teacher',
    });
    expect(teachers.rows.map((r) => r.serviceName)).toEqual(['School team']);
  });

  it('answers in a fixed number of statements, whatever the number of services', async () => {
    statements = [];
    await comparison(people.commissionerAnalyst);
    await comparison(people.commissionerAnalyst, { ...INPUT, providerKinds: ['SCHOOL'] });
    await comparison(people.otherCommissioner);
    expect(statements).toHaveLength(3);
    expect(statements[1]).toBe(statements[0]);
    // Sign-in and transaction work (6), then the commissioner with the shared services'
    // labels, and the rollup months; with nothing shared, no rollup read at all.
    expect(statements[0]).toBeLessThanOrEqual(8);
    expect(statements[2]).toBe(statements[0] - 1);
  });

  it('shows nothing to a commissioner without an active agreement', async () => {
    for (const who of [people.otherCommissioner, people.waitingCommissioner]) {
      const answer = await comparison(who);
      expect(answer.rows).toEqual([]);
      expect(answer.pooled.suppressed).toBe(true);
      expect(Object.values(answer.pooled.figures).every((v) => v === null)).toBe(true);
      expect(
        answer.trend.every((m) => m.suppressed && m.benchmarks.every((b) => b.services === 0)),
      ).toBe(true);
    }
  });

  it('lets a commissioner’s admin see it too; refuses providers, analysts and everyone else', async () => {
    expect((await comparison(people.commissionerAdmin)).rows).toHaveLength(5);
    for (const who of [people.alphaAdmin, people.alphaAnalyst, people.betaAdmin]) {
      const result = await call(who, COMPARISON, { input: INPUT });
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.body.data ?? null).toBeNull();
    }
    const signedOut = await gql(server.url, COMPARISON, { input: INPUT });
    expect(errorCode(signedOut)).toBe('UNAUTHENTICATED');
  });

  it('asks for whole, complete months, at most 24', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ fromMonth: '2025-01-02', toMonth: '2025-06-01' }, 'input.fromMonth'],
      [{ fromMonth: '2025-01-01', toMonth: '2025-06-30' }, 'input.toMonth'],
      [{ fromMonth: '2025-06-01', toMonth: '2025-01-01' }, 'input.toMonth'],
      [{ fromMonth: '2023-01-01', toMonth: '2025-01-01' }, 'input.toMonth'], // 25 months
      [{ fromMonth: '2025-01-01', toMonth: '2099-01-01' }, 'input.toMonth'], // not complete
    ];
    for (const [input, field] of cases) {
      const result = await call(people.commissionerAnalyst, COMPARISON, { input });
      expect({
        input,
        code: errorCode(result),
        field: result.body.errors?.[0]?.extensions?.field,
      }).toEqual({ input, code: 'BAD_USER_INPUT', field });
    }
    // 24 months, ending with the last complete month, is fine.
    const latest = (await comparison(people.commissionerAnalyst)).latestCompleteMonth as string;
    expect(latest).toMatch(/^\d{4}-\d{2}-01$/);
    const from = addMonthsClamped(latest, -23);
    const longest = await comparison(people.commissionerAnalyst, {
      fromMonth: from,
      toMonth: latest,
    });
    expect(longest.trend).toHaveLength(24);
    const tooLate = await call(people.commissionerAnalyst, COMPARISON, {
      input: { fromMonth: latest, toMonth: addMonthsClamped(latest, 1) },
    });
    expect(errorCode(tooLate)).toBe('BAD_USER_INPUT');
  });

  it('sends no count: the only whole numbers are the threshold and the benchmarks’ services', async () => {
    const schema: GraphQLSchema = await buildHoldspaceSchema();
    const ints: string[] = [];
    const seen = new Set<string>();
    const visit = (typeName: string) => {
      if (seen.has(typeName)) return;
      seen.add(typeName);
      const type = schema.getType(typeName);
      if (!isObjectType(type)) return;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (named.name === 'Int') ints.push(`${typeName}.${field.name}`);
        visit(named.name);
      }
    };
    visit('CommissionerComparison');
    expect(ints.sort()).toEqual([
      'CommissionerComparison.threshold',
      'ComparisonBenchmark.services',
    ]);
  });

  it('follows the provider’s threshold, and forgets a provider from the next query once revoked', async () => {
    await asTenant(
      server.dataSource,
      ids.beta,
      'UPDATE organisations SET suppression_threshold = 10 WHERE id = $1',
      [ids.beta],
    );
    const raised = await comparison(people.commissionerAnalyst);
    expect(raised.rows.map((r) => [r.serviceName, r.suppressionReason])).toEqual([
      ['Counselling', null], // two hidden now: no complement needed
      ['Family support', null],
      ['Outreach', null],
      ['Tiny', 'BELOW_THRESHOLD'],
      ['School team', 'BELOW_THRESHOLD'], // 9 staff < the provider's 10
    ]);
    const revoked = await call(
      people.betaAdmin,
      'mutation($id: ID!) { revokeSharing(id: $id) { status } }',
      { id: betaAgreement },
    );
    expect(revoked.body.data?.revokeSharing.status).toBe('REVOKED');
    const after = await comparison(people.commissionerAnalyst);
    expect(after.rows.map((r) => r.serviceName)).toEqual([
      'Counselling',
      'Family support',
      'Outreach',
      'Tiny',
    ]);
    expect(JSON.stringify(after)).not.toContain(beta.serviceIds['School team']);
    expect(JSON.stringify(after)).not.toContain('Beta Academy');
  });
});
