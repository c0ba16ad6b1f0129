import {
  DEFAULT_PARAMS,
  isFiltered,
  readParams,
  toFilter,
  toggleSort,
  toSort,
  writeParams,
} from './staff-list-params';

describe('the staff list address', () => {
  it('defaults to people in post, by name, 25 at a time', () => {
    expect(readParams(new URLSearchParams())).toEqual(DEFAULT_PARAMS);
    expect(toFilter(DEFAULT_PARAMS)).toEqual({ status: 'IN_POST' });
    expect(toSort(DEFAULT_PARAMS)).toEqual({ field: 'NAME', direction: 'ASC' });
    expect(writeParams(DEFAULT_PARAMS).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const search = new URLSearchParams(
      'q=aisha&service=s1&type=Counsellor&status=left&sort=start&dir=desc&size=100',
    );
    const params = readParams(search);
    expect(params).toEqual({
      search: 'aisha',
      serviceId: 's1',
      practitionerType: 'Counsellor',
      status: 'left',
      sort: 'start',
      direction: 'desc',
      size: 100,
    });
    expect(writeParams(params).toString()).toBe(search.toString());
    expect(toFilter(params)).toEqual({
      status: 'LEFT',
      search: 'aisha',
      serviceIds: ['s1'],
      practitionerType: 'Counsellor',
    });
    expect(toSort(params)).toEqual({ field: 'START_DATE', direction: 'DESC' });
    expect(isFiltered(params)).toBe(true);
  });

  it('falls back to the defaults on anything unknown, and bounds the page size', () => {
    const params = readParams(new URLSearchParams('status=gone&sort=fte&dir=up&size=1000'));
    expect(params).toEqual(DEFAULT_PARAMS);
    expect(readParams(new URLSearchParams(`q=${'x'.repeat(300)}`)).search).toHaveLength(200);
  });

  it('does not send a search of spaces', () => {
    expect(toFilter({ ...DEFAULT_PARAMS, search: '   ' })).toEqual({ status: 'IN_POST' });
    expect(isFiltered({ ...DEFAULT_PARAMS, search: '   ' })).toBe(false);
  });

  it('sorts by a column ascending first, then flips it', () => {
    const byRef = toggleSort(DEFAULT_PARAMS, 'ref');
    expect([byRef.sort, byRef.direction]).toEqual(['ref', 'asc']);
    const flipped = toggleSort(byRef, 'ref');
    expect([flipped.sort, flipped.direction]).toEqual(['ref', 'desc']);
    expect(toggleSort(flipped, 'name').direction).toBe('asc');
  });
});
