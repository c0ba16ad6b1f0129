/**
 * The fast path: every metric of metrics.md computed in PostgreSQL, set-based: one statement
 * for the overview (headline figures, both breakdowns, the composition of the period and the
 * monthly series) and one for the overdue list. Held equal to the reference
 * (`packages/shared/src/metrics`) by metrics.property.test.ts; the choices where metrics.md
 * is silent are those of packages/shared/src/metrics/DECISIONS.md.
 *
 * Every statement filters `tenant_id = $1` on every table it reads (row-level security
 * enforces it again) and takes its parameters in the same order:
 *
 *   $1 tenant id, $2 first day, $3 last day (for the overdue list both are the day "on"),
 *   $4 service ids (uuid[]; empty = no filter), $5 practitioner types (text[]; empty = no
 *   filter), $6 the organisation's default interval, $7 its counted formats (varchar[]);
 *   the overview adds $8, the first day of the monthly series (which ends on $3).
 *
 * Date rules in SQL:
 * - `add(date, interval)`: `date + add_days + make_interval(months => add_months)`.
 *   PostgreSQL adds calendar months in one step and clamps to the month's last day
 *   (2024-01-31 + 1 month = 2024-02-29; 2024-01-31 + 2 months = 2024-03-31), exactly as
 *   `addMonthsClamped` does; `date - interval '12 months'` maps 29 Feb to 28 Feb.
 * - Periods are inclusive: the days of [a, b] are `b - a + 1`; `LEAST`/`GREATEST` ignore
 *   NULLs, so `LEAST(end_date, to)` is `to` for someone still in post.
 *
 * How the work is kept small (measured on 10,000 staff, 5 years, 700,000 attendances):
 * - Attendances are read from `session_attendance`, a fact table kept equal to sessions
 *   joined to their attendees by triggers (migration SessionAttendance), with the session's
 *   status, format and functions as small integers. A period is one range of an index on
 *   (tenant, date) that holds every column read (the HELD attendances, all the overview
 *   and the overdue list need, have a narrow index of their own): never a join of a year
 *   of sessions to their attendees. The overview reads that range once, for the headlines
 *   and the series together, and folds it into one row per person.
 * - Only the parts of the overview a question asks for are computed (OverviewParts): the
 *   session-level figures, the breakdowns and the mixes each cost a pass of their own.
 * - Each attendance carries its session's number of attendees: a session with one attendee
 *   is counted with its attendee's row; only sessions with several attendees (their own
 *   partial index) are de-duplicated, per group.
 * - Which formats count, and the interval, come from the agreement in force, which may
 *   change from day to day. Each person gets their formats and their interval once, when
 *   they are the same over the whole range (no agreement touches it, or one covers all of
 *   it): nearly everyone. For the few others, the formats in force from each cut (agreement
 *   start or day after an end) and the interval at each month end, as small arrays.
 * - Coverage at the period's last day is the series' last month end: computed once.
 * - The last counted session only matters for the 92 days before a day of evaluation: the
 *   longest interval, QUARTERLY, never adds more than 92 days (31 May + 3 months = 31 Aug),
 *   so someone whose last counted session is older is overdue whatever it was. Only then
 *   does a query look further back (one index lookup for that person), and only to tell
 *   "never supervised" (new-starter grace) from "supervised long ago".
 * - The monthly series never builds a (person × month) grid: each counted attendance marks,
 *   as bits of a bigint (one per month end, at most 60), the month ends at which it keeps
 *   its attendee in date (looked up in a small table of marks by day and interval); a
 *   person's marks are OR-ed; headcounts, FTE days and FTE days lost per month come from
 *   cumulative sums over start and end dates.
 * - Absence episodes that end before the period cannot change which episode a day of the
 *   period is attributed to, so they are left out before the attribution.
 */
import { SUPERVISION_INTERVALS } from '@holdspace/shared';

/** Days before a day of evaluation within which the last counted session decides coverage. */
export const RECENT_WINDOW_DAYS = 92;
const W = RECENT_WINDOW_DAYS;

/**
 * The session fields of `session_attendance` as the migration SessionAttendance writes them:
 * status as a code, format as a bit, functions as the sum of their bits.
 */
const STATUS = { SCHEDULED: 1, HELD: 2, CANCELLED: 3, DID_NOT_ATTEND: 4 } as const;
const FORMAT_BIT = { ONE_TO_ONE: 1, GROUP: 2, PEER: 4, CASE_CONSULTATION: 8 } as const;
const FUNCTION_BIT = { NORMATIVE: 1, FORMATIVE: 2, RESTORATIVE: 4 } as const;
const HELD = `sa.status_code = ${STATUS.HELD}`;
const MISSED = `sa.status_code IN (${STATUS.CANCELLED}, ${STATUS.DID_NOT_ATTEND})`;

/** The bits of a list of formats (varchar[], evaluated once per format); NULL for NULL. */
const formatBits = (formats: string) =>
  `CASE WHEN ${formats} IS NOT NULL THEN ${Object.entries(FORMAT_BIT)
    .map(([name, bit]) => `(CASE WHEN '${name}' = ANY (${formats}) THEN ${bit} ELSE 0 END)`)
    .join(' + ')} END`;
/** The organisation's counted formats ($7) as bits (computed once per statement). */
const ORG_FORMATS = `(SELECT ${formatBits('$7::varchar[]')})`;

/** The most month ends a series may have: one bit each in a bigint. */
export const MAX_SERIES_BUCKETS = 62;

/** P's first and last day, one year before its last day, the series' first day. */
const F = '$2::date';
const T = '$3::date';
const YEAR_AGO = `($3::date - interval '12 months')::date`;
const SF = '$8::date';

/** The parameters' types, and the staff in scope ("A scope ... filters staff first"). */
const SCOPE = (sm: string) => `${sm}.tenant_id = $1
       AND (cardinality($4::uuid[]) = 0 OR ${sm}.service_id = ANY ($4::uuid[]))
       AND (cardinality($5::text[]) = 0 OR ${sm}.practitioner_type = ANY ($5::text[]))`;
const SCOPED_STAFF = `
  params AS (
    SELECT $1::uuid AS tenant_id, $2::date AS first_day, $3::date AS last_day,
           $4::uuid[] AS service_ids, $5::text[] AS practitioner_types,
           $6::varchar AS default_interval, $7::varchar[] AS counted_formats
  ),
  staff AS MATERIALIZED (
    SELECT sm.id, sm.service_id, sm.practitioner_type, sm.fte, sm.start_date, sm.end_date,
           sm.leaving_reason, sm.requires_supervision
      FROM staff_members sm
     WHERE ${SCOPE('sm')}
  )`;

