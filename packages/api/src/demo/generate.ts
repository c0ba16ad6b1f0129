import {
  ABSENCE_REASONS,
  addDays,
  addInterval,
  daysBetween,
  LEAVING_REASONS,
  type AbsenceReason,
  type LeavingReason,
  type SessionFormat,
  type SessionStatus,
  type SupervisionFunction,
  type SupervisionInterval,
} from '@holdspace/shared';
import { pick, seededUuid } from './random';

/**
 * Realistic synthetic records for one organisation, deterministic from the
 * random source: the demo data (small) and the benchmarks (large) both use it.
 * Rows are plain objects keyed by column name, ready for multi-row inserts.
 */
export interface GeneratedOrganisation {
  services: Array<{ id: string; name: string }>;
  staff: StaffRow[];
  supervisors: Array<Record<string, unknown>>;
  agreements: Array<Record<string, unknown>>;
  sessions: Array<Record<string, unknown>>;
  attendees: Array<{ session_id: string; staff_id: string }>;
  actions: Array<Record<string, unknown>>;
  absences: Array<Record<string, unknown>>;
}

export interface StaffRow {
  id: string;
  service_id: string;
  staff_ref: string;
  display_name: string;
  role_title: string;
  practitioner_type: string;
  fte: number;
  start_date: string;
  end_date: string | null;
  leaving_reason: LeavingReason | null;
  requires_supervision: boolean;
  user_id: string | null;
}

export interface GenerateOptions {
  refPrefix: string;
  serviceNames: string[];
  staffCount: number;
  /** The last day with data (sessions after it are SCHEDULED). */
  today: string;
  /** How far back staff start dates go. */
  years: number;
  /**
   * Share of staff already in post when the history begins (default 0: everyone joins
   * within it). They started up to `years` before it; their sessions, absences and any
   * change of agreement fall within the history. The benchmarks use it for a steady
   * workforce (each person with years of records) rather than one growing from nothing.
   */
  inPostAtStart?: number;
}

const FIRST = [
  'Alex',
  'Sam',
  'Jo',
  'Priya',
  'Tom',
  'Aisha',
  'Liam',
  'Mei',
  'Kofi',
  'Rhian',
  'Olu',
  'Hana',
  'Ravi',
  'Nia',
  'Ewan',
  'Zara',
];
const LAST = [
  'Smith',
  'Jones',
  'Ahmed',
  'Williams',
  'Brown',
  'Singh',
  'Taylor',
  'Davies',
  'Chen',
  'Ali',
  'Hughes',
  'Okoro',
];
const TYPES = [
  'Counsellor',
  'Social worker',
  'Family support worker',
  'Safeguarding lead',
  'Youth worker',
];
const INTERVALS: SupervisionInterval[] = [
  'MONTHLY',
  'MONTHLY',
  'MONTHLY',
  'FOUR_WEEKLY',
  'SIX_WEEKLY',
  'FORTNIGHTLY',
];
const FUNCTIONS: SupervisionFunction[] = ['NORMATIVE', 'FORMATIVE', 'RESTORATIVE'];
const ACTION_TITLES = [
  'Book safeguarding refresher',
  'Review caseload size',
  'Arrange peer shadowing',
  'Plan annual leave',
];

