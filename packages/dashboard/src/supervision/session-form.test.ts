import {
  attendeesForFormat,
  checkAttendees,
  checkMinutes,
  EMPTY_SESSION_FORM,
  validateActionForm,
  validateMarkHeld,
  validateSessionForm,
  type SessionFormValues,
} from './session-form';

const TODAY = '2026-03-27';

const VALID: SessionFormValues = {
  ...EMPTY_SESSION_FORM,
  date: '20/3/2026',
  durationMinutes: '60',
  format: 'ONE_TO_ONE',
  supervisorId: 'sup-1',
  attendeeIds: ['staff-1'],
  functions: ['RESTORATIVE', 'NORMATIVE'],
};

describe('recording a held session', () => {
  test('a complete one-to-one session gives the API input, functions in their usual order', () => {
    expect(validateSessionForm('record', VALID, { today: TODAY })).toEqual({
      ok: true,
      input: {
        date: '2026-03-20',
        durationMinutes: 60,
        format: 'ONE_TO_ONE',
        supervisorId: 'sup-1',
        attendeeIds: ['staff-1'],
        functions: ['NORMATIVE', 'RESTORATIVE'],
      },
    });
  });

  test('an empty form names every required field, GOV.UK style', () => {
    const result = validateSessionForm('record', EMPTY_SESSION_FORM, { today: TODAY });
    expect(result).toEqual({
      ok: false,
      errors: {
        date: 'Enter the date of the session',
        durationMinutes: 'Enter how long the session lasted, in minutes',
        format: 'Select the format of the session',
        supervisorId: 'Select the supervisor',
        attendeeIds: 'Select at least one attendee',
      },
    });
  });

  test('a held session cannot be in the future; today is fine', () => {
    const tomorrow = validateSessionForm(
      'record',
      { ...VALID, date: '28/3/2026' },
      { today: TODAY },
    );
    expect(tomorrow.ok || tomorrow.errors.date).toBe(
      'The date of the session must be today or in the past',
    );
    expect(
      validateSessionForm('record', { ...VALID, date: '27/03/2026' }, { today: TODAY }).ok,
    ).toBe(true);
  });

  test('dates must be real UK dates', () => {
    for (const [date, message] of [
      ['31/2/2026', 'The date of the session must be a real date'],
      ['next Tuesday', 'The date of the session must be a date, like 27/3/2026'],
      ['3/13/2026', 'The date of the session must be a real date'],
    ] as const) {
      const result = validateSessionForm('record', { ...VALID, date }, { today: TODAY });
      expect(result.ok ? undefined : result.errors.date).toBe(message);
    }
  });

  test('a one-to-one session has exactly one attendee', () => {
    const two = validateSessionForm(
      'record',
      { ...VALID, attendeeIds: ['staff-1', 'staff-2'] },
      { today: TODAY },
    );
    expect(two.ok ? undefined : two.errors.attendeeIds).toBe(
      'A one-to-one session has exactly one attendee',
    );
    const none = validateSessionForm('record', { ...VALID, attendeeIds: [] }, { today: TODAY });
    expect(none.ok ? undefined : none.errors.attendeeIds).toBe('Select the supervisee');
  });

  test('a group session may have several attendees, but not the supervisor', () => {
    const group = { ...VALID, format: 'GROUP' as const, attendeeIds: ['staff-1', 'staff-2'] };
    expect(validateSessionForm('record', group, { today: TODAY }).ok).toBe(true);
    const withSupervisor = validateSessionForm('record', group, {
      today: TODAY,
      supervisorStaffMemberId: 'staff-2',
    });
    expect(withSupervisor.ok ? undefined : withSupervisor.errors.attendeeIds).toBe(
      'The supervisor cannot also attend as a supervisee',
    );
  });

  test('the session reference is optional, trimmed, at most 64 characters', () => {
    const result = validateSessionForm(
      'record',
      { ...VALID, sessionRef: '  SE-1  ' },
      { today: TODAY },
    );
    expect(result.ok && result.input.sessionRef).toBe('SE-1');
    const long = validateSessionForm(
      'record',
      { ...VALID, sessionRef: 'x'.repeat(65) },
      { today: TODAY },
    );
    expect(long.ok ? undefined : long.errors.sessionRef).toBe(
      'The session reference must be 64 characters or fewer',
    );
  });
});

