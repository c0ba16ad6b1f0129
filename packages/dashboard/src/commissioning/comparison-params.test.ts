import {
  addMonthsTo,
  checkFilterForm,
  clearComparisonParams,
  comparisonInput,
  defaultPeriod,
  formFieldOf,
  isMonth,
  monthBefore,
  monthChoices,
  monthCount,
  readComparisonParams,
  readMetric,
  writeComparisonParams,
} from './comparison-params';

const LATEST = '2026-10';

describe('months', () => {
  it('counts and steps across years', () => {
    expect(addMonthsTo('2026-01', -1)).toBe('2025-12');
    expect(addMonthsTo('2025-12', 1)).toBe('2026-01');
    expect(addMonthsTo('2026-10', -11)).toBe('2025-11');
    expect(monthCount('2025-11', '2026-10')).toBe(12);
    expect(monthCount('2026-10', '2026-10')).toBe(1);
    expect(monthCount('2026-10', '2026-09')).toBe(0);
  });

  it('takes the month before today as the latest that can be complete', () => {
    expect(monthBefore('2026-11-22')).toBe('2026-10');
    expect(monthBefore('2026-01-01')).toBe('2025-12');
  });

  it('knows a month when it sees one', () => {
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-00')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth('1066-10')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });

  it('defaults to the 12 months to the latest complete month', () => {
    expect(defaultPeriod(LATEST)).toEqual({ fromMonth: '2025-11', toMonth: '2026-10' });
  });

  it('offers months newest first', () => {
    expect(monthChoices(LATEST, 3)).toEqual(['2026-10', '2026-09', '2026-08']);
  });
});

describe('the address', () => {
  it('gives the default view with nothing in it', () => {
    const read = readComparisonParams(new URLSearchParams(), LATEST);
    expect(read).toEqual({
      filters: {
        fromMonth: '2025-11',
        toMonth: '2026-10',
        providerKinds: [],
        practitionerType: '',
      },
      periodChosen: false,
      periodIgnored: false,
    });
  });

  it('reads a period, kinds and a practitioner type', () => {
    const read = readComparisonParams(
      new URLSearchParams('from=2025-01&to=2025-06&kind=SCHOOL&kind=NGO&type=+Social+worker+'),
      LATEST,
    );
    expect(read.periodChosen).toBe(true);
    // Kinds in the list's order, whatever the address's.
    expect(read.filters).toEqual({
      fromMonth: '2025-01',
      toMonth: '2025-06',
      providerKinds: ['NGO', 'SCHOOL'],
      practitionerType: 'Social worker',
    });
  });

  it.each([
    ['a month that is not one', 'from=2025-13&to=2026-01'],
    ['the end before the start', 'from=2026-02&to=2026-01'],
    ['more than 24 months', 'from=2024-01&to=2026-01'],
    ['one end only', 'from=2026-01'],
    ['a month not yet complete', 'from=2026-01&to=2026-11'],
  ])('ignores %s and says so', (_, query) => {
    const read = readComparisonParams(new URLSearchParams(query), LATEST);
    expect(read.filters.fromMonth).toBe('2025-11');
    expect(read.filters.toMonth).toBe('2026-10');
    expect(read.periodIgnored).toBe(true);
  });

  it('takes 24 months but not 25', () => {
    expect(
      readComparisonParams(new URLSearchParams('from=2024-11&to=2026-10'), LATEST).periodChosen,
    ).toBe(true);
    expect(
      readComparisonParams(new URLSearchParams('from=2024-10&to=2026-10'), LATEST).periodChosen,
    ).toBe(false);
  });

  it('drops kinds it does not know, and the commissioner kind', () => {
    const read = readComparisonParams(
      new URLSearchParams('kind=COMMISSIONER&kind=nonsense&kind=HEALTH'),
      LATEST,
    );
    expect(read.filters.providerKinds).toEqual(['HEALTH']);
  });

  it('writes the filters and keeps the chart metric; clearing keeps it too', () => {
    const search = new URLSearchParams('metric=ABSENCE_RATE&kind=NGO');
    const written = writeComparisonParams(search, {
      fromMonth: '2025-01',
      toMonth: '2025-06',
      providerKinds: ['HEALTH', 'SCHOOL'],
      practitionerType: 'Nurse',
    });
    expect(written.toString()).toBe(
      'metric=ABSENCE_RATE&from=2025-01&to=2025-06&kind=HEALTH&kind=SCHOOL&type=Nurse',
    );
    expect(clearComparisonParams(written).toString()).toBe('metric=ABSENCE_RATE');
    // What is written reads back the same.
    expect(readComparisonParams(written, LATEST).filters).toEqual({
      fromMonth: '2025-01',
      toMonth: '2025-06',
      providerKinds: ['HEALTH', 'SCHOOL'],
      practitionerType: 'Nurse',
    });
  });

  it('reads the chart metric, COVERAGE by default', () => {
    expect(readMetric(new URLSearchParams('metric=TURNOVER_RATE'))).toBe('TURNOVER_RATE');
    expect(readMetric(new URLSearchParams('metric=DROP_TABLE'))).toBe('COVERAGE');
    expect(readMetric(new URLSearchParams())).toBe('COVERAGE');
  });
});

describe('the API input', () => {
  it('sends first days of months, and null for no filter', () => {
    expect(
      comparisonInput({
        fromMonth: '2025-11',
        toMonth: '2026-10',
        providerKinds: [],
        practitionerType: '',
      }),
    ).toEqual({
      fromMonth: '2025-11-01',
      toMonth: '2026-10-01',
      providerKinds: null,
      practitionerType: null,
    });
    expect(
      comparisonInput({
        fromMonth: '2025-11',
        toMonth: '2026-10',
        providerKinds: ['NGO'],
        practitionerType: 'Nurse',
      }),
    ).toEqual({
      fromMonth: '2025-11-01',
      toMonth: '2026-10-01',
      providerKinds: ['NGO'],
      practitionerType: 'Nurse',
    });
  });

  it('places the API’s complaints on the form', () => {
    expect(formFieldOf('input.fromMonth')).toBe('fromMonth');
    expect(formFieldOf('input.toMonth')).toBe('toMonth');
    expect(formFieldOf('input.practitionerType')).toBe('practitionerType');
    expect(formFieldOf('input.providerKinds')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });
});

describe('the filter form', () => {
  const base = {
    fromMonth: '2025-11',
    toMonth: '2026-10',
    providerKinds: [],
    practitionerType: '',
  };

  it('accepts a period of 1 to 24 months', () => {
    expect(checkFilterForm(base).filters).toEqual(base);
    expect(checkFilterForm({ ...base, fromMonth: '2026-10' }).filters?.fromMonth).toBe('2026-10');
    expect(checkFilterForm({ ...base, fromMonth: '2024-11' }).filters?.fromMonth).toBe('2024-11');
  });

  it('says when the last month is before the first', () => {
    expect(checkFilterForm({ ...base, fromMonth: '2026-10', toMonth: '2026-09' })).toEqual({
      errors: { toMonth: 'The last month must be the same as or after the first month' },
    });
  });

  it('says when the period is longer than 24 months', () => {
    expect(checkFilterForm({ ...base, fromMonth: '2024-10' })).toEqual({
      errors: { toMonth: 'The period can be at most 24 months' },
    });
  });

  it('asks for both months', () => {
    expect(checkFilterForm({ ...base, fromMonth: '', toMonth: '' }).errors).toEqual({
      fromMonth: 'Choose the first month',
      toMonth: 'Choose the last month',
    });
  });

  it('trims the practitioner type and limits its length', () => {
    expect(
      checkFilterForm({ ...base, practitionerType: '  Nurse ' }).filters?.practitionerType,
    ).toBe('Nurse');
    expect(
      checkFilterForm({ ...base, practitionerType: 'x'.repeat(101) }).errors.practitionerType,
    ).toBe('The practitioner type must be 100 characters or fewer');
  });
});
