import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import {
  addDays,
  addMonths,
  checkDateField,
  DateInput,
  daysBetween,
  formatDate,
  parseUkDate,
  todayIn,
  toUkInput,
} from './date-input';

describe('parseUkDate', () => {
  it.each([
    ['27/3/2026', '2026-03-27'],
    ['27/03/2026', '2026-03-27'],
    ['3/7/2026', '2026-07-03'],
    [' 01/01/2026 ', '2026-01-01'],
    ['1.2.2026', '2026-02-01'],
    ['1-2-2026', '2026-02-01'],
    ['1 2 2026', '2026-02-01'],
    ['29/2/2024', '2024-02-29'],
    ['2026-03-27', '2026-03-27'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseUkDate(text)).toEqual({ kind: 'date', iso });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['next Tuesday', 'format'],
    ['3 March 2026', 'format'],
    ['27/3/26', 'format'],
    ['2026/03/27', 'format'],
    ['27/3/2026/1', 'format'],
    ['31/2/2026', 'impossible'],
    ['29/2/2025', 'impossible'],
    ['1/13/2026', 'impossible'],
    ['0/1/2026', 'impossible'],
    ['2026-02-30', 'impossible'],
    ['1/1/1066', 'year'],
    ['1/1/2200', 'year'],
  ])('reads %j as %s', (text, kind) => {
    expect(parseUkDate(text).kind).toBe(kind);
  });
});

describe('checkDateField', () => {
  it('gives the ISO date of a good value', () => {
    expect(checkDateField('3/3/2026', 'start date')).toEqual({ iso: '2026-03-03' });
  });

  it('words each problem GOV.UK style, naming the field', () => {
    expect(checkDateField('', 'start date').error).toBe('Enter the start date');
    expect(checkDateField('soon', 'start date').error).toBe(
      'The start date must be a date, like 27/3/2026',
    );
    expect(checkDateField('31/4/2026', 'end date').error).toBe('The end date must be a real date');
    expect(checkDateField('1/1/1800', 'end date').error).toBe(
      'The end date must be between 1900 and 2199',
    );
  });

  it('lets an optional field be empty', () => {
    expect(checkDateField('', 'end date', { required: false })).toEqual({ iso: null });
    expect(checkDateField('x', 'end date', { required: false }).error).toBeTruthy();
  });
});

describe('formatting and arithmetic', () => {
  it('formats dates the UK way', () => {
    expect(formatDate('2026-03-03')).toBe('3 March 2026');
    expect(formatDate('2025-12-31')).toBe('31 December 2025');
    expect(formatDate(null)).toBe('');
    expect(toUkInput('2026-03-03')).toBe('03/03/2026');
    expect(toUkInput(undefined)).toBe('');
  });

  it('adds days and months on calendar dates', () => {
    expect(addDays('2026-03-28', 7)).toBe('2026-04-04');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    // Across the clocks going forward: still a whole day.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-04-04', '2026-03-28')).toBe(-7);
  });

  it("knows today's date in the organisation's time zone", () => {
    // 23:30 UTC on 31 December is already 1 January in Auckland.
    const now = new Date(Date.UTC(2025, 11, 31, 23, 30));
    expect(todayIn('Europe/London', now)).toBe('2025-12-31');
    expect(todayIn('Pacific/Auckland', now)).toBe('2026-01-01');
    expect(todayIn('Not/AZone', now)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('DateInput', () => {
  function Harness({ error }: { error?: string }) {
    const [value, setValue] = useState('');
    return (
      <DateInput
        id="startDate"
        label="Start date"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={error}
      />
    );
  }

  it('is a labelled text field with the format as its hint', () => {
    render(<Harness />);
    const input = screen.getByLabelText('Start date') as HTMLInputElement;
    expect(input.getAttribute('aria-describedby')).toBe('startDate-hint');
    expect(document.getElementById('startDate-hint')?.textContent).toBe('For example, 27/3/2026');
    fireEvent.change(input, { target: { value: '27/3/2026' } });
    expect(input.value).toBe('27/3/2026');
  });

  it('shows its error inline and links it to the field', () => {
    render(<Harness error="Enter the start date" />);
    const input = screen.getByLabelText('Start date');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('startDate-hint startDate-error');
    expect(document.getElementById('startDate-error')?.textContent).toBe(
      'Error: Enter the start date',
    );
  });
});
