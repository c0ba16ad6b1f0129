/*
 * The audit log in plain words. The API records actions as `<entity>.<verb>`
 * (`staff.create`, `absence.read`) and record types by their type name
 * (`StaffMember`); the page shows "Added a member of staff", "Staff member".
 */

interface ActionWords {
  /** What happened to one record. */
  one: string;
  /** What happened when no single record was involved (a list was read). */
  list?: string;
}

/** Every action the API records today, in the order the filter lists them. */
export const ACTION_WORDS: Readonly<Record<string, ActionWords>> = {
  'staff.create': { one: 'Added a member of staff' },
  'staff.update': { one: 'Changed a member of staff’s details' },
  'staff.leave': { one: 'Recorded a leaver' },
  'staff.reinstate': { one: 'Reinstated a leaver' },
  'staff.erase': { one: 'Erased a leaver’s personal data' },
  'absence.read': {
    one: 'Looked at an absence record',
    list: 'Looked at a list of absence records',
  },
  'absence.open': { one: 'Recorded an absence' },
  'absence.close': { one: 'Recorded the end of an absence' },
  'absence.correct': { one: 'Corrected an absence' },
  'absence.delete': { one: 'Deleted an absence entered in error' },
  'agreement.create': { one: 'Set up a supervision agreement' },
  'agreement.update': { one: 'Changed a supervision agreement' },
  'agreement.review': { one: 'Recorded a review of a supervision agreement' },
  'agreement.end': { one: 'Ended a supervision agreement' },
  'session.schedule': { one: 'Scheduled a supervision session' },
  'session.record': { one: 'Recorded a supervision session that took place' },
  'session.markHeld': { one: 'Recorded that a scheduled session took place' },
  'session.cancel': { one: 'Cancelled a supervision session' },
  'session.markDidNotAttend': { one: 'Recorded that a session was not attended' },
  'session.confirm': { one: 'Confirmed a supervision session' },
  'action.add': { one: 'Added an agreed action' },
  'action.update': { one: 'Updated an agreed action' },
  'supervisor.create': { one: 'Added an external supervisor' },
  'supervisor.update': { one: 'Changed an external supervisor’s details' },
  'supervisor.designate': { one: 'Made a member of staff a supervisor' },
  'service.create': { one: 'Added a service' },
  'service.rename': { one: 'Renamed a service' },
  'settings.update': { one: 'Changed the organisation’s settings' },
  'member.invite': { one: 'Invited a member' },
  'member.role': { one: 'Changed a member’s role' },
  'member.remove': { one: 'Removed a member' },
  'invitation.renew': { one: 'Renewed an invitation link' },
  'invitation.accept': { one: 'Accepted an invitation and set a password' },
  'import.staff': { one: 'Imported staff from a CSV file' },
  'import.agreements': { one: 'Imported supervision agreements from a CSV file' },
  'import.sessions': { one: 'Imported supervision sessions from a CSV file' },
  'import.absences': { one: 'Imported absences from a CSV file' },
  'export.staff': { one: 'Exported staff as a CSV file' },
  'export.agreements': { one: 'Exported supervision agreements as a CSV file' },
  'export.sessions': { one: 'Exported supervision sessions as a CSV file' },
  'export.absences': { one: 'Exported absences as a CSV file' },
};

export const KNOWN_ACTIONS = Object.keys(ACTION_WORDS);

/** The kinds of record, as the API names them and as the page does. */
export const RECORD_TYPE_WORDS: Readonly<Record<string, string>> = {
  StaffMember: 'Staff member',
  AbsenceEpisode: 'Absence',
  SupervisionAgreement: 'Supervision agreement',
  SupervisionSession: 'Supervision session',
  AgreedAction: 'Agreed action',
  Supervisor: 'Supervisor',
  Service: 'Service',
  Organisation: 'Organisation settings',
  Membership: 'Membership',
  User: 'User account',
  Import: 'Import',
  Export: 'Export',
};

export const KNOWN_RECORD_TYPES = Object.keys(RECORD_TYPE_WORDS);

/** "markDidNotAttend" → "mark did not attend"; "agreed_action" → "agreed action". */
function words(identifier: string): string {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
}

function sentenceCase(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * An action in plain words. `entityId` null means no single record (a list was
 * read, or the whole organisation). An action this dashboard does not know yet
 * is still readable: "Staff: frobnicate".
 */
export function describeAction(action: string, entityId?: string | null): string {
  const known = ACTION_WORDS[action];
  if (known) return entityId === null && known.list ? known.list : known.one;
  const dot = action.indexOf('.');
  if (dot <= 0) return sentenceCase(words(action)) || 'Unknown action';
  return `${sentenceCase(words(action.slice(0, dot)))}: ${words(action.slice(dot + 1))}`;
}

/** The filter's label for an action: its one-record wording. */
export function actionOptionLabel(action: string): string {
  return describeAction(action);
}

/** A record type in plain words: "StaffMember" → "Staff member". */
export function describeRecordType(entityType: string): string {
  return RECORD_TYPE_WORDS[entityType] ?? (sentenceCase(words(entityType)) || 'Unknown');
}
