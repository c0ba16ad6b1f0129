import fc from 'fast-check';
import {
  addDays,
  addInterval,
  addMonthsClamped,
  assertPeriod,
  daysBetween,
  daysInMonth,
  eachDay,
  fromDayNumber,
  isValidIsoDate,
  isWeekday,
  isoDayOfWeek,
  lastDayOfMonth,
  lengthOfPeriod,
  monthBuckets,
  oneYearBefore,
  parseIsoDate,
  parseUkOrIsoDate,
  toDayNumber,
} from './dates';
import { SUPERVISION_INTERVALS } from './enums';

const dayIn = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map((n) => fromDayNumber(n));
const anyDate = dayIn('1900-01-01', '2200-12-31');

describe('ISO date validation', () => {
  it.each([
    ['2024-02-29', true], // 2024 is a leap year
    ['2000-02-29', true], // divisible by 400: leap
    ['1900-02-29', false], // divisible by 100 but not 400: not leap
    ['2023-02-29', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-04-31', false], // April has 30 days
    ['2023-04-00', false],
    ['2023-4-01', false],
    ['2023-04-01T00:00', false],
    ['0000-01-01', false],
    ['', false],
    ['2023-12-31', true],
  ])('%s -> %s', (text, valid) => {
    expect(isValidIsoDate(text)).toBe(valid);
    expect(parseIsoDate(text)).toBe(valid ? text : null);
  });

  it('toDayNumber throws on a date that does not exist', () => {
    expect(() => toDayNumber('2023-02-29')).toThrow(RangeError);
    expect(() => addDays('2023-13-01', 1)).toThrow(RangeError);
  });

  it('assertPeriod rejects a period that ends before it starts', () => {
    expect(() => assertPeriod({ from: '2024-02-02', to: '2024-02-01' })).toThrow(RangeError);
    expect(assertPeriod({ from: '2024-02-01', to: '2024-02-01' })).toEqual({
      from: '2024-02-01',
      to: '2024-02-01',
    });
  });
});

describe('day numbers', () => {
  it('count days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    // 1970..1999 = 30 years with 7 leap days (72, 76, 80, 84, 88, 92, 96): 30 * 365 + 7 = 10957
    expect(toDayNumber('2000-01-01')).toBe(10957);
    // + 31 (January) + 29 (February 2000) = 11017
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(11017)).toBe('2000-03-01');
  });

  it('agree with the UTC calendar of Date (independent oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (n) => {
        expect(fromDayNumber(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('round-trip: fromDayNumber(toDayNumber(d)) = d', () => {
    fc.assert(fc.property(anyDate, (d) => fromDayNumber(toDayNumber(d)) === d));
  });
});

describe('addDays, daysBetween and lengthOfPeriod', () => {
  it('cross month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-03-10', '2024-03-01')).toBe(-9);
  });

  it('periods include both ends', () => {
    // 2024 is a leap year: 366 days, Jan 1 to Dec 31 is 365 days apart
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(lengthOfPeriod({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
    expect(lengthOfPeriod({ from: '2023-01-01', to: '2023-12-31' })).toBe(365);
    expect(lengthOfPeriod({ from: '2024-03-05', to: '2024-03-05' })).toBe(1);
    expect(lengthOfPeriod({ from: '2024-03-06', to: '2024-03-05' })).toBe(0);
    expect(eachDay({ from: '2024-02-28', to: '2024-03-01' })).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('property: addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
    fc.assert(fc.property(anyDate, anyDate, (a, b) => addDays(a, daysBetween(a, b)) === b));
  });

  it('property: lengthOfPeriod = number of days listed by eachDay', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -3, max: 400 }), (from, n) => {
        const period = { from, to: addDays(from, n) };
        expect(lengthOfPeriod(period)).toBe(eachDay(period).length);
      }),
    );
  });
});

describe('addMonthsClamped and oneYearBefore', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'], // 31 Jan + 1 month, leap year
    ['2023-01-31', 1, '2023-02-28'], // 31 Jan + 1 month, common year
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-08-31', 1, '2024-09-30'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it('one year before 29 Feb is 28 Feb', () => {
    expect(oneYearBefore('2024-02-29')).toBe('2023-02-28');
    expect(oneYearBefore('2024-03-01')).toBe('2023-03-01');
    expect(oneYearBefore('2025-02-28')).toBe('2024-02-28');
  });

  it('property: never overflows the end of the target month, keeps the day otherwise', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -36, max: 36 }), (d, n) => {
        const result = addMonthsClamped(d, n);
        expect(isValidIsoDate(result)).toBe(true);
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const [ry, rm, rday] = result.split('-').map(Number) as [number, number, number];
        expect(ry * 12 + rm - (y * 12 + m)).toBe(n); // lands in the right month
        expect(rday).toBe(Math.min(day, daysInMonth(ry, rm)));
        expect(result <= lastDayOfMonth(result)).toBe(true);
      }),
    );
  });

  it('property: monotone in the date', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: -24, max: 24 }), (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addMonthsClamped(early, n) <= addMonthsClamped(late, n)).toBe(true);
      }),
    );
  });
});

