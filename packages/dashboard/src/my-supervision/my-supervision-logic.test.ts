import {
  awaitsConfirmation,
  myActions,
  mySessionRow,
  type MySession,
} from './my-supervision-logic';

function session(
  id: string,
  date: string,
  actions: MySession['actions'],
  extra: Partial<MySession> = {},
): MySession {
  return {
    __typename: 'SupervisionSession',
    id,
    date,
    durationMinutes: 60,
    format: 'ONE_TO_ONE',
    status: 'HELD',
    functions: ['RESTORATIVE'],
    confirmedAt: null,
    supervisor: {
      __typename: 'Supervisor',
      id: 'sv-1',
      name: 'Carys Evans',
      staffMemberId: 'carys',
    },
    actions,
    ...extra,
  };
}

function action(
  id: string,
  owner: string | null,
  status: 'OPEN' | 'DONE' | 'DROPPED' = 'OPEN',
  dueDate: string | null = null,
): MySession['actions'][number] {
  return {
    __typename: 'AgreedAction',
    id,
    title: `Action ${id}`,
    ownerStaffMemberId: owner,
    dueDate,
    status,
  };
}

describe('my agreed actions', () => {
  test('mine, my supervisor’s and unowned ones; never another attendee’s', () => {
    const rows = myActions(
      [
        session('s1', '2026-03-01', [
          action('a1', 'me'),
          action('a2', 'carys'),
          action('a3', 'someone-else'),
          action('a4', null),
        ]),
      ],
      'me',
    );
    expect(rows.map((r) => [r.id, r.owner])).toEqual([
      ['a1', 'You'],
      ['a2', 'Carys Evans (supervisor)'],
      ['a4', 'No one in particular'],
    ]);
  });

  test('open first, then by due date (none last)', () => {
    const rows = myActions(
      [
        session('s2', '2026-03-01', [action('late', 'me', 'OPEN', '2026-06-01')]),
        session('s1', '2026-01-01', [
          action('done', 'me', 'DONE', '2026-02-01'),
          action('soon', 'me', 'OPEN', '2026-04-01'),
          action('whenever', 'me', 'OPEN'),
        ]),
      ],
      'me',
    );
    expect(rows.map((r) => r.id)).toEqual(['soon', 'late', 'whenever', 'done']);
    expect(rows[0]).toMatchObject({
      due: '1 April 2026',
      status: 'Open',
      sessionDate: '1 January 2026',
    });
  });

  test('without my staff record, my own actions cannot be told from others’', () => {
    expect(myActions([session('s1', '2026-03-01', [action('a1', 'me')])], null)).toEqual([]);
  });
});

describe('my sessions', () => {
  test('held and unconfirmed sessions wait for confirmation', () => {
    expect(awaitsConfirmation({ status: 'HELD', confirmedAt: null })).toBe(true);
    expect(awaitsConfirmation({ status: 'HELD', confirmedAt: '2026-03-02T10:00:00Z' })).toBe(false);
    expect(awaitsConfirmation({ status: 'SCHEDULED', confirmedAt: null })).toBe(false);
  });

  test('a row as the table shows it', () => {
    expect(
      mySessionRow(session('s1', '2026-03-01', [], { confirmedAt: 'x' }), () => '2 March 2026'),
    ).toEqual([
      '1 March 2026',
      'One-to-one',
      'Carys Evans',
      'Held',
      '60 minutes',
      'Restorative',
      'Confirmed 2 March 2026',
    ]);
    expect(
      mySessionRow(
        session('s2', '2026-04-01', [], { status: 'SCHEDULED', functions: [] }),
        () => '',
      ).slice(3),
    ).toEqual(['Scheduled', '60 minutes', '', '']);
  });
});
