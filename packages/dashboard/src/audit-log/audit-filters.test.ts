import {
  checkFilters,
  EMPTY_FILTERS,
  FILTER_MESSAGES,
  filterFromParams,
  isFiltered,
  valuesFromParams,
} from './audit-filters';

const params = (query: string) => new URLSearchParams(query);

describe('filters in the address', () => {
  it('become the API’s filter', () => {
    expect(
      filterFromParams(
        params('action=absence.read&type=AbsenceEpisode&person=u1&from=2026-03-01&to=2026-03-31'),
      ),
    ).toEqual({
      actions: ['absence.read'],
      entityTypes: ['AbsenceEpisode'],
      actorUserIds: ['u1'],
      from: '2026-03-01',
      to: '2026-03-31',
    });
  });

  it('ignore dates that are not real or not ISO, and an end before the start', () => {
    expect(filterFromParams(params('from=2026-02-30&to=31/03/2026'))).toEqual({});
    expect(filterFromParams(params('from=2026-03-10&to=2026-03-01'))).toEqual({
      from: '2026-03-10',
    });
    expect(isFiltered(filterFromParams(params('')))).toBe(false);
  });

  it('fill the form, with UK dates', () => {
    expect(valuesFromParams(params('person=u1&from=2026-03-01'))).toEqual({
      ...EMPTY_FILTERS,
      person: 'u1',
      from: '01/03/2026',
    });
  });
});

describe('checkFilters', () => {
  it('turns the form into address parameters', () => {
    const { errors, params: result } = checkFilters({
      action: 'member.invite',
      recordType: '',
      person: '',
      from: '1/3/2026',
      to: '31/3/2026',
    });
    expect(errors).toEqual({});
    expect(result?.toString()).toBe('action=member.invite&from=2026-03-01&to=2026-03-31');
  });

  it('allows every filter to be empty', () => {
    expect(checkFilters(EMPTY_FILTERS).params?.toString()).toBe('');
  });

  it('explains dates it cannot read, and an end before the start', () => {
    expect(checkFilters({ ...EMPTY_FILTERS, from: 'last week', to: '31/2/2026' }).errors).toEqual({
      from: 'The from date must be a date, like 27/3/2026',
      to: 'The to date must be a real date',
    });
    expect(checkFilters({ ...EMPTY_FILTERS, from: '2/3/2026', to: '1/3/2026' })).toEqual({
      errors: { to: FILTER_MESSAGES.toBeforeFrom },
    });
  });
});
