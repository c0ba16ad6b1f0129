import {
  canChangeSession,
  canLogSessions,
  canManageAgreements,
  canSeeSupervisionRecords,
  sessionChanges,
  viewerSupervisor,
} from './permissions';
import { formatDuration, functionsText } from './labels';

const SUPERVISORS = [
  { id: 'sv-1', kind: 'INTERNAL' as const, name: 'Carys Evans' },
  { id: 'sv-2', kind: 'EXTERNAL' as const, name: 'Dev Patel' },
  { id: 'sv-3', kind: 'INTERNAL' as const, name: 'Sam Lee' },
  { id: 'sv-4', kind: 'INTERNAL' as const, name: 'sam lee' },
];

describe('who may do what', () => {
  test('records are for admins, managers and supervisors; agreements change by admins and managers', () => {
    expect(
      ['ORG_ADMIN', 'SERVICE_MANAGER', 'SUPERVISOR'].every((r) =>
        canSeeSupervisionRecords(r as never),
      ),
    ).toBe(true);
    expect(canSeeSupervisionRecords('ANALYST')).toBe(false);
    expect(canSeeSupervisionRecords('PRACTITIONER')).toBe(false);
    expect(canManageAgreements('SUPERVISOR')).toBe(false);
    expect(canManageAgreements('SERVICE_MANAGER')).toBe(true);
    expect(canLogSessions('SUPERVISOR')).toBe(true);
    expect(canLogSessions('ANALYST')).toBe(false);
  });

  test('a supervisor’s own record is the one internal supervisor with their name', () => {
    expect(viewerSupervisor('SUPERVISOR', SUPERVISORS, ' carys evans ')?.id).toBe('sv-1');
    // External supervisors are not staff; two with one name cannot be told apart.
    expect(viewerSupervisor('SUPERVISOR', SUPERVISORS, 'Dev Patel')).toBeNull();
    expect(viewerSupervisor('SUPERVISOR', SUPERVISORS, 'Sam Lee')).toBeNull();
    expect(viewerSupervisor('ORG_ADMIN', SUPERVISORS, 'Carys Evans')).toBeNull();
  });

  test('a supervisor changes the sessions they supervise; admins and managers any', () => {
    const session = { supervisor: { id: 'sv-1' } };
    expect(canChangeSession('SUPERVISOR', session, 'sv-1')).toBe(true);
    expect(canChangeSession('SUPERVISOR', session, 'sv-3')).toBe(false);
    expect(canChangeSession('SUPERVISOR', session, null)).toBe(true);
    expect(canChangeSession('ORG_ADMIN', session, null)).toBe(true);
    expect(canChangeSession('ANALYST', session, null)).toBe(false);
  });

  test('what a session’s status allows', () => {
    const today = '2026-03-27';
    expect(sessionChanges({ status: 'SCHEDULED', date: '2026-03-27' }, today)).toEqual({
      markHeld: true,
      cancel: true,
      didNotAttend: true,
      addAction: false,
    });
    expect(sessionChanges({ status: 'SCHEDULED', date: '2026-03-28' }, today).didNotAttend).toBe(
      false,
    );
    expect(sessionChanges({ status: 'HELD', date: '2026-03-01' }, today)).toEqual({
      markHeld: false,
      cancel: false,
      didNotAttend: false,
      addAction: true,
    });
    expect(
      Object.values(sessionChanges({ status: 'CANCELLED', date: '2026-03-01' }, today)),
    ).toEqual([false, false, false, false]);
  });
});

describe('words', () => {
  test('durations', () => {
    expect(formatDuration(1)).toBe('1 minute');
    expect(formatDuration(90)).toBe('90 minutes');
  });

  test('functions in their usual order', () => {
    expect(functionsText(['RESTORATIVE', 'NORMATIVE'])).toBe('Normative, Restorative');
    expect(functionsText([])).toBe('None recorded');
  });
});