export function generateOrganisation(
  random: () => number,
  options: GenerateOptions,
): GeneratedOrganisation {
  const { today, years, refPrefix } = options;
  const firstDay = addDays(today, -Math.round(years * 365));
  const day = (from: string, span: number) =>
    addDays(from, Math.floor(random() * Math.max(1, span)));
  const out: GeneratedOrganisation = {
    services: options.serviceNames.map((name) => ({ id: seededUuid(random), name })),
    staff: [],
    supervisors: [],
    agreements: [],
    sessions: [],
    attendees: [],
    actions: [],
    absences: [],
  };

  const historyDays = daysBetween(firstDay, today);
  for (let i = 0; i < options.staffCount; i++) {
    // (No random draw for this unless asked: the demo data stays as it was.)
    const before = (options.inPostAtStart ?? 0) > 0 && random() < options.inPostAtStart!;
    const start = before
      ? addDays(firstDay, -1 - Math.floor(random() * historyDays))
      : day(firstDay, historyDays - 30);
    const leaves = random() < 0.22;
    const end = !leaves
      ? null
      : before
        ? addDays(firstDay, 30 + Math.floor(random() * (historyDays + 400)))
        : addDays(start, 90 + Math.floor(random() * 1000));
    const left = end !== null && end < today ? end : null;
    out.staff.push({
      id: seededUuid(random),
      service_id: pick(random, out.services).id,
      staff_ref: `${refPrefix}-${String(10001 + i)}`,
      display_name: `${pick(random, FIRST)} ${pick(random, LAST)}`,
      role_title: 'Practitioner',
      practitioner_type: pick(random, TYPES),
      fte: pick(random, [1, 1, 1, 0.8, 0.6, 0.5]),
      start_date: start,
      end_date: left,
      leaving_reason: left
        ? pick(random, ['RESIGNATION', 'RESIGNATION', 'RETIREMENT', ...LEAVING_REASONS])
        : null,
      requires_supervision: random() > 0.05,
      user_id: null,
    });
  }

  // Supervisors: one in twelve staff (at least one), plus an external clinical supervisor.
  const internal = out.staff.filter((_, i) => i % 12 === 0);
  for (const s of internal) {
    out.supervisors.push({
      id: seededUuid(random),
      kind: 'INTERNAL',
      staff_id: s.id,
      name: null,
      organisation_name: null,
      accreditation_body: null,
    });
  }
  out.supervisors.push({
    id: seededUuid(random),
    kind: 'EXTERNAL',
    staff_id: null,
    name: 'Dr Ruth Mensah',
    organisation_name: 'Mensah Clinical Supervision',
    accreditation_body: 'BACP',
  });

  for (const s of out.staff) {
    const lastDay = s.end_date ?? today;
    // Records begin with the history (or the person's start, if later).
    const from = s.start_date > firstDay ? s.start_date : firstDay;
    // In-post staff also have their next session booked (SCHEDULED, after today).
    if (s.requires_supervision)
      generateSupervision(random, out, s, from, s.end_date ?? addDays(today, 45), today);
    generateAbsences(random, out, s, from, lastDay);
  }
  generateGroupSessions(random, out, firstDay, today);
  return out;
}

/** Each service meets for group supervision about every two months; attendees are in post that day. */
function generateGroupSessions(
  random: () => number,
  out: GeneratedOrganisation,
  firstDay: string,
  today: string,
) {
  for (const service of out.services) {
    const members = out.staff.filter((s) => s.service_id === service.id && s.requires_supervision);
    for (
      let date = addDays(firstDay, 20);
      date <= today;
      date = addDays(date, 55 + Math.floor(random() * 15))
    ) {
      const present = members.filter(
        (s) => s.start_date <= date && (!s.end_date || date <= s.end_date) && random() < 0.6,
      );
      if (present.length < 2) continue;
      const id = seededUuid(random);
      const roll = random();
      out.sessions.push({
        id,
        session_ref: `GR-${out.sessions.length}`,
        date,
        duration_minutes: 90,
        format: roll < 0.8 ? 'GROUP' : 'CASE_CONSULTATION',
        status: roll < 0.92 ? 'HELD' : 'CANCELLED',
        supervisor_id: pick(random, out.supervisors).id,
        functions: ['FORMATIVE', 'RESTORATIVE'],
      });
      for (const s of present.slice(0, 8)) out.attendees.push({ session_id: id, staff_id: s.id });
    }
  }
}

