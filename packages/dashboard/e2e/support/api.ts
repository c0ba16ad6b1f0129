import type { Page } from 'playwright-core';

/** What the API answers to a GraphQL request. */
export interface GraphqlAnswer<T> {
  data: T | null;
  errors?: Array<{ message?: string; extensions?: { code?: string } }>;
}

/**
 * Sends a GraphQL request as the signed-in browser (its cookie, and the
 * organisation it has chosen) and returns the API's whole answer, errors and all.
 */
export async function graphqlAnswer<T>(
  page: Page,
  query: string,
  variables: object = {},
): Promise<GraphqlAnswer<T>> {
  const organisation = await page.evaluate(() => window.localStorage.getItem('holdspace.org'));
  const response = await page.request.post('/graphql', {
    data: { query, variables },
    headers: {
      'content-type': 'application/json',
      ...(organisation ? { 'x-holdspace-org': organisation } : {}),
    },
  });
  return (await response.json()) as GraphqlAnswer<T>;
}

/** Like `graphqlAnswer`, expecting no errors: returns the data. */
export async function graphql<T>(page: Page, query: string, variables: object = {}): Promise<T> {
  const body = await graphqlAnswer<T>(page, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}
