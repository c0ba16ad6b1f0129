import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { SignInDocument } from '../gql/graphql';
import SignInPage from './sign-in-page';

const EMAIL = 'ada@example.org';
const PASSWORD = 'correct horse';

function signInMock(result: MockLink.MockedResponse['result'], delay = 0): MockLink.MockedResponse {
  return {
    request: {
      query: SignInDocument,
      variables: { input: { email: EMAIL, password: PASSWORD } },
    },
    result,
    delay,
  };
}

const signedIn = {
  data: {
    signIn: {
      __typename: 'SignInPayload',
      expiresAt: '2030-01-01T00:00:00.000Z',
      viewer: { __typename: 'Viewer', user: { __typename: 'User', id: 'u1' } },
    },
  },
};

function refused(code: string) {
  return { data: null, errors: [{ message: 'Refused', extensions: { code } }] };
}

function renderSignIn(mocks: MockLink.MockedResponse[] = [], path = '/sign-in') {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/', element: <p>Home page</p> },
      { path: '/cost-case', element: <p>Cost case page</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <MockedProvider mocks={mocks}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return router;
}

const emailField = () => screen.getByLabelText('Email address') as HTMLInputElement;
const passwordField = () => screen.getByLabelText('Password') as HTMLInputElement;
const signInButton = () => screen.getByRole('button', { name: 'Sign in' });

function fill(email: string, password: string) {
  fireEvent.change(emailField(), { target: { value: email } });
  fireEvent.change(passwordField(), { target: { value: password } });
}

describe('the sign-in page', () => {
  it('has labelled fields, a Sign in button and a Sign in heading', () => {
    renderSignIn();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(emailField().type).toBe('email');
    expect(emailField().autocomplete).toBe('email');
    expect(passwordField().type).toBe('password');
    expect(passwordField().autocomplete).toBe('current-password');
    expect(signInButton()).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.title).toBe('Sign in – Holdspace');
  });

  it('lists every problem in a focused summary that links to the fields', async () => {
    renderSignIn();
    fireEvent.click(signInButton());

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Enter your email address', '#email'],
      ['Enter your password', '#password'],
    ]);
    // Each link points at a real field.
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target?.tagName).toBe('INPUT');
    }
    expect(emailField().id).toBe('email');
    expect(passwordField().id).toBe('password');

    await waitFor(() => expect(document.activeElement).toBe(summary.parentElement));
    expect(document.title).toBe('Error: Sign in – Holdspace');
  });

  it('shows each message by its field too, tied to the input', async () => {
    renderSignIn();
    fireEvent.click(signInButton());
    await screen.findByRole('alert');

    expect(emailField().getAttribute('aria-invalid')).toBe('true');
    const emailError = document.getElementById(emailField().getAttribute('aria-describedby')!);
    expect(emailError?.textContent).toBe('Error: Enter your email address');
    const passwordError = document.getElementById(
      passwordField().getAttribute('aria-describedby')!,
    );
    expect(passwordError?.textContent).toBe('Error: Enter your password');
  });

  it('moves focus to the field when its summary link is followed', async () => {
    renderSignIn();
    fireEvent.click(signInButton());
    const summary = await screen.findByRole('alert');
    fireEvent.click(within(summary).getByRole('link', { name: 'Enter your password' }));
    expect(document.activeElement).toBe(passwordField());
  });

  it('asks for a plausible email address without sending anything', async () => {
    renderSignIn([]);
    fill('ada.example.org', PASSWORD);
    fireEvent.click(signInButton());
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Enter an email address in the correct format, like name@example.com']);
    expect(passwordField().getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the loading state on the button, then goes where the user was heading', async () => {
    const router = renderSignIn([signInMock(signedIn, 30)], '/sign-in?next=%2Fcost-case');
    fill(` ${EMAIL} `, PASSWORD);
    fireEvent.click(signInButton());

    const busy = await screen.findByRole('button', { name: 'Signing in…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');

    expect(await screen.findByText('Cost case page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/cost-case');
  });

  it('never leaves the site after signing in', async () => {
    const router = renderSignIn([signInMock(signedIn)], '/sign-in?next=https%3A%2F%2Fevil.example');
    fill(EMAIL, PASSWORD);
    fireEvent.click(signInButton());
    expect(await screen.findByText('Home page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('does not reveal whether the email address has an account', async () => {
    renderSignIn([signInMock(refused('UNAUTHENTICATED'))]);
    fill(EMAIL, PASSWORD);
    fireEvent.click(signInButton());
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Email or password is not right' }),
    ).toBeTruthy();
    expect(signInButton()).toBeTruthy();
  });

  it('explains rate limiting', async () => {
    renderSignIn([signInMock(refused('TOO_MANY_REQUESTS'))]);
    fill(EMAIL, PASSWORD);
    fireEvent.click(signInButton());
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Too many attempts. Wait a few minutes and try again.');
    expect(emailField().getAttribute('aria-invalid')).toBeNull();
  });

  it('focuses the summary again on every failed attempt', async () => {
    renderSignIn();
    fireEvent.click(signInButton());
    const summary = await screen.findByRole('alert');
    act(() => emailField().focus());
    fireEvent.click(signInButton());
    await waitFor(() => expect(document.activeElement).toBe(summary.parentElement));
  });
});
