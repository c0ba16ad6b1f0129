import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { hasErrorCode } from './errors';
import { getOrganisationId } from './organisation';

/** The header that names the organisation a request acts in. */
export const ORGANISATION_HEADER = 'X-Holdspace-Org';

/** Operations whose UNAUTHENTICATED answer is handled by the page that sent them. */
const HANDLES_OWN_SIGN_IN = new Set(['SignIn', 'SignOut']);

/** Adds `X-Holdspace-Org` with the chosen organisation to every request that acts in one. */
export function createOrganisationLink(
  organisationId: () => string | null = getOrganisationId,
): ApolloLink {
  return new SetContextLink((prevContext) => {
    const id = organisationId();
    if (!id || prevContext.skipOrganisation) return {};
    return { headers: { ...prevContext.headers, [ORGANISATION_HEADER]: id } };
  });
}

/** Calls `onUnauthenticated` when the API says the session has ended or never existed. */
export function createAuthErrorLink(onUnauthenticated: () => void): ApolloLink {
  return new ErrorLink(({ error, operation }) => {
    if (HANDLES_OWN_SIGN_IN.has(operation.operationName ?? '')) return;
    if (hasErrorCode(error, 'UNAUTHENTICATED')) onUnauthenticated();
  });
}

export interface CreateApolloClientOptions {
  /** Called on UNAUTHENTICATED: the app sends the user to the sign-in page. */
  onUnauthenticated: () => void;
  organisationId?: () => string | null;
  /** For tests: the fetch to send requests with. */
  fetch?: typeof fetch;
}

/**
 * The Apollo Client for the dashboard. The session is an HttpOnly, SameSite
 * cookie that the API sets when signing in; requests go to the same origin with
 * credentials, and the dashboard never handles a token.
 */
export function createApolloClient(options: CreateApolloClientOptions): ApolloClient {
  const http = new HttpLink({
    uri: '/graphql',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return new ApolloClient({
    link: ApolloLink.from([
      createAuthErrorLink(options.onUnauthenticated),
      createOrganisationLink(options.organisationId),
      http,
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        // The viewer has no id of its own: there is one per session.
        Viewer: { keyFields: [] },
      },
    }),
  });
}
