import {
  DEFAULT_SESSION_PARAMS,
  draftOfSessionParams,
  isSessionListFiltered,
  readSessionFilterDraft,
  readSessionParams,
  toSessionFilter,
  writeSessionParams,
} from './session-list-params';

const ID = '6f1c2a4e-0000-4000-8000-000000000001';

describe('the session list’s address', () => {
  test('round-trips every filter', () => {
    const params = {
      from: '2026-01-01',
      to: '2026-03-31',
      status: 'HELD' as const,
      format: 'GROUP' as const,
      personId: ID,
      supervisorId: ID,
    };
    const search = writeSessionParams(params);
    expect(search.toString()).toBe(
      `from=2026-01-01&to=2026-03-31&status=HELD&format=GROUP&person=${ID}&supervisor=${ID}`,
    );
    expect(readSessionParams(search)).toEqual(params);
    expect(isSessionListFiltered(params)).toBe(true);
  });

  test('ignores what it does not understand', () => {
    expect(
      readSessionParams(
        new URLSearchParams('from=yesterday&status=LOST&format=&person=<script>&supervisor=1;2'),
      ),
    ).toEqual(DEFAULT_SESSION_PARAMS);
    expect(isSessionListFiltered(DEFAULT_SESSION_PARAMS)).toBe(false);
  });

  test('becomes the API’s filter', () => {
    expect(toSessionFilter(DEFAULT_SESSION_PARAMS)).toEqual({});
    expect(
      toSessionFilter({
        ...DEFAULT_SESSION_PARAMS,
        status: 'CANCELLED',
        personId: ID,
        to: '2026-02-01',
      }),
    ).toEqual({ statuses: ['CANCELLED'], staffMemberIds: [ID], to: '2026-02-01' });
  });
});

describe('the filter form', () => {
  test('shows dates as typed in the UK', () => {
    expect(draftOfSessionParams({ ...DEFAULT_SESSION_PARAMS, from: '2026-03-05' }).from).toBe(
      '05/03/2026',
    );
  });

  test('checks the dates and their order', () => {
    const draft = { ...draftOfSessionParams(DEFAULT_SESSION_PARAMS) };
    expect(readSessionFilterDraft({ ...draft, from: '5/3/2026', to: '4/3/2026' })).toEqual({
      ok: false,
      errors: { 'sessions-to': 'The “to” date must be on or after the “from” date' },
    });
    expect(readSessionFilterDraft({ ...draft, from: '31/2/2026' })).toEqual({
      ok: false,
      errors: { 'sessions-from': 'The “from” date must be a real date' },
    });
    expect(readSessionFilterDraft({ ...draft, from: '5/3/2026', status: 'HELD' })).toEqual({
      ok: true,
      params: { ...DEFAULT_SESSION_PARAMS, from: '2026-03-05', status: 'HELD' },
    });
  });
});
