import fs from 'node:fs';
import path from 'node:path';
import {
  ACTION_WORDS,
  describeAction,
  describeRecordType,
  KNOWN_ACTIONS,
  KNOWN_RECORD_TYPES,
} from './audit-actions';

describe('describeAction', () => {
  it.each([
    ['staff.create', 'a1', 'Added a member of staff'],
    ['staff.erase', 'a1', 'Erased a leaver’s personal data'],
    ['absence.read', 'a1', 'Looked at an absence record'],
    ['absence.read', null, 'Looked at a list of absence records'],
    ['settings.update', 'org', 'Changed the organisation’s settings'],
    ['member.invite', 'm1', 'Invited a member'],
    ['member.role', 'm1', 'Changed a member’s role'],
    ['member.remove', 'm1', 'Removed a member'],
    ['invitation.renew', 'm1', 'Renewed an invitation link'],
    ['invitation.accept', 'u1', 'Accepted an invitation and set a password'],
    ['session.markDidNotAttend', 's1', 'Recorded that a session was not attended'],
    ['import.staff', null, 'Imported staff from a CSV file'],
    ['export.absences', null, 'Exported absences as a CSV file'],
  ])('%s (record %p) reads “%s”', (action, entityId, words) => {
    expect(describeAction(action, entityId)).toBe(words);
  });

  it('uses the one-record wording when there is no list wording', () => {
    expect(describeAction('member.remove', null)).toBe('Removed a member');
  });

  it('still reads an action it does not know', () => {
    expect(describeAction('sharing.revokeAll', 'x')).toBe('Sharing: revoke all');
    expect(describeAction('agreed_action.snooze')).toBe('Agreed action: snooze');
    expect(describeAction('reindex')).toBe('Reindex');
    expect(describeAction('')).toBe('Unknown action');
  });

  it('never blames or shames a worker', () => {
    for (const action of KNOWN_ACTIONS) {
      const words = `${ACTION_WORDS[action]?.one} ${ACTION_WORDS[action]?.list ?? ''}`;
      expect(words).not.toMatch(/fail|missed|bad|poor|absent without/i);
    }
  });

  it('knows every action the API records', () => {
    // Every `recordAudit(ctx, '<action>', …)` in the API's source, and the import and
    // export actions it builds from the import kinds.
    const apiSource = path.resolve(__dirname, '../../../api/src');
    const recorded = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts') && !file.endsWith('.test.ts')) {
          const text = fs.readFileSync(file, 'utf8');
          for (const match of text.matchAll(/recordAudit\([^,]+,\s*'([a-zA-Z]+\.[a-zA-Z]+)'/g)) {
            recorded.add(match[1] as string);
          }
          for (const match of text.matchAll(/'session\.(record|schedule)'/g)) {
            recorded.add(`session.${match[1]}`);
          }
        }
      }
    };
    walk(apiSource);
    for (const kind of ['staff', 'agreements', 'sessions', 'absences']) {
      recorded.add(`import.${kind}`);
      recorded.add(`export.${kind}`);
    }
    expect(recorded.size).toBeGreaterThan(20);
    const unknown = [...recorded].filter((action) => !KNOWN_ACTIONS.includes(action));
    expect(unknown).toEqual([]);
  });
});

describe('describeRecordType', () => {
  it.each([
    ['StaffMember', 'Staff member'],
    ['AbsenceEpisode', 'Absence'],
    ['Membership', 'Membership'],
    ['User', 'User account'],
    ['Organisation', 'Organisation settings'],
    ['SharingAgreement', 'Sharing agreement'],
  ])('%s reads “%s”', (type, words) => {
    expect(describeRecordType(type)).toBe(words);
  });

  it('lists each record type once', () => {
    expect(new Set(KNOWN_RECORD_TYPES).size).toBe(KNOWN_RECORD_TYPES.length);
  });
});
