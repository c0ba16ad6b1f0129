import { LocalDate } from './scalars';

describe('LocalDate', () => {
  it.each(['2026-03-31', '2024-02-29', '1900-01-01', '2199-12-31'])('accepts %s', (value) => {
    expect(LocalDate.parseValue(value)).toBe(value);
  });

  it.each([
    '2023-02-29',
    '2026-13-01',
    '0000-01-01',
    '1899-12-31',
    '2200-01-01',
    '31/03/2026',
    '2026-3-1',
    20260331,
    '',
  ])('refuses %p', (value) => {
    expect(() => LocalDate.parseValue(value)).toThrow(/date/);
  });
});
