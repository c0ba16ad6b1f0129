import { CombinedGraphQLErrors } from '@apollo/client';
import { isPlausibleEmail, SIGN_IN_MESSAGES, signInProblems, validateSignIn } from './sign-in-form';

const apiError = (code: string, extra: Record<string, unknown> = {}, message = 'Refused') =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions: { code, ...extra } }] });

describe('sign-in validation', () => {
  it('asks for both fields when both are empty', () => {
    expect(validateSignIn({ email: '', password: '' })).toEqual({
      email: SIGN_IN_MESSAGES.emailMissing,
      password: SIGN_IN_MESSAGES.passwordMissing,
    });
  });

  it('treats an email of spaces as empty', () => {
    expect(validateSignIn({ email: '   ', password: 'x' })).toEqual({
      email: SIGN_IN_MESSAGES.emailMissing,
    });
  });

  it.each(['ada', 'ada@', '@example.org', 'ada@example', 'ada @example.org', 'ada@example..org'])(
    'rejects the implausible email %p',
    (email) => {
      expect(isPlausibleEmail(email)).toBe(false);
      expect(validateSignIn({ email, password: 'x' })).toEqual({
        email: SIGN_IN_MESSAGES.emailFormat,
      });
    },
  );

  it.each(['ada@example.org', ' ada.lovelace+work@mail.example.co.uk ', 'a@b.c'])(
    'accepts the plausible email %p',
    (email) => {
      expect(validateSignIn({ email, password: 'x' })).toEqual({});
    },
  );

  it('does not judge the password beyond its presence', () => {
    expect(validateSignIn({ email: 'ada@example.org', password: ' ' })).toEqual({});
  });
});

describe('sign-in refusals', () => {
  it.each(['UNAUTHENTICATED', 'BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'])(
    'says the same thing for %s, whatever the server said',
    (code) => {
      const problems = signInProblems(apiError(code, {}, 'No user with that email'));
      expect(problems).toEqual({ fields: { email: SIGN_IN_MESSAGES.notRecognised } });
    },
  );

  it('explains rate limiting', () => {
    expect(signInProblems(apiError('TOO_MANY_REQUESTS'))).toEqual({
      fields: {},
      form: 'Too many attempts. Wait a few minutes and try again.',
    });
  });

  it('puts a field error from the server by its field', () => {
    const error = apiError('BAD_USER_INPUT', { field: 'password' }, 'Password is too long');
    expect(signInProblems(error)).toEqual({ fields: { password: 'Password is too long' } });
  });

  it('says the service has a problem when it is not a refusal', () => {
    expect(signInProblems(apiError('INTERNAL_SERVER_ERROR'))).toEqual({
      fields: {},
      form: SIGN_IN_MESSAGES.unavailable,
    });
    expect(signInProblems(new TypeError('Failed to fetch')).form).toBe(
      SIGN_IN_MESSAGES.unavailable,
    );
  });
});
