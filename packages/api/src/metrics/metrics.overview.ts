/**
 * The metrics operations as the API serves them: validation of the question, the caller's
 * scope (metrics.access.ts), the statements (metrics.service.ts), small-number suppression
 * for roles that may not see individuals (the shared `suppressCell` / `suppressBreakdown`),
 * and the GraphQL shapes (metrics.types.ts).
 */
import {
  ABSENCE_REASONS,
  LEAVING_REASONS,
  SESSION_FORMATS,
  SUPERVISION_FUNCTIONS,
  addMonthsClamped,
  effectiveThreshold,
  lengthOfPeriod,
  suppressBreakdown,
  suppressCell,
  type Breakdown,
  type Period,
  type SuppressedCell,
} from '@holdspace/shared';
import { badInput, notFound } from '../errors/app-errors';
import { decodeCursor, encodeCursor, PageInput, type Page } from '../pagination/connection';
import type { RequestContext } from '../tenancy/context';
import { isUuid } from '../graphql/validation';
import { allowedScope, metricsAccess, overdueListAccess } from './metrics.access';
import type { MetricsOverviewInput, OverdueSupervisionInput } from './metrics.input';
import { MAX_PERIOD_MONTHS } from './metrics.input';
import {
  ALL_PARTS,
  computeOverview,
  loadMetricsSettings,
  overduePage,
  seriesPeriod,
  type HeadlineFigures,
  type HeadlineGroup,
  type MetricsScope,
  type OverviewParts,
} from './metrics.service';
import type {
  BreakdownGroupType,
  BreakdownType,
  HeadlinesType,
  MetricsOverviewType,
  MetricsPeriodType,
  OverdueEntryType,
} from './metrics.types';

/** from <= to, and at most MAX_PERIOD_MONTHS calendar months (5 years) long. */
function assertPeriod(input: { from: string; to: string }): Period {
  // The LocalDate scalar has already refused impossible dates and years outside 1900-2199.
  if (input.to < input.from) {
    throw badInput('input.to', 'The end of the period must not be before its start.');
  }
  if (input.to >= addMonthsClamped(input.from, MAX_PERIOD_MONTHS)) {
    throw badInput('input.to', 'A period can be at most 5 years long.');
  }
  return { from: input.from, to: input.to };
}

/**
 * The requested scope, deduplicated. Every service id must be one of the organisation's
 * services: another organisation's id answers NOT_FOUND, like an id that does not exist.
 */
async function requestedScope(
  ctx: RequestContext,
  input: { serviceIds?: string[] | null; practitionerTypes?: string[] | null },
): Promise<MetricsScope> {
  const serviceIds = [...new Set((input.serviceIds ?? []).map((id) => id.toLowerCase()))];
  const practitionerTypes = [...new Set(input.practitionerTypes ?? [])];
  if (serviceIds.length > 0) {
    const found = await ctx.db.query<{ id: string }>(
      'SELECT id FROM services WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
      [ctx.db.tenantId, serviceIds],
    );
    if (found.length !== serviceIds.length) throw notFound('Service');
  }
  return { serviceIds, practitionerTypes };
}

function periodType(period: Period): MetricsPeriodType {
  return { from: period.from, to: period.to, days: lengthOfPeriod(period) };
}

function headlinesType(h: HeadlineFigures): HeadlinesType {
  return {
    staffCount: h.staffCount,
    headcount: h.headcount,
    fte: h.fte,
    averageHeadcount: h.averageHeadcount,
    eligible: h.eligible,
    coverage: h.coverage,
    overdueCount: h.overdueCount,
    absenceRate: h.absenceRate,
    workingDaysLostPerEmployee: h.workingDaysLostPerEmployee,
    longTermShare: h.longTermShare,
    mentalHealthShare: h.mentalHealthShare,
    leavers: h.leavers,
    turnoverRate: h.turnoverRate,
    annualisedTurnoverRate: h.annualisedTurnoverRate,
    voluntaryTurnoverRate: h.voluntaryTurnoverRate,
    stabilityIndex: h.stabilityIndex,
    cancellationRate: h.cancellationRate,
    supervisionHoursPerWorkerPerMonth: h.supervisionHoursPerWorkerPerMonth,
    sessionsHeldVsExpected: h.sessionsHeldVsExpected,
    agreementsReviewOverdue: h.agreementsReviewOverdue,
  };
}

/** A cell as the client sees it: the value, or null with the reason. */
function cellType<T>(cell: SuppressedCell<T>): {
  suppressed: boolean;
  suppressionReason: SuppressedCell<T>['reason'];
  value: T | null;
} {
  return { suppressed: cell.suppressed, suppressionReason: cell.reason, value: cell.value };
}

const visible = <T>(value: T): SuppressedCell<T> => ({ value, suppressed: false, reason: null });

