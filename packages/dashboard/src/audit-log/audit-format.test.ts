import { formatDateTime } from './audit-format';

describe('formatDateTime', () => {
  it('shows an instant in the organisation’s time zone, UK style', () => {
    expect(formatDateTime('2026-03-03T14:05:09.000Z', 'Europe/London')).toBe(
      '3 March 2026, 14:05:09',
    );
    // British Summer Time.
    expect(formatDateTime('2026-07-01T23:30:00Z', 'Europe/London')).toBe('2 July 2026, 00:30:00');
    expect(formatDateTime('2026-07-01T23:30:00Z', 'America/New_York')).toBe(
      '1 July 2026, 19:30:00',
    );
  });

  it('falls back to UTC for a zone it does not know, and leaves nonsense as it is', () => {
    expect(formatDateTime('2026-03-03T14:05:09Z', 'Mars/Olympus')).toBe('3 March 2026, 14:05:09');
    expect(formatDateTime('not a time', 'Europe/London')).toBe('not a time');
  });
});
