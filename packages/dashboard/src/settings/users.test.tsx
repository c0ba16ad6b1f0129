import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  ChangeMemberRoleDocument,
  InviteMemberDocument,
  MembersDocument,
  RemoveMemberDocument,
  RenewInvitationDocument,
  type MemberFieldsFragment,
  type MembersQuery,
} from '../gql/graphql';
import * as csv from '../shell/csv';
import { MEMBER_MESSAGES } from './member-form';
import { renderWithViewer, TEST_USER_ID } from './test-viewer';
import { invitationLink, MEMBERS_PAGE_SIZE, UsersSection } from './users';

const OUTREACH = { __typename: 'Service' as const, id: 'svc-outreach', name: 'Outreach' };
const COUNSELLING = { __typename: 'Service' as const, id: 'svc-counselling', name: 'Counselling' };

function member(
  id: string,
  name: string,
  role: MemberFieldsFragment['role'],
  extra: Partial<MemberFieldsFragment> = {},
): MemberFieldsFragment {
  return {
    __typename: 'Member',
    membershipId: `m-${id}`,
    role,
    managedServiceIds: [],
    invitationPending: false,
    user: { __typename: 'User', id, displayName: name, email: `${id}@northside.example` },
    ...extra,
  };
}

const ADMIN = member(TEST_USER_ID, 'Alex Admin', 'ORG_ADMIN');
const MANAGER = member('u-manager', 'Morgan Manager', 'SERVICE_MANAGER', {
  managedServiceIds: ['svc-outreach'],
});
const PENDING = member('u-pending', 'Pat Pending', 'PRACTITIONER', { invitationPending: true });

function membersMock(
  nodes: MemberFieldsFragment[],
  usage = 10,
): MockLink.MockedResponse<MembersQuery> {
  return {
    request: {
      query: MembersDocument,
      variables: { page: { first: MEMBERS_PAGE_SIZE, after: null } },
    },
    result: {
      data: {
        members: {
          __typename: 'MemberConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          nodes,
        },
        services: [OUTREACH, COUNSELLING],
      },
    },
    maxUsageCount: usage,
  };
}

const TOKEN = 'org-1.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

async function table() {
  return screen.findByRole('table', { name: /Members of Northside Family Support/ });
}

