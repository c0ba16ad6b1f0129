import { cancellationRate } from './supervision';
import { applyScope, isInScope } from './scope';
import { makeAbsence, makeAgreement, makeOrg, makeSession, makeStaff } from './testing/builders';

const a = makeStaff('a', { serviceId: 'svc-a', practitionerType: 'COUNSELLOR' });
const b = makeStaff('b', { serviceId: 'svc-b', practitionerType: 'SOCIAL_WORKER' });
const c = makeStaff('c', { serviceId: 'svc-b', practitionerType: null });

describe('isInScope', () => {
  it('an empty or missing filter does not filter', () => {
    expect(isInScope(c, {})).toBe(true);
    expect(isInScope(c, { serviceIds: [], practitionerTypes: [] })).toBe(true);
  });

  it('both filters must match; a null practitioner type never matches a type filter', () => {
    expect(isInScope(b, { serviceIds: ['svc-b'], practitionerTypes: ['SOCIAL_WORKER'] })).toBe(
      true,
    );
    expect(isInScope(a, { serviceIds: ['svc-b'], practitionerTypes: ['COUNSELLOR'] })).toBe(false);
    expect(isInScope(c, { practitionerTypes: ['COUNSELLOR', 'SOCIAL_WORKER'] })).toBe(false);
  });
});

describe('applyScope', () => {
  const org = makeOrg({
    staff: [a, b, c],
    agreements: [makeAgreement('ag-a', 'a'), makeAgreement('ag-b', 'b')],
    absences: [
      makeAbsence('ab-a', 'a', '2024-01-01', null),
      makeAbsence('ab-c', 'c', '2024-01-01', null),
    ],
    sessions: [
      makeSession('only-a', '2024-03-01', ['a'], { status: 'CANCELLED' }),
      makeSession('a-and-b', '2024-03-02', ['a', 'b'], { format: 'GROUP' }),
      makeSession('only-c', '2024-03-03', ['c']),
      makeSession('nobody', '2024-03-04', ['external-person'], { status: 'CANCELLED' }),
    ],
  });

  it('filters staff first; agreements, absences and sessions follow them', () => {
    const scoped = applyScope(org, { serviceIds: ['svc-b'] });
    expect(scoped.staff.map((s) => s.id)).toEqual(['b', 'c']);
    expect(scoped.agreements.map((x) => x.id)).toEqual(['ag-b']);
    expect(scoped.absences.map((x) => x.id)).toEqual(['ab-c']);
    expect(scoped.sessions.map((x) => x.id)).toEqual(['a-and-b', 'only-c']);
  });

  it('a session with attendees in two scopes counts once in each, and once in the whole', () => {
    const MARCH = { from: '2024-03-01', to: '2024-03-31' };
    // whole organisation: only-a (cancelled), a-and-b, only-c held; 'nobody' has no known attendee
    expect(cancellationRate(org, MARCH)).toMatchObject({ numerator: 1, denominator: 3 });
    expect(cancellationRate(applyScope(org, {}), MARCH)).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    expect(cancellationRate(applyScope(org, { serviceIds: ['svc-a'] }), MARCH)).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    expect(cancellationRate(applyScope(org, { serviceIds: ['svc-b'] }), MARCH)).toMatchObject({
      numerator: 0,
      denominator: 2,
    });
  });
});
