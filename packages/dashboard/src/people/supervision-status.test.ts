import {
  addInterval,
  describeLastSession,
  describeSupervisionState,
  supervisionState,
  type SupervisionPerson,
} from './supervision-status';

const TODAY = '2026-11-22';

const person = (overrides: Partial<SupervisionPerson> = {}): SupervisionPerson => ({
  startDate: '2025-01-01',
  endDate: null,
  requiresSupervision: true,
  lastHeldSession: '2026-11-10',
  currentAgreement: { interval: 'MONTHLY' },
  ...overrides,
});

describe('addInterval', () => {
  it('adds days for weekly intervals and calendar months (clamped) for monthly ones', () => {
    expect(addInterval('2026-01-31', 'WEEKLY')).toBe('2026-02-07');
    expect(addInterval('2026-01-31', 'FORTNIGHTLY')).toBe('2026-02-14');
    expect(addInterval('2026-01-31', 'FOUR_WEEKLY')).toBe('2026-02-28');
    expect(addInterval('2026-01-31', 'SIX_WEEKLY')).toBe('2026-03-14');
    expect(addInterval('2026-01-31', 'MONTHLY')).toBe('2026-02-28');
    expect(addInterval('2026-01-31', 'TWO_MONTHLY')).toBe('2026-03-31');
    expect(addInterval('2025-11-30', 'QUARTERLY')).toBe('2026-02-28');
  });
});

describe('supervisionState', () => {
  it('is in date until the due date, due for supervision in the last week, then overdue', () => {
    expect(supervisionState(person(), 'MONTHLY', TODAY)).toEqual({
      kind: 'in-date',
      due: '2026-12-10',
    });
    expect(supervisionState(person({ lastHeldSession: '2026-10-29' }), 'MONTHLY', TODAY)).toEqual({
      kind: 'due-soon',
      due: '2026-11-29',
      daysLeft: 7,
    });
    expect(supervisionState(person({ lastHeldSession: '2026-10-22' }), 'MONTHLY', TODAY)).toEqual({
      kind: 'due-soon',
      due: '2026-11-22',
      daysLeft: 0,
    });
    expect(supervisionState(person({ lastHeldSession: '2026-10-10' }), 'MONTHLY', TODAY)).toEqual({
      kind: 'overdue',
      due: '2026-11-10',
      daysOverdue: 12,
    });
  });

  it("uses the organisation's default interval without an agreement", () => {
    expect(supervisionState(person({ currentAgreement: null }), 'WEEKLY', TODAY)).toEqual({
      kind: 'overdue',
      due: '2026-11-17',
      daysOverdue: 5,
    });
  });

  it('counts a new starter from their start date', () => {
    expect(
      supervisionState(
        person({ startDate: '2026-11-01', lastHeldSession: null }),
        'MONTHLY',
        TODAY,
      ),
    ).toEqual({ kind: 'in-date', due: '2026-12-01' });
    expect(
      supervisionState(
        person({ startDate: '2026-12-01', lastHeldSession: null }),
        'MONTHLY',
        TODAY,
      ),
    ).toEqual({ kind: 'not-started', due: '2027-01-01' });
  });

  it('ignores a session dated after today', () => {
    const scheduledAhead = person({ lastHeldSession: '2026-12-01', startDate: '2026-10-01' });
    expect(supervisionState(scheduledAhead, 'MONTHLY', TODAY)).toEqual({
      kind: 'overdue',
      due: '2026-11-01',
      daysOverdue: 21,
    });
  });

  it('has nothing due for leavers and people who need no supervision', () => {
    expect(supervisionState(person({ endDate: '2026-11-21' }), 'MONTHLY', TODAY).kind).toBe('left');
    expect(supervisionState(person({ endDate: TODAY }), 'MONTHLY', TODAY).kind).toBe('in-date');
    expect(supervisionState(person({ requiresSupervision: false }), 'MONTHLY', TODAY).kind).toBe(
      'not-required',
    );
  });
});

describe('the words', () => {
  it('are kind and plain', () => {
    expect(describeSupervisionState({ kind: 'overdue', due: '2026-11-10', daysOverdue: 12 })).toBe(
      'Overdue by 12 days',
    );
    expect(describeSupervisionState({ kind: 'overdue', due: '2026-11-21', daysOverdue: 1 })).toBe(
      'Overdue by 1 day',
    );
    expect(describeSupervisionState({ kind: 'due-soon', due: '2026-11-29', daysLeft: 7 })).toBe(
      'Due for supervision by 29 November 2026',
    );
    expect(describeSupervisionState({ kind: 'due-soon', due: TODAY, daysLeft: 0 })).toBe(
      'Due for supervision today',
    );
    expect(describeSupervisionState({ kind: 'in-date', due: '2026-12-10' })).toBe(
      'Next due by 10 December 2026',
    );
    expect(describeSupervisionState({ kind: 'not-required' })).toBe('Not required');
    expect(describeLastSession('2026-11-10')).toBe('Last held 10 November 2026');
    expect(describeLastSession(null)).toBe('No session recorded yet');
    for (const kind of ['left', 'not-required'] as const) {
      expect(describeSupervisionState({ kind })).not.toMatch(/fail|non-?compliant|late/i);
    }
  });
});