/**
 * The supervision intervals: their number (the order of SUPERVISION_INTERVALS), how to add
 * one (days, calendar months), and sessions expected per day (1 / its length in days, a
 * calendar month counting as 365 / 12 days).
 */
const INTERVAL_ROWS: Record<(typeof SUPERVISION_INTERVALS)[number], string> = {
  WEEKLY: '7, 0, 1 / 7.0',
  FORTNIGHTLY: '14, 0, 1 / 14.0',
  FOUR_WEEKLY: '28, 0, 1 / 28.0',
  SIX_WEEKLY: '42, 0, 1 / 42.0',
  MONTHLY: '0, 1, 12 / 365.0',
  TWO_MONTHLY: '0, 2, 12 / 730.0',
  QUARTERLY: '0, 3, 12 / 1095.0',
};
const INTERVAL_VALUES = SUPERVISION_INTERVALS.map(
  (name, i) => `('${name}', ${i + 1}, ${INTERVAL_ROWS[name]})`,
).join(',\n           ');
const INTERVALS = `
  intervals (name, no, add_days, add_months, per_day) AS (
    VALUES ${INTERVAL_VALUES}
  )`;
/** An interval's number (1-based, as in `intervals`), NULL for NULL. */
const intervalNo = (name: string) =>
  `array_position(ARRAY[${SUPERVISION_INTERVALS.map((n) => `'${n}'`).join(', ')}]::varchar[], ${name})`;

/** metrics.md `add(date, interval)`, for an `intervals` row aliased `iv`. */
function addInterval(date: string, iv = 'iv'): string {
  return `(${date} + ${iv}.add_days + make_interval(months => ${iv}.add_months))::date`;
}

/** True when staff alias `st` is in post on `day`. */
const inPost = (day: string, st = 'st') =>
  `(${st}.start_date <= ${day} AND (${st}.end_date IS NULL OR ${st}.end_date >= ${day}))`;

/** The agreements of the staff in scope, and who has one with its own counted formats. */
const AGREEMENTS = `
  agreements AS MATERIALIZED (
    SELECT ag.staff_id, ag.id, ag.start_date, ag.end_date, ag.interval, ag.counted_formats,
           ag.review_due_date
      FROM supervision_agreements ag
      JOIN staff st ON st.id = ag.staff_id
     WHERE ag.tenant_id = $1
  ),
  custom_formats AS (
    SELECT DISTINCT ag.staff_id FROM agreements ag WHERE ag.counted_formats IS NOT NULL
  )`;

/**
 * Per person the timeline of segments [sf, st] over which the agreement that applies (of
 * those active by their own dates: the latest start date, then the greatest id) cannot
 * change: cut at every agreement's start and at the day after every end. Only segments
 * where an agreement applies are kept, so a day in no segment takes the organisation's
 * defaults ($6, $7).
 */
const SEGMENTS = `
  segments AS MATERIALIZED (
    SELECT s.staff_id, s.sf, s.st, s.interval, ${formatBits('s.counted_formats')} AS format_bits
      FROM (
        SELECT w.staff_id, w.d AS sf,
               COALESCE(lead(w.d) OVER (PARTITION BY w.staff_id ORDER BY w.d) - 1,
                        'infinity'::date) AS st,
               w.interval, w.counted_formats
          FROM (
            SELECT DISTINCT ON (c.staff_id, c.d) c.staff_id, c.d, a.interval, a.counted_formats
              FROM (SELECT DISTINCT ag.staff_id, x.d
                      FROM agreements ag
                     CROSS JOIN LATERAL (VALUES (ag.start_date), (ag.end_date + 1)) x (d)
                     WHERE x.d IS NOT NULL) c
              LEFT JOIN agreements a
                ON a.staff_id = c.staff_id AND a.start_date <= c.d
               AND (a.end_date IS NULL OR a.end_date >= c.d)
             ORDER BY c.staff_id, c.d, a.start_date DESC, a.id DESC
          ) w
      ) s
     WHERE s.interval IS NOT NULL
  )`;

/**
 * The latest date before `before` (exclusive) of a session that counts for `staff` (NULL
 * when none): an index scan backwards over the person's attendances, stopping at the first
 * that counts. `custom` is true when the person has an agreement with its own counted
 * formats (only then is the agreement of each candidate's date looked up).
 */
function olderCountedSession(staff: string, before: string, custom: string): string {
  return `(SELECT sa.date
        FROM session_attendance sa
       WHERE sa.tenant_id = $1 AND sa.staff_id = ${staff} AND sa.date < ${before}
         AND ${HELD}
         AND sa.format_bit & CASE WHEN ${custom}
                  THEN COALESCE((SELECT ${formatBits('ag.counted_formats')}
                                   FROM supervision_agreements ag
                                  WHERE ag.tenant_id = $1 AND ag.staff_id = sa.staff_id
                                    AND ag.start_date <= sa.date
                                    AND (ag.end_date IS NULL OR ag.end_date >= sa.date)
                                  ORDER BY ag.start_date DESC, ag.id DESC
                                  LIMIT 1), ${ORG_FORMATS})
                  ELSE ${ORG_FORMATS} END <> 0
       ORDER BY sa.date DESC
       LIMIT 1)`;
}

/** Number of Monday-to-Friday days in [lo, hi] (0001-01-01 was a Monday). */
function weekdays(lo: string, hi: string): string {
  const before = (d: string) =>
    `(5 * ((${d} - DATE '0001-01-01') / 7) + LEAST((${d} - DATE '0001-01-01') % 7, 5))`;
  return `(${before(`(${hi} + 1)`)} - ${before(lo)})`;
}

/**
 * Absence episodes of the staff in scope that can touch [from, $3], each with the days
 * attributed to it: of the episodes covering a day, the one that started first (then the
 * smallest id) takes it. The earlier episodes of a person all start on or before this
 * one's start, so the days they take from it are exactly [start, their latest end]: this
 * episode keeps [max(start, latest earlier end + 1), end] (ongoing = 'infinity').
 * Episodes ending before `from` are left out first: their ends are before `from`, so they
 * cannot move the start of what another episode keeps from `from` on.
 */
const attributedEpisodes = (from: string) => `
  episodes AS MATERIALIZED (
    SELECT e.staff_id, e.id, e.reason, e.start_date, e.end_date,
           GREATEST(e.start_date,
                    max(COALESCE(e.end_date, 'infinity'::date)) OVER earlier + 1) AS af,
           COALESCE(e.end_date, 'infinity'::date) AS at
      FROM absence_episodes e
      JOIN staff st ON st.id = e.staff_id
     WHERE e.tenant_id = $1 AND e.start_date <= ${T}
       AND (e.end_date IS NULL OR e.end_date >= ${from})
    WINDOW earlier AS (PARTITION BY e.staff_id ORDER BY e.start_date, e.id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
  )`;

