import type { MySupervisionSessionsQuery } from '../gql/graphql';
import { formatDate, type IsoDate } from '../shell/date-input';
import {
  ACTION_STATUS_LABELS,
  formatDuration,
  functionsText,
  SESSION_FORMAT_LABELS,
  SESSION_STATUS_LABELS,
  supervisorName,
} from '../supervision/labels';

/*
 * What My supervision shows, worked out from the practitioner's own sessions.
 * Nothing about anyone else: an agreed action owned by another attendee of a
 * group session is left out, and other attendees are never named.
 */

export type MySession = MySupervisionSessionsQuery['sessions']['nodes'][number];
export type MyAction = MySession['actions'][number];

/** A held session they attended and have not confirmed (nor has anyone else, for a group). */
export function awaitsConfirmation(session: Pick<MySession, 'status' | 'confirmedAt'>): boolean {
  return session.status === 'HELD' && !session.confirmedAt;
}

export const MY_SESSION_COLUMNS = [
  'Date',
  'Format',
  'Supervisor',
  'Status',
  'Length',
  'Functions served',
  'Confirmed',
] as const;

export function mySessionRow(session: MySession, confirmedOn: (at: string) => string): string[] {
  return [
    formatDate(session.date),
    SESSION_FORMAT_LABELS[session.format],
    supervisorName(session.supervisor),
    SESSION_STATUS_LABELS[session.status],
    formatDuration(session.durationMinutes),
    session.status === 'HELD' ? functionsText(session.functions) : '',
    session.status !== 'HELD'
      ? ''
      : session.confirmedAt
        ? `Confirmed ${confirmedOn(session.confirmedAt)}`
        : 'Not yet confirmed',
  ];
}

export interface MyActionRow {
  id: string;
  title: string;
  owner: string;
  due: string;
  status: string;
  sessionDate: string;
  open: boolean;
  dueIso: IsoDate | null;
}

export const MY_ACTION_COLUMNS = [
  'Action',
  'Owner',
  'Due',
  'Status',
  'Agreed in session on',
] as const;

/**
 * The agreed actions of their sessions that are theirs to see: their own, the
 * supervisor's, and those with no owner. Open first, then by due date (none
 * last), then newest session first.
 */
export function myActions(sessions: readonly MySession[], myStaffId: string | null): MyActionRow[] {
  const rows: MyActionRow[] = [];
  for (const session of sessions) {
    for (const action of session.actions) {
      const owner = action.ownerStaffMemberId;
      let ownerText: string;
      if (!owner) ownerText = 'No one in particular';
      else if (owner === myStaffId) ownerText = 'You';
      else if (owner === session.supervisor.staffMemberId) {
        ownerText = `${supervisorName(session.supervisor)} (supervisor)`;
      } else continue; // Another attendee's action: not theirs to see.
      rows.push({
        id: action.id,
        title: action.title,
        owner: ownerText,
        due: action.dueDate ? formatDate(action.dueDate) : 'No due date',
        status: ACTION_STATUS_LABELS[action.status],
        sessionDate: formatDate(session.date),
        open: action.status === 'OPEN',
        dueIso: action.dueDate ?? null,
      });
    }
  }
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        Number(b.row.open) - Number(a.row.open) ||
        (a.row.dueIso ?? '9999').localeCompare(b.row.dueIso ?? '9999') ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

export function myActionCells(row: MyActionRow): string[] {
  return [row.title, row.owner, row.due, row.status, row.sessionDate];
}
