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
  readComparisonSort,
  readMetric,
  SORT_KEYS,
  writeComparisonParams,
  writeComparisonSort,
  type ComparisonSort,
} from './comparison-params';
import { comparisonColumns } from './comparison-data';

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

describe('the table’s sort in the address', () => {
  it('is the default (the API’s order) with nothing in the address', () => {
    expect(readComparisonSort(new URLSearchParams())).toBeNull();
    expect(readComparisonSort(new URLSearchParams('from=2025-01&to=2025-06&kind=NGO'))).toBeNull();
  });

  it('knows exactly the table’s sortable columns', () => {
    expect([...SORT_KEYS]).toEqual(
      comparisonColumns()
        .filter((column) => column.sortable)
        .map((column) => column.key),
    );
  });

  it('reads back every column and direction it writes', () => {
    for (const key of SORT_KEYS) {
      for (const direction of ['ascending', 'descending'] as const) {
        const sort: ComparisonSort = { key, direction };
        const written = writeComparisonSort(new URLSearchParams(), sort);
        expect(readComparisonSort(written)).toEqual(sort);
        // And through the text of a link, as a shared address is.
        expect(readComparisonSort(new URLSearchParams(written.toString()))).toEqual(sort);
      }
    }
  });

  it('writes only what is not the default', () => {
    const write = (sort: ComparisonSort | null) =>
      writeComparisonSort(new URLSearchParams(), sort).toString();
    expect(write({ key: 'coverage', direction: 'ascending' })).toBe('sort=coverage');
    expect(write({ key: 'absenceRate', direction: 'descending' })).toBe(
      'sort=absenceRate&dir=desc',
    );
    expect(write(null)).toBe('');
  });

  it('keeps the period, filters and chart metric, and replaces an earlier sort', () => {
    const search = new URLSearchParams(
      'from=2025-01&to=2025-06&kind=NGO&metric=ABSENCE_RATE&sort=provider&dir=desc',
    );
    expect(
      writeComparisonSort(search, { key: 'coverage', direction: 'ascending' }).toString(),
    ).toBe('from=2025-01&to=2025-06&kind=NGO&metric=ABSENCE_RATE&sort=coverage');
    expect(writeComparisonSort(search, null).toString()).toBe(
      'from=2025-01&to=2025-06&kind=NGO&metric=ABSENCE_RATE',
    );
    // Applying or clearing the filters keeps the sort.
    const sorted = new URLSearchParams('sort=turnoverRate&dir=desc');
    const applied = writeComparisonParams(sorted, {
      fromMonth: '2025-01',
      toMonth: '2025-06',
      providerKinds: [],
      practitionerType: '',
    });
    expect(readComparisonSort(applied)).toEqual({ key: 'turnoverRate', direction: 'descending' });
    expect(readComparisonSort(clearComparisonParams(applied))).toEqual({
      key: 'turnoverRate',
      direction: 'descending',
    });
  });

  it('gives the default sort for a column it does not know, whatever the direction', () => {
    for (const address of [
      'sort=nonsense',
      'sort=nonsense&dir=desc',
      'sort=COVERAGE',
      'sort=&dir=desc',
      'dir=desc',
      'sort=__proto__',
      'sort=toString',
    ]) {
      expect(readComparisonSort(new URLSearchParams(address))).toBeNull();
    }
    // Nor is one written.
    expect(
      writeComparisonSort(new URLSearchParams('sort=coverage'), {
        key: 'nonsense',
        direction: 'descending',
      }).toString(),
    ).toBe('');
  });

  it('sorts ascending, the default direction, for a direction it does not know', () => {
    for (const dir of ['', 'asc', 'DESC', 'descending', 'up']) {
      expect(readComparisonSort(new URLSearchParams({ sort: 'coverage', dir }))).toEqual({
        key: 'coverage',
        direction: 'ascending',
      });
    }
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