// ---------------------------------------------------------------------------------------
// The overview

/** The series' month ends j = 1..J: each month's last day, the last one $3. */
const MONTHS = `generate_series(date_trunc('month', $8::timestamp), date_trunc('month', $3::timestamp),
                           interval '1 month') m`;
/** The first month end of the series. */
const FIRST_END = `LEAST((date_trunc('month', $8::timestamp) + interval '1 month')::date - 1, ${T})`;
/** The day after each month end, in order, for width_bucket (from the `ends` CTE). */
const AFTER_ENDS = '(SELECT e.after_ends FROM ends e)';
/** Number of month ends before `day`, and on or before `day`. */
const endsBefore = (day: string) => `width_bucket(${day}, ${AFTER_ENDS})`;
const endsUpTo = (day: string) => `width_bucket((${day}) + 1, ${AFTER_ENDS})`;
/** Bits of a bigint for the month ends lo..hi (bit j - 1 for month end j; 0 when hi < lo). */
const bits = (lo: string, hi: string) =>
  `(CASE WHEN (${hi}) >= (${lo}) THEN (1::bigint << (${hi})) - (1::bigint << ((${lo}) - 1)) ELSE 0::bigint END)`;

/** The bit of the series' last month end, $3. */
const LAST_END_BIT = '(SELECT 1::bigint << (e.n - 1) FROM ends e)';
/** The first day of the attendances read: P's first day, or 92 days before the series. */
const SCAN_FROM = `LEAST(${F}, ${SF} - ${W})`;
/** The first day whose attendances can keep someone in date at a month end of the series. */
const MARKS_FROM = `(${SF} - ${W})`;

/**
 * Over the agreements `ag` of one person (in a GROUP BY): the formats that count for them on
 * every day of [from, to] when that is the same all through (no agreement of theirs touches
 * the range, or exactly one covers it), as bits; NULL when it changes.
 */
const constantFormats = (ag: string, from: string, to: string) => {
  const touches = `${ag}.start_date <= ${to} AND (${ag}.end_date IS NULL OR ${ag}.end_date >= ${from})`;
  return `CASE WHEN count(*) FILTER (WHERE ${touches}) = 0 THEN ${ORG_FORMATS}
                WHEN count(*) FILTER (WHERE ${touches}) = 1
                 AND bool_and(${ag}.start_date <= ${from} AND (${ag}.end_date IS NULL OR ${ag}.end_date >= ${to}))
                       FILTER (WHERE ${touches})
                THEN COALESCE(${formatBits(`min(${ag}.counted_formats) FILTER (WHERE ${touches})`)}, ${ORG_FORMATS})
           END`;
};
/** Likewise the number of the interval in force on every day of [from, to]. */
const constantInterval = (ag: string, from: string, to: string) => {
  const touches = `${ag}.start_date <= ${to} AND (${ag}.end_date IS NULL OR ${ag}.end_date >= ${from})`;
  return intervalNo(`CASE WHEN count(*) FILTER (WHERE ${touches}) = 0 THEN $6::varchar
                WHEN count(*) FILTER (WHERE ${touches}) = 1
                 AND bool_and(${ag}.start_date <= ${from} AND (${ag}.end_date IS NULL OR ${ag}.end_date >= ${to}))
                       FILTER (WHERE ${touches})
                THEN min(${ag}.interval) FILTER (WHERE ${touches}) END`);
};

/**
 * For the people of `person_rules` whose formats change (format_bits NULL): the formats in
 * force from each cut (every agreement's start and the day after its end), as two arrays
 * in date order, the first cut '-infinity'.
 */
const FORMAT_CHANGES = `
  format_agreements AS MATERIALIZED (
    SELECT ag.* FROM agreements ag
     WHERE ag.staff_id IN (SELECT p.staff_id FROM person_rules p WHERE p.format_bits IS NULL)
  ),
  format_changes AS (
    SELECT x.staff_id, array_agg(x.d ORDER BY x.d) AS cuts, array_agg(x.bits ORDER BY x.d) AS bits
      FROM (SELECT DISTINCT ON (c.staff_id, c.d) c.staff_id, c.d,
                   COALESCE(${formatBits('a.counted_formats')}, ${ORG_FORMATS}) AS bits
              FROM (SELECT ag.staff_id, x.d
                      FROM format_agreements ag
                     CROSS JOIN LATERAL (VALUES ('-infinity'::date), (ag.start_date), (ag.end_date + 1)) x (d)
                     WHERE x.d IS NOT NULL) c
              LEFT JOIN format_agreements a
                ON a.staff_id = c.staff_id AND a.start_date <= c.d
               AND (a.end_date IS NULL OR a.end_date >= c.d)
             ORDER BY c.staff_id, c.d, a.start_date DESC, a.id DESC) x
     GROUP BY x.staff_id
  )`;

/**
 * The month ends at which a counted session on day d keeps its attendee in date under
 * interval number i: the bits of the month ends in [d, add(d, interval)], for every day d
 * of [MARKS_FROM, $3], from one array computed once (the `marks` CTE). NULL for a NULL i.
 */
const marks = (i: string, day: string) =>
  `(SELECT m.marks FROM marks m)[(${i} - 1) * (${T} - ${MARKS_FROM} + 1) + (${day} - ${MARKS_FROM}) + 1]`;
/**
 * The same for a person whose interval changes from month end to month end (`at`: the
 * interval number at each month end): at most the 4 month ends from the first on or after
 * `day` can be reached (add() never passes 92 days), each under its own interval.
 */
const changingMarks = (at: string, day: string) => {
  const j = (k: number) => `(${endsBefore(day)} + ${k + 1})`;
  return `(${[0, 1, 2, 3]
    .map((k) => `COALESCE(${marks(`${at}[${j(k)}]`, day)} & (1::bigint << (${j(k)} - 1)), 0)`)
    .join('\n              | ')})`;
};

/** The default interval's number. */
const DEFAULT_INTERVAL_NO = `(SELECT ${intervalNo('$6::varchar')})`;
/**
 * For a person's `rules` row `r` (none without agreements: the organisation's defaults):
 * the formats that count on `day` (constant, or the formats in force from each cut), and
 * the month ends a counted session on `day` keeps them in date at.
 */
const formatsOn = (day: string) =>
  `COALESCE(r.format_bits, r.format_bits_from[width_bucket(${day}, r.format_cuts)], ${ORG_FORMATS})`;
const keptBy = (day: string) => `CASE WHEN r.interval_at IS NULL
                  THEN ${marks(`COALESCE(r.interval_no, ${DEFAULT_INTERVAL_NO})`, day)}
                  ELSE ${changingMarks('r.interval_at', day)} END`;
