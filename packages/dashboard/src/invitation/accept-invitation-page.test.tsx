import { ApolloLink } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { createOrganisationLink, ORGANISATION_HEADER } from '../app/apollo-client';
import { routes } from '../app/routes';
import { AcceptInvitationDocument } from '../gql/graphql';
import { ACCEPT_MESSAGES } from './accept-invitation-form';

const TOKEN = 'org-1.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const PASSWORD = 'four unrelated words';

function acceptMock(result: MockLink.MockedResponse['result'], delay = 0): MockLink.MockedResponse {
  return {
    request: {
      query: AcceptInvitationDocument,
      variables: { input: { token: TOKEN, password: PASSWORD } },
    },
    result,
    delay,
  };
}

/** The real routes (the page is lazy), recording the organisation header of each request. */
function renderPage(mocks: MockLink.MockedResponse[], path = `/accept-invitation?token=${TOKEN}`) {
  const sent: (string | undefined)[] = [];
  const record = new ApolloLink((operation, forward) => {
    sent.push(operation.getContext().headers?.[ORGANISATION_HEADER]);
    return forward(operation);
  });
  // An organisation remembered from someone else's session must not be sent.
  const link = ApolloLink.from([
    createOrganisationLink(() => 'org-remembered'),
    record,
    new MockLink(mocks),
  ]);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <MockedProvider link={link}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return { router, sent };
}

const passwordField = () => screen.getByLabelText('Create a password') as HTMLInputElement;
const confirmField = () => screen.getByLabelText('Confirm your password') as HTMLInputElement;

function fill(password: string, confirm = password) {
  fireEvent.change(passwordField(), { target: { value: password } });
  fireEvent.change(confirmField(), { target: { value: confirm } });
}

describe('the accept-invitation page', () => {
  it('asks for a new password twice', async () => {
    renderPage([]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Set your password' }),
    ).toBeTruthy();
    expect(passwordField().type).toBe('password');
    expect(passwordField().autocomplete).toBe('new-password');
    expect(confirmField().autocomplete).toBe('new-password');
    expect(document.getElementById('password-hint')?.textContent).toContain(
      'At least 12 characters',
    );
    expect(document.title).toBe('Set your password – Holdspace');
  });

  it('follows the GOV.UK error pattern', async () => {
    renderPage([]);
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });
    fill('too short', 'different');
    fireEvent.click(screen.getByRole('button', { name: 'Set password' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => [l.textContent, l.getAttribute('href')]),
    ).toEqual([
      [ACCEPT_MESSAGES.passwordTooShort, '#password'],
      [ACCEPT_MESSAGES.confirmDifferent, '#confirmPassword'],
    ]);
    await waitFor(() => expect(document.activeElement).toBe(summary.parentElement));
    expect(passwordField().getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('password-error')?.textContent).toBe(
      `Error: ${ACCEPT_MESSAGES.passwordTooShort}`,
    );
    expect(document.title).toBe('Error: Set your password – Holdspace');
    fireEvent.click(within(summary).getByRole('link', { name: ACCEPT_MESSAGES.confirmDifferent }));
    expect(document.activeElement).toBe(confirmField());
  });

  it('sets the password without acting in an organisation, then offers sign-in', async () => {
    const { router, sent } = renderPage([
      acceptMock(
        {
          data: {
            acceptInvitation: {
              __typename: 'AcceptInvitationPayload',
              email: 'nia@northside.example',
            },
          },
        },
        20,
      ),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });
    fill(PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Set password' }));
    const busy = await screen.findByRole('button', { name: 'Setting your password…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');

    const heading = await screen.findByRole('heading', { level: 1, name: 'Your password is set' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByRole('status').textContent).toContain(
      'You can now sign in to Holdspace as nia@northside.example.',
    );
    expect(sent).toEqual([undefined]);

    fireEvent.click(screen.getByRole('link', { name: 'Continue to sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('explains a link that has been used or has expired, in the API’s words', async () => {
    const message =
      'This invitation link is not valid or has expired. Ask your organisation admin for a new one.';
    renderPage([
      acceptMock({
        errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field: 'input.token' } }],
      }),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });
    fill(PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Set password' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    expect(summary.textContent).toContain(message);
    expect(passwordField().getAttribute('aria-invalid')).toBeNull();
  });

  it('says when the link has no token', async () => {
    renderPage([], '/accept-invitation');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'This invitation link is not complete',
      }),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Create a password')).toBeNull();
  });
});
