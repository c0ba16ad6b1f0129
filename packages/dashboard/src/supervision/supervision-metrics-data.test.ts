import {
  coverageTrend,
  formatMixRows,
  formatMixSummary,
  functionMixRows,
  functionMixSummary,
  heldTotal,
  overdueByText,
  overdueRow,
  pageRangeText,
  supervisionFigures,
  type SupervisionHeadlines,
  type SupervisionSeriesMonth,
} from './supervision-metrics-data';

const figure = (value: number | null, numerator: number, denominator: number) => ({
  __typename: 'Figure' as const,
  value,
  numerator,
  denominator,
});

// The demo organisation's figures for 23 November 2025 to 22 November 2026.
const headlines: SupervisionHeadlines = {
  __typename: 'MetricsHeadlines',
  eligible: 43,
  overdueCount: 10,
  agreementsReviewOverdue: 31,
  coverage: figure(76.74418604651163, 33, 43),
  sessionsHeldVsExpected: figure(89.21730930194455, 471, 527.9244618395303),
  cancellationRate: figure(10.609480812641083, 47, 443),
  supervisionHoursPerWorkerPerMonth: figure(1.2291666666666667, 560.5, 456),
};

describe('supervisionFigures', () => {
  test('each headline has its value, the numbers behind it and a definition', () => {
    const figures = supervisionFigures(headlines, '2026-11-22');
    expect(
      figures.map((f) => [f.id, f.label, f.unit ? `${f.value} ${f.unit}` : f.value, f.basis]),
    ).toEqual([
      [
        'coverage',
        'Supervision coverage',
        '76.7%',
        '33 of 43 people who need supervision were in date on 22 November 2026.',
      ],
      [
        'overdue',
        'Overdue for supervision',
        '10 people',
        '10 of 43 people who need supervision were past their due date on 22 November 2026.',
      ],
      [
        'held-vs-expected',
        'Sessions held against expected',
        '89.2%',
        '471 counted sessions held, against 527.9 that agreements expected.',
      ],
      [
        'cancellation-rate',
        'Cancellation rate',
        '10.6%',
        '47 of 443 sessions were cancelled or not attended.',
      ],
      [
        'hours-per-worker',
        'Supervision hours per worker per month',
        '1.2 hours',
        '560.5 hours of counted supervision over 456 worker-months.',
      ],
      [
        'agreements-review',
        'Agreements due for review',
        '31 agreements',
        '31 agreements in force on 22 November 2026 have a review date that has passed.',
      ],
    ]);
    for (const f of figures) {
      expect(f.definition.length).toBeGreaterThan(40);
      expect(f.note).toBeUndefined();
    }
    expect(figures[0]).toMatchObject({ raw: 76.74418604651163, numerator: 33, denominator: 43 });
  });

  test('singulars, and no figure (with the reason) when the denominator is 0', () => {
    const figures = supervisionFigures(
      {
        ...headlines,
        eligible: 0,
        overdueCount: 1,
        agreementsReviewOverdue: 1,
        coverage: figure(null, 0, 0),
        cancellationRate: figure(100, 1, 1),
        supervisionHoursPerWorkerPerMonth: figure(null, 0, 0),
      },
      '2026-11-22',
    );
    const byId = new Map(figures.map((f) => [f.id, f]));
    expect(byId.get('coverage')).toMatchObject({
      value: 'No figure',
      raw: null,
      note: 'There is no figure because there was no one in post needing supervision on 22 November 2026.',
    });
    expect(byId.get('overdue')).toMatchObject({ value: '1', unit: 'person' });
    expect(byId.get('agreements-review')).toMatchObject({ value: '1', unit: 'agreement' });
    expect(byId.get('cancellation-rate')?.basis).toBe(
      '1 of 1 session was cancelled or not attended.',
    );
    expect(byId.get('hours-per-worker')).toMatchObject({ value: 'No figure', raw: null });
    expect(byId.get('hours-per-worker')?.unit).toBeUndefined();
    expect(byId.get('agreements-review')?.basis).toBe(
      '1 agreement in force on 22 November 2026 has a review date that has passed.',
    );
  });

  test('never words that shame: no “failing”, “non-compliant” or “breach”', () => {
    const text = supervisionFigures(headlines, '2026-11-22')
      .flatMap((f) => [f.label, f.basis, f.definition])
      .join(' ');
    expect(text).not.toMatch(/fail|compli|breach|late/i);
  });

  test('hours: the unit follows the number shown', () => {
    const hours = (value: number) =>
      supervisionFigures(
        { ...headlines, supervisionHoursPerWorkerPerMonth: figure(value, value, 1) },
        '2026-11-22',
      ).find((f) => f.id === 'hours-per-worker');
    expect(hours(1)).toMatchObject({ value: '1', unit: 'hour' });
    expect(hours(1.04)).toMatchObject({ value: '1', unit: 'hour' });
    expect(hours(2.75)).toMatchObject({ value: '2.8', unit: 'hours' });
  });
});

