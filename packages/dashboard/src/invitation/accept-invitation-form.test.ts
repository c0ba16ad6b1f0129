import { CombinedGraphQLErrors } from '@apollo/client';
import { ACCEPT_MESSAGES as M, acceptProblems, validateAccept } from './accept-invitation-form';

describe('validateAccept', () => {
  it('accepts a password of 12 or more characters, typed twice', () => {
    expect(validateAccept({ password: 'a'.repeat(12), confirmPassword: 'a'.repeat(12) })).toEqual(
      {},
    );
  });

  it('asks for both fields', () => {
    expect(validateAccept({ password: '', confirmPassword: '' })).toEqual({
      password: M.passwordMissing,
      confirmPassword: M.confirmMissing,
    });
  });

  it('needs at least 12 characters, counting as people do', () => {
    expect(validateAccept({ password: 'a'.repeat(11), confirmPassword: 'a'.repeat(11) })).toEqual({
      password: M.passwordTooShort,
    });
    // Six emoji are six characters (twelve UTF-16 code units).
    const emoji = '🙂'.repeat(6);
    expect(validateAccept({ password: emoji, confirmPassword: emoji }).password).toBe(
      M.passwordTooShort,
    );
  });

  it('allows at most 256 characters', () => {
    const long = 'a'.repeat(257);
    expect(validateAccept({ password: long, confirmPassword: long })).toEqual({
      password: M.passwordTooLong,
    });
  });

  it('needs the same password twice', () => {
    expect(
      validateAccept({ password: 'correct horse battery', confirmPassword: 'correct horse' }),
    ).toEqual({ confirmPassword: M.confirmDifferent });
  });
});

describe('acceptProblems', () => {
  it('shows an unusable link for the whole form, in the API’s words', () => {
    const message =
      'This invitation link is not valid or has expired. Ask your organisation admin for a new one.';
    const error = new CombinedGraphQLErrors({
      errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field: 'input.token' } }],
    });
    expect(acceptProblems(error)).toEqual({ fields: {}, form: [message] });
  });

  it('puts a password the API refuses by the password', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'input.password: Choose a password of at least 12 characters.',
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'input.password',
            problems: [
              { field: 'input.password', message: 'Choose a password of at least 12 characters.' },
            ],
          },
        },
      ],
    });
    expect(acceptProblems(error)).toEqual({
      fields: { password: 'Choose a password of at least 12 characters.' },
      form: [],
    });
  });

  it('explains rate limiting', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Slow down', extensions: { code: 'TOO_MANY_REQUESTS' } }],
    });
    expect(acceptProblems(error).form).toEqual([
      'Too many attempts. Wait a few minutes and try again.',
    ]);
  });
});
