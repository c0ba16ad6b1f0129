import {
  countText,
  formatMoney,
  formatMoneyAuto,
  formatNumber,
  formatPercent,
  listText,
  monthName,
  NONE,
  shortMonthName,
  suppressedText,
  suppressionExplanation,
} from './format';

describe('formatPercent', () => {
  it('writes one decimal by default', () => {
    expect(formatPercent(84.444)).toBe('84.4%');
    expect(formatPercent(100)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });

  it('uses thousands separators for large annualised figures', () => {
    expect(formatPercent(1785.4)).toBe('1,785.4%');
  });

  it('gives "—" for no figure, never 0', () => {
    expect(formatPercent(null)).toBe(NONE);
    expect(formatPercent(undefined)).toBe(NONE);
    expect(formatPercent(Number.NaN)).toBe(NONE);
  });
});

describe('formatNumber', () => {
  it('drops trailing decimals and separates thousands', () => {
    expect(formatNumber(1234.56)).toBe('1,234.6');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(1.234, 2)).toBe('1.23');
    expect(formatNumber(null)).toBe(NONE);
  });
});

describe('formatMoney', () => {
  it('writes pounds with pence', () => {
    expect(formatMoney(1975.9, 'GBP')).toBe('£1,975.90');
  });

  it('can leave out pence', () => {
    expect(formatMoney(563, 'GBP', { wholeUnits: true })).toBe('£563');
  });

  it('uses the organisation’s currency', () => {
    expect(formatMoney(1612, 'EUR')).toBe('€1,612.00');
    expect(formatMoney(1612, 'USD')).toBe('US$1,612.00');
  });

  it('falls back to the code for a currency it does not know', () => {
    expect(formatMoney(10, 'not a currency')).toBe('10.00 not a currency');
  });

  it('gives "—" for no figure', () => {
    expect(formatMoney(null, 'GBP')).toBe(NONE);
  });

  it('shows pence only when there are any (formatMoneyAuto)', () => {
    expect(formatMoneyAuto(563, 'GBP')).toBe('£563');
    expect(formatMoneyAuto(1975.9, 'GBP')).toBe('£1,975.90');
  });
});

describe('words', () => {
  it('counts with English plurals', () => {
    expect(countText(1, 'leaver')).toBe('1 leaver');
    expect(countText(2.5, 'leaver')).toBe('2.5 leavers');
    expect(countText(38, 'person', 'people')).toBe('38 people');
  });

  it('lists', () => {
    expect(listText([])).toBe('');
    expect(listText(['A'])).toBe('A');
    expect(listText(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('names months', () => {
    expect(monthName('2026-02')).toBe('February 2026');
    expect(shortMonthName('2026-11')).toBe('Nov 2026');
  });
});

describe('hidden figures', () => {
  it('says how few people, never a number', () => {
    expect(suppressedText('BELOW_THRESHOLD', 5)).toBe('Not shown: fewer than 5 people');
    expect(suppressedText(null, null)).toBe('Not shown: too few people');
    expect(suppressedText('COMPLEMENTARY', 5)).toBe('Not shown: would reveal a hidden figure');
  });

  it('explains why', () => {
    expect(suppressionExplanation('BELOW_THRESHOLD', 5)).toContain('fewer than 5 people');
    expect(suppressionExplanation('COMPLEMENTARY', 5)).toContain('subtraction');
  });
});