describe('scheduling a session', () => {
  test('may be in the future, up to a year from today, and has no functions', () => {
    const result = validateSessionForm(
      'schedule',
      { ...VALID, date: '27/3/2027' },
      { today: TODAY },
    );
    expect(result).toEqual({
      ok: true,
      input: {
        date: '2027-03-27',
        durationMinutes: 60,
        format: 'ONE_TO_ONE',
        supervisorId: 'sup-1',
        attendeeIds: ['staff-1'],
      },
    });
    const tooLate = validateSessionForm(
      'schedule',
      { ...VALID, date: '28/3/2027' },
      { today: TODAY },
    );
    expect(tooLate.ok ? undefined : tooLate.errors.date).toBe(
      'The date of the session must be within a year from today',
    );
  });

  test('asks how long it will last', () => {
    const result = validateSessionForm(
      'schedule',
      { ...VALID, durationMinutes: ' ' },
      { today: TODAY },
    );
    expect(result.ok ? undefined : result.errors.durationMinutes).toBe(
      'Enter how long the session will last, in minutes',
    );
  });
});

describe('durations', () => {
  const check = (text: string) =>
    checkMinutes(text, 'The length of the session', { required: true });

  test('1 to 480 whole minutes', () => {
    expect(check('1')).toEqual({ value: 1 });
    expect(check(' 480 ')).toEqual({ value: 480 });
    expect(check('0').error).toBe('The length of the session must be at least 1 minute');
    expect(check('481').error).toBe(
      'The length of the session must be 480 minutes (8 hours) or less',
    );
  });

  test('whole numbers only', () => {
    for (const text of ['1.5', '-5', '60 minutes', 'an hour', '1e2']) {
      expect(check(text).error).toBe(
        'The length of the session must be a whole number of minutes, like 60',
      );
    }
  });

  test('optional when not required', () => {
    expect(checkMinutes('', 'The expected session length', { required: false })).toEqual({
      value: null,
    });
  });
});

describe('attendees and formats', () => {
  test('switching to one-to-one keeps the first person chosen', () => {
    expect(attendeesForFormat('ONE_TO_ONE', ['a', 'b'])).toEqual(['a']);
    expect(attendeesForFormat('GROUP', ['a', 'b'])).toEqual(['a', 'b']);
  });

  test('at most 50 attendees, each once', () => {
    const many = Array.from({ length: 51 }, (_, i) => `s${i}`);
    expect(checkAttendees('GROUP', many)).toBe('A session can have at most 50 attendees');
    expect(checkAttendees('GROUP', ['a', 'a'])).toBe('Each attendee can be chosen only once');
    expect(checkAttendees('PEER', ['a', 'b'])).toBeUndefined();
  });
});

describe('marking a scheduled session held', () => {
  const session = { date: '2026-03-20', durationMinutes: 60 };

  test('sends only what changed, and the functions', () => {
    expect(
      validateMarkHeld(
        { date: '20/03/2026', durationMinutes: '60', functions: ['FORMATIVE'] },
        session,
        TODAY,
      ),
    ).toEqual({ ok: true, input: { functions: ['FORMATIVE'] } });
    expect(
      validateMarkHeld({ date: '21/3/2026', durationMinutes: '45', functions: [] }, session, TODAY),
    ).toEqual({ ok: true, input: { date: '2026-03-21', durationMinutes: 45, functions: [] } });
  });

  test('not in the future, and 1 to 480 minutes', () => {
    expect(
      validateMarkHeld(
        { date: '28/3/2026', durationMinutes: '481', functions: [] },
        session,
        TODAY,
      ),
    ).toEqual({
      ok: false,
      errors: {
        date: 'The date of the session must be today or in the past',
        durationMinutes: 'The length of the session must be 480 minutes (8 hours) or less',
      },
    });
  });
});

describe('adding an agreed action', () => {
  test('a title only, with an optional owner and due date', () => {
    expect(
      validateActionForm({ title: '  Book refresher  ', ownerStaffMemberId: '', dueDate: '' }, []),
    ).toEqual({ ok: true, input: { title: 'Book refresher' } });
    expect(
      validateActionForm(
        { title: 'Book refresher', ownerStaffMemberId: 'staff-1', dueDate: '1/5/2026' },
        ['staff-1'],
      ),
    ).toEqual({
      ok: true,
      input: { title: 'Book refresher', ownerStaffMemberId: 'staff-1', dueDate: '2026-05-01' },
    });
  });

  test('refuses an empty or long title, an owner not at the session and an unreal date', () => {
    expect(
      validateActionForm({ title: ' ', ownerStaffMemberId: 'x', dueDate: '30/2/2026' }, ['y']),
    ).toEqual({
      ok: false,
      errors: {
        title: 'Enter a title for the action',
        ownerStaffMemberId: 'The owner must be an attendee or the supervisor of the session',
        dueDate: 'The due date must be a real date',
      },
    });
    const long = validateActionForm(
      { title: 'x'.repeat(121), ownerStaffMemberId: '', dueDate: '' },
      [],
    );
    expect(long.ok ? undefined : long.errors.title).toBe(
      'The title must be 120 characters or fewer',
    );
  });
});
