/**
 * Builders for hand-written metric tests: each record gets sensible defaults that a test
 * overrides where it matters. Test support only; not exported from the package index.
 */
import { DEFAULT_ORG_SETTINGS } from '../records';
import type {
  AbsenceRecord,
  AgreementRecord,
  OrgData,
  OrgSettings,
  SessionRecord,
  StaffRecord,
} from '../records';

/** A full-time staff member in service 'svc-a', in post from 2020-01-01, needing supervision. */
export function makeStaff(id: string, overrides: Partial<StaffRecord> = {}): StaffRecord {
  return {
    id,
    serviceId: 'svc-a',
    practitionerType: 'COUNSELLOR',
    fte: 1,
    startDate: '2020-01-01',
    endDate: null,
    leavingReason: null,
    requiresSupervision: true,
    ...overrides,
  };
}

/** An open MONTHLY agreement from 2020-01-01 using the organisation's counted formats. */
export function makeAgreement(
  id: string,
  staffId: string,
  overrides: Partial<AgreementRecord> = {},
): AgreementRecord {
  return {
    id,
    staffId,
    interval: 'MONTHLY',
    startDate: '2020-01-01',
    endDate: null,
    reviewDueDate: null,
    countedFormats: null,
    ...overrides,
  };
}

/** A HELD one-to-one session of 60 minutes. */
export function makeSession(
  id: string,
  date: string,
  attendeeIds: string[],
  overrides: Partial<SessionRecord> = {},
): SessionRecord {
  return {
    id,
    date,
    durationMinutes: 60,
    format: 'ONE_TO_ONE',
    status: 'HELD',
    attendeeIds,
    functions: [],
    ...overrides,
  };
}

export function makeAbsence(
  id: string,
  staffId: string,
  startDate: string,
  endDate: string | null,
  reason: AbsenceRecord['reason'] = 'OTHER',
): AbsenceRecord {
  return { id, staffId, startDate, endDate, reason };
}

/** An organisation with the default settings (overridable) and the given records. */
export function makeOrg(
  records: Partial<Omit<OrgData, 'settings'>> & { settings?: Partial<OrgSettings> } = {},
): OrgData {
  return {
    settings: { ...DEFAULT_ORG_SETTINGS, ...records.settings },
    staff: records.staff ?? [],
    agreements: records.agreements ?? [],
    sessions: records.sessions ?? [],
    absences: records.absences ?? [],
  };
}
