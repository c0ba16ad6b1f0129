import type { OverviewCostCaseFragment } from '../gql/graphql';
import type { ChartRow } from '../shell/charts/chart-data';
import { countText, formatMoney, formatNumber, peopleText } from '../shell/charts/format';

/*
 * The Cost case's words and numbers (docs/metrics.md, "Cost case"): the
 * period's supervision spend, the cost of replacing its leavers, and the
 * break-even number of leavers, with the working shown. Pure; tested in
 * cost-case-data.test.ts.
 */

export type CostCase = OverviewCostCaseFragment;

/** The defaults and where they come from (one charity's evaluation). */
export const DEFAULT_SUPERVISION_COST = 563;
export const DEFAULT_RECRUITMENT_COST = 1612;

/** Whole units for headlines ("£21,394"), pence in the working ("£21,394.37"). */
export function money(value: number | null | undefined, currency: string, exact = false): string {
  return formatMoney(value, currency, { wholeUnits: !exact });
}

/** A unit price as set: "£563" or "£563.50". */
export function price(value: number, currency: string): string {
  return formatMoney(value, currency, { wholeUnits: Number.isInteger(value) });
}

export function usesDefaults(
  cost: Pick<CostCase, 'supervisionCostPerWorkerYear' | 'recruitmentCostPerLeaver' | 'currency'>,
): boolean {
  return (
    cost.currency === 'GBP' &&
    cost.supervisionCostPerWorkerYear === DEFAULT_SUPERVISION_COST &&
    cost.recruitmentCostPerLeaver === DEFAULT_RECRUITMENT_COST
  );
}

/** Break-even leavers to one decimal ("13.3"); null when the recruitment cost is 0. */
export function breakEven(cost: CostCase): number | null {
  const value = cost.breakEvenLeavers.value;
  return value === null || value === undefined ? null : Math.round(value * 10) / 10;
}

/** "13.3 leavers", "1 leaver". */
export function leaversText(count: number): string {
  return countText(count, 'leaver');
}

/**
 * The plain explanation: "The supervision you paid for in this period
 * would be covered if it prevented 13.3 leavers."
 */
export function breakEvenExplanation(cost: CostCase): string {
  const value = breakEven(cost);
  if (value === null) {
    return 'There is no break-even figure because your recruitment cost per leaver is set to 0.';
  }
  if (cost.supervisionSpend === 0) {
    return 'No supervision was paid for in this period (no one who needs supervision was in post), so there is nothing to cover.';
  }
  return `The supervision you paid for in this period would be covered if it prevented ${leaversText(value)}.`;
}

/** What happened: "In this period 3 people left; replacing them costs about £4,836." */
export function leaversSentence(cost: CostCase): string {
  if (cost.leavers === 0) return 'No one left in this period, so there was no turnover cost.';
  return `In this period ${peopleText(cost.leavers)} left; replacing ${cost.leavers === 1 ? 'them' : 'them all'} costs about ${money(cost.turnoverCost, cost.currency)} at your recruitment cost per leaver.`;
}

/** The working, line by line, to the penny. */
export function working(cost: CostCase, days: number): string[] {
  const c = cost.currency;
  const be = breakEven(cost);
  return [
    `Supervision spend: ${price(cost.supervisionCostPerWorkerYear, c)} per worker per year × ${formatNumber(cost.averageEligible, 2)} people needing supervision on average (first and last day) × ${formatNumber(days, 0)} days ÷ 365 = ${money(cost.supervisionSpend, c, true)}.`,
    `Turnover cost: ${leaversText(cost.leavers)} × ${price(cost.recruitmentCostPerLeaver, c)} recruitment cost per leaver = ${money(cost.turnoverCost, c, true)}.`,
    be === null
      ? 'Break-even leavers: no figure (the recruitment cost per leaver is 0).'
      : `Break-even leavers: ${money(cost.supervisionSpend, c, true)} ÷ ${price(cost.recruitmentCostPerLeaver, c)} = ${formatNumber(cost.breakEvenLeavers.value ?? 0, 2)} leavers.`,
  ];
}

/** The bars: the period's supervision spend against its turnover cost. */
export function costRows(cost: CostCase): ChartRow[] {
  return [
    {
      key: 'spend',
      label: 'Supervision spend',
      cells: {
        amount: { value: cost.supervisionSpend, text: money(cost.supervisionSpend, cost.currency) },
      },
    },
    {
      key: 'turnover',
      label: 'Turnover cost',
      cells: {
        amount: { value: cost.turnoverCost, text: money(cost.turnoverCost, cost.currency) },
      },
    },
  ];
}

/** The bars: the period's leavers against the break-even number. */
export function leaverRows(cost: CostCase): ChartRow[] {
  const be = breakEven(cost);
  return [
    {
      key: 'leavers',
      label: 'Leavers in the period',
      cells: { leavers: { value: cost.leavers, text: formatNumber(cost.leavers, 0) } },
    },
    {
      key: 'break-even',
      label: 'Break-even leavers',
      cells: { leavers: { value: be, text: be === null ? '—' : formatNumber(be, 1) } },
    },
  ];
}

export function costSummary(cost: CostCase): string {
  const spend = money(cost.supervisionSpend, cost.currency);
  const turnover = money(cost.turnoverCost, cost.currency);
  if (cost.turnoverCost === cost.supervisionSpend) {
    return `Supervision spend and turnover cost were the same: ${spend}.`;
  }
  return `Supervision spend was ${spend} and the cost of replacing leavers was ${turnover}: supervision cost ${cost.supervisionSpend > cost.turnoverCost ? 'more' : 'less'} than turnover in this period.`;
}

export function leaverSummary(cost: CostCase): string {
  const be = breakEven(cost);
  if (be === null) return `${peopleText(cost.leavers)} left; there is no break-even figure.`;
  return `${cost.leavers === 1 ? '1 person' : peopleText(cost.leavers)} left in the period; supervision breaks even if it prevents ${leaversText(be)}.`;
}

/** Money axis ticks: "£20k", "£500". */
export function moneyTick(currency: string): (value: number) => string {
  return (value) => {
    if (Math.abs(value) >= 1000) {
      const thousands = value / 1000;
      return `${formatMoney(0, currency, { wholeUnits: true }).replace(/0(?!.*0)/, formatNumber(thousands, 1))}k`;
    }
    return formatMoney(value, currency, { wholeUnits: true });
  };
}
