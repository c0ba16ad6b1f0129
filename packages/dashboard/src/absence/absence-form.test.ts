import {
  ABSENCE_MESSAGES,
  EMPTY_ABSENCE_FORM,
  validateCloseAbsence,
  validateCorrectAbsence,
  validateRecordAbsence,
} from './absence-form';

const TODAY = '2026-11-22';
const person = { startDate: '2024-02-22', endDate: null };

describe('validateRecordAbsence', () => {
  const good = {
    staffMemberId: 'p1',
    startDate: '19/11/2026',
    endDate: '',
    reason: 'MINOR_ILLNESS',
    absenceRef: ' ',
  };

  it('gives the API input for an ongoing absence (no end date, no reference)', () => {
    expect(validateRecordAbsence(good, person, TODAY)).toEqual({
      ok: true,
      input: { staffMemberId: 'p1', startDate: '2026-11-19', reason: 'MINOR_ILLNESS' },
    });
  });

  it('includes the last day and reference when given', () => {
    expect(
      validateRecordAbsence({ ...good, endDate: '21/11/2026', absenceRef: 'AB-1' }, person, TODAY),
    ).toEqual({
      ok: true,
      input: {
        staffMemberId: 'p1',
        startDate: '2026-11-19',
        endDate: '2026-11-21',
        reason: 'MINOR_ILLNESS',
        absenceRef: 'AB-1',
      },
    });
  });

  it('asks for a person, a first day and a reason, in page order', () => {
    const result = validateRecordAbsence(EMPTY_ABSENCE_FORM, undefined, TODAY);
    expect(result.ok ? null : Object.entries(result.errors)).toEqual([
      ['staffMemberId', ABSENCE_MESSAGES.person],
      ['startDate', 'Enter the first day absent'],
      ['reason', ABSENCE_MESSAGES.reason],
    ]);
  });

  it('refuses a last day before the first', () => {
    const result = validateRecordAbsence({ ...good, endDate: '18/11/2026' }, person, TODAY);
    expect(result.ok ? null : result.errors).toEqual({ endDate: ABSENCE_MESSAGES.endBeforeStart });
    // One day is fine.
    expect(validateRecordAbsence({ ...good, endDate: '19/11/2026' }, person, TODAY).ok).toBe(true);
  });

  it('keeps the absence within their employment', () => {
    const before = validateRecordAbsence({ ...good, startDate: '1/2/2024' }, person, TODAY);
    expect(before.ok ? null : before.errors.startDate).toBe(
      'The first day absent must be on or after their start date (22 February 2024)',
    );
    const leaver = { startDate: '2024-02-22', endDate: '2026-06-30' };
    const after = validateRecordAbsence({ ...good, startDate: '1/7/2026' }, leaver, TODAY);
    expect(after.ok ? null : after.errors.startDate).toBe(
      'The first day absent must be on or before their last day of employment (30 June 2026)',
    );
  });

  it('refuses dates more than a year ahead, as the API does', () => {
    const start = validateRecordAbsence({ ...good, startDate: '23/11/2027' }, person, TODAY);
    expect(start.ok ? null : start.errors.startDate).toBe(ABSENCE_MESSAGES.startTooLate);
    const end = validateRecordAbsence({ ...good, endDate: '23/11/2027' }, person, TODAY);
    expect(end.ok ? null : end.errors.endDate).toBe(ABSENCE_MESSAGES.endTooLate);
    expect(validateRecordAbsence({ ...good, endDate: '22/11/2027' }, person, TODAY).ok).toBe(true);
  });

  it('refuses a reason that is not a category, and a long reference', () => {
    const result = validateRecordAbsence(
      { ...good, reason: 'flu', absenceRef: 'x'.repeat(65) },
      person,
      TODAY,
    );
    expect(result.ok ? null : result.errors).toEqual({
      reason: ABSENCE_MESSAGES.reason,
      absenceRef: ABSENCE_MESSAGES.refTooLong,
    });
  });
});

describe('validateCorrectAbsence', () => {
  it('sends every field; an empty last day reopens, an empty reference clears', () => {
    expect(
      validateCorrectAbsence(
        { startDate: '19/11/2026', endDate: '', reason: 'INJURY', absenceRef: '' },
        person,
        TODAY,
      ),
    ).toEqual({
      ok: true,
      input: { startDate: '2026-11-19', endDate: null, reason: 'INJURY', absenceRef: null },
    });
  });
});

describe('validateCloseAbsence', () => {
  it('needs a real last day on or after the first', () => {
    expect(validateCloseAbsence('21/11/2026', '2026-11-19', TODAY)).toEqual({
      ok: true,
      input: { endDate: '2026-11-21' },
    });
    expect(validateCloseAbsence('', '2026-11-19', TODAY)).toEqual({
      ok: false,
      errors: { endDate: 'Enter the last day absent' },
    });
    expect(validateCloseAbsence('18/11/2026', '2026-11-19', TODAY)).toEqual({
      ok: false,
      errors: {
        endDate: 'The last day absent must be on or after the first day absent (19 November 2026)',
      },
    });
    expect(validateCloseAbsence('30/2/2026', '2026-11-19', TODAY)).toEqual({
      ok: false,
      errors: { endDate: 'The last day absent must be a real date' },
    });
  });
});