describe('the overdue list', () => {
  const services = new Map([['svc-1', 'Family support']]);

  test('kind words for days overdue', () => {
    expect(overdueByText(1)).toBe('Overdue by 1 day');
    expect(overdueByText(12)).toBe('Overdue by 12 days');
    expect(overdueByText(1200)).toBe('Overdue by 1,200 days');
  });

  test('a row as the table shows it', () => {
    expect(
      overdueRow(
        {
          __typename: 'OverdueSupervision',
          staffId: 'p1',
          displayName: 'Liam Davies',
          staffRef: 'NOR-10017',
          serviceId: 'svc-1',
          dueDate: '2026-09-08',
          daysOverdue: 75,
        },
        services,
      ),
    ).toEqual([
      'Liam Davies',
      'NOR-10017',
      'Family support',
      '8 September 2026',
      'Overdue by 75 days',
    ]);
  });

  test('a person with no name shows their reference; an unknown service says so', () => {
    expect(
      overdueRow(
        {
          __typename: 'OverdueSupervision',
          staffId: 'p2',
          displayName: null,
          staffRef: 'NOR-1',
          serviceId: 'svc-9',
          dueDate: '2026-11-21',
          daysOverdue: 1,
        },
        services,
      ),
    ).toEqual(['NOR-1', 'NOR-1', 'Unknown service', '21 November 2026', 'Overdue by 1 day']);
  });

  test('the page range', () => {
    expect(pageRangeText(0, 25, 40)).toBe('Showing 1 to 25 of 40 people');
    expect(pageRangeText(25, 15, 40)).toBe('Showing 26 to 40 of 40 people');
    expect(pageRangeText(0, 1, 1)).toBe('Showing 1 to 1 of 1 person');
    expect(pageRangeText(0, 0, 0)).toBe('Showing none of 0 people');
  });
});

describe('the coverage trend', () => {
  test('coverage on each month’s last day, hidden months marked', () => {
    const series: SupervisionSeriesMonth[] = [
      {
        __typename: 'MetricsMonth',
        month: '2026-10',
        from: '2026-10-01',
        to: '2026-10-31',
        suppressed: false,
        suppressionReason: null,
        coverage: figure(79.54545454545455, 35, 44),
      },
      {
        __typename: 'MetricsMonth',
        month: '2026-11',
        from: '2026-11-01',
        to: '2026-11-22',
        suppressed: true,
        suppressionReason: 'BELOW_THRESHOLD',
        coverage: null,
      },
    ];
    expect(coverageTrend(series, 5).map((p) => [p.label, p.text, p.basis])).toEqual([
      ['October 2026', '79.5%', '35 of 44 people in date on 31 October 2026'],
      ['November 2026 (to 22 November)', 'Not shown: fewer than 5 people', ''],
    ]);
  });
});

describe('format and function mixes', () => {
  const formats = formatMixRows([
    { format: 'GROUP', sessions: 43 },
    { format: 'ONE_TO_ONE', sessions: 329 },
    { format: 'PEER', sessions: 23 },
    { format: 'CASE_CONSULTATION', sessions: 1 },
  ]);

  test('every format in a fixed order, with its share of held sessions', () => {
    expect(formats.map((r) => [r.label, r.value, r.share?.toFixed(2)])).toEqual([
      ['One-to-one', 329, '83.08'],
      ['Group', 43, '10.86'],
      ['Peer', 23, '5.81'],
      ['Case consultation', 1, '0.25'],
    ]);
    expect(heldTotal(formats)).toBe(396);
    expect(formatMixSummary(formats)).toBe(
      '396 sessions held in the period: 329 one-to-one (83.1%), 43 group (10.9%), 23 peer (5.8%) and 1 case consultation (0.3%).',
    );
  });

  test('a format with no sessions is shown as 0 in the table, left out of the summary', () => {
    const rows = formatMixRows([{ format: 'ONE_TO_ONE', sessions: 2 }]);
    expect(rows.map((r) => r.value)).toEqual([2, 0, 0, 0]);
    expect(formatMixSummary(rows)).toBe('2 sessions held in the period: 2 one-to-one (100.0%).');
    expect(formatMixSummary(formatMixRows([]))).toBe(
      'No sessions were recorded as held in this period.',
    );
  });

  test('functions: shares of held sessions, which need not add up to 100%', () => {
    const rows = functionMixRows(
      [
        { function: 'RESTORATIVE', sessions: 283 },
        { function: 'NORMATIVE', sessions: 266 },
        { function: 'FORMATIVE', sessions: 274 },
      ],
      396,
    );
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['Normative', 266],
      ['Formative', 274],
      ['Restorative', 283],
    ]);
    expect(functionMixSummary(rows, 396)).toBe(
      'Of the 396 sessions held, 266 served a normative function (67.2%), 274 formative (69.2%) and 283 restorative (71.5%). ' +
        'A session can serve more than one function, or have none recorded, so these need not add up to the sessions held.',
    );
    expect(functionMixSummary(functionMixRows([], 0), 0)).toBe(
      'No sessions were recorded as held in this period.',
    );
  });
});
