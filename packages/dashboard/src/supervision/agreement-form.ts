import type {
  CreateAgreementInput,
  EndAgreementInput,
  ReviewAgreementInput,
  SessionFormat,
  SupervisionInterval,
} from '../gql/graphql';
import { checkDateField, daysBetween, formatDate, type IsoDate } from '../shell/date-input';
import type { FieldErrors } from '../people/form-problems';
import { SESSION_FORMATS, SUPERVISION_INTERVALS } from './labels';
import { checkMinutes, MAX_REFERENCE, type Checked } from './session-form';

/*
 * The agreement forms' checks, mirroring the API's (packages/api/src/
 * supervision/agreement.input.ts and agreement.service.ts); the API checks
 * again, and its errors are mapped onto the same fields.
 */

// ---- Set up an agreement ----

export interface AgreementFormValues {
  staffMemberId: string;
  supervisorId: string;
  interval: SupervisionInterval | '';
  sessionMinutes: string;
  startDate: string;
  reviewDueDate: string;
  /** None ticked: the organisation's counted formats apply. */
  countedFormats: SessionFormat[];
  agreementRef: string;
}

export const EMPTY_AGREEMENT_FORM: AgreementFormValues = {
  staffMemberId: '',
  supervisorId: '',
  interval: '',
  sessionMinutes: '',
  startDate: '',
  reviewDueDate: '',
  countedFormats: [],
  agreementRef: '',
};

export const AGREEMENT_FORM_FIELDS = [
  'staffMemberId',
  'supervisorId',
  'interval',
  'sessionMinutes',
  'startDate',
  'reviewDueDate',
  'countedFormats',
  'agreementRef',
] as const;
export type AgreementFormField = (typeof AGREEMENT_FORM_FIELDS)[number];

export function validateAgreementForm(
  values: AgreementFormValues,
  /** The chosen supervisor's staff record, when internal: nobody supervises themselves. */
  supervisorStaffMemberId?: string | null,
): Checked<CreateAgreementInput, AgreementFormField> {
  const errors: FieldErrors<AgreementFormField> = {};
  if (!values.staffMemberId) errors.staffMemberId = 'Select the supervisee';
  if (!values.supervisorId) errors.supervisorId = 'Select the supervisor';
  else if (supervisorStaffMemberId && supervisorStaffMemberId === values.staffMemberId) {
    errors.supervisorId = 'A person cannot supervise themselves: choose another supervisor';
  }
  const interval = SUPERVISION_INTERVALS.find((i) => i === values.interval);
  if (!interval) errors.interval = 'Select how often they should have supervision';

  const minutes = checkMinutes(values.sessionMinutes, 'The expected session length', {
    required: false,
  });
  if (minutes.error) errors.sessionMinutes = minutes.error;

  const start = checkDateField(values.startDate, 'start date');
  if (start.error) errors.startDate = start.error;
  const review = checkDateField(values.reviewDueDate, 'review due date', { required: false });
  if (review.error) errors.reviewDueDate = review.error;
  else if (review.iso && start.iso && review.iso < start.iso) {
    errors.reviewDueDate = 'The review due date must be on or after the start date';
  }

  const reference = values.agreementRef.trim();
  if (reference.length > MAX_REFERENCE) {
    errors.agreementRef = `The agreement reference must be ${MAX_REFERENCE} characters or fewer`;
  }

  if (Object.keys(errors).length > 0 || !interval || !start.iso) return { ok: false, errors };
  const formats = SESSION_FORMATS.filter((f) => values.countedFormats.includes(f));
  return {
    ok: true,
    input: {
      staffMemberId: values.staffMemberId,
      supervisorId: values.supervisorId,
      interval,
      startDate: start.iso,
      ...(minutes.value !== null ? { sessionMinutes: minutes.value } : {}),
      ...(review.iso ? { reviewDueDate: review.iso } : {}),
      ...(formats.length > 0 ? { countedFormats: formats } : {}),
      ...(reference ? { agreementRef: reference } : {}),
    },
  };
}

// ---- Review an agreement ----

export interface ReviewFormValues {
  reviewedOn: string;
  nextReviewDueDate: string;
}

export const REVIEW_FORM_FIELDS = ['reviewedOn', 'nextReviewDueDate'] as const;
export type ReviewFormField = (typeof REVIEW_FORM_FIELDS)[number];

export interface AgreementDates {
  startDate: IsoDate;
  endDate?: IsoDate | null;
}

export function validateReviewForm(
  values: ReviewFormValues,
  agreement: AgreementDates,
  today: IsoDate,
): Checked<ReviewAgreementInput, ReviewFormField> {
  const errors: FieldErrors<ReviewFormField> = {};
  const reviewed = checkDateField(values.reviewedOn, 'date of the review');
  if (reviewed.error) errors.reviewedOn = reviewed.error;
  else if (reviewed.iso && reviewed.iso > today) {
    errors.reviewedOn = 'The date of the review must be today or in the past';
  } else if (reviewed.iso && reviewed.iso < agreement.startDate) {
    errors.reviewedOn = `The date of the review must be on or after the agreement started, ${formatDate(agreement.startDate)}`;
  } else if (reviewed.iso && agreement.endDate && reviewed.iso > agreement.endDate) {
    errors.reviewedOn = `The date of the review must be on or before the agreement ended, ${formatDate(agreement.endDate)}`;
  }
  const next = checkDateField(values.nextReviewDueDate, 'date the next review is due');
  if (next.error) errors.nextReviewDueDate = next.error;
  else if (next.iso && reviewed.iso && !errors.reviewedOn && next.iso <= reviewed.iso) {
    errors.nextReviewDueDate = 'The next review must be due after the date of this review';
  }
  if (Object.keys(errors).length > 0 || !reviewed.iso || !next.iso) return { ok: false, errors };
  return { ok: true, input: { reviewedOn: reviewed.iso, nextReviewDueDate: next.iso } };
}

// ---- End an agreement ----

export interface EndFormValues {
  endDate: string;
}

export const END_FORM_FIELDS = ['endDate'] as const;
export type EndFormField = (typeof END_FORM_FIELDS)[number];

export function validateEndForm(
  values: EndFormValues,
  agreement: AgreementDates,
): Checked<EndAgreementInput, EndFormField> {
  const end = checkDateField(values.endDate, 'last day of the agreement');
  if (end.error || !end.iso) return { ok: false, errors: { endDate: end.error } };
  if (end.iso < agreement.startDate) {
    return {
      ok: false,
      errors: {
        endDate: `The last day of the agreement must be on or after it started, ${formatDate(agreement.startDate)}`,
      },
    };
  }
  return { ok: true, input: { endDate: end.iso } };
}

// ---- Review state, for lists ----

export type ReviewState =
  | { kind: 'none' }
  | { kind: 'due'; since: IsoDate; days: number }
  | { kind: 'upcoming'; on: IsoDate };

/**
 * Whether an agreement is due for review today: active, with a review due
 * date before today (the API's `reviewOverdueOn` filter, the same rule).
 */
export function reviewState(
  agreement: { active: boolean; reviewDueDate?: IsoDate | null },
  today: IsoDate,
): ReviewState {
  if (!agreement.reviewDueDate) return { kind: 'none' };
  if (agreement.active && agreement.reviewDueDate < today) {
    return {
      kind: 'due',
      since: agreement.reviewDueDate,
      days: daysBetween(agreement.reviewDueDate, today),
    };
  }
  return { kind: 'upcoming', on: agreement.reviewDueDate };
}
