import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  OrganisationSettingsDocument,
  UpdateOrganisationSettingsDocument,
  type OrganisationSettingsQuery,
} from '../gql/graphql';
import { OrganisationSettingsSection } from './organisation-settings';
import { SETTINGS_MESSAGES } from './settings-form';
import { renderWithViewer } from './test-viewer';

const SOURCE =
  "The default costs (563 per worker per year for supervision, 1,612 to recruit a replacement for each leaver) come from one charity's published evaluation of its clinical supervision.";

const SETTINGS: OrganisationSettingsQuery['organisationSettings'] = {
  __typename: 'OrganisationSettings',
  name: 'Northside Family Support',
  timeZone: 'Europe/London',
  currency: 'GBP',
  defaultInterval: 'MONTHLY',
  countedFormats: ['ONE_TO_ONE', 'GROUP'],
  supervisionCostPerWorkerYear: 563,
  recruitmentCostPerLeaver: 1612,
  costDefaultsSource: SOURCE,
  suppressionThreshold: 5,
  retentionMonths: 72,
};

const settingsMock = (settings = SETTINGS): MockLink.MockedResponse<OrganisationSettingsQuery> => ({
  request: { query: OrganisationSettingsDocument },
  result: { data: { organisationSettings: settings } },
});

function updateMock(
  input: Record<string, unknown>,
  result: MockLink.MockedResponse['result'],
  delay = 0,
): MockLink.MockedResponse {
  return {
    request: { query: UpdateOrganisationSettingsDocument, variables: { input } },
    result,
    delay,
  };
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const RETENTION = 'How long to keep leavers’ personal data, in months';

describe('the organisation settings, for an admin', () => {
  it('shows the settings in a form, with the source of the default costs', async () => {
    renderWithViewer(<OrganisationSettingsSection />, { mocks: [settingsMock()] });
    expect(await screen.findByRole('button', { name: 'Save settings' })).toBeTruthy();
    expect(field('Organisation name').value).toBe('Northside Family Support');
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Europe/London');
    expect((screen.getByLabelText('Currency') as HTMLSelectElement).value).toBe('GBP');
    expect((screen.getByLabelText('Default supervision interval') as HTMLSelectElement).value).toBe(
      'MONTHLY',
    );
    expect(field('Supervision cost per worker per year').value).toBe('563');
    expect(field('Recruitment cost per leaver').value).toBe('1612');
    expect(field('Small-number threshold').value).toBe('5');
    expect(field(RETENTION).value).toBe('72');

    const formats = screen.getByRole('group', { name: 'Session formats that count' });
    const checked = within(formats)
      .getAllByRole('checkbox')
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => (box as HTMLInputElement).value);
    expect(checked).toEqual(['ONE_TO_ONE', 'GROUP']);
    // Peer and case consultation: recorded, but not counted by default, and the page says so.
    expect(formats.textContent).toContain(
      'Peer supervision and group case consultation are always recorded and reported, but by default they do not count',
    );

    const source = document.getElementById('cost-defaults-source');
    expect(source?.textContent).toContain('£563 per worker per year');
    expect(source?.textContent).toContain('£1,612 to recruit a replacement');
    expect(source?.textContent).toContain(SOURCE);
    expect(document.title).toBe('Organisation settings – Holdspace');
  });

  it('lists the problems in a focused summary linking to each field, and sends nothing', async () => {
    renderWithViewer(<OrganisationSettingsSection />, { mocks: [settingsMock()] });
    await screen.findByRole('button', { name: 'Save settings' });
    fireEvent.change(field('Organisation name'), { target: { value: '' } });
    fireEvent.change(field('Small-number threshold'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'One-to-one' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Group' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      [SETTINGS_MESSAGES.nameMissing, '#name'],
      [SETTINGS_MESSAGES.formatsMissing, '#countedFormats'],
      [SETTINGS_MESSAGES.suppressionRange, '#suppressionThreshold'],
    ]);
    for (const link of links) {
      expect(document.getElementById(link.getAttribute('href')!.slice(1))?.tagName).toBe('INPUT');
    }
    await waitFor(() => expect(document.activeElement).toBe(summary.parentElement));
    expect(field('Organisation name').getAttribute('aria-invalid')).toBe('true');
    expect(document.title).toBe('Error: Organisation settings – Holdspace');
  });

  it('saves only what changed and says so', async () => {
    renderWithViewer(<OrganisationSettingsSection />, {
      mocks: [
        settingsMock(),
        updateMock(
          { retentionMonths: 84, countedFormats: ['ONE_TO_ONE', 'GROUP', 'PEER'] },
          {
            data: {
              updateOrganisationSettings: {
                ...SETTINGS,
                retentionMonths: 84,
                countedFormats: ['ONE_TO_ONE', 'GROUP', 'PEER'],
              },
            },
          },
          20,
        ),
      ],
    });
    await screen.findByRole('button', { name: 'Save settings' });
    fireEvent.change(field(RETENTION), { target: { value: ' 84 ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Peer supervision' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    const busy = await screen.findByRole('button', { name: 'Saving…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        'Your changes have been saved.',
      ),
    );
    expect(field(RETENTION).value).toBe('84');
  });

  it('says when there is nothing to save', async () => {
    renderWithViewer(<OrganisationSettingsSection />, { mocks: [settingsMock()] });
    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        'There were no changes to save.',
      ),
    );
  });

  it('shows the API’s reason by the field it is about', async () => {
    renderWithViewer(<OrganisationSettingsSection />, {
      mocks: [
        settingsMock(),
        updateMock(
          { name: 'Northside' },
          {
            errors: [
              {
                message: 'Give the organisation a name.',
                extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
              },
            ],
          },
        ),
      ],
    });
    await screen.findByRole('button', { name: 'Save settings' });
    fireEvent.change(field('Organisation name'), { target: { value: 'Northside' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#name');
    expect(document.getElementById('name-error')?.textContent).toBe(
      'Error: Give the organisation a name.',
    );
  });

  it('shows an error state with a way to try again when the settings do not load', async () => {
    renderWithViewer(<OrganisationSettingsSection />, {
      mocks: [
        {
          request: { query: OrganisationSettingsDocument },
          result: { errors: [{ message: 'Down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
        },
      ],
    });
    expect(await screen.findByText('Holdspace is not available right now')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('the organisation settings, for other roles', () => {
  it('are shown read-only, with no form', async () => {
    renderWithViewer(<OrganisationSettingsSection />, {
      role: 'ANALYST',
      mocks: [settingsMock()],
    });
    expect(
      await screen.findByText('Only an organisation admin can change these settings.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    const list = document.querySelector('dl') as HTMLElement;
    expect(list.textContent).toContain('Session formats that countOne-to-one, Group');
    expect(list.textContent).toContain('Supervision cost per worker per year£563');
    expect(list.textContent).toContain('Small-number threshold5 staff');
    expect(document.getElementById('cost-defaults-source')?.textContent).toContain(SOURCE);
  });
});
