/**
 * The overview benchmark's baseline: ONE hand-written SQL query that computes, straight from
 * the records, the figures the dashboard's overview asks the API for (bench/overview-bench.ts
 * OVERVIEW_QUERY): the headline cards of a period (staff behind the figures, headcount, FTE,
 * eligible, coverage and people overdue on its last day, absence rate, leavers, turnover and
 * annualised turnover, the cost case) and the monthly series (headcount and coverage at each
 * month end, absence rate and turnover over the month, rolling 12-month turnover), by the
 * definitions of docs/metrics.md.
 *
 * Written plainly, the way someone answering the question once would: no rollup tables, no
 * shortcuts that depend on the data (every counted session of a person's whole history is
 * considered for "last held"), and set-based: each step is one pass over a table.
 *
 * Parameters: $1 organisation (tenant) id, $2 first day of the period, $3 last day,
 * $4 number of months in the series (the calendar months ending with $3).
 * Rows: one with kind 'period' (the headlines) and one per month, kind 'month'.
 */
export const BASELINE_OVERVIEW_SQL = `
WITH
org AS (
  SELECT default_interval, counted_formats,
         supervision_cost_per_worker_year::float8 AS cost_per_worker_year,
         recruitment_cost_per_leaver::float8 AS cost_per_leaver
    FROM organisations
   WHERE id = $1
),
staff AS (
  SELECT id, fte, start_date, end_date, requires_supervision
    FROM staff_members
   WHERE tenant_id = $1
),
-- The series: the calendar months ending with the period's last day (the last month ends on it).
months AS (
  SELECT to_char(m, 'YYYY-MM') AS month,
         m::date AS first_day,
         LEAST((m + interval '1 month')::date - 1, $3::date) AS last_day
    FROM generate_series(date_trunc('month', $3::timestamp) - ($4::int - 1) * interval '1 month',
                         date_trunc('month', $3::timestamp), interval '1 month') m
),

-- Supervision. A session counts for an attendee when it was HELD and its format is one the
-- attendee's agreement in force on the session's date counts (when the agreement names any),
-- else one the organisation counts. The agreement in force: latest start, then greatest id.
held_attendance AS (
  SELECT DISTINCT ON (a.staff_id, s.id)
         a.staff_id, s.date, s.format, ag.counted_formats
    FROM session_attendees a
    JOIN supervision_sessions s ON s.tenant_id = a.tenant_id AND s.id = a.session_id
    LEFT JOIN supervision_agreements ag
      ON ag.tenant_id = a.tenant_id AND ag.staff_id = a.staff_id
     AND ag.start_date <= s.date AND (ag.end_date IS NULL OR ag.end_date >= s.date)
   WHERE a.tenant_id = $1 AND s.tenant_id = $1 AND s.status = 'HELD' AND s.date <= $3::date
   ORDER BY a.staff_id, s.id, ag.start_date DESC, ag.id DESC
),
counted AS (
  SELECT h.staff_id, h.date
    FROM held_attendance h CROSS JOIN org
   WHERE h.format = ANY (COALESCE(h.counted_formats, org.counted_formats))
),
-- Each person's latest counted session by month of the series (earlier ones with the first).
counted_by_month AS (
  SELECT c.staff_id,
         GREATEST(date_trunc('month', c.date)::date, (SELECT min(first_day) FROM months)) AS first_day,
         max(c.date) AS last
    FROM counted c
   GROUP BY 1, 2
),
-- lastHeld on each month's last day: the running maximum over the months.
last_held AS (
  SELECT st.id AS staff_id, st.start_date, st.end_date, m.month, m.last_day,
         max(cm.last) OVER (PARTITION BY st.id ORDER BY m.first_day) AS last
    FROM staff st
   CROSS JOIN months m
    LEFT JOIN counted_by_month cm ON cm.staff_id = st.id AND cm.first_day = m.first_day
   WHERE st.requires_supervision
),
-- The eligible (in post, requiring supervision) on each month's last day, with the interval
-- in force that day: their agreement's, else the organisation's default.
eligible_on AS (
  SELECT DISTINCT ON (l.staff_id, l.month)
         l.month, l.last_day, COALESCE(l.last, l.start_date) AS since,
         COALESCE(ag.interval, org.default_interval) AS interval
    FROM last_held l
   CROSS JOIN org
    LEFT JOIN supervision_agreements ag
      ON ag.tenant_id = $1 AND ag.staff_id = l.staff_id
     AND ag.start_date <= l.last_day AND (ag.end_date IS NULL OR ag.end_date >= l.last_day)
   WHERE l.start_date <= l.last_day AND (l.end_date IS NULL OR l.end_date >= l.last_day)
   ORDER BY l.staff_id, l.month, ag.start_date DESC, ag.id DESC
),
-- In date when the day is on or before the due date: the last counted session (or, with
-- none, the start date) plus the interval; calendar months clamp to the month's end.
coverage AS (
  SELECT e.month, count(*) AS eligible,
         count(*) FILTER (WHERE e.last_day <= CASE e.interval
             WHEN 'WEEKLY' THEN e.since + 7
             WHEN 'FORTNIGHTLY' THEN e.since + 14
             WHEN 'FOUR_WEEKLY' THEN e.since + 28
             WHEN 'SIX_WEEKLY' THEN e.since + 42
             WHEN 'MONTHLY' THEN (e.since + interval '1 month')::date
             WHEN 'TWO_MONTHLY' THEN (e.since + interval '2 months')::date
             WHEN 'QUARTERLY' THEN (e.since + interval '3 months')::date
           END) AS in_date
    FROM eligible_on e
   GROUP BY e.month
),

-- Sickness absence: every day on which a person is in post and an episode covers them
-- (an ongoing one covers every day from its start), each day once however many episodes.
absent_days AS (
  SELECT DISTINCT e.staff_id, st.fte, d::date AS day
    FROM absence_episodes e
    JOIN staff st ON st.id = e.staff_id
   CROSS JOIN LATERAL generate_series(
           GREATEST(e.start_date, st.start_date, LEAST($2::date, (SELECT min(first_day) FROM months)))::timestamp,
           LEAST(e.end_date, st.end_date, $3::date)::timestamp,
           interval '1 day') d
   WHERE e.tenant_id = $1
     AND e.start_date <= $3::date
     AND (e.end_date IS NULL OR e.end_date >= LEAST($2::date, (SELECT min(first_day) FROM months)))
),
absence_by_month AS (
  SELECT m.month, sum(a.fte) AS fte_days_lost
    FROM absent_days a
    JOIN months m ON a.day BETWEEN m.first_day AND m.last_day
   GROUP BY m.month
),

-- Workforce and turnover by month: headcounts on the first and last days, leavers in the
-- month, and over the 12 months ending on its last day; FTE days in post (absence's denominator).
workforce_by_month AS (
  SELECT m.month, m.first_day, m.last_day,
         count(*) FILTER (WHERE st.start_date <= m.last_day
                            AND (st.end_date IS NULL OR st.end_date >= m.last_day)) AS headcount,
         count(*) FILTER (WHERE st.start_date <= m.first_day
                            AND (st.end_date IS NULL OR st.end_date >= m.first_day)) AS headcount_first,
         count(*) FILTER (WHERE st.end_date BETWEEN m.first_day AND m.last_day) AS leavers,
         count(*) FILTER (WHERE st.start_date <= r.rolling_from
                            AND (st.end_date IS NULL OR st.end_date >= r.rolling_from)) AS headcount_rolling,
         count(*) FILTER (WHERE st.end_date BETWEEN r.rolling_from AND m.last_day) AS rolling_leavers,
         sum(st.fte * GREATEST(0, LEAST(st.end_date, m.last_day)
                                  - GREATEST(st.start_date, m.first_day) + 1)) AS fte_days_available
    FROM months m
   CROSS JOIN LATERAL (SELECT (m.last_day + 1 - interval '12 months')::date AS rolling_from) r
   CROSS JOIN staff st
   GROUP BY m.month, m.first_day, m.last_day
),

-- The period's own figures.
period_workforce AS (
  SELECT count(*) FILTER (WHERE start_date <= $3::date AND (end_date IS NULL OR end_date >= $2::date)) AS staff_count,
         count(*) FILTER (WHERE start_date <= $3::date AND (end_date IS NULL OR end_date >= $3::date)) AS headcount,
         COALESCE(sum(fte) FILTER (WHERE start_date <= $3::date AND (end_date IS NULL OR end_date >= $3::date)), 0) AS fte,
         count(*) FILTER (WHERE start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date)) AS headcount_from,
         count(*) FILTER (WHERE requires_supervision AND start_date <= $3::date
                            AND (end_date IS NULL OR end_date >= $3::date)) AS eligible_to,
         count(*) FILTER (WHERE requires_supervision AND start_date <= $2::date
                            AND (end_date IS NULL OR end_date >= $2::date)) AS eligible_from,
         count(*) FILTER (WHERE end_date BETWEEN $2::date AND $3::date) AS leavers,
         sum(fte * GREATEST(0, LEAST(end_date, $3::date) - GREATEST(start_date, $2::date) + 1)) AS fte_days_available,
         ($3::date - $2::date + 1) AS days
    FROM staff
),
period_absence AS (
  SELECT COALESCE(sum(fte), 0) AS fte_days_lost FROM absent_days WHERE day BETWEEN $2::date AND $3::date
),
period_coverage AS (
  SELECT c.* FROM coverage c JOIN months m ON m.month = c.month WHERE m.last_day = $3::date
)

SELECT 'period' AS kind, NULL AS month, $2::date::text AS first_day, $3::date::text AS last_day,
       w.staff_count::int, w.headcount::int, w.fte::float8,
       w.eligible_to::int AS eligible,
       COALESCE(c.in_date, 0)::int AS in_date,
       (COALESCE(c.eligible, 0) - COALESCE(c.in_date, 0))::int AS overdue,
       100 * COALESCE(c.in_date, 0)::float8 / NULLIF(c.eligible, 0) AS coverage,
       a.fte_days_lost::float8, COALESCE(w.fte_days_available, 0)::float8 AS fte_days_available,
       100 * a.fte_days_lost::float8 / NULLIF(w.fte_days_available, 0)::float8 AS absence_rate,
       w.leavers::int, (w.headcount_from + w.headcount) / 2.0::float8 AS average_headcount,
       100 * w.leavers::float8 / NULLIF((w.headcount_from + w.headcount) / 2.0, 0)::float8 AS turnover_rate,
       (w.headcount_from + w.headcount) / 2.0::float8 * w.days / 365 AS worker_years,
       100 * w.leavers::float8 / NULLIF((w.headcount_from + w.headcount) / 2.0::float8 * w.days / 365, 0)
         AS annualised_turnover_rate,
       NULL::int AS rolling_leavers, NULL::float8 AS rolling_average_headcount,
       NULL::float8 AS rolling_turnover_rate,
       (w.eligible_from + w.eligible_to) / 2.0::float8 AS average_eligible,
       org.cost_per_worker_year * ((w.eligible_from + w.eligible_to) / 2.0)::float8 * w.days / 365
         AS supervision_spend,
       w.leavers * org.cost_per_leaver AS turnover_cost,
       org.cost_per_worker_year * ((w.eligible_from + w.eligible_to) / 2.0)::float8 * w.days / 365
         / NULLIF(org.cost_per_leaver, 0) AS break_even_leavers
  FROM period_workforce w
 CROSS JOIN period_absence a
 CROSS JOIN org
  LEFT JOIN period_coverage c ON TRUE
UNION ALL
SELECT 'month', w.month, w.first_day::text, w.last_day::text,
       NULL, w.headcount::int, NULL, COALESCE(c.eligible, 0)::int, COALESCE(c.in_date, 0)::int,
       (COALESCE(c.eligible, 0) - COALESCE(c.in_date, 0))::int,
       100 * COALESCE(c.in_date, 0)::float8 / NULLIF(c.eligible, 0),
       COALESCE(a.fte_days_lost, 0)::float8, COALESCE(w.fte_days_available, 0)::float8,
       100 * COALESCE(a.fte_days_lost, 0)::float8 / NULLIF(w.fte_days_available, 0)::float8,
       w.leavers::int, (w.headcount_first + w.headcount) / 2.0::float8,
       100 * w.leavers::float8 / NULLIF((w.headcount_first + w.headcount) / 2.0, 0)::float8,
       NULL, NULL,
       w.rolling_leavers::int, (w.headcount_rolling + w.headcount) / 2.0::float8,
       100 * w.rolling_leavers::float8 / NULLIF((w.headcount_rolling + w.headcount) / 2.0, 0)::float8,
       NULL, NULL, NULL, NULL
  FROM workforce_by_month w
  LEFT JOIN coverage c ON c.month = w.month
  LEFT JOIN absence_by_month a ON a.month = w.month
 ORDER BY kind DESC, month`;

/** A row of BASELINE_OVERVIEW_SQL. */
export interface BaselineRow {
  kind: 'period' | 'month';
  month: string | null;
  first_day: string;
  last_day: string;
  staff_count: number | null;
  headcount: number;
  fte: number | null;
  eligible: number;
  in_date: number;
  overdue: number;
  coverage: number | null;
  fte_days_lost: number;
  fte_days_available: number;
  absence_rate: number | null;
  leavers: number;
  average_headcount: number;
  turnover_rate: number | null;
  worker_years: number | null;
  annualised_turnover_rate: number | null;
  rolling_leavers: number | null;
  rolling_average_headcount: number | null;
  rolling_turnover_rate: number | null;
  average_eligible: number | null;
  supervision_spend: number | null;
  turnover_cost: number | null;
  break_even_leavers: number | null;
}
