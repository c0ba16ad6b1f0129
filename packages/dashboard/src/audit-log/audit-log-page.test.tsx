import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  AuditEventsDocument,
  AuditLogPeopleDocument,
  type AuditEventFilter,
  type AuditEventsQuery,
} from '../gql/graphql';
import * as csv from '../shell/csv';
import { renderWithViewer } from '../settings/test-viewer';
import AuditLogPage, { AUDIT_PAGE_SIZE } from './audit-log-page';

type Event = AuditEventsQuery['auditEvents']['nodes'][number];

function event(
  id: string,
  occurredAt: string,
  action: string,
  entityType: string,
  entityId: string | null,
  actor: string | null,
): Event {
  return {
    __typename: 'AuditEvent',
    id,
    occurredAt,
    action,
    entityType,
    entityId,
    actor: actor ? { __typename: 'AuditActor', id: `u-${actor}`, displayName: actor } : null,
  };
}

const EVENTS = [
  event('e3', '2026-03-03T14:05:09.000Z', 'member.invite', 'Membership', 'm-1', 'Alex Admin'),
  event('e2', '2026-03-02T09:00:00.000Z', 'absence.read', 'AbsenceEpisode', null, 'Alex Admin'),
  event('e1', '2026-03-01T08:00:00.000Z', 'import.staff', 'Import', null, null),
];

function eventsMock(
  filter: AuditEventFilter | null,
  nodes: Event[],
  after: string | null = null,
  pageInfo = { endCursor: null as string | null, hasNextPage: false },
  totalCount = nodes.length,
): MockLink.MockedResponse<AuditEventsQuery> {
  return {
    request: {
      query: AuditEventsDocument,
      variables: { filter, page: { first: AUDIT_PAGE_SIZE, after } },
    },
    result: {
      data: {
        auditEvents: {
          __typename: 'AuditEventConnection',
          totalCount,
          pageInfo: { __typename: 'PageInfo', ...pageInfo },
          nodes,
        },
      },
    },
    maxUsageCount: 5,
  };
}

const peopleMock: MockLink.MockedResponse = {
  request: { query: AuditLogPeopleDocument },
  result: {
    data: {
      members: {
        __typename: 'MemberConnection',
        nodes: [
          {
            __typename: 'Member',
            membershipId: 'm-a',
            user: { __typename: 'User', id: 'u-Alex Admin', displayName: 'Alex Admin' },
          },
        ],
      },
    },
  },
  maxUsageCount: 5,
};

function cells() {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
}

describe('the audit log', () => {
  it('lists events newest first, in plain words, and says nobody can change it', async () => {
    renderWithViewer(<AuditLogPage />, {
      path: '/audit-log',
      mocks: [peopleMock, eventsMock(null, EVENTS)],
    });
    expect(await screen.findByRole('table', { name: 'Audit events, newest first' })).toBeTruthy();
    expect(cells()).toEqual([
      ['3 March 2026, 14:05:09', 'Alex Admin', 'Invited a member', 'Membership', 'm-1'],
      [
        '2 March 2026, 09:00:00',
        'Alex Admin',
        'Looked at a list of absence records',
        'Absence',
        'None',
      ],
      [
        '1 March 2026, 08:00:00',
        'Holdspace (system)',
        'Imported staff from a CSV file',
        'Import',
        'None',
      ],
    ]);
    expect(screen.getByText(/Nobody can change or delete the audit log/)).toBeTruthy();
    expect(screen.getByText('Showing 1 to 3 of 3 events')).toBeTruthy();
    expect(document.title).toBe('Audit log – Holdspace');
  });

  it('filters by action, person and dates, kept in the address', async () => {
    const { router } = renderWithViewer(<AuditLogPage />, {
      path: '/audit-log',
      mocks: [
        peopleMock,
        eventsMock(null, EVENTS),
        eventsMock(
          {
            actions: ['member.invite'],
            actorUserIds: ['u-Alex Admin'],
            from: '2026-03-01',
            to: '2026-03-31',
          },
          [EVENTS[0] as Event],
        ),
      ],
    });
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'member.invite' } });
    await screen.findByRole('option', { name: 'Alex Admin' });
    fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'u-Alex Admin' } });
    fireEvent.change(screen.getByLabelText('From date'), { target: { value: '1/3/2026' } });
    fireEvent.change(screen.getByLabelText('To date'), { target: { value: '31/03/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(
      await screen.findByRole('table', { name: 'Audit events, newest first, filtered' }),
    ).toBeTruthy();
    expect(cells()).toHaveLength(1);
    expect(router.state.location.search).toBe(
      '?action=member.invite&person=u-Alex+Admin&from=2026-03-01&to=2026-03-31',
    );
    // The form shows the filters applied, UK style.
    expect((screen.getByLabelText('From date') as HTMLInputElement).value).toBe('01/03/2026');
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeTruthy();
  });

  it('refuses an end date before the start date, GOV.UK style', async () => {
    renderWithViewer(<AuditLogPage />, {
      path: '/audit-log',
      mocks: [peopleMock, eventsMock(null, EVENTS)],
    });
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('From date'), { target: { value: '2/3/2026' } });
    fireEvent.change(screen.getByLabelText('To date'), { target: { value: '1/3/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#filter-to');
    await waitFor(() => expect(document.title).toBe('Error: Audit log – Holdspace'));
  });

  it('pages through the log', async () => {
    renderWithViewer(<AuditLogPage />, {
      path: '/audit-log',
      mocks: [
        peopleMock,
        eventsMock(null, [EVENTS[0] as Event], null, { endCursor: 'c1', hasNextPage: true }, 51),
        eventsMock(null, [EVENTS[1] as Event], 'c1', { endCursor: 'c2', hasNextPage: false }, 51),
      ],
    });
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Previous page' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(
      await screen.findByRole('table', { name: 'Audit events, newest first, page 2' }),
    ).toBeTruthy();
    await waitFor(() => expect(cells()[0]?.[2]).toBe('Looked at a list of absence records'));
    expect(screen.getByText('Showing 51 to 51 of 51 events')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(cells()[0]?.[2]).toBe('Invited a member'));
  });

  it('exports exactly what the table shows', async () => {
    const download = jest.spyOn(csv, 'downloadCsv').mockImplementation(() => undefined);
    renderWithViewer(<AuditLogPage />, {
      path: '/audit-log',
      mocks: [peopleMock, eventsMock(null, EVENTS)],
    });
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const [fileName, text] = download.mock.calls[0] as [string, string];
    expect(fileName).toMatch(
      /^holdspace-northside-family-support-audit-log-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(text.split('\r\n')).toEqual([
      'When,Who,What happened,Type of record,Record ID',
      '"3 March 2026, 14:05:09",Alex Admin,Invited a member,Membership,m-1',
      '"2 March 2026, 09:00:00",Alex Admin,Looked at a list of absence records,Absence,None',
      '"1 March 2026, 08:00:00",Holdspace (system),Imported staff from a CSV file,Import,None',
      '',
    ]);
  });

  it('says when nothing matches the filters', async () => {
    renderWithViewer(<AuditLogPage />, {
      path: '/audit-log?action=staff.erase',
      mocks: [peopleMock, eventsMock({ actions: ['staff.erase'] }, [])],
    });
    expect(await screen.findByText('No events match these filters')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Clear the filters and see everything' })).toBeTruthy();
  });
});
