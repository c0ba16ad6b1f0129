import {
  breakEven,
  breakEvenExplanation,
  costRows,
  leaversSentence,
  moneyTick,
  price,
  usesDefaults,
  working,
  type CostCase,
} from './cost-case-data';

// docs/metrics.md's worked example: 2024 (366 days), average eligible 3.5, one leaver.
const example: CostCase = {
  __typename: 'CostCase',
  currency: 'GBP',
  averageEligible: 3.5,
  leavers: 1,
  supervisionCostPerWorkerYear: 563,
  recruitmentCostPerLeaver: 1612,
  supervisionSpend: (563 * 3.5 * 366) / 365,
  turnoverCost: 1612,
  breakEvenLeavers: {
    __typename: 'Figure',
    value: (563 * 3.5 * 366) / 365 / 1612,
    numerator: (563 * 3.5 * 366) / 365,
    denominator: 1612,
  },
};

describe('the cost case', () => {
  it('shows the working of docs/metrics.md’s example to the penny', () => {
    expect(working(example, 366)).toEqual([
      'Supervision spend: £563 per worker per year × 3.5 people needing supervision on average (first and last day) × 366 days ÷ 365 = £1,975.90.',
      'Turnover cost: 1 leaver × £1,612 recruitment cost per leaver = £1,612.00.',
      'Break-even leavers: £1,975.90 ÷ £1,612 = 1.23 leavers.',
    ]);
  });

  it('explains break-even in plain words', () => {
    expect(breakEven(example)).toBe(1.2);
    expect(breakEvenExplanation(example)).toBe(
      'The supervision you paid for in this period would be covered if it prevented 1.2 leavers.',
    );
    expect(leaversSentence(example)).toBe(
      'In this period 1 person left; replacing them costs about £1,612 at your recruitment cost per leaver.',
    );
  });

  it('has no break-even figure when recruiting costs nothing', () => {
    const free = {
      ...example,
      recruitmentCostPerLeaver: 0,
      breakEvenLeavers: { ...example.breakEvenLeavers, value: null },
    };
    expect(breakEven(free)).toBeNull();
    expect(breakEvenExplanation(free)).toContain('no break-even figure');
  });

  it('knows the defaults', () => {
    expect(usesDefaults(example)).toBe(true);
    expect(usesDefaults({ ...example, recruitmentCostPerLeaver: 2000 })).toBe(false);
  });

  it('writes money in the organisation’s currency', () => {
    expect(price(563, 'EUR')).toBe('€563');
    expect(price(563.5, 'GBP')).toBe('£563.50');
    expect(costRows({ ...example, currency: 'EUR' })[0]?.cells['amount']?.text).toBe('€1,976');
    expect(moneyTick('GBP')(20000)).toBe('£20k');
    expect(moneyTick('GBP')(2500)).toBe('£2.5k');
    expect(moneyTick('GBP')(500)).toBe('£500');
  });
});