function generateSupervision(
  random: () => number,
  out: GeneratedOrganisation,
  s: StaffRow,
  from: string,
  lastDay: string,
  today: string,
) {
  const supervisor = pick(random, out.supervisors);
  let interval = pick(random, INTERVALS);
  // Some agreements change interval part-way: the first ends, the second starts the next day.
  const change = random() < 0.25 ? addDays(from, 120 + Math.floor(random() * 400)) : null;
  const agreementEnd = change && change < lastDay ? change : null;
  out.agreements.push({
    id: seededUuid(random),
    agreement_ref: `AG-${s.staff_ref}-1`,
    staff_id: s.id,
    supervisor_id: supervisor.id,
    interval,
    session_minutes: 60,
    start_date: s.start_date,
    end_date: agreementEnd ?? (s.end_date ? s.end_date : null),
    review_due_date: addDays(s.start_date, 365),
    counted_formats: null,
  });
  if (agreementEnd) {
    interval = pick(random, INTERVALS);
    out.agreements.push({
      id: seededUuid(random),
      agreement_ref: `AG-${s.staff_ref}-2`,
      staff_id: s.id,
      supervisor_id: supervisor.id,
      interval,
      session_minutes: 60,
      start_date: addDays(agreementEnd, 1),
      end_date: s.end_date,
      review_due_date: addDays(agreementEnd, 1 + (random() < 0.3 ? 200 : 365)),
      counted_formats: null,
    });
  }

  // Sessions roughly on the interval, with gaps (some people fall overdue) and misses.
  const reliability = random();
  let date = addDays(from, 7 + Math.floor(random() * 20));
  while (date <= lastDay) {
    const future = date > today;
    const roll = random();
    const status: SessionStatus = future
      ? 'SCHEDULED'
      : roll < 0.08
        ? 'CANCELLED'
        : roll < 0.12
          ? 'DID_NOT_ATTEND'
          : 'HELD';
    const format: SessionFormat =
      random() < 0.85 ? 'ONE_TO_ONE' : random() < 0.6 ? 'GROUP' : 'PEER';
    const sessionId = seededUuid(random);
    out.sessions.push({
      id: sessionId,
      session_ref: `SE-${s.staff_ref}-${out.sessions.length}`,
      date,
      duration_minutes: format === 'ONE_TO_ONE' ? pick(random, [45, 60, 60, 90]) : 90,
      format,
      status,
      supervisor_id: supervisor.id,
      functions: status === 'HELD' ? FUNCTIONS.filter(() => random() < 0.7) : [],
    });
    out.attendees.push({ session_id: sessionId, staff_id: s.id });
    if (status === 'HELD' && random() < 0.15) {
      out.actions.push({
        id: seededUuid(random),
        session_id: sessionId,
        title: pick(random, ACTION_TITLES),
        owner_staff_id: s.id,
        due_date: addDays(date, 30),
        status: date < addDays(today, -60) ? 'DONE' : 'OPEN',
      });
    }
    if (future) break;
    const gap = reliability < 0.2 && random() < 0.3 ? 60 + Math.floor(random() * 90) : 0;
    date = addDays(addInterval(date, interval), gap + Math.floor(random() * 7) - 3);
  }
}

function generateAbsences(
  random: () => number,
  out: GeneratedOrganisation,
  s: StaffRow,
  from: string,
  lastDay: string,
) {
  const employed = daysBetween(from, lastDay);
  const episodes = Math.floor((employed / 365) * random() * 2.5);
  for (let e = 0; e < episodes; e++) {
    const start = addDays(from, Math.floor(random() * Math.max(1, employed)));
    const reason: AbsenceReason = random() < 0.3 ? 'MENTAL_HEALTH' : pick(random, ABSENCE_REASONS);
    const length =
      reason === 'MENTAL_HEALTH' && random() < 0.35
        ? 28 + Math.floor(random() * 60)
        : 1 + Math.floor(random() * 6);
    const end = addDays(start, length - 1);
    out.absences.push({
      id: seededUuid(random),
      absence_ref: `AB-${s.staff_ref}-${e + 1}`,
      staff_id: s.id,
      start_date: start,
      // An episode still running on the last day is ongoing (only for people in post).
      end_date: end >= lastDay && !s.end_date ? null : end > lastDay ? lastDay : end,
      reason,
    });
  }
}
