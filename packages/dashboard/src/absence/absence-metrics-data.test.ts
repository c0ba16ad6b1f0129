import {
  ABSENCE_REASON_SERIES,
  absenceFigures,
  absenceReasonChartRows,
  absenceReasonRows,
  absenceReasonSummary,
  absenceTrend,
  daysPerYearUnit,
  leaverReasonRows,
  leaverReasonSummary,
  rollingTurnoverTrend,
  turnoverFigures,
  yearBefore,
  type AbsenceHeadlines,
  type AbsenceSeriesMonth,
} from './absence-metrics-data';

const figure = (value: number | null, numerator: number, denominator: number) => ({
  __typename: 'Figure' as const,
  value,
  numerator,
  denominator,
});

// The demo organisation's figures for 23 November 2025 to 22 November 2026.
const headlines: AbsenceHeadlines = {
  __typename: 'MetricsHeadlines',
  headcount: 45,
  averageHeadcount: 39.5,
  leavers: 1,
  absenceRate: figure(3.0971594577146546, 383.8, 12392),
  workingDaysLostPerEmployee: figure(7.594936708860759, 300, 39.5),
  longTermShare: figure(72.30328295987493, 277.5, 383.8),
  mentalHealthShare: figure(84.91401771756122, 325.9, 383.8),
  turnoverRate: figure(2.5316455696202533, 1, 39.5),
  voluntaryTurnoverRate: figure(2.5316455696202533, 1, 39.5),
  annualisedTurnoverRate: figure(2.5316455696202533, 1, 39.5),
  stabilityIndex: figure(97.05882352941177, 33, 34),
};

describe('absence headlines', () => {
  test('values, the numbers behind them, and a definition for each', () => {
    const figures = absenceFigures(headlines);
    expect(figures.map((f) => [f.label, f.value, f.unit, f.basis])).toEqual([
      [
        'Sickness absence rate',
        '3.1%',
        undefined,
        '383.8 FTE days lost to sickness, of 12,392 FTE days available.',
      ],
      [
        'Working days lost per employee',
        '7.6',
        'days a year',
        '300 working days lost over 39.5 worker-years.',
      ],
      [
        'Long-term absence share',
        '72.3%',
        undefined,
        '277.5 of 383.8 FTE days lost were in absences of 28 days or more.',
      ],
      [
        'Mental-health share',
        '84.9%',
        undefined,
        '325.9 of 383.8 FTE days lost were for mental-health reasons.',
      ],
    ]);
    expect(figures[0]?.definition).toMatch(/NHS Digital/);
    expect(figures[1]?.definition).toMatch(/CIPD/);
    expect(figures[2]?.definition).toMatch(/28 days or more/);
  });

  test('no days lost: the shares have no figure, and say why', () => {
    const figures = absenceFigures({
      ...headlines,
      absenceRate: figure(0, 0, 12392),
      longTermShare: figure(null, 0, 0),
      mentalHealthShare: figure(null, 0, 0),
    });
    expect(figures[0]?.value).toBe('0.0%');
    expect(figures[2]).toMatchObject({
      value: 'No figure',
      raw: null,
      note: 'There is no figure because there were no days lost to sickness in the period.',
    });
  });

  test('days a year', () => {
    expect(daysPerYearUnit(7.594936708860759)).toBe('days a year');
    expect(daysPerYearUnit(1)).toBe('day a year');
    expect(daysPerYearUnit(1.04)).toBe('day a year');
    expect(daysPerYearUnit(0)).toBe('days a year');
  });
});

describe('turnover headlines', () => {
  test('values and the numbers behind them', () => {
    const figures = turnoverFigures(headlines, '2026-11-22');
    expect(figures.map((f) => [f.label, f.value, f.basis])).toEqual([
      ['Turnover', '2.5%', '1 leaver over an average headcount of 39.5.'],
      [
        'Voluntary turnover',
        '2.5%',
        '1 leaver who resigned or retired, over an average headcount of 39.5.',
      ],
      ['Turnover, annualised', '2.5%', '1 leaver over 39.5 worker-years.'],
      [
        'Stability index',
        '97.1%',
        '33 of the 34 people in post on 22 November 2025 are still in post on 22 November 2026.',
      ],
    ]);
  });

  test('the worked example of docs/metrics.md (stability on 29 February 2024)', () => {
    const figures = turnoverFigures(
      { ...headlines, stabilityIndex: figure(33.333333333333336, 1, 3) },
      '2024-02-29',
    );
    expect(figures[3]).toMatchObject({
      value: '33.3%',
      basis: '1 of the 3 people in post on 28 February 2023 is still in post on 29 February 2024.',
    });
  });

  test('a year before: the same date, 29 February becoming 28 February', () => {
    expect(yearBefore('2026-11-22')).toBe('2025-11-22');
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
    expect(yearBefore('2025-03-01')).toBe('2024-03-01');
  });
});