describe('lastDayOfMonth and monthBuckets', () => {
  it('lastDayOfMonth', () => {
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastDayOfMonth('2023-02-10')).toBe('2023-02-28');
    expect(lastDayOfMonth('2024-12-01')).toBe('2024-12-31');
  });

  it('cuts partial months at both ends of P', () => {
    expect(monthBuckets({ from: '2024-01-15', to: '2024-03-10' })).toEqual([
      { month: '2024-01', from: '2024-01-15', to: '2024-01-31' },
      { month: '2024-02', from: '2024-02-01', to: '2024-02-29' },
      { month: '2024-03', from: '2024-03-01', to: '2024-03-10' },
    ]);
    expect(monthBuckets({ from: '2024-12-31', to: '2024-12-31' })).toEqual([
      { month: '2024-12', from: '2024-12-31', to: '2024-12-31' },
    ]);
    expect(monthBuckets({ from: '2024-12-31', to: '2024-12-30' })).toEqual([]);
  });

  it('property: the buckets partition P exactly, one calendar month each', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 800 }), (from, n) => {
        const period = { from, to: addDays(from, n) };
        const buckets = monthBuckets(period);
        expect(buckets[0]?.from).toBe(period.from);
        expect(buckets[buckets.length - 1]?.to).toBe(period.to);
        buckets.forEach((bucket, i) => {
          expect(bucket.from <= bucket.to).toBe(true);
          expect(bucket.from.slice(0, 7)).toBe(bucket.month);
          expect(bucket.to.slice(0, 7)).toBe(bucket.month);
          const next = buckets[i + 1];
          if (next) {
            expect(next.from).toBe(addDays(bucket.to, 1));
            expect(bucket.to).toBe(lastDayOfMonth(bucket.to));
          }
        });
        expect(buckets.reduce((sum, b) => sum + lengthOfPeriod(b), 0)).toBe(n + 1);
      }),
    );
  });
});

describe('weekdays', () => {
  it('knows the days of a known week', () => {
    // 1 June 2024 was a Saturday
    expect(isoDayOfWeek('2024-06-01')).toBe(6);
    expect(isWeekday('2024-06-03')).toBe(true); // Monday
    expect(isWeekday('2024-06-07')).toBe(true); // Friday
    expect(isWeekday('2024-06-08')).toBe(false); // Saturday
    expect(isWeekday('2024-06-09')).toBe(false); // Sunday
    expect(isoDayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(isoDayOfWeek('1969-12-29')).toBe(1); // Monday, before day 0
  });

  it('property: any seven consecutive days hold five weekdays', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const week = eachDay({ from: d, to: addDays(d, 6) });
        expect(week.filter(isWeekday)).toHaveLength(5);
      }),
    );
  });
});

describe('addInterval', () => {
  it.each([
    ['2024-01-31', 'WEEKLY', '2024-02-07'],
    ['2024-01-31', 'FORTNIGHTLY', '2024-02-14'],
    ['2024-01-31', 'FOUR_WEEKLY', '2024-02-28'],
    ['2024-01-31', 'SIX_WEEKLY', '2024-03-13'], // 29 days to 29 Feb, 13 more
    ['2024-01-31', 'MONTHLY', '2024-02-29'],
    ['2023-01-31', 'MONTHLY', '2023-02-28'],
    ['2024-01-31', 'TWO_MONTHLY', '2024-03-31'],
    ['2023-11-30', 'QUARTERLY', '2024-02-29'],
  ] as const)('%s + %s = %s', (date, interval, expected) => {
    expect(addInterval(date, interval)).toBe(expected);
  });

  it('property: always moves forward, by 7 to 92 days', () => {
    fc.assert(
      fc.property(anyDate, fc.constantFrom(...SUPERVISION_INTERVALS), (d, interval) => {
        const days = daysBetween(d, addInterval(d, interval));
        expect(days).toBeGreaterThanOrEqual(7);
        expect(days).toBeLessThanOrEqual(92);
      }),
    );
  });
});

describe('parseUkOrIsoDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    [' 2024-02-01 ', '2024-02-01'],
    ['29/02/2024', '2024-02-29'],
    ['1/2/2024', '2024-02-01'],
    ['29/02/2023', null],
    ['31/04/2024', null],
    ['02/13/2024', null], // US order is never guessed
    ['2024/02/01', null],
    ['2023-02-29', null],
    ['', null],
  ])('%j -> %j', (text, expected) => {
    expect(parseUkOrIsoDate(text)).toBe(expected);
  });

  it('property: a date written DD/MM/YYYY reads back as itself', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const [y, m, day] = d.split('-');
        expect(parseUkOrIsoDate(`${day}/${m}/${y}`)).toBe(d);
      }),
    );
  });
});
