/**
 * Properties of the metrics on random organisations (testing/arbitraries.ts), several of
 * them against a naive day-by-day re-reading of metrics.md.
 */
import fc from 'fast-check';
import { addInterval, eachDay, isInPeriod, monthBuckets } from '../dates';
import {
  absenceByReason,
  absenceRate,
  absentDayAttribution,
  absentDays,
  episodeCovers,
  fteDaysLost,
} from './absence';
import type { Figure } from './figure';
import { breakdown, computeHeadlines, computeMonthlySeries } from './overview';
import {
  cancellationRate,
  countsFor,
  coverage,
  eligible,
  expectedSessions,
  intervalLengthInDays,
  isInDate,
  requiredInterval,
  supervisionHoursPerWorkerPerMonth,
} from './supervision';
import { orgArb, periodArb } from './testing/arbitraries';
import { leavers, stabilityIndex, turnoverRate, voluntaryTurnoverRate } from './turnover';
import { daysInPost, inPost } from './workforce';

const RUNS = { numRuns: 150 };

function figuresOf(value: unknown): Figure[] {
  if (value === null || typeof value !== 'object') return [];
  if ('numerator' in value && 'denominator' in value && 'value' in value) return [value as Figure];
  return Object.values(value).flatMap(figuresOf);
}

describe('absence against a day-by-day reading of metrics.md', () => {
  it('absentDays counts the days of P in post covered by an episode, and <= daysInPost', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        for (const s of org.staff) {
          const naive = eachDay(period).filter(
            (d) =>
              inPost(s, d) && org.absences.some((e) => e.staffId === s.id && episodeCovers(e, d)),
          ).length;
          expect(absentDays(org, s, period)).toBe(naive);
          expect(absentDays(org, s, period)).toBeLessThanOrEqual(daysInPost(s, period));
        }
      }),
      RUNS,
    );
  });

  it('each absent day goes to the covering episode that started first, ties by smaller id', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        for (const s of org.staff) {
          for (const { date, episode } of absentDayAttribution(org, s, period)) {
            const covering = org.absences.filter(
              (e) => e.staffId === s.id && episodeCovers(e, date),
            );
            const first = covering.reduce((best, e) =>
              e.startDate < best.startDate || (e.startDate === best.startDate && e.id < best.id)
                ? e
                : best,
            );
            expect(episode).toBe(first);
          }
        }
      }),
      RUNS,
    );
  });

  it('the split by reason adds up to fteDaysLost', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        const parts = Object.values(absenceByReason(org, period));
        const total = parts.reduce((sum, part) => sum + part.fteDaysLost, 0);
        expect(total).toBeCloseTo(fteDaysLost(org, period), 9);
      }),
      RUNS,
    );
  });
});

describe('supervision against metrics.md', () => {
  it('in date on d iff some counting session x <= d has d <= add(x, interval), or none and d <= add(start, interval)', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        const d = period.to;
        for (const s of org.staff) {
          const interval = requiredInterval(org, s, d);
          const held = org.sessions.filter((x) => x.date <= d && countsFor(org, x, s));
          const expected =
            held.length > 0
              ? held.some((x) => d <= addInterval(x.date, interval))
              : d <= addInterval(s.startDate, interval);
          expect(isInDate(org, s, d)).toBe(expected);
        }
      }),
      RUNS,
    );
  });

  it('coverage counts exactly the eligible staff in date', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        const d = period.to;
        const staff = eligible(org, d);
        const figure = coverage(org, d);
        expect(figure.denominator).toBe(staff.length);
        expect(figure.numerator).toBe(staff.filter((s) => isInDate(org, s, d)).length);
      }),
      RUNS,
    );
  });

  it('hours per worker count each counting session for each eligible attendee', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        let minutes = 0;
        for (const session of org.sessions) {
          if (!isInPeriod(session.date, period)) continue;
          for (const s of org.staff) {
            const attends = countsFor(org, session, s);
            if (attends && s.requiresSupervision && inPost(s, session.date)) {
              minutes += session.durationMinutes;
            }
          }
        }
        expect(supervisionHoursPerWorkerPerMonth(org, period).numerator).toBeCloseTo(
          minutes / 60,
          9,
        );
      }),
      RUNS,
    );
  });

  it('expected sessions add 1 / interval length for every eligible staff-day', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        let expected = 0;
        for (const s of org.staff) {
          for (const d of eachDay(period)) {
            if (s.requiresSupervision && inPost(s, d)) {
              expected += 1 / intervalLengthInDays(requiredInterval(org, s, d));
            }
          }
        }
        expect(expectedSessions(org, period)).toBeCloseTo(expected, 8);
      }),
      RUNS,
    );
  });
});