describe('trends', () => {
  const month = (
    m: string,
    to: string,
    absence: ReturnType<typeof figure> | null,
    rolling: ReturnType<typeof figure> | null,
    suppressed = false,
  ): AbsenceSeriesMonth => ({
    __typename: 'MetricsMonth',
    month: m,
    from: `${m}-01`,
    to,
    suppressed,
    suppressionReason: suppressed ? 'BELOW_THRESHOLD' : null,
    headcount: suppressed ? null : 40,
    absenceRate: absence,
    rollingTurnoverRate: rolling,
  });
  const series = [
    month('2026-09', '2026-09-30', figure(3.757736516357206, 42.5, 1131), figure(0, 0, 37)),
    month('2026-10', '2026-10-31', null, null, true),
    month(
      '2026-11',
      '2026-11-22',
      figure(4.362178731431266, 37, 848.2),
      figure(2.5316455696202533, 1, 39.5),
    ),
  ];

  test('absence rate by month', () => {
    expect(absenceTrend(series, 5).map((p) => [p.label, p.text, p.basis])).toEqual([
      ['September 2026', '3.8%', '42.5 FTE days lost of 1,131 FTE days available'],
      ['October 2026', 'Not shown: fewer than 5 people', ''],
      ['November 2026 (to 22 November)', '4.4%', '37 FTE days lost of 848.2 FTE days available'],
    ]);
  });

  test('rolling 12-month turnover by month', () => {
    expect(rollingTurnoverTrend(series, 5).map((p) => [p.text, p.basis])).toEqual([
      ['0.0%', '0 leavers in the 12 months to 30 September 2026, over an average headcount of 37'],
      ['Not shown: fewer than 5 people', ''],
      ['2.5%', '1 leaver in the 12 months to 22 November 2026, over an average headcount of 39.5'],
    ]);
  });
});

describe('absence by reason', () => {
  const rows = absenceReasonRows([
    { reason: 'MENTAL_HEALTH', absentDays: 354, fteDaysLost: 325.9 },
    { reason: 'MUSCULOSKELETAL', absentDays: 5, fteDaysLost: 3.8 },
    { reason: 'MINOR_ILLNESS', absentDays: 26, fteDaysLost: 23.5 },
    { reason: 'INJURY', absentDays: 15, fteDaysLost: 11.8 },
    { reason: 'OTHER', absentDays: 19, fteDaysLost: 16.8 },
    { reason: 'UNDISCLOSED', absentDays: 2, fteDaysLost: 2 },
  ]);

  test('largest first, with calendar days and each share of FTE days lost', () => {
    expect(rows.map((r) => [r.label, r.value, r.absentDays, r.share?.toFixed(1)])).toEqual([
      ['Mental health', 325.9, 354, '84.9'],
      ['Minor illness', 23.5, 26, '6.1'],
      ['Other', 16.8, 19, '4.4'],
      ['Injury', 11.8, 15, '3.1'],
      ['Musculoskeletal', 3.8, 5, '1.0'],
      ['Not disclosed', 2, 2, '0.5'],
    ]);
  });

  test('the summary', () => {
    expect(absenceReasonSummary(rows)).toBe(
      '383.8 FTE days lost to sickness absence in the period. By reason, largest first: ' +
        'mental health 325.9 (84.9%), minor illness 23.5 (6.1%), other 16.8 (4.4%), injury 11.8 (3.1%), ' +
        'musculoskeletal 3.8 (1.0%) and not disclosed 2 (0.5%).',
    );
    expect(absenceReasonSummary(absenceReasonRows([]))).toBe(
      'No days were lost to sickness absence in this period.',
    );
  });
});

describe('absence by reason, as bars', () => {
  test('FTE days lost with their share, and calendar days', () => {
    const rows = absenceReasonChartRows(
      absenceReasonRows([
        { reason: 'MENTAL_HEALTH', absentDays: 354, fteDaysLost: 325.9 },
        { reason: 'INJURY', absentDays: 15, fteDaysLost: 11.8 },
      ]),
    );
    expect(rows[0]).toEqual({
      key: 'MENTAL_HEALTH',
      label: 'Mental health',
      cells: {
        fte: { value: 325.9, text: '325.9 (96.5%)' },
        calendar: { value: 354, text: '354' },
      },
    });
    expect(rows.map((r) => r.key)).toEqual([
      'MENTAL_HEALTH',
      'INJURY',
      'MUSCULOSKELETAL',
      'MINOR_ILLNESS',
      'OTHER',
      'UNDISCLOSED',
    ]);
    expect(ABSENCE_REASON_SERIES.map((s) => s.key)).toEqual(['fte', 'calendar']);
  });
});

describe('leavers by reason', () => {
  test('every reason in order; “not recorded” only when there are such leavers', () => {
    const rows = leaverReasonRows([
      { reason: 'RETIREMENT', leavers: 1 },
      { reason: 'RESIGNATION', leavers: 2 },
      { reason: null, leavers: 1 },
    ]);
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['Resignation', 2],
      ['Retirement', 1],
      ['End of fixed-term contract', 0],
      ['Dismissal', 0],
      ['Redundancy', 0],
      ['Death in service', 0],
      ['Other', 0],
      ['Not recorded', 1],
    ]);
    expect(leaverReasonSummary(rows)).toBe(
      '4 leavers in the period. ' +
        'By reason: resignation 2 (50.0%), retirement 1 (25.0%) and not recorded 1 (25.0%). ' +
        'Voluntary leavers (resignation or retirement): 3.',
    );
    expect(leaverReasonRows([{ reason: 'OTHER', leavers: 0 }]).map((r) => r.label)).not.toContain(
      'Not recorded',
    );
  });

  test('one leaver, and none', () => {
    expect(leaverReasonSummary(leaverReasonRows([{ reason: 'RETIREMENT', leavers: 1 }]))).toBe(
      '1 leaver in the period. By reason: retirement 1 (100.0%). Voluntary leavers (resignation or retirement): 1.',
    );
    expect(leaverReasonSummary(leaverReasonRows([]))).toBe('No one left in this period.');
  });
});
