import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  AcceptSharingDocument,
  OrganisationSettingsDocument,
  RequestSharingDocument,
  RevokeSharingDocument,
  SharingAgreementsDocument,
  SharingServiceOptionsDocument,
  WithdrawSharingRequestDocument,
  type SharingAgreementFieldsFragment,
} from '../gql/graphql';
import SettingsPage from '../settings/settings-page';
import { renderWithViewer } from '../settings/test-viewer';
import { todayIn, toUkInput } from '../shell/date-input';
import CommissioningPage from './commissioning-page';
import { agreement } from './test-fixtures';

jest.mock('./comparison-charts-svg', () => ({
  BandBarsSvg: () => <svg />,
  ScatterSvg: () => <svg />,
  TrendBandSvg: () => <svg />,
}));

const agreementsMock = (
  agreements: SharingAgreementFieldsFragment[],
  times = Number.POSITIVE_INFINITY,
): MockLink.MockedResponse => ({
  request: { query: SharingAgreementsDocument },
  result: { data: { sharingAgreements: agreements } },
  maxUsageCount: times,
});

function errorSummary(): HTMLElement {
  return screen.getByRole('heading', { name: 'There is a problem' }).parentElement as HTMLElement;
}

describe('a commissioner’s sharing page', () => {
  const requested = agreement({
    id: 'a-req',
    status: 'REQUESTED',
    respondedAt: null,
    sharedFrom: null,
    services: [],
    provider: {
      __typename: 'SharingParty',
      id: 'org-r',
      name: 'Riverside Academy Trust',
      kind: 'SCHOOL',
    },
  });
  const active = agreement({ id: 'a-act' });

  function renderAs(role: 'ORG_ADMIN' | 'COMMISSIONER_ANALYST', mocks: MockLink.MockedResponse[]) {
    return renderWithViewer(<CommissioningPage />, {
      role,
      kind: 'COMMISSIONER',
      path: '/commissioning/sharing',
      routePath: '/commissioning/*',
      mocks,
    });
  }

  it('lists the agreements with their status in words', async () => {
    renderAs('COMMISSIONER_ANALYST', [agreementsMock([requested, active])]);
    const nav = screen.getByRole('navigation', { name: 'Commissioning' });
    expect(within(nav).getByRole('link', { name: 'Sharing' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const table = await screen.findByRole('table');
    const riverside = within(table)
      .getByRole('rowheader', { name: 'Riverside Academy Trust' })
      .closest('tr')!;
    expect(riverside.textContent).toContain('Waiting for the provider');
    const northside = within(table)
      .getByRole('rowheader', { name: 'Northside Family Support' })
      .closest('tr')!;
    expect(northside.textContent).toContain('Sharing');
    expect(northside.textContent).toContain('1 January 2025');
    expect(northside.textContent).toContain('Counselling and Outreach');
    // An analyst may not ask or withdraw.
    expect(screen.queryByRole('button', { name: 'Send request' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Withdraw request/ })).toBeNull();
    expect(
      screen.getByText('Only an organisation admin can ask a provider to share.'),
    ).toBeTruthy();
  });

  it('asks for the provider’s address before sending, GOV.UK style', async () => {
    renderAs('ORG_ADMIN', [agreementsMock([])]);
    await screen.findByText('You have not asked any provider yet');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    const link = within(errorSummary()).getByRole('link', {
      name: 'Enter the provider’s Holdspace address',
    });
    expect(link.getAttribute('href')).toBe('#providerSlug');
    const field = screen.getByLabelText('Provider’s Holdspace address');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain('providerSlug-error');
    await waitFor(() => expect(document.title).toBe('Error: Sharing – Commissioning – Holdspace'));
  });

  it('puts the API’s answer for an unknown address by the field', async () => {
    renderAs('ORG_ADMIN', [
      agreementsMock([]),
      {
        request: {
          query: RequestSharingDocument,
          variables: { input: { providerSlug: 'nowhere' } },
        },
        result: {
          errors: [
            {
              message: 'No provider has that address.',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.providerSlug' },
            },
          ],
        },
      },
    ]);
    await screen.findByText('You have not asked any provider yet');
    fireEvent.change(screen.getByLabelText('Provider’s Holdspace address'), {
      target: { value: ' nowhere ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(
      await within(await screen.findByRole('alert')).findByRole('link', {
        name: 'No provider has that address.',
      }),
    ).toBeTruthy();
    expect(screen.getByText('No provider has that address.', { selector: 'p' })).toBeTruthy();
  });

  it('sends a request and shows it in the list', async () => {
    renderAs('ORG_ADMIN', [
      agreementsMock([], 1),
      {
        request: {
          query: RequestSharingDocument,
          variables: { input: { providerSlug: 'riverside' } },
        },
        result: { data: { requestSharing: requested } },
      },
      agreementsMock([requested]),
    ]);
    await screen.findByText('You have not asked any provider yet');
    fireEvent.change(screen.getByLabelText('Provider’s Holdspace address'), {
      target: { value: 'riverside' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('Request sent to Riverside Academy Trust.')).toBeTruthy();
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Riverside Academy Trust' })).toBeTruthy();
    expect((screen.getByLabelText('Provider’s Holdspace address') as HTMLInputElement).value).toBe(
      '',
    );
  });

  it('withdraws a request still waiting', async () => {
    renderAs('ORG_ADMIN', [
      agreementsMock([requested, active]),
      {
        request: { query: WithdrawSharingRequestDocument, variables: { id: 'a-req' } },
        result: { data: { withdrawSharingRequest: { ...requested, status: 'WITHDRAWN' } } },
      },
    ]);
    await screen.findByRole('table');
    // Only the waiting request can be withdrawn.
    expect(screen.getAllByRole('button', { name: /Withdraw request/ })).toHaveLength(1);
    fireEvent.click(
      screen.getByRole('button', { name: 'Withdraw request to Riverside Academy Trust' }),
    );
    expect(
      await screen.findByText('Withdrew the request to Riverside Academy Trust.'),
    ).toBeTruthy();
    const row = within(screen.getByRole('table'))
      .getByRole('rowheader', { name: 'Riverside Academy Trust' })
      .closest('tr')!;
    await waitFor(() => expect(row.textContent).toContain('Withdrawn'));
    expect(screen.queryByRole('button', { name: /Withdraw request/ })).toBeNull();
  });
});

describe('a provider’s sharing with commissioners', () => {
  const waiting = agreement({
    id: 'p-req',
    status: 'REQUESTED',
    respondedAt: null,
    sharedFrom: null,
    services: [],
  });
  const active = agreement({
    id: 'p-act',
    commissioner: {
      __typename: 'SharingParty',
      id: 'org-f',
      name: 'Fund for Families',
      kind: 'COMMISSIONER',
    },
  });
  const revoked = agreement({
    id: 'p-old',
    status: 'REVOKED',
    revokedAt: '2025-06-01T12:00:00.000Z',
    commissioner: {
      __typename: 'SharingParty',
      id: 'org-o',
      name: 'Old Trust',
      kind: 'COMMISSIONER',
    },
  });
  const servicesMock: MockLink.MockedResponse = {
    request: { query: SharingServiceOptionsDocument },
    result: {
      data: {
        services: [
          { __typename: 'Service', id: 's-outreach', name: 'Outreach' },
          { __typename: 'Service', id: 's-counselling', name: 'Counselling' },
          { __typename: 'Service', id: 's-family', name: 'Family support' },
        ],
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };

  function renderProvider(mocks: MockLink.MockedResponse[], path = '/settings/sharing') {
    return renderWithViewer(<SettingsPage />, { path, routePath: '/settings/*', mocks });
  }

  it('is a settings page for a provider’s admin, and not for a commissioner’s', async () => {
    renderProvider([agreementsMock([waiting, active, revoked]), servicesMock]);
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(
      within(nav)
        .getByRole('link', { name: 'Sharing with commissioners' })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(await screen.findByRole('heading', { name: 'Requests waiting' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sharing now' })).toBeTruthy();
    const history = screen.getByRole('heading', { name: 'History' }).parentElement!;
    expect(
      within(history).getByRole('rowheader', { name: 'Old Trust' }).closest('tr')!.textContent,
    ).toContain('Stopped');
  });

  it('sends a commissioner organisation’s admin away from it', async () => {
    const { router } = renderWithViewer(<SettingsPage />, {
      kind: 'COMMISSIONER',
      path: '/settings/sharing',
      routePath: '/settings/*',
      // Where it is sent: the organisation's settings.
      mocks: [
        {
          request: { query: OrganisationSettingsDocument },
          result: { errors: [{ message: 'Not now', extensions: { code: 'FORBIDDEN' } }] },
        },
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings'));
    expect(screen.queryByRole('link', { name: 'Sharing with commissioners' })).toBeNull();
  });

  it('checks the services and date before accepting', async () => {
    renderProvider([agreementsMock([waiting]), servicesMock]);
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Accept the request from County Council Commissioning',
      }),
    );
    fireEvent.change(screen.getByLabelText('Share from', { exact: false }), {
      target: { value: '31/2/2026' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Accept and share' }));
    const summary = errorSummary();
    expect(
      within(summary)
        .getByRole('link', { name: 'Choose at least one service to share' })
        .getAttribute('href'),
    ).toBe('#terms-p-req-services-0');
    expect(
      within(summary)
        .getByRole('link', { name: 'The date to share from must be a real date' })
        .getAttribute('href'),
    ).toBe('#terms-p-req-from');
    await waitFor(() =>
      expect(document.title).toBe('Error: Sharing with commissioners – Settings – Holdspace'),
    );
  });

  it('accepts with the chosen services and date, and then shows the agreement', async () => {
    const today = todayIn('Europe/London');
    const accepted = agreement({
      id: 'p-req',
      sharedFrom: '2025-04-01',
      services: [
        { __typename: 'SharedService', id: 's-counselling', name: 'Counselling' },
        { __typename: 'SharedService', id: 's-family', name: 'Family support' },
      ],
    });
    renderProvider([
      agreementsMock([waiting]),
      servicesMock,
      {
        request: {
          query: AcceptSharingDocument,
          variables: {
            id: 'p-req',
            input: { serviceIds: ['s-counselling', 's-family'], sharedFrom: '2025-04-01' },
          },
        },
        result: { data: { acceptSharing: accepted } },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: /^Accept/ }));
    // The form's heading takes focus.
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe('Share with County Council Commissioning'),
    );
    fireEvent.click(screen.getByLabelText('Family support'));
    fireEvent.click(screen.getByLabelText('Counselling'));
    fireEvent.change(screen.getByLabelText('Share from', { exact: false }), {
      target: { value: '1/4/2025' },
    });
    expect(today >= '2025-04-01').toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Accept and share' }));
    expect(
      await screen.findByText(
        'You are now sharing 2 services with County Council Commissioning, from 1 April 2025.',
      ),
    ).toBeTruthy();
    const now = screen.getByRole('heading', { name: 'Sharing now' }).parentElement!;
    await waitFor(() => expect(now.textContent).toContain('Counselling and Family support'));
    expect(screen.getByText('No commissioner is waiting for an answer.')).toBeTruthy();
  });

  it('asks before it stops sharing, and stops on confirmation', async () => {
    renderProvider([
      agreementsMock([active]),
      servicesMock,
      {
        request: { query: RevokeSharingDocument, variables: { id: 'p-act' } },
        result: {
          data: {
            revokeSharing: { ...active, status: 'REVOKED', revokedAt: '2026-11-22T10:00:00.000Z' },
          },
        },
      },
    ]);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Stop sharing with Fund for Families' }),
    );
    expect(
      screen.getByRole('heading', { name: 'Stop sharing with Fund for Families?' }),
    ).toBeTruthy();
    // Cancel changes nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(
      screen.queryByRole('heading', { name: 'Stop sharing with Fund for Families?' }),
    ).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Stop sharing with Fund for Families' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, stop sharing' }));
    expect(
      await screen.findByText(
        'Stopped sharing with Fund for Families. They no longer see your figures.',
      ),
    ).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByText('You are not sharing with any commissioner.')).toBeTruthy(),
    );
    const history = screen.getByRole('heading', { name: 'History' }).parentElement!;
    expect(within(history).getByRole('rowheader', { name: 'Fund for Families' })).toBeTruthy();
  });

  it('starts a change from what is shared now', async () => {
    renderProvider([agreementsMock([active]), servicesMock]);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Change what is shared with Fund for Families' }),
    );
    expect((screen.getByLabelText('Outreach') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Counselling') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Family support') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Share from', { exact: false }) as HTMLInputElement).value).toBe(
      toUkInput('2025-01-01'),
    );
  });
});