describe('every figure', () => {
  it('is null exactly when its denominator is 0, and never NaN or infinite', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        const figures = figuresOf([
          computeHeadlines(org, period),
          computeMonthlySeries(org, period),
        ]);
        expect(figures.length).toBeGreaterThan(15);
        for (const figure of figures) {
          expect(figure.value === null).toBe(figure.denominator === 0);
          if (figure.value !== null) expect(Number.isFinite(figure.value)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('percentages of a part of a whole lie within [0, 100]', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        const h = computeHeadlines(org, period);
        const bounded = [
          h.coverage,
          h.absenceRate,
          h.longTermShare,
          h.mentalHealthShare,
          h.cancellationRate,
          h.stabilityIndex,
          absenceRate(org, period),
          stabilityIndex(org, period.from),
        ];
        for (const figure of bounded) {
          if (figure.value === null) continue;
          expect(figure.value).toBeGreaterThanOrEqual(0);
          expect(figure.value).toBeLessThanOrEqual(100 + 1e-9);
        }
        expect(voluntaryTurnoverRate(org, period).numerator).toBeLessThanOrEqual(
          turnoverRate(org, period).numerator,
        );
      }),
      RUNS,
    );
  });

  it('the whole organisation gives the same figures with and without an empty scope', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        const h = computeHeadlines(org, period, {});
        expect(h.coverage).toEqual(coverage(org, period.to));
        expect(h.cancellationRate).toEqual(cancellationRate(org, period));
        expect(h.supervisionHoursPerWorkerPerMonth).toEqual(
          supervisionHoursPerWorkerPerMonth(org, period),
        );
      }),
      RUNS,
    );
  });
});

describe('parts and wholes', () => {
  it('monthly buckets add up to the period for leavers and FTE days lost', () => {
    fc.assert(
      fc.property(orgArb, periodArb, (org, period) => {
        const rows = computeMonthlySeries(org, period);
        expect(rows).toHaveLength(monthBuckets(period).length);
        const leaverSum = rows.reduce((sum, r) => sum + r.turnoverRate.numerator, 0);
        expect(leaverSum).toBe(leavers(org, period).length);
        const lostSum = rows.reduce((sum, r) => sum + r.absenceRate.numerator, 0);
        expect(lostSum).toBeCloseTo(fteDaysLost(org, period), 9);
      }),
      RUNS,
    );
  });

  it('groups of a breakdown add up to the total for additive counts', () => {
    fc.assert(
      fc.property(
        orgArb,
        periodArb,
        fc.constantFrom('service', 'practitionerType' as const),
        (org, period, by) => {
          const result = breakdown(org, period, by);
          const sum = (pick: (h: (typeof result)['total']) => number) =>
            result.groups.reduce((total, g) => total + pick(g.headlines), 0);
          expect(sum((h) => h.staffCount)).toBe(result.total.staffCount);
          expect(sum((h) => h.headcount)).toBe(result.total.headcount);
          expect(sum((h) => h.leavers)).toBe(result.total.leavers);
          expect(sum((h) => h.overdueCount)).toBe(result.total.overdueCount);
          expect(sum((h) => h.coverage.numerator)).toBe(result.total.coverage.numerator);
          expect(sum((h) => h.absenceRate.numerator)).toBeCloseTo(
            result.total.absenceRate.numerator,
            9,
          );
        },
      ),
      RUNS,
    );
  });
});
