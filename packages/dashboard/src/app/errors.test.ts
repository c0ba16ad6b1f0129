import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { apiErrors, describeError, hasErrorCode, primaryErrorCode } from './errors';

function graphQLErrors(...errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ data: null, errors });
}

function serverError(status: number, body: string) {
  return new ServerError('Response not successful', {
    response: { status } as Response,
    bodyText: body,
  });
}

describe('API errors', () => {
  it('reads code and field from GraphQL errors', () => {
    const error = graphQLErrors({
      message: 'Enter a valid email address',
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
    expect(apiErrors(error)).toEqual([
      { code: 'BAD_USER_INPUT', message: 'Enter a valid email address', field: 'email' },
    ]);
    expect(hasErrorCode(error, 'BAD_USER_INPUT')).toBe(true);
    expect(primaryErrorCode(error)).toBe('BAD_USER_INPUT');
  });

  it('treats a missing or unknown code as an internal error', () => {
    const error = graphQLErrors(
      { message: 'x' },
      { message: 'y', extensions: { code: 'WHATEVER' } },
    );
    expect(apiErrors(error).map((e) => e.code)).toEqual([
      'INTERNAL_SERVER_ERROR',
      'INTERNAL_SERVER_ERROR',
    ]);
  });

  it('reads GraphQL errors from a non-2xx JSON body', () => {
    const body = JSON.stringify({
      errors: [{ message: 'Slow down', extensions: { code: 'TOO_MANY_REQUESTS' } }],
    });
    expect(primaryErrorCode(serverError(429, body))).toBe('TOO_MANY_REQUESTS');
  });

  it.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [429, 'TOO_MANY_REQUESTS'],
    [503, 'SERVICE_UNAVAILABLE'],
    [502, 'INTERNAL_SERVER_ERROR'],
  ])('falls back on the HTTP status %i', (status, code) => {
    expect(primaryErrorCode(serverError(status, '<html>Bad gateway</html>'))).toBe(code);
  });

  it('calls anything else a network problem', () => {
    expect(primaryErrorCode(new TypeError('Failed to fetch'))).toBe('NETWORK');
    expect(primaryErrorCode(undefined)).toBeUndefined();
    expect(describeError(new TypeError('Failed to fetch')).title).toBe(
      'We could not reach Holdspace',
    );
  });

  it('says why the service could not answer when the server says, and what to do', () => {
    const tooLong = 'This took too long to answer and was stopped. Please try again.';
    expect(
      describeError(
        serverError(
          503,
          JSON.stringify({
            errors: [{ message: tooLong, extensions: { code: 'SERVICE_UNAVAILABLE' } }],
          }),
        ),
      ),
    ).toEqual({ title: 'Holdspace is not available right now', message: tooLong });
    expect(describeError(serverError(503, '<html>Service Unavailable</html>'))).toEqual({
      title: 'Holdspace is not available right now',
      message: 'Try again in a few minutes.',
    });
  });

  it('never shows an internal message to the user', () => {
    const described = describeError(
      graphQLErrors({
        message: 'relation "staff" does not exist',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      }),
    );
    expect(JSON.stringify(described)).not.toContain('relation');
  });
});
