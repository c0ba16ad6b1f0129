import { fig, group, headlines, month, overview } from './test-fixtures';
import { breakdown, hasNoStaff, headlineCards, scopeText, trends } from './overview-data';

const ctx = { threshold: 5, currency: 'GBP' };

describe('headlineCards', () => {
  const cards = headlineCards(overview(), ctx);
  const byId = new Map(cards.map((card) => [card.id, card]));

  it('shows each headline with the numbers behind it', () => {
    expect(cards.map((card) => card.id)).toEqual([
      'card-coverage',
      'card-overdue',
      'card-absence',
      'card-turnover',
      'card-cost',
    ]);
    expect(byId.get('card-coverage')).toMatchObject({
      value: '84.4%',
      basis: '38 of 45 people in date on 22 November 2026',
    });
    expect(byId.get('card-overdue')).toMatchObject({
      value: '7',
      unit: 'people',
      basis: '7 of 45 people who need supervision, on 22 November 2026',
    });
    expect(byId.get('card-absence')).toMatchObject({
      value: '3.1%',
      basis: '383.8 FTE days lost of 12,392 FTE days available',
    });
    expect(byId.get('card-turnover')).toMatchObject({
      value: '6.7%',
      basis: '3 leavers over an average headcount of 44.5',
      extra: 'Annualised: 6.7% (3 leavers over 44.5 worker-years)',
    });
    expect(byId.get('card-cost')).toMatchObject({
      value: '£25,054',
      basis: 'Supervision spend for the period, against £4,836 to replace 3 leavers',
      extra: 'Break-even: 15.5 leavers avoided would pay for it.',
    });
    for (const card of cards) expect(card.definition.length).toBeGreaterThan(40);
  });

  it('shows "—" and why when a denominator is 0', () => {
    const none = headlineCards(
      overview({ headlines: headlines({ coverage: fig(null, 0, 0), eligible: 0 }) }),
      ctx,
    );
    expect(none[0]).toMatchObject({
      value: '—',
      note: 'There is no figure because no one who needs supervision was in post on 22 November 2026.',
    });
  });

  it('hides every number when the whole overview is suppressed', () => {
    const hidden = headlineCards(
      overview({
        suppressed: true,
        suppressionReason: 'BELOW_THRESHOLD',
        headlines: null,
        costCase: null,
      }),
      ctx,
    );
    for (const card of hidden) {
      expect(card.hidden?.text).toBe('Not shown: fewer than 5 people');
      expect(card.value).toBe('—');
      expect(card.basis).toBeUndefined();
    }
  });
});

describe('trends', () => {
  it('shapes the monthly series for the charts and their tables', () => {
    const t = trends(overview().monthlySeries, ctx);
    expect(t.coverage.map((row) => row.cells['coverage'])).toEqual([
      { value: 80, text: '80.0%', detail: '38 of 45 people in date' },
      { value: 84.4, text: '84.4%', detail: '38 of 45 people in date' },
    ]);
    expect(t.turnover[0]?.cells['rolling']).toEqual({
      value: 10,
      text: '10.0%',
      detail: '4 leavers over an average headcount of 40',
    });
    expect(t.summaries.coverage).toBe(
      'Supervision coverage at month end was 84.4% in February 2026, up 4.4 percentage points from 80.0% in January 2026 (to 28 January).',
    );
  });

  it('marks hidden months without a number', () => {
    const t = trends([month('2026-01', 80), month('2026-02', null, true)], ctx);
    expect(t.coverage[1]?.cells['coverage']).toEqual({
      value: null,
      text: 'Not shown: fewer than 5 people',
      hidden: true,
    });
  });
});

describe('breakdown', () => {
  const b = breakdown('service', overview().breakdownByService, ctx);

  it('gives a table row per group and the total last', () => {
    expect(b.columns.map((c) => c.label)).toEqual([
      'Service',
      'Headcount',
      'Supervision coverage',
      'People overdue',
      'Sickness absence rate',
      'Turnover',
    ]);
    expect(b.rows.map((row) => [row.key, row.total])).toEqual([
      ['s1', false],
      ['s2', false],
      ['__total', true],
    ]);
    expect(b.rows[0]?.cells['coverage']).toEqual({
      text: '84.4%',
      detail: '38 of 45 people in date',
      sortValue: (38 / 45) * 100,
    });
  });

  it('shows a suppressed group as "Not shown: fewer than 5 people", never a number', () => {
    const hidden = b.rows[1];
    for (const key of ['headcount', 'coverage', 'overdue', 'absence', 'turnover']) {
      expect(hidden?.cells[key]).toEqual({
        text: 'Not shown: fewer than 5 people',
        sortValue: null,
        hidden: true,
      });
    }
    expect(b.coverageRows[1]?.cells['coverage']).toEqual({
      value: null,
      text: 'Not shown: fewer than 5 people',
      hidden: true,
    });
    expect(b.notes).toEqual([
      'Figures about fewer than 5 people are not shown to roles that do not see individual records, so that no one can be identified.',
    ]);
    expect(b.coverageSummary).toBe(
      'Outreach: supervision coverage 84.4%. One group is not shown because it has too few people.',
    );
  });

  it('explains a group hidden to protect another', () => {
    const data = overview().breakdownByService;
    const c = breakdown(
      'service',
      { ...data, groups: [group('s3', 'Admin', null, 'COMPLEMENTARY')] },
      ctx,
    );
    expect(c.rows[0]?.cells['coverage']?.text).toBe('Not shown: would reveal a hidden figure');
    expect(c.notes[0]).toContain('subtraction');
  });
});

describe('words', () => {
  it('says whom the figures are about', () => {
    const names = new Map([
      ['a', 'Outreach'],
      ['b', 'Counselling'],
    ]);
    expect(scopeText({ serviceIds: [], serviceNames: names })).toBe('all services');
    expect(scopeText({ serviceIds: ['a', 'b'], serviceNames: names })).toBe(
      'Outreach and Counselling',
    );
    expect(scopeText({ serviceIds: [], serviceNames: names, managedServiceIds: ['a'] })).toBe(
      'your service (Outreach)',
    );
  });

  it('knows an organisation with no staff', () => {
    expect(hasNoStaff(overview())).toBe(false);
    expect(hasNoStaff(overview({ headlines: headlines({ staffCount: 0 }) }))).toBe(true);
  });
});

describe('breakdown summaries', () => {
  it('names tied groups together', () => {
    const h = headlines();
    const zero = headlines({ turnoverRate: fig(0, 0, 10) });
    const data = overview().breakdownByService;
    const b = breakdown(
      'service',
      {
        ...data,
        groups: [
          group('a', 'Outreach', h),
          group('b', 'Counselling', zero),
          group('c', 'Admin', zero),
        ],
      },
      { threshold: 5, currency: 'GBP' },
    );
    expect(b.ratesSummary).toContain(
      'Turnover is highest in Outreach (6.7%) and lowest in Counselling and Admin (0.0%).',
    );
  });
});
