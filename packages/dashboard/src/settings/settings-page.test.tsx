import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { MembersDocument, OrganisationSettingsDocument } from '../gql/graphql';
import { COMMISSIONER_SETTINGS_NOTE } from './organisation-settings';
import SettingsPage from './settings-page';
import { renderWithViewer } from './test-viewer';
import { MEMBERS_PAGE_SIZE } from './users';

const settingsMock: MockLink.MockedResponse = {
  request: { query: OrganisationSettingsDocument },
  result: {
    data: {
      organisationSettings: {
        __typename: 'OrganisationSettings',
        name: 'Northside Family Support',
        timeZone: 'Europe/London',
        currency: 'GBP',
        defaultInterval: 'MONTHLY',
        countedFormats: ['ONE_TO_ONE', 'GROUP'],
        supervisionCostPerWorkerYear: 563,
        recruitmentCostPerLeaver: 1612,
        costDefaultsSource: 'One charity’s published evaluation.',
        suppressionThreshold: 5,
        retentionMonths: 72,
      },
    },
  },
};

const membersMock: MockLink.MockedResponse = {
  request: {
    query: MembersDocument,
    variables: { page: { first: MEMBERS_PAGE_SIZE, after: null } },
  },
  result: {
    data: {
      members: {
        __typename: 'MemberConnection',
        totalCount: 0,
        pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
        nodes: [],
      },
      services: [],
    },
  },
};

describe('the settings page', () => {
  it('opens on the organisation settings, with a sub-navigation to users', async () => {
    renderWithViewer(<SettingsPage />, {
      path: '/settings',
      routePath: '/settings/*',
      mocks: [settingsMock],
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(
      within(nav).getByRole('link', { name: 'Organisation' }).getAttribute('aria-current'),
    ).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Users' }).getAttribute('href')).toBe(
      '/settings/users',
    );
    expect(await screen.findByRole('button', { name: 'Save settings' })).toBeTruthy();
  });

  it('shows the users at /settings/users, with a next step when there are none', async () => {
    renderWithViewer(<SettingsPage />, {
      path: '/settings/users',
      routePath: '/settings/*',
      mocks: [membersMock],
    });
    expect(await screen.findByText('Nobody has been added yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Invite a member' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(within(nav).getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('sends a role that may not manage users back to the organisation settings', async () => {
    const { router } = renderWithViewer(<SettingsPage />, {
      role: 'ANALYST',
      path: '/settings/users',
      routePath: '/settings/*',
      mocks: [settingsMock],
    });
    expect(
      await screen.findByText('Only an organisation admin can change these settings.'),
    ).toBeTruthy();
    expect(router.state.location.pathname).toBe('/settings');
    expect(screen.queryByRole('navigation', { name: 'Settings' })).toBeNull();
  });

  it('gives a provider’s admin every setting, and sharing with commissioners', async () => {
    renderWithViewer(<SettingsPage />, {
      kind: 'NGO',
      path: '/settings',
      routePath: '/settings/*',
      mocks: [settingsMock],
    });
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Organisation', 'Users', 'Sharing with commissioners']);
    await screen.findByRole('button', { name: 'Save settings' });
    expect(screen.getByLabelText('Default supervision interval')).toBeTruthy();
    expect(screen.getByLabelText('Supervision cost per worker per year')).toBeTruthy();
    expect(screen.queryByText(COMMISSIONER_SETTINGS_NOTE)).toBeNull();
  });

  it('gives a commissioner’s admin its own few settings and its users, and says why', async () => {
    const { router } = renderWithViewer(<SettingsPage />, {
      kind: 'COMMISSIONER',
      path: '/settings',
      routePath: '/settings/*',
      mocks: [settingsMock, membersMock],
    });
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Organisation', 'Users']);
    await screen.findByRole('button', { name: 'Save settings' });
    expect(screen.getByText(COMMISSIONER_SETTINGS_NOTE)).toBeTruthy();
    expect(screen.getByLabelText('Organisation name')).toBeTruthy();
    expect(screen.getByLabelText('Time zone')).toBeTruthy();
    expect(screen.getByLabelText('Small-number threshold')).toBeTruthy();
    expect(screen.queryByLabelText('Default supervision interval')).toBeNull();
    expect(screen.queryByLabelText('Currency')).toBeNull();
    expect(screen.queryByLabelText('Supervision cost per worker per year')).toBeNull();
    expect(screen.queryByText(/How long to keep leavers/)).toBeNull();

    // Users and invitations still apply.
    fireEvent.click(within(nav).getByRole('link', { name: 'Users' }));
    expect(await screen.findByText('Nobody has been added yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Invite a member' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/settings/users');
  });
});