/**
 * The `rules` CTE as the planner should see it: one row per person (DISTINCT ON tells it so;
 * without that it takes the CTE's keys for heavily repeated and hashes the other side).
 */
const UNIQUE_RULES = '(SELECT DISTINCT ON (r.staff_id) r.* FROM rules r)';
/** Is the attendance `sa` counted for its attendee; eligible (with staff `st`); solo in P. */
const COUNTED = `(${HELD} AND sa.format_bit & ${formatsOn('sa.date')} <> 0)`;
const ELIGIBLE = `(st.requires_supervision AND sa.date >= st.start_date AND (st.end_date IS NULL OR sa.date <= st.end_date))`;
const SOLO_IN_P = `(sa.attendees = 1 AND sa.date >= ${F})`;

export interface OverviewParts {
  /** Session-level headline figures: cancellation rate, hours per worker, held vs expected. */
  sessions: boolean;
  /** The breakdowns by service and by practitioner type. */
  breakdowns: boolean;
  /** Format and function mix, leavers and absence by reason. */
  composition: boolean;
}
export const ALL_PARTS: OverviewParts = { sessions: true, breakdowns: true, composition: true };

/** SQL `text` when `on`, else `otherwise`. */
const when = (on: boolean, text: string, otherwise = '') => (on ? text : otherwise);

/**
 * The overview of P = [$2, $3] and of the monthly series [$8, $3], in one statement: one
 * row with two JSON arrays. Only the `parts` asked for are computed.
 *
 * `headlines`: the headline figures of P (computeHeadlines, plus sessions held vs expected)
 * for the whole scope and, with `breakdowns`, for each service and each practitioner type
 * (GROUPING SETS), one element per group: `dim` is 'total', 'service' or 'type', `key` the
 * service id or practitioner type; with `composition`, the total's also carries P's
 * composition (format and function mix, leavers and absence by reason). Counts and sums
 * only; the service turns them into Figures with the reference's formulas.
 *
 * `series`: the monthly series (computeMonthlySeries) of [$8, $3]: one element per
 * calendar-month bucket (the first and last may be partial), with headcount and coverage
 * on the bucket's last day, absence and turnover over the bucket, the rolling turnover over
 * the 12 months ending on the bucket's last day, and the staff in post during the bucket
 * (for suppression).
 *
 * Coverage at month end d: a person is in date iff some counted session c <= d has
 * d <= add(c, interval in force on d) (add() never decreases, so this holds iff it holds
 * for the latest such c), or, with no counted session <= d at all, d <= add(start,
 * interval) (new-starter grace). So each counted attendance keeps its attendee in date at
 * the month ends in [c, add(c, interval)]: a range of bits (`marks`); a person's bits are
 * OR-ed, with the grace bits, and AND-ed with the month ends at which they are eligible;
 * then each month end counts its bits.
 *
 * Headcounts, FTE days and FTE days lost per month come from cumulative sums read at the
 * months' days: #start <= x, #end <= x, and the sums of FTE and FTE * day number over them,
 * which give the FTE-days in post up to any day x,
 *   F(x) = (x + 1) * SUM_{start <= x} fte - SUM_{start <= x} fte * start
 *          - x * SUM_{end < x} fte + SUM_{end < x} fte * end,
 * and the same over the absent days attributed to each episode for the FTE days lost (FTE
 * in thousandths, exactly; day numbers from 2000-01-01). The events are counted into the
 * gaps between the days read (width_bucket), and the sums accumulated over those gaps.
 */
