import { apiErrors } from '../app/errors';

/** The sign-in form's fields, in page order. Each is also the id of its input. */
export const SIGN_IN_FIELDS = ['email', 'password'] as const;
export type SignInField = (typeof SIGN_IN_FIELDS)[number];
export type SignInValues = Record<SignInField, string>;
export type SignInFieldErrors = Partial<Record<SignInField, string>>;

export const SIGN_IN_MESSAGES = {
  emailMissing: 'Enter your email address',
  emailFormat: 'Enter an email address in the correct format, like name@example.com',
  passwordMissing: 'Enter your password',
  // The same words whether or not the email address has an account.
  notRecognised: 'Email or password is not right',
  tooManyAttempts: 'Too many attempts. Wait a few minutes and try again.',
  unavailable: 'Sorry, there is a problem with the service. Try again later.',
} as const;

/** Something, an @, something, a dot, something; no spaces. The server decides the rest. */
const PLAUSIBLE_EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function isPlausibleEmail(value: string): boolean {
  return PLAUSIBLE_EMAIL.test(value.trim());
}

/** Checks made before anything is sent. Empty when the form may be sent. */
export function validateSignIn(values: SignInValues): SignInFieldErrors {
  const errors: SignInFieldErrors = {};
  const email = values.email.trim();
  if (!email) errors.email = SIGN_IN_MESSAGES.emailMissing;
  else if (!isPlausibleEmail(email)) errors.email = SIGN_IN_MESSAGES.emailFormat;
  if (!values.password) errors.password = SIGN_IN_MESSAGES.passwordMissing;
  return errors;
}

export interface SignInProblems {
  fields: SignInFieldErrors;
  /** A problem with the attempt as a whole, not with one field. */
  form?: string;
}

function isSignInField(field: string | undefined): field is SignInField {
  return (SIGN_IN_FIELDS as readonly (string | undefined)[]).includes(field);
}

/**
 * What to tell the user when the API refuses to sign them in. Wrong email and
 * wrong password read the same, so the page never reveals whether an account
 * exists.
 */
export function signInProblems(error: unknown): SignInProblems {
  const errors = apiErrors(error);
  if (errors.some((e) => e.code === 'TOO_MANY_REQUESTS')) {
    return { fields: {}, form: SIGN_IN_MESSAGES.tooManyAttempts };
  }
  const fieldErrors = errors.filter((e) => e.code === 'BAD_USER_INPUT' && isSignInField(e.field));
  if (fieldErrors.length > 0) {
    const fields: SignInFieldErrors = {};
    for (const e of fieldErrors) {
      const field = e.field as SignInField;
      fields[field] ??=
        e.message ||
        (field === 'email' ? SIGN_IN_MESSAGES.emailFormat : SIGN_IN_MESSAGES.passwordMissing);
    }
    return { fields };
  }
  const refused = errors.some((e) =>
    ['UNAUTHENTICATED', 'BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND'].includes(e.code),
  );
  if (refused) return { fields: { email: SIGN_IN_MESSAGES.notRecognised } };
  return { fields: {}, form: SIGN_IN_MESSAGES.unavailable };
}
