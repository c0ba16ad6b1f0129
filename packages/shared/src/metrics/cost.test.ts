import { breakEvenLeavers, costCase, supervisionSpend, turnoverCost } from './cost';
import { DEFAULT_ORG_SETTINGS } from './records';
import { makeOrg, makeStaff } from './testing/builders';

// 2024: 366 days.
const YEAR_2024 = { from: '2024-01-01', to: '2024-12-31' };
const org = makeOrg({
  staff: [
    ...Array.from({ length: 8 }, (_, i) => makeStaff(`base${i}`)),
    makeStaff('l1', { endDate: '2024-03-31', leavingReason: 'RESIGNATION' }),
    makeStaff('l2', { endDate: '2024-07-31', leavingReason: 'REDUNDANCY' }),
    ...Array.from({ length: 4 }, (_, i) => makeStaff(`new${i}`, { startDate: '2024-06-01' })),
    makeStaff('admin', { requiresSupervision: false }),
  ],
});
// eligible(1 Jan) = 8 + l1 + l2 = 10; eligible(31 Dec) = 8 + 4 new = 12; average 11

describe('cost case with the default settings (563 per worker-year, 1612 per leaver)', () => {
  it('supervisionSpend = 563 * 11 * 366 / 365 = 6209.97', () => {
    expect(supervisionSpend(org, YEAR_2024)).toBeCloseTo((563 * 11 * 366) / 365, 8);
    expect(supervisionSpend(org, YEAR_2024)).toBeCloseTo(6209.967, 3);
  });

  it('turnoverCost = 2 leavers * 1612 = 3224', () => {
    expect(turnoverCost(org, YEAR_2024)).toBe(3224);
  });

  it('breakEvenLeavers = 6209.97 / 1612 = 3.8523', () => {
    const figure = breakEvenLeavers(org, YEAR_2024);
    expect(figure.denominator).toBe(1612);
    expect(figure.value).toBeCloseTo((563 * 11 * 366) / 365 / 1612, 10);
    expect(figure.value).toBeCloseTo(3.8523, 4);
  });

  it('costCase reports the settings used and the figures', () => {
    const result = costCase(org, YEAR_2024);
    expect(result).toMatchObject({
      supervisionCostPerWorkerYear: DEFAULT_ORG_SETTINGS.supervisionCostPerWorkerYear,
      recruitmentCostPerLeaver: 1612,
      averageEligible: 11,
      leavers: 2,
      turnoverCost: 3224,
    });
  });

  it("uses the organisation's own figures, and null break-even with a zero recruitment cost", () => {
    const own = {
      ...org,
      settings: { ...org.settings, supervisionCostPerWorkerYear: 730, recruitmentCostPerLeaver: 0 },
    };
    // 730 * 11 * 366 / 365 = 8052
    expect(supervisionSpend(own, YEAR_2024)).toBeCloseTo(8052, 8);
    expect(turnoverCost(own, YEAR_2024)).toBe(0);
    expect(breakEvenLeavers(own, YEAR_2024).value).toBeNull();
  });
});