function overviewSql({ sessions, breakdowns, composition }: OverviewParts): string {
  return `
WITH ${SCOPED_STAFF}, ${INTERVALS}, ${AGREEMENTS},${when(sessions, ` ${SEGMENTS},`)}
  buckets AS MATERIALIZED (
    SELECT row_number() OVER (ORDER BY m)::int AS j,
           to_char(m, 'YYYY-MM') AS month,
           GREATEST(m::date, ${SF}) AS bf,
           LEAST((m + interval '1 month')::date - 1, ${T}) AS bt,
           ((LEAST((m + interval '1 month')::date - 1, ${T}) + 1) - interval '12 months')::date
             AS rolling_from
      FROM ${MONTHS}
  ),
  ends AS MATERIALIZED (
    SELECT array_agg(b.bt + 1 ORDER BY b.j) AS after_ends, count(*)::int AS n,
           min(b.bt) AS first_end
      FROM buckets b
  ),
  marks AS MATERIALIZED (
    SELECT array_agg(${bits(`${endsBefore('d.d::date')} + 1`, endsUpTo(addInterval('d.d::date')))}
                     ORDER BY iv.no, d.d) AS marks
      FROM intervals iv
     CROSS JOIN generate_series(${MARKS_FROM}, ${T}, interval '1 day') d (d)
  ),

  -- Per person with agreements: their formats and interval when constant over the range,
  -- else the formats in force from each cut and the interval at each month end. Without
  -- agreements: the organisation's (no row).
  person_rules AS MATERIALIZED (
    SELECT ag.staff_id, ${constantFormats('ag', SCAN_FROM, T)} AS format_bits,
           ${constantInterval('ag', FIRST_END, T)} AS interval_no
      FROM agreements ag
     GROUP BY ag.staff_id
  ),
  ${FORMAT_CHANGES.trim()},
  interval_agreements AS MATERIALIZED (
    SELECT ag.* FROM agreements ag
     WHERE ag.staff_id IN (SELECT p.staff_id FROM person_rules p WHERE p.interval_no IS NULL)
  ),
  interval_changes AS (
    SELECT x.staff_id, array_agg(x.no ORDER BY x.j) AS interval_at
      FROM (SELECT DISTINCT ON (p.staff_id, b.j) p.staff_id, b.j,
                   ${intervalNo('COALESCE(a.interval, $6::varchar)')} AS no
              FROM (SELECT DISTINCT ia.staff_id FROM interval_agreements ia) p
             CROSS JOIN buckets b
              LEFT JOIN interval_agreements a
                ON a.staff_id = p.staff_id AND a.start_date <= b.bt
               AND (a.end_date IS NULL OR a.end_date >= b.bt)
             ORDER BY p.staff_id, b.j, a.start_date DESC, a.id DESC) x
     GROUP BY x.staff_id
  ),
  rules AS MATERIALIZED (
    SELECT p.staff_id, p.format_bits, fc.cuts AS format_cuts, fc.bits AS format_bits_from,
           p.interval_no, ic.interval_at
      FROM person_rules p
      LEFT JOIN format_changes fc ON fc.staff_id = p.staff_id
      LEFT JOIN interval_changes ic ON ic.staff_id = p.staff_id
  ),

  -- The one pass over the attendances of [SCAN_FROM, $3]: one row per person.
  attendance AS MATERIALIZED (
    SELECT sa.staff_id,${when(
      sessions,
      `
           min(sa.date) FILTER (WHERE sa.date >= ${MARKS_FROM} AND ${COUNTED}) AS first_counted,
           bit_or(${keptBy('sa.date')}) FILTER (WHERE sa.date >= ${MARKS_FROM} AND ${COUNTED}) AS kept,
           sum(sa.duration_minutes) FILTER (WHERE sa.date >= ${F} AND ${COUNTED} AND ${ELIGIBLE})
             AS minutes,
           count(*) FILTER (WHERE sa.date >= ${F} AND ${COUNTED} AND ${ELIGIBLE}) AS pairs,
           count(*) FILTER (WHERE ${SOLO_IN_P} AND ${HELD}) AS solo_held,
           count(*) FILTER (WHERE ${SOLO_IN_P} AND ${MISSED}) AS solo_missed
      FROM session_attendance sa
      JOIN staff_members st ON st.id = sa.staff_id AND ${SCOPE('st')}
      LEFT JOIN ${UNIQUE_RULES} r ON r.staff_id = sa.staff_id
     WHERE sa.tenant_id = $1 AND sa.date BETWEEN ${SCAN_FROM} AND ${T}`,
      // Only the counted attendances matter (the HELD ones have their own index). Every
      // attendance of the range is kept to the left of the join, so the planner hashes the
      // rules, and people out of scope are left out later (per_staff).
      `
           min(sa.date) FILTER (WHERE sa.date >= ${MARKS_FROM}) AS first_counted,
           bit_or(${keptBy('sa.date')}) FILTER (WHERE sa.date >= ${MARKS_FROM}) AS kept
      FROM session_attendance sa
      LEFT JOIN ${UNIQUE_RULES} r ON r.staff_id = sa.staff_id
     WHERE sa.tenant_id = $1 AND sa.date BETWEEN ${SCAN_FROM} AND ${T} AND ${COUNTED}`,
    )}
     GROUP BY sa.staff_id
  ),
${when(
  sessions || composition,
  `
  -- Sessions with several attendees in P, de-duplicated per group (whole scope, service,
  -- practitioner type).
  shared AS MATERIALIZED (
    SELECT sa.session_id, sa.status_code, sa.format_bit, sa.function_bits, st.service_id,
           st.practitioner_type
      FROM session_attendance sa
      JOIN staff_members st ON st.id = sa.staff_id AND ${SCOPE('st')}
     WHERE sa.tenant_id = $1 AND sa.attendees > 1 AND sa.date BETWEEN ${F} AND ${T}
       AND sa.status_code <> ${STATUS.SCHEDULED}
  ),
  shared_sessions AS MATERIALIZED (
    SELECT DISTINCT s.session_id, s.status_code, s.format_bit, s.function_bits FROM shared s
  ),`,
)}${when(
    sessions,
    `
  shared_groups AS (
    SELECT 3 AS g, NULL::uuid AS service_id, NULL::varchar AS practitioner_type,
           count(*) FILTER (WHERE sa.status_code = ${STATUS.HELD}) AS held,
           count(*) FILTER (WHERE ${MISSED}) AS missed
      FROM shared_sessions sa${when(
        breakdowns,
        `
    UNION ALL
    SELECT 1, sa.service_id, NULL,
           count(*) FILTER (WHERE sa.status_code = ${STATUS.HELD}), count(*) FILTER (WHERE ${MISSED})
      FROM (SELECT DISTINCT s.session_id, s.status_code, s.service_id FROM shared s) sa
     GROUP BY sa.service_id
    UNION ALL
    SELECT 2, NULL, sa.practitioner_type,
           count(*) FILTER (WHERE sa.status_code = ${STATUS.HELD}), count(*) FILTER (WHERE ${MISSED})
      FROM (SELECT DISTINCT s.session_id, s.status_code, s.practitioner_type FROM shared s) sa
     GROUP BY sa.practitioner_type`,
      )}
  ),
  expected_correction AS (
    SELECT sg.staff_id,
           sum((LEAST(st.end_date, ${T}, sg.st) - GREATEST(st.start_date, ${F}, sg.sf) + 1)
               * (iv.per_day - dv.per_day)) AS correction
      FROM segments sg
      JOIN staff st ON st.id = sg.staff_id
      JOIN intervals iv ON iv.name = sg.interval
      JOIN intervals dv ON dv.name = $6
     WHERE st.requires_supervision
       AND LEAST(st.end_date, ${T}, sg.st) >= GREATEST(st.start_date, ${F}, sg.sf)
     GROUP BY sg.staff_id
  ),`,
  )}${when(
    composition,
    `
  -- The sessions with one attendee held in P, by format and by function (whole scope).
  solo_composition AS (
    SELECT ${Object.entries(FORMAT_BIT)
      .map(([name, bit]) => `count(*) FILTER (WHERE sa.format_bit = ${bit}) AS "${name}"`)
      .join(',\n           ')},
           ${Object.entries(FUNCTION_BIT)
             .map(
               ([name, bit]) =>
                 `count(*) FILTER (WHERE sa.function_bits & ${bit} <> 0) AS "${name}"`,
             )
             .join(',\n           ')}
      FROM session_attendance sa
     WHERE sa.tenant_id = $1 AND sa.attendees = 1 AND sa.date BETWEEN ${F} AND ${T} AND ${HELD}
       AND ((cardinality($4::uuid[]) = 0 AND cardinality($5::text[]) = 0)
            OR sa.staff_id IN (SELECT sm.id FROM staff_members sm WHERE ${SCOPE('sm')}))
  ),`,
  )}

  -- Absence episodes touching P or the series, with the days attributed to each.
  ${attributedEpisodes(`LEAST(${F}, ${SF})`)},
  -- The days attributed to each episode on which its person is in post (to $3).
  episode_days AS MATERIALIZED (
    SELECT ep.staff_id, ep.reason, (st.fte * 1000)::int AS fte_k,
           (COALESCE(ep.end_date, ${T}) - ep.start_date + 1 >= 28) AS long_term,
           GREATEST(ep.af, st.start_date) AS lo, LEAST(ep.at, st.end_date, ${T}) AS hi
      FROM episodes ep
      JOIN staff st ON st.id = ep.staff_id
     WHERE GREATEST(ep.af, st.start_date) <= LEAST(ep.at, st.end_date, ${T})
  ),
  -- ... and of P.
  lost AS (
    SELECT d.staff_id, d.reason, d.fte_k / 1000.0 AS fte, d.long_term,
           GREATEST(d.lo, ${F}) AS lo, d.hi
      FROM episode_days d
     WHERE d.hi >= ${F}
  ),
  absence AS (
    SELECT l.staff_id,
           sum(l.hi - l.lo + 1) AS days,
           sum(${weekdays('l.lo', 'l.hi')}) AS working_days,
           sum(l.hi - l.lo + 1) FILTER (WHERE l.long_term) AS long_term_days,
           sum(l.hi - l.lo + 1) FILTER (WHERE l.reason = 'MENTAL_HEALTH') AS mental_health_days
      FROM lost l
     GROUP BY l.staff_id
  ),
  reviews AS (
    SELECT ag.staff_id, count(*) AS overdue
      FROM agreements ag
     WHERE ag.start_date <= ${T} AND (ag.end_date IS NULL OR ag.end_date >= ${T})
       AND ag.review_due_date < ${T}
     GROUP BY ag.staff_id
  ),

  -- Per person: the headline facts on P, and the month ends of the series at which they are
  -- eligible and in date.
  per_staff AS (
    SELECT st.service_id, st.practitioner_type, st.fte, st.requires_supervision AS req,
           st.start_date <= ${T} AND (st.end_date IS NULL OR st.end_date >= ${F}) AS during,
           ${inPost(T)} AS at_to,
           ${inPost(F)} AS at_from,
           ${inPost(YEAR_AGO)} AS at_year_ago,
           ${inPost(T)} AND st.start_date <= ${YEAR_AGO} AS stayer,
           st.end_date BETWEEN ${F} AND ${T} AS leaver,
           st.end_date BETWEEN ${F} AND ${T}
             AND st.leaving_reason IN ('RESIGNATION', 'RETIREMENT') AS voluntary,
           GREATEST(0, LEAST(st.end_date, ${T}) - GREATEST(st.start_date, ${F}) + 1) AS days_in_post,
           ${when(
             sessions,
             `CASE WHEN st.requires_supervision
                 AND LEAST(st.end_date, ${T}) >= GREATEST(st.start_date, ${F})
                THEN (LEAST(st.end_date, ${T}) - GREATEST(st.start_date, ${F}) + 1) * dv.per_day
                     + COALESCE(ec.correction, 0)
           END AS expected,
           a.minutes, a.pairs, a.solo_held, a.solo_missed,`,
             `NULL::numeric AS expected, NULL::bigint AS minutes, NULL::bigint AS pairs,
           NULL::bigint AS solo_held, NULL::bigint AS solo_missed,`,
           )}
           ab.days, ab.working_days, ab.long_term_days, ab.mental_health_days,
           rv.overdue AS reviews_overdue,
           -- Series: the month ends at which they are eligible, and in date.
           CASE WHEN st.requires_supervision
                THEN ${bits(`${endsBefore('st.start_date')} + 1`, `CASE WHEN st.end_date IS NULL THEN e.n ELSE ${endsUpTo('st.end_date')} END`)}
                ELSE 0 END AS eligible_ends,
           -- The month ends their counted sessions keep them in date at, and grace: those
           -- before their first counted session (of all time) and up to add(start, interval
           -- in force there).
           COALESCE(a.kept, 0)
             | (${bits(
               '1',
               `CASE WHEN st.start_date >= e.first_end - ${W}
                                    AND (a.first_counted IS NULL OR a.first_counted > e.first_end)
                                    AND ${olderCountedSession('st.id', MARKS_FROM, 'cf.staff_id IS NOT NULL')} IS NOT NULL
                                  THEN 0
                                  WHEN a.first_counted IS NULL THEN e.n
                                  ELSE ${endsBefore('a.first_counted')} END`,
             )}
                & CASE WHEN st.start_date < ${MARKS_FROM} OR st.start_date > ${T} THEN 0
                       ELSE ${keptBy('st.start_date')} END) AS kept_ends
      FROM staff st
     CROSS JOIN ends e
      LEFT JOIN rules r ON r.staff_id = st.id
      LEFT JOIN attendance a ON a.staff_id = st.id
      LEFT JOIN custom_formats cf ON cf.staff_id = st.id
      LEFT JOIN absence ab ON ab.staff_id = st.id
      LEFT JOIN reviews rv ON rv.staff_id = st.id${when(
        sessions,
        `
      JOIN intervals dv ON dv.name = $6
      LEFT JOIN expected_correction ec ON ec.staff_id = st.id`,
      )}
  ),
  staff_groups AS (
    SELECT ${when(
      breakdowns,
      'GROUPING(service_id, practitioner_type) AS g, service_id, practitioner_type',
      '3 AS g, NULL::uuid AS service_id, NULL::varchar AS practitioner_type',
    )},
           count(*) FILTER (WHERE during) AS staff_count,
           count(*) FILTER (WHERE at_to) AS headcount,
           sum(fte) FILTER (WHERE at_to) AS fte,
           count(*) FILTER (WHERE at_from) AS headcount_from,
           count(*) FILTER (WHERE at_from AND req) AS eligible_from,
           count(*) FILTER (WHERE at_to AND req) AS eligible_to,
           -- In date on $3: at the series' last month end.
           count(*) FILTER (WHERE at_to AND req AND kept_ends & ${LAST_END_BIT} <> 0) AS in_date,
           count(*) FILTER (WHERE at_to AND req AND kept_ends & ${LAST_END_BIT} = 0) AS overdue,
           count(*) FILTER (WHERE leaver) AS leavers,
           count(*) FILTER (WHERE voluntary) AS voluntary_leavers,
           count(*) FILTER (WHERE stayer) AS stayers,
           count(*) FILTER (WHERE at_year_ago) AS headcount_year_ago,
           sum(fte * days_in_post) AS fte_days_available,
           sum(fte * days) AS fte_days_lost,
           sum(working_days) AS working_days_lost,
           sum(fte * long_term_days) AS long_term_fte_days,
           sum(fte * mental_health_days) AS mental_health_fte_days,
           sum(minutes) AS minutes,
           sum(pairs) AS held_pairs,
           sum(expected) AS expected,
           sum(reviews_overdue) AS reviews_overdue,
           sum(solo_held) AS solo_held,
           sum(solo_missed) AS solo_missed
      FROM per_staff
     ${when(breakdowns, 'GROUP BY GROUPING SETS ((), (service_id), (practitioner_type))')}
  ),${when(
    composition,
    `
  composition AS (
    SELECT COALESCE(jsonb_agg(jsonb_build_object('kind', kind, 'name', name, 'n', n,
                                                 'amount', amount)), '[]'::jsonb) AS items
      FROM (
        SELECT 'format' AS kind, f.name,
               f.solo + (SELECT count(*) FROM shared_sessions s
                          WHERE s.status_code = ${STATUS.HELD} AND s.format_bit = f.bit) AS n,
               NULL::float8 AS amount
          FROM solo_composition c
         CROSS JOIN LATERAL (VALUES ${Object.entries(FORMAT_BIT)
           .map(([name, bit]) => `('${name}', ${bit}, c."${name}")`)
           .join(', ')}) f (name, bit, solo)
        UNION ALL
        SELECT 'function', f.name,
               f.solo + (SELECT count(*) FROM shared_sessions s
                          WHERE s.status_code = ${STATUS.HELD} AND s.function_bits & f.bit <> 0),
               NULL
          FROM solo_composition c
         CROSS JOIN LATERAL (VALUES ${Object.entries(FUNCTION_BIT)
           .map(([name, bit]) => `('${name}', ${bit}, c."${name}")`)
           .join(', ')}) f (name, bit, solo)
        UNION ALL
        SELECT 'leaver', st.leaving_reason, count(*), NULL
          FROM staff st WHERE st.end_date BETWEEN ${F} AND ${T}
         GROUP BY st.leaving_reason
        UNION ALL
        SELECT 'absence', l.reason, sum(l.hi - l.lo + 1), sum(l.fte * (l.hi - l.lo + 1))::float8
          FROM lost l GROUP BY l.reason
      ) c
  ),`,
  )}
  headline_rows AS (
    SELECT CASE sg.g WHEN 3 THEN 'total' WHEN 1 THEN 'service' ELSE 'type' END AS dim,
           CASE sg.g WHEN 1 THEN sg.service_id::text WHEN 2 THEN sg.practitioner_type END AS key,
           sg.staff_count::int AS staff_count,
           sg.headcount::int AS headcount,
           COALESCE(sg.fte, 0)::float8 AS fte,
           sg.headcount_from::int AS headcount_from,
           sg.eligible_from::int AS eligible_from,
           sg.eligible_to::int AS eligible_to,
           sg.in_date::int AS in_date,
           sg.overdue::int AS overdue,
           sg.leavers::int AS leavers,
           sg.voluntary_leavers::int AS voluntary_leavers,
           sg.stayers::int AS stayers,
           sg.headcount_year_ago::int AS headcount_year_ago,
           COALESCE(sg.fte_days_available, 0)::float8 AS fte_days_available,
           COALESCE(sg.fte_days_lost, 0)::float8 AS fte_days_lost,
           COALESCE(sg.working_days_lost, 0)::int AS working_days_lost,
           COALESCE(sg.long_term_fte_days, 0)::float8 AS long_term_fte_days,
           COALESCE(sg.mental_health_fte_days, 0)::float8 AS mental_health_fte_days,
           COALESCE(sg.minutes, 0)::int AS minutes,
           COALESCE(sg.held_pairs, 0)::int AS held_pairs,
           COALESCE(sg.expected, 0)::float8 AS expected,
           COALESCE(sg.reviews_overdue, 0)::int AS reviews_overdue,
           ${when(
             sessions,
             `(COALESCE(sg.solo_held, 0) + COALESCE(se.held, 0))::int AS sessions_held,
           (COALESCE(sg.solo_missed, 0) + COALESCE(se.missed, 0))::int AS sessions_missed,`,
             `0 AS sessions_held, 0 AS sessions_missed,`,
           )}
           ${when(composition, 'CASE sg.g WHEN 3 THEN (SELECT items FROM composition) END', 'NULL::jsonb')}
             AS composition
      FROM staff_groups sg${when(
        sessions,
        `
      LEFT JOIN shared_groups se
        ON se.g = sg.g
       AND se.service_id IS NOT DISTINCT FROM sg.service_id
       AND se.practitioner_type IS NOT DISTINCT FROM sg.practitioner_type`,
      )}
  ),

  -- Series: coverage at each month end.
  patterns AS (
    SELECT p.eligible_ends, p.kept_ends & p.eligible_ends AS in_date_ends, count(*) AS n
      FROM per_staff p
     WHERE p.req
     GROUP BY 1, 2
  ),
  coverage AS (
    SELECT b.j,
           sum(pt.n) FILTER (WHERE pt.eligible_ends & (1::bigint << (b.j - 1)) <> 0) AS eligible,
           sum(pt.n) FILTER (WHERE pt.in_date_ends & (1::bigint << (b.j - 1)) <> 0) AS in_date
      FROM buckets b CROSS JOIN patterns pt
     GROUP BY b.j
  ),

  -- Series: cumulative sums over start and end dates (staff) and over the absent days
  -- attributed to each episode, read at the days each month needs.
  probes AS MATERIALIZED (
    SELECT array_agg(DISTINCT x.d ORDER BY x.d) AS days
      FROM buckets b
     CROSS JOIN LATERAL (VALUES (b.bt), (b.bt - 1), (b.bf), (b.bf - 1), (b.bf - 2),
                                (b.rolling_from), (b.rolling_from - 1)) x (d)
  ),
  events AS (
    SELECT st.start_date AS d, 1 AS starts, (st.fte * 1000)::int AS start_fte,
           (st.fte * 1000)::int * (st.start_date - DATE '2000-01-01') AS start_fte_day,
           0 AS ends, 0 AS end_fte, 0 AS end_fte_day,
           0 AS lost_from_fte, 0 AS lost_from_fte_day, 0 AS lost_to_fte, 0 AS lost_to_fte_day
      FROM staff st
    UNION ALL
    SELECT st.end_date, 0, 0, 0,
           1, (st.fte * 1000)::int, (st.fte * 1000)::int * (st.end_date - DATE '2000-01-01'),
           0, 0, 0, 0
      FROM staff st WHERE st.end_date IS NOT NULL
    UNION ALL
    SELECT d.lo, 0, 0, 0, 0, 0, 0, d.fte_k, d.fte_k * (d.lo - DATE '2000-01-01'), 0, 0
      FROM episode_days d
    UNION ALL
    SELECT d.hi, 0, 0, 0, 0, 0, 0, 0, 0, d.fte_k, d.fte_k * (d.hi - DATE '2000-01-01')
      FROM episode_days d
  ),
  -- Events by gap: g = the number of days read that come before the event's day.
  gaps AS (
    SELECT width_bucket(ev.d - 1, p.days) AS g,
           sum(ev.starts) AS starts, sum(ev.start_fte) AS start_fte,
           sum(ev.start_fte_day) AS start_fte_day, sum(ev.ends) AS ends,
           sum(ev.end_fte) AS end_fte, sum(ev.end_fte_day) AS end_fte_day,
           sum(ev.lost_from_fte) AS lost_from_fte, sum(ev.lost_from_fte_day) AS lost_from_fte_day,
           sum(ev.lost_to_fte) AS lost_to_fte, sum(ev.lost_to_fte_day) AS lost_to_fte_day
      FROM events ev CROSS JOIN probes p
     GROUP BY 1
  ),
  -- At the k-th day read (day number x): the sums over the events on or before it.
  at_day AS (
    SELECT k.d, k.d - DATE '2000-01-01' AS x,
           COALESCE(sum(g.starts), 0) AS starts, COALESCE(sum(g.ends), 0) AS ends,
           COALESCE(sum(g.start_fte), 0) AS start_fte, COALESCE(sum(g.start_fte_day), 0) AS start_fte_day,
           COALESCE(sum(g.end_fte), 0) AS end_fte, COALESCE(sum(g.end_fte_day), 0) AS end_fte_day,
           COALESCE(sum(g.lost_from_fte), 0) AS lost_from_fte,
           COALESCE(sum(g.lost_from_fte_day), 0) AS lost_from_fte_day,
           COALESCE(sum(g.lost_to_fte), 0) AS lost_to_fte,
           COALESCE(sum(g.lost_to_fte_day), 0) AS lost_to_fte_day
      FROM probes p
     CROSS JOIN LATERAL unnest(p.days) WITH ORDINALITY k (d, k)
      LEFT JOIN gaps g ON g.g < k.k
     GROUP BY k.d
  ),
  series_rows AS (
    SELECT b.j, b.month, b.bf::text AS "from", b.bt::text AS "to",
           b.rolling_from::text AS rolling_from,
           (bt.starts - bf1.ends)::int AS staff_count,
           (bt.starts - bt1.ends)::int AS headcount,
           (bf.starts - bf1.ends)::int AS headcount_from,
           (bt.ends - bf1.ends)::int AS leavers,
           (rf.starts - rf1.ends)::int AS headcount_rolling_from,
           (bt.ends - rf1.ends)::int AS rolling_leavers,
           -- F(bt) - F(bf - 1), and the same for the days lost.
           (((bt.x + 1) * bt.start_fte - bt.start_fte_day - bt.x * bt1.end_fte + bt1.end_fte_day)
             - ((bf1.x + 1) * bf1.start_fte - bf1.start_fte_day - bf1.x * bf2.end_fte + bf2.end_fte_day)
           ) / 1000.0::float8 AS fte_days_available,
           (((bt.x + 1) * bt.lost_from_fte - bt.lost_from_fte_day - bt.x * bt1.lost_to_fte + bt1.lost_to_fte_day)
             - ((bf1.x + 1) * bf1.lost_from_fte - bf1.lost_from_fte_day - bf1.x * bf2.lost_to_fte + bf2.lost_to_fte_day)
           ) / 1000.0::float8 AS fte_days_lost,
           COALESCE(c.eligible, 0)::int AS eligible,
           COALESCE(c.in_date, 0)::int AS in_date
      FROM buckets b
      JOIN at_day bt ON bt.d = b.bt
      JOIN at_day bt1 ON bt1.d = b.bt - 1
      JOIN at_day bf ON bf.d = b.bf
      JOIN at_day bf1 ON bf1.d = b.bf - 1
      JOIN at_day bf2 ON bf2.d = b.bf - 2
      JOIN at_day rf ON rf.d = b.rolling_from
      JOIN at_day rf1 ON rf1.d = b.rolling_from - 1
      LEFT JOIN coverage c ON c.j = b.j
  )
SELECT (SELECT json_agg(h) FROM headline_rows h) AS headlines,
       (SELECT json_agg(s ORDER BY s.j) FROM series_rows s) AS series`;
}