describe('the users page', () => {
  it('lists the members with role, services and whether their invitation is pending', async () => {
    renderWithViewer(<UsersSection />, { mocks: [membersMock([ADMIN, MANAGER, PENDING])] });
    const list = await table();
    const rows = within(list)
      .getAllByRole('row')
      .map((row) =>
        within(row)
          .queryAllByRole('cell')
          .slice(0, 5)
          .map((cell) => cell.textContent),
      )
      .filter((cells) => cells.length > 0);
    expect(rows).toEqual([
      ['Alex Admin (you)', `${TEST_USER_ID}@northside.example`, 'Organisation admin', '', 'Active'],
      ['Morgan Manager', 'u-manager@northside.example', 'Service manager', 'Outreach', 'Active'],
      ['Pat Pending', 'u-pending@northside.example', 'Practitioner', '', 'Invitation pending'],
    ]);
    expect(
      within(list)
        .getAllByRole('columnheader')
        .every((h) => h.getAttribute('scope') === 'col'),
    ).toBe(true);
    // Only a pending member's invitation can be renewed.
    expect(
      screen.getAllByRole('button', { name: /^Renew invitation link/ }).map((b) => b.textContent),
    ).toEqual(['Renew invitation link for Pat Pending']);
    expect(document.title).toBe('Users – Holdspace');
  });

  it('exports the table as it is shown', async () => {
    const download = jest.spyOn(csv, 'downloadCsv').mockImplementation(() => undefined);
    renderWithViewer(<UsersSection />, { mocks: [membersMock([ADMIN, MANAGER])] });
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(download).toHaveBeenCalledTimes(1);
    const [fileName, text] = download.mock.calls[0] as [string, string];
    expect(fileName).toMatch(/^holdspace-northside-family-support-members-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text).toBe(
      'Name,Email address,Role,Manages,Status\r\n' +
        `Alex Admin,${TEST_USER_ID}@northside.example,Organisation admin,,Active\r\n` +
        'Morgan Manager,u-manager@northside.example,Service manager,Outreach,Active\r\n',
    );
  });

  it('invites a member and shows their one-time link', async () => {
    const invited = member('u-new', 'Nia New', 'SERVICE_MANAGER', {
      invitationPending: true,
      managedServiceIds: ['svc-counselling'],
    });
    renderWithViewer(<UsersSection />, {
      mocks: [
        membersMock([ADMIN]),
        {
          request: {
            query: InviteMemberDocument,
            variables: {
              input: {
                email: 'nia@northside.example',
                displayName: 'Nia New',
                role: 'SERVICE_MANAGER',
                managedServiceIds: ['svc-counselling'],
              },
            },
          },
          result: {
            data: {
              inviteMember: {
                __typename: 'InviteMemberPayload',
                invitationToken: TOKEN,
                member: invited,
              },
            },
          },
        },
      ],
    });
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Invite a member' }));
    const heading = await screen.findByRole('heading', { name: 'Invite a member' });
    await waitFor(() => expect(document.activeElement).toBe(heading));

    // Nothing filled in: every problem listed.
    fireEvent.click(screen.getByRole('button', { name: 'Invite member' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => l.getAttribute('href')),
    ).toEqual(['#inviteEmail', '#inviteName', '#inviteRole']);
    expect(document.title).toBe('Error: Users – Holdspace');

    fireEvent.change(screen.getByLabelText('Email address'), {
      target: { value: ' nia@northside.example ' },
    });
    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Nia New' } });
    // A commissioner analyst is not a role this kind of organisation has.
    expect(screen.queryByRole('radio', { name: 'Commissioner analyst' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Service manager' }));
    fireEvent.click(screen.getByRole('button', { name: 'Invite member' }));
    expect(
      await within(
        screen.getByRole('group', { name: 'Which services do they manage?' }),
      ).findByText(MEMBER_MESSAGES.servicesMissing, { exact: false }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Counselling' }));
    fireEvent.click(screen.getByRole('button', { name: 'Invite member' }));

    expect(
      await screen.findByRole('heading', { name: 'Invitation link for Nia New' }),
    ).toBeTruthy();
    expect(screen.getByText(/This link is shown only once/)).toBeTruthy();
    const link = screen.getByLabelText('Invitation link') as HTMLInputElement;
    expect(link.readOnly).toBe(true);
    expect(link.value).toBe(invitationLink(TOKEN));
    expect(link.value).toBe(`http://localhost/accept-invitation?token=${TOKEN}`);

    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByText('Link copied. Paste it into a message to them.');
    expect(writeText).toHaveBeenCalledWith(link.value);

    fireEvent.click(screen.getByRole('button', { name: 'I have copied the link' }));
    await waitFor(() => expect(screen.queryByLabelText('Invitation link')).toBeNull());
    expect(
      await screen.findByText('Nia New has been added to Northside Family Support.'),
    ).toBeTruthy();
  });

  it('renews a pending invitation', async () => {
    renderWithViewer(<UsersSection />, {
      mocks: [
        membersMock([ADMIN, PENDING]),
        {
          request: { query: RenewInvitationDocument, variables: { membershipId: 'm-u-pending' } },
          result: {
            data: {
              renewInvitation: {
                __typename: 'InviteMemberPayload',
                invitationToken: TOKEN,
                member: PENDING,
              },
            },
          },
        },
      ],
    });
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Renew invitation link for Pat Pending' }));
    expect(
      await screen.findByRole('heading', { name: 'New invitation link for Pat Pending' }),
    ).toBeTruthy();
    expect(screen.getByText(/Any earlier link they were sent no longer works/)).toBeTruthy();
  });

  it('changes a member’s role', async () => {
    renderWithViewer(<UsersSection />, {
      mocks: [
        membersMock([ADMIN, MANAGER]),
        {
          request: {
            query: ChangeMemberRoleDocument,
            variables: {
              membershipId: 'm-u-manager',
              input: { role: 'SUPERVISOR', managedServiceIds: [] },
            },
          },
          result: {
            data: { changeMemberRole: { ...MANAGER, role: 'SUPERVISOR', managedServiceIds: [] } },
          },
        },
      ],
    });
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Change role of Morgan Manager' }));
    await screen.findByRole('heading', { name: 'Change the role of Morgan Manager' });
    expect(
      (screen.getByRole('radio', { name: 'Service manager' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Outreach' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Supervisor' }));
    expect(screen.queryByRole('checkbox', { name: 'Outreach' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    expect(await screen.findByText('Morgan Manager is now a supervisor.')).toBeTruthy();
  });

  it('asks before removing someone, and shows the API’s refusal to remove the last admin', async () => {
    const lastAdmin =
      'The organisation must keep at least one admin. Make another member an admin first.';
    renderWithViewer(<UsersSection />, {
      mocks: [
        membersMock([ADMIN, MANAGER]),
        {
          request: {
            query: RemoveMemberDocument,
            variables: { membershipId: `m-${TEST_USER_ID}` },
          },
          result: {
            errors: [
              { message: lastAdmin, extensions: { code: 'CONFLICT', field: 'membershipId' } },
            ],
          },
        },
      ],
    });
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Alex Admin' }));
    await screen.findByRole('heading', { name: 'Remove yourself from Northside Family Support?' });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove me' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    expect(summary.textContent).toContain(lastAdmin);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: /Remove yourself/ })).toBeNull(),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Remove Alex Admin' }),
      ),
    );
  });

  it('removes a member after confirmation', async () => {
    renderWithViewer(<UsersSection />, {
      mocks: [
        membersMock([ADMIN, MANAGER]),
        {
          request: { query: RemoveMemberDocument, variables: { membershipId: 'm-u-manager' } },
          result: { data: { removeMember: 'm-u-manager' } },
        },
      ],
    });
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Morgan Manager' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, remove Morgan Manager' }));
    expect(
      await screen.findByText('Morgan Manager has been removed from Northside Family Support.'),
    ).toBeTruthy();
  });

  it('offers a commissioner organisation its own roles only', async () => {
    renderWithViewer(<UsersSection />, { kind: 'COMMISSIONER', mocks: [membersMock([ADMIN])] });
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Invite a member' }));
    const roles = within(await screen.findByRole('group', { name: 'Role' })).getAllByRole('radio');
    expect(roles.map((r) => (r as HTMLInputElement).value)).toEqual([
      'ORG_ADMIN',
      'COMMISSIONER_ANALYST',
    ]);
  });

  it('shows an error state when the members do not load', async () => {
    renderWithViewer(<UsersSection />, {
      mocks: [
        {
          request: {
            query: MembersDocument,
            variables: { page: { first: MEMBERS_PAGE_SIZE, after: null } },
          },
          result: { errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } }] },
        },
      ],
    });
    expect(await screen.findByText('You do not have access to this')).toBeTruthy();
  });
});