function breakdownType(
  dimension: BreakdownType['dimension'],
  total: HeadlineFigures,
  groups: HeadlineGroup[],
  labelOf: (key: string | null) => string,
  k: number | null,
): BreakdownType {
  const result: Breakdown = {
    by: dimension === 'SERVICE' ? 'service' : 'practitionerType',
    total,
    groups,
  };
  const cells =
    k === null
      ? {
          total: visible(total),
          groups: groups.map((g) => ({ key: g.key, ...visible(g.headlines) })),
        }
      : suppressBreakdown(result, (h) => h as HeadlineFigures, k);
  const group = (
    key: string | null,
    label: string,
    cell: SuppressedCell<HeadlineFigures>,
  ): BreakdownGroupType => {
    const { suppressed, suppressionReason, value } = cellType(cell);
    return { key, label, suppressed, suppressionReason, headlines: value && headlinesType(value) };
  };
  return {
    dimension,
    total: group(null, 'Total', cells.total),
    groups: cells.groups.map((g) => group(g.key, labelOf(g.key), g)),
  };
}

/** metricsOverview: every metric of a period for a scope (see MetricsOverviewType). */
export async function metricsOverview(
  ctx: RequestContext,
  input: MetricsOverviewInput,
  parts: OverviewParts = ALL_PARTS,
): Promise<MetricsOverviewType> {
  const { membership, suppress } = metricsAccess(ctx);
  const period = assertPeriod(input);
  const scope = allowedScope(membership, await requestedScope(ctx, input));
  const db = ctx.db;
  const settings = await loadMetricsSettings(db);
  const series = seriesPeriod(period.to, input.months);
  const { headlines, series: rows } = await computeOverview(
    db,
    settings,
    period,
    series,
    scope,
    parts,
  );
  const composition = headlines.composition;
  const names = new Map(
    (
      await db.query<{ id: string; name: string }>(
        'SELECT id, name FROM services WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
        [db.tenantId, headlines.byService.map((g) => g.key)],
      )
    ).map((s) => [s.id, s.name]),
  );

  const k = suppress ? effectiveThreshold(settings.suppressionThreshold) : null;
  const total = cellType(
    k === null
      ? visible(headlines.total)
      : suppressCell({ value: headlines.total, staffCount: headlines.total.staffCount }, k),
  );
  const shown = total.value;
  const cost = headlines.total.cost;
  return {
    period: periodType(period),
    seriesPeriod: periodType(series),
    scope: { serviceIds: [...scope.serviceIds], practitionerTypes: [...scope.practitionerTypes] },
    suppressed: total.suppressed,
    suppressionReason: total.suppressionReason,
    headlines: shown && headlinesType(shown),
    monthlySeries: rows.map((row) => {
      const cell = cellType(
        k === null ? visible(row) : suppressCell({ value: row, staffCount: row.staffCount }, k),
      );
      return {
        month: row.month,
        from: row.from,
        to: row.to,
        suppressed: cell.suppressed,
        suppressionReason: cell.suppressionReason,
        headcount: cell.value?.headcount ?? null,
        coverage: cell.value?.coverage ?? null,
        absenceRate: cell.value?.absenceRate ?? null,
        turnoverRate: cell.value?.turnoverRate ?? null,
        rollingTurnoverRate: cell.value?.rollingTurnoverRate ?? null,
      };
    }),
    breakdownByService: breakdownType(
      'SERVICE',
      headlines.total,
      headlines.byService,
      (key) => (key && names.get(key)) ?? 'Unknown service',
      k,
    ),
    breakdownByPractitionerType: breakdownType(
      'PRACTITIONER_TYPE',
      headlines.total,
      headlines.byPractitionerType,
      (key) => key ?? 'Not recorded',
      k,
    ),
    costCase: shown && { currency: settings.currency, ...cost },
    formatMix:
      shown &&
      SESSION_FORMATS.map((format) => ({ format, sessions: composition.formatMix[format] })),
    functionMix:
      shown &&
      SUPERVISION_FUNCTIONS.map((fn) => ({ function: fn, sessions: composition.functionMix[fn] })),
    leaversByReason: shown && [
      ...LEAVING_REASONS.map((reason) => ({
        reason,
        leavers: composition.leaversByReason[reason],
      })),
      ...(composition.leaversByReason.UNRECORDED > 0
        ? [{ reason: null, leavers: composition.leaversByReason.UNRECORDED }]
        : []),
    ],
    absenceByReason:
      shown &&
      ABSENCE_REASONS.map((reason) => ({ reason, ...composition.absenceByReason[reason] })),
  };
}

/** overdueSupervision: who is overdue on a day, most overdue first, a page at a time. */
export async function overdueSupervision(
  ctx: RequestContext,
  input: OverdueSupervisionInput,
  page: PageInput | null | undefined,
): Promise<Page<OverdueEntryType>> {
  const { membership } = overdueListAccess(ctx);
  const scope = allowedScope(membership, await requestedScope(ctx, input));
  const first = page?.first ?? new PageInput().first;
  let after: { daysOverdue: number; staffId: string } | null = null;
  if (page?.after) {
    const [daysOverdue, staffId] = decodeCursor(page.after, 2);
    if (typeof daysOverdue !== 'number' || !Number.isInteger(daysOverdue) || !isUuid(staffId)) {
      throw badInput('page.after', 'The cursor is not valid; start again from the first page.');
    }
    after = { daysOverdue, staffId };
  }
  const settings = await loadMetricsSettings(ctx.db);
  const result = await overduePage(ctx.db, settings, input.on, scope, after, first + 1);
  const nodes = result.rows.slice(0, first);
  const edges = nodes.map((node) => ({
    cursor: encodeCursor([node.daysOverdue, node.staffId]),
    node,
  }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: result.rows.length > first,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: result.totalCount,
  };
}