/** The overview statement with the given parts (built once per combination). */
const overviewStatements = new Map<string, string>();
export function overviewStatement(parts: OverviewParts): string {
  const key = `${+parts.sessions}${+parts.breakdowns}${+parts.composition}`;
  let text = overviewStatements.get(key);
  if (text === undefined) {
    text = overviewSql(parts);
    overviewStatements.set(key, text);
  }
  return text;
}

// ---------------------------------------------------------------------------------------
// The overdue list

/**
 * The eligible staff overdue on $2 (= $3), with due date and days overdue, most overdue
 * first, then by staff id; keyset page after ($8 days overdue, $9 staff id), $10 rows.
 * Every row carries the total number overdue.
 */
export const OVERDUE_SQL = `
WITH ${SCOPED_STAFF}, ${INTERVALS}, ${AGREEMENTS},
  -- The interval in force on $2, where an agreement applies.
  interval_on AS (
    SELECT DISTINCT ON (a.staff_id) a.staff_id, a.interval
      FROM agreements a
     WHERE a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
     ORDER BY a.staff_id, a.start_date DESC, a.id DESC
  ),
  -- The formats that count over the 92 days before $2 (as in the overview).
  person_rules AS MATERIALIZED (
    SELECT ag.staff_id, ${constantFormats('ag', `$2::date - ${W}`, '$2::date')} AS format_bits
      FROM agreements ag
     GROUP BY ag.staff_id
  ),
  ${FORMAT_CHANGES.trim()},
  rules AS MATERIALIZED (
    SELECT p.staff_id, p.format_bits, fc.cuts AS format_cuts, fc.bits AS format_bits_from
      FROM person_rules p
      LEFT JOIN format_changes fc ON fc.staff_id = p.staff_id
  ),
  recent AS (
    SELECT sa.staff_id, max(sa.date) AS last
      FROM session_attendance sa
      LEFT JOIN ${UNIQUE_RULES} r ON r.staff_id = sa.staff_id
     WHERE sa.tenant_id = $1 AND sa.date BETWEEN $2::date - ${W} AND $2::date AND ${COUNTED}
     GROUP BY sa.staff_id
  ),
  due AS (
    SELECT st.id, st.service_id,
           ${addInterval(`COALESCE(rc.last, ${olderCountedSession('st.id', `$2::date - ${W}`, 'cf.staff_id IS NOT NULL')}, st.start_date)`)}
             AS due_date
      FROM staff st
      LEFT JOIN recent rc ON rc.staff_id = st.id
      LEFT JOIN custom_formats cf ON cf.staff_id = st.id
      LEFT JOIN interval_on io ON io.staff_id = st.id
      JOIN intervals iv ON iv.name = COALESCE(io.interval, $6)
     WHERE st.requires_supervision AND ${inPost('$2::date')}
  ),
  overdue AS (
    SELECT d.id, d.service_id, d.due_date, ($2::date - d.due_date) AS days_overdue
      FROM due d WHERE d.due_date < $2::date
  )
SELECT o.id AS staff_id, o.service_id, o.due_date::text AS due_date, o.days_overdue::int,
       sm.display_name, sm.staff_ref,
       (SELECT count(*) FROM overdue)::int AS total
  FROM overdue o
  JOIN staff_members sm ON sm.tenant_id = $1 AND sm.id = o.id
 WHERE $8::int IS NULL OR o.days_overdue < $8::int
    OR (o.days_overdue = $8::int AND o.id > $9::uuid)
 ORDER BY o.days_overdue DESC, o.id
 LIMIT $10`;
