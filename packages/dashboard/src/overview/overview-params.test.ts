import {
  checkFilterForm,
  defaultPeriod,
  formFieldOf,
  isValidPeriod,
  overviewInput,
  readOverviewParams,
  writeOverviewParams,
} from './overview-params';

const TODAY = '2026-11-22';
const ID_A = '6f1c2a9e-0b7d-4c59-9d3e-1a2b3c4d5e6f';
const ID_B = '0a0b0c0d-1111-2222-3333-444455556666';

describe('defaultPeriod', () => {
  it('is the 12 months to today, both ends included', () => {
    expect(defaultPeriod(TODAY)).toEqual({ from: '2025-11-23', to: '2026-11-22' });
  });

  it('handles 29 February', () => {
    expect(defaultPeriod('2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
  });
});

describe('readOverviewParams', () => {
  const read = (query: string) => readOverviewParams(new URLSearchParams(query), TODAY);

  it('gives the default period and every service for a plain address', () => {
    expect(read('')).toEqual({
      filters: { from: '2025-11-23', to: '2026-11-22', serviceIds: [] },
      datesIgnored: false,
      periodChosen: false,
    });
  });

  it('reads the period and the services', () => {
    expect(read(`from=2025-04-01&to=2026-03-31&service=${ID_A}&service=${ID_B}`)).toEqual({
      filters: { from: '2025-04-01', to: '2026-03-31', serviceIds: [ID_A, ID_B] },
      datesIgnored: false,
      periodChosen: true,
    });
  });

  it('drops repeated and malformed services', () => {
    expect(read(`service=${ID_A}&service=${ID_A}&service=<script>`).filters.serviceIds).toEqual([
      ID_A,
    ]);
  });

  it('ignores dates that are not real, reversed or too far apart', () => {
    for (const query of [
      'from=2026-02-30&to=2026-03-31',
      'from=01/04/2025&to=2026-03-31',
      'from=2026-04-01&to=2026-03-31',
      'from=2020-01-01&to=2025-01-01',
    ]) {
      const result = read(query);
      expect(result.filters).toEqual({ from: '2025-11-23', to: '2026-11-22', serviceIds: [] });
      expect(result.datesIgnored).toBe(true);
    }
  });

  it('accepts a period just under 5 years', () => {
    expect(read('from=2020-01-01&to=2024-12-31').filters.to).toBe('2024-12-31');
  });

  it('completes a period given by one end', () => {
    expect(read('from=2025-04-01').filters).toMatchObject({ from: '2025-04-01', to: '2026-03-31' });
    expect(read('to=2026-03-31').filters).toMatchObject({ from: '2025-04-01', to: '2026-03-31' });
  });
});

describe('writeOverviewParams', () => {
  it('writes the period and the services and keeps other parameters', () => {
    const next = writeOverviewParams(new URLSearchParams('tab=x&service=old'), {
      from: '2025-04-01',
      to: '2026-03-31',
      serviceIds: [ID_A, ID_B],
    });
    expect(next.toString()).toBe(
      `tab=x&from=2025-04-01&to=2026-03-31&service=${ID_A}&service=${ID_B}`,
    );
  });

  it('round-trips through the address', () => {
    const filters = { from: '2024-02-29', to: '2025-02-28', serviceIds: [ID_B] };
    expect(
      readOverviewParams(writeOverviewParams(new URLSearchParams(), filters), TODAY).filters,
    ).toEqual(filters);
  });
});

describe('overviewInput', () => {
  it('sends no service list for "every service"', () => {
    expect(overviewInput({ from: '2025-01-01', to: '2025-12-31', serviceIds: [] })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      months: 12,
      serviceIds: null,
    });
  });
});

describe('checkFilterForm', () => {
  it('reads UK dates', () => {
    expect(checkFilterForm({ from: '1/4/2025', to: '31/03/2026', serviceIds: [ID_A] })).toEqual({
      filters: { from: '2025-04-01', to: '2026-03-31', serviceIds: [ID_A] },
      errors: {},
    });
  });

  it('says what is wrong with each date', () => {
    expect(checkFilterForm({ from: '', to: '31/2/2026', serviceIds: [] }).errors).toEqual({
      from: 'Enter the start date',
      to: 'The end date must be a real date',
    });
    expect(checkFilterForm({ from: 'April', to: '1/1/1066', serviceIds: [] }).errors).toEqual({
      from: 'The start date must be a date, like 27/3/2026',
      to: 'The end date must be between 1900 and 2199',
    });
  });

  it('refuses an end before the start and a period of 5 years or more', () => {
    expect(checkFilterForm({ from: '2/1/2026', to: '1/1/2026', serviceIds: [] }).errors).toEqual({
      to: 'The end date must be the same as or after the start date',
    });
    expect(checkFilterForm({ from: '1/1/2020', to: '1/1/2025', serviceIds: [] }).errors).toEqual({
      to: 'The period must be shorter than 5 years',
    });
    expect(isValidPeriod('2020-01-01', '2024-12-31')).toBe(true);
  });

  it('places the API’s field errors', () => {
    expect(formFieldOf('input.from')).toBe('from');
    expect(formFieldOf('input.to')).toBe('to');
    expect(formFieldOf('input.serviceIds')).toBe('services');
    expect(formFieldOf(undefined)).toBeNull();
  });
});
