import {
  EMPTY_AGREEMENT_FORM,
  reviewState,
  validateAgreementForm,
  validateEndForm,
  validateReviewForm,
  type AgreementFormValues,
} from './agreement-form';

const TODAY = '2026-03-27';

const VALID: AgreementFormValues = {
  ...EMPTY_AGREEMENT_FORM,
  staffMemberId: 'staff-1',
  supervisorId: 'sup-1',
  interval: 'MONTHLY',
  startDate: '1/4/2026',
};

describe('setting up an agreement', () => {
  test('the least it needs: supervisee, supervisor, interval and start', () => {
    expect(validateAgreementForm(VALID)).toEqual({
      ok: true,
      input: {
        staffMemberId: 'staff-1',
        supervisorId: 'sup-1',
        interval: 'MONTHLY',
        startDate: '2026-04-01',
      },
    });
  });

  test('everything, counted formats in their usual order', () => {
    expect(
      validateAgreementForm({
        ...VALID,
        sessionMinutes: '90',
        reviewDueDate: '1/4/2027',
        countedFormats: ['GROUP', 'ONE_TO_ONE'],
        agreementRef: ' AG-1 ',
      }),
    ).toEqual({
      ok: true,
      input: {
        staffMemberId: 'staff-1',
        supervisorId: 'sup-1',
        interval: 'MONTHLY',
        startDate: '2026-04-01',
        sessionMinutes: 90,
        reviewDueDate: '2027-04-01',
        countedFormats: ['ONE_TO_ONE', 'GROUP'],
        agreementRef: 'AG-1',
      },
    });
  });

  test('an empty form names every required field', () => {
    expect(validateAgreementForm(EMPTY_AGREEMENT_FORM)).toEqual({
      ok: false,
      errors: {
        staffMemberId: 'Select the supervisee',
        supervisorId: 'Select the supervisor',
        interval: 'Select how often they should have supervision',
        startDate: 'Enter the start date',
      },
    });
  });

  test('nobody supervises themselves', () => {
    const result = validateAgreementForm(VALID, 'staff-1');
    expect(result.ok ? undefined : result.errors.supervisorId).toBe(
      'A person cannot supervise themselves: choose another supervisor',
    );
  });

  test('the review is due on or after the start; lengths are 1 to 480 minutes', () => {
    const result = validateAgreementForm({
      ...VALID,
      reviewDueDate: '31/3/2026',
      sessionMinutes: '500',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        reviewDueDate: 'The review due date must be on or after the start date',
        sessionMinutes: 'The expected session length must be 480 minutes (8 hours) or less',
      },
    });
  });
});

describe('reviewing an agreement', () => {
  const agreement = { startDate: '2025-04-01', endDate: null };

  test('reviewed on a past day, next review due after it', () => {
    expect(
      validateReviewForm(
        { reviewedOn: '27/3/2026', nextReviewDueDate: '27/3/2027' },
        agreement,
        TODAY,
      ),
    ).toEqual({ ok: true, input: { reviewedOn: '2026-03-27', nextReviewDueDate: '2027-03-27' } });
  });

  test('not in the future, not before the start, and the next one after this one', () => {
    const future = validateReviewForm(
      { reviewedOn: '28/3/2026', nextReviewDueDate: '1/1/2027' },
      agreement,
      TODAY,
    );
    expect(future.ok ? undefined : future.errors).toEqual({
      reviewedOn: 'The date of the review must be today or in the past',
    });
    const early = validateReviewForm(
      { reviewedOn: '31/3/2025', nextReviewDueDate: '1/1/2027' },
      agreement,
      TODAY,
    );
    expect(early.ok ? undefined : early.errors.reviewedOn).toBe(
      'The date of the review must be on or after the agreement started, 1 April 2025',
    );
    const same = validateReviewForm(
      { reviewedOn: '1/3/2026', nextReviewDueDate: '1/3/2026' },
      agreement,
      TODAY,
    );
    expect(same.ok ? undefined : same.errors).toEqual({
      nextReviewDueDate: 'The next review must be due after the date of this review',
    });
  });

  test('not after an ended agreement’s last day; both dates required', () => {
    const ended = validateReviewForm(
      { reviewedOn: '1/3/2026', nextReviewDueDate: '1/3/2027' },
      { startDate: '2025-04-01', endDate: '2026-02-28' },
      TODAY,
    );
    expect(ended.ok ? undefined : ended.errors.reviewedOn).toBe(
      'The date of the review must be on or before the agreement ended, 28 February 2026',
    );
    expect(validateReviewForm({ reviewedOn: '', nextReviewDueDate: '' }, agreement, TODAY)).toEqual(
      {
        ok: false,
        errors: {
          reviewedOn: 'Enter the date of the review',
          nextReviewDueDate: 'Enter the date the next review is due',
        },
      },
    );
  });
});

describe('ending an agreement', () => {
  test('on or after the day it started', () => {
    const agreement = { startDate: '2025-04-01' };
    expect(validateEndForm({ endDate: '1/4/2025' }, agreement)).toEqual({
      ok: true,
      input: { endDate: '2025-04-01' },
    });
    expect(validateEndForm({ endDate: '31/3/2025' }, agreement)).toEqual({
      ok: false,
      errors: {
        endDate: 'The last day of the agreement must be on or after it started, 1 April 2025',
      },
    });
    expect(validateEndForm({ endDate: '' }, agreement)).toEqual({
      ok: false,
      errors: { endDate: 'Enter the last day of the agreement' },
    });
  });
});

describe('due for review', () => {
  test('an active agreement whose review date has passed (the API’s reviewOverdueOn rule)', () => {
    expect(reviewState({ active: true, reviewDueDate: '2026-03-15' }, TODAY)).toEqual({
      kind: 'due',
      since: '2026-03-15',
      days: 12,
    });
    expect(reviewState({ active: true, reviewDueDate: TODAY }, TODAY)).toEqual({
      kind: 'upcoming',
      on: TODAY,
    });
    expect(reviewState({ active: false, reviewDueDate: '2026-03-15' }, TODAY).kind).toBe(
      'upcoming',
    );
    expect(reviewState({ active: true, reviewDueDate: null }, TODAY)).toEqual({ kind: 'none' });
  });
});
