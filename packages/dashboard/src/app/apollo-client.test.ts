import { SignInDocument, ViewerDocument } from '../gql/graphql';
import { createApolloClient, ORGANISATION_HEADER } from './apollo-client';

interface Sent {
  url: string;
  init: RequestInit;
  headers: Record<string, string>;
}

/** A fetch that records what was sent and answers with `body`. */
function fakeFetch(body: unknown) {
  const sent: Sent[] = [];
  const fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    sent.push({
      url: String(url),
      init: init ?? {},
      headers: Object.fromEntries(
        Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [
          k.toLowerCase(),
          v,
        ]),
      ),
    });
    const text = JSON.stringify(body);
    return {
      ok: true,
      status: 200,
      headers: {
        get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null),
      },
      text: async () => text,
    } as unknown as Response;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

const viewerResult = {
  data: {
    viewer: {
      __typename: 'Viewer',
      user: { __typename: 'User', id: 'u1', email: 'a@example.org', displayName: 'Ada' },
      memberships: [],
    },
  },
};

const header = ORGANISATION_HEADER.toLowerCase();

describe('the Apollo client', () => {
  it('sends the chosen organisation in X-Holdspace-Org, to /graphql, with same-origin credentials', async () => {
    const { fetch, sent } = fakeFetch(viewerResult);
    const client = createApolloClient({
      onUnauthenticated: jest.fn(),
      organisationId: () => 'org-a',
      fetch,
    });
    await client.query({ query: ViewerDocument });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('/graphql');
    expect(sent[0]!.init.credentials).toBe('same-origin');
    expect(sent[0]!.headers[header]).toBe('org-a');
  });

  it('reads the organisation afresh for every request', async () => {
    const { fetch, sent } = fakeFetch(viewerResult);
    let organisation = 'org-a';
    const client = createApolloClient({
      onUnauthenticated: jest.fn(),
      organisationId: () => organisation,
      fetch,
    });
    await client.query({ query: ViewerDocument, fetchPolicy: 'network-only' });
    organisation = 'org-b';
    await client.query({ query: ViewerDocument, fetchPolicy: 'network-only' });
    expect(sent.map((s) => s.headers[header])).toEqual(['org-a', 'org-b']);
  });

  it('sends no organisation header when none is chosen', async () => {
    const { fetch, sent } = fakeFetch(viewerResult);
    const client = createApolloClient({
      onUnauthenticated: jest.fn(),
      organisationId: () => null,
      fetch,
    });
    await client.query({ query: ViewerDocument });
    expect(sent[0]!.headers).not.toHaveProperty(header);
  });

  it('leaves the header off operations that opt out (signing in)', async () => {
    const { fetch, sent } = fakeFetch({
      data: {
        signIn: {
          __typename: 'SignInPayload',
          expiresAt: '2030-01-01T00:00:00.000Z',
          viewer: { __typename: 'Viewer', user: { __typename: 'User', id: 'u1' } },
        },
      },
    });
    const client = createApolloClient({
      onUnauthenticated: jest.fn(),
      organisationId: () => 'org-a',
      fetch,
    });
    await client.mutate({
      mutation: SignInDocument,
      variables: { input: { email: 'a@example.org', password: 'secret' } },
      context: { skipOrganisation: true },
    });
    expect(sent[0]!.headers).not.toHaveProperty(header);
  });

  it('reports UNAUTHENTICATED so the app can go to the sign-in page', async () => {
    const { fetch } = fakeFetch({
      data: null,
      errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const onUnauthenticated = jest.fn();
    const client = createApolloClient({ onUnauthenticated, organisationId: () => null, fetch });
    await expect(client.query({ query: ViewerDocument })).rejects.toThrow();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('leaves a refused sign-in to the sign-in page', async () => {
    const { fetch } = fakeFetch({
      data: null,
      errors: [{ message: 'No', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const onUnauthenticated = jest.fn();
    const client = createApolloClient({ onUnauthenticated, organisationId: () => null, fetch });
    await expect(
      client.mutate({
        mutation: SignInDocument,
        variables: { input: { email: 'a@example.org', password: 'wrong' } },
      }),
    ).rejects.toThrow();
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('does not treat other errors as signed out', async () => {
    const { fetch } = fakeFetch({
      data: null,
      errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } }],
    });
    const onUnauthenticated = jest.fn();
    const client = createApolloClient({ onUnauthenticated, organisationId: () => null, fetch });
    await expect(client.query({ query: ViewerDocument })).rejects.toThrow();
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});
