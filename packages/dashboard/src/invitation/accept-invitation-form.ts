import { formProblems, type FormProblems } from '../settings/api-problems';

/** The form's fields, in page order. Each is also the id of its input. */
export const ACCEPT_FIELDS = ['password', 'confirmPassword'] as const;
export type AcceptField = (typeof ACCEPT_FIELDS)[number];
export type AcceptValues = Record<AcceptField, string>;
export type AcceptFieldErrors = Partial<Record<AcceptField, string>>;

/** The API's limits (AcceptInvitationInput.password). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const ACCEPT_MESSAGES = {
  passwordMissing: 'Enter a password',
  passwordTooShort: `Password must be ${PASSWORD_MIN} characters or more`,
  passwordTooLong: `Password must be ${PASSWORD_MAX} characters or fewer`,
  confirmMissing: 'Confirm your password',
  confirmDifferent: 'Passwords do not match. Enter the same password twice',
  linkIncomplete:
    'This invitation link is not complete. Copy the whole link from the message you were sent, or ask your organisation admin for a new one.',
} as const;

/** Characters as a person counts them (an emoji is one), as the API counts them. */
function length(text: string): number {
  return [...text].length;
}

/** Checks made before anything is sent. Empty when the form may be sent. */
export function validateAccept(values: AcceptValues): AcceptFieldErrors {
  const errors: AcceptFieldErrors = {};
  const password = values.password;
  if (!password) errors.password = ACCEPT_MESSAGES.passwordMissing;
  else if (length(password) < PASSWORD_MIN) errors.password = ACCEPT_MESSAGES.passwordTooShort;
  else if (length(password) > PASSWORD_MAX) errors.password = ACCEPT_MESSAGES.passwordTooLong;
  if (!values.confirmPassword) errors.confirmPassword = ACCEPT_MESSAGES.confirmMissing;
  else if (password && values.confirmPassword !== password) {
    errors.confirmPassword = ACCEPT_MESSAGES.confirmDifferent;
  }
  return errors;
}

/**
 * What to tell the person when the API refuses: a password problem goes by the
 * password; a link that is unknown, used or expired (the same answer for each)
 * is a problem with the whole form, in the API's words.
 */
export function acceptProblems(error: unknown): FormProblems<AcceptField> {
  return formProblems<AcceptField>(error, (field) =>
    field === 'input.password' ? 'password' : undefined,
  );
}
