import {
  DEFAULT_ABSENCE_PARAMS,
  draftOf,
  isAbsenceFiltered,
  readAbsenceParams,
  readFilterDraft,
  toAbsenceFilter,
  writeAbsenceParams,
} from './absence-list-params';

describe('the absence list address', () => {
  it('defaults to every episode', () => {
    expect(readAbsenceParams(new URLSearchParams())).toEqual(DEFAULT_ABSENCE_PARAMS);
    expect(toAbsenceFilter(DEFAULT_ABSENCE_PARAMS)).toEqual({});
    expect(isAbsenceFiltered(DEFAULT_ABSENCE_PARAMS)).toBe(false);
  });

  it('round-trips the filters and turns them into the API filter', () => {
    const search = new URLSearchParams(
      'state=ongoing&reason=MENTAL_HEALTH&from=2026-01-01&to=2026-03-31&person=p1',
    );
    const params = readAbsenceParams(search);
    expect(writeAbsenceParams(params).toString()).toBe(search.toString());
    expect(toAbsenceFilter(params)).toEqual({
      ongoing: true,
      reasons: ['MENTAL_HEALTH'],
      from: '2026-01-01',
      to: '2026-03-31',
      staffMemberIds: ['p1'],
    });
    expect(toAbsenceFilter({ ...params, ongoing: 'ended' }).ongoing).toBe(false);
  });

  it('ignores what it does not understand', () => {
    expect(
      readAbsenceParams(new URLSearchParams('state=maybe&reason=FLU&from=2026-02-30&to=soon')),
    ).toEqual(DEFAULT_ABSENCE_PARAMS);
  });
});

describe('the filter form', () => {
  it('shows dates the UK way and reads them back', () => {
    const params = { ...DEFAULT_ABSENCE_PARAMS, from: '2026-01-05', to: '2026-03-31' };
    const draft = draftOf(params);
    expect([draft.from, draft.to]).toEqual(['05/01/2026', '31/03/2026']);
    expect(readFilterDraft(draft)).toEqual({ ok: true, params });
  });

  it('says what is wrong with the dates, by field', () => {
    const draft = draftOf(DEFAULT_ABSENCE_PARAMS);
    expect(readFilterDraft({ ...draft, from: '31/2/2026', to: 'soon' })).toEqual({
      ok: false,
      errors: {
        'absence-from': 'The “from” date must be a real date',
        'absence-to': 'The “to” date must be a date, like 27/3/2026',
      },
    });
    expect(readFilterDraft({ ...draft, from: '1/3/2026', to: '1/2/2026' })).toEqual({
      ok: false,
      errors: { 'absence-to': 'The “to” date must be on or after the “from” date' },
    });
  });
});
