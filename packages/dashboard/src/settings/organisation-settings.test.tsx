import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  OrganisationSettingsDocument,
  UpdateOrganisationSettingsDocument,
  type OrganisationSettingsQuery,
} from '../gql/graphql';
import { COMMISSIONER_SETTINGS_NOTE, OrganisationSettingsSection } from './organisation-settings';
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

/** The labels of the form's fields (inputs, selects and checkbox groups), in page order. */
function formFieldLabels(): string[] {
  const form = document.querySelector('form') as HTMLFormElement;
  const labels: string[] = [];
  for (const element of Array.from(form.querySelectorAll('input, select, fieldset'))) {
    if (element.tagName === 'FIELDSET') {
      labels.push(element.querySelector('legend')?.textContent ?? '');
    } else if (!element.closest('fieldset')) {
      labels.push(document.querySelector(`label[for="${element.id}"]`)?.textContent ?? '');
    }
  }
  return labels;
}

const COUNTY: OrganisationSettingsQuery['organisationSettings'] = {
  ...SETTINGS,
  name: 'County Council Commissioning',
};

describe('the organisation settings, for a provider’s admin', () => {
  it('has every setting, supervision and the cost case included', async () => {
    renderWithViewer(<OrganisationSettingsSection />, { kind: 'NGO', mocks: [settingsMock()] });
    await screen.findByRole('button', { name: 'Save settings' });
    expect(formFieldLabels()).toEqual([
      'Organisation name',
      'Time zone',
      'Default supervision interval',
      'Session formats that count',
      'Currency',
      'Supervision cost per worker per year',
      'Recruitment cost per leaver',
      'Small-number threshold',
      RETENTION,
    ]);
    expect(screen.getByRole('heading', { name: 'Cost case figures' })).toBeTruthy();
    expect(screen.queryByText(COMMISSIONER_SETTINGS_NOTE)).toBeNull();
  });
});

describe('the organisation settings, for a commissioner’s admin', () => {
  const renderCounty = (mocks: MockLink.MockedResponse[] = [settingsMock(COUNTY)]) =>
    renderWithViewer(<OrganisationSettingsSection />, { kind: 'COMMISSIONER', mocks });

  it('has only the name, the time zone and the small-number threshold, and says why', async () => {
    renderCounty();
    await screen.findByRole('button', { name: 'Save settings' });
    expect(formFieldLabels()).toEqual(['Organisation name', 'Time zone', 'Small-number threshold']);
    expect(field('Organisation name').value).toBe('County Council Commissioning');
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Europe/London');
    expect(field('Small-number threshold').value).toBe('5');
    expect(screen.getByText(COMMISSIONER_SETTINGS_NOTE)).toBeTruthy();

    // Nothing of supervision, the cost case or leavers: a commissioner records none of them.
    expect(screen.queryByLabelText('Default supervision interval')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Session formats that count' })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByLabelText('Currency')).toBeNull();
    expect(screen.queryByLabelText('Supervision cost per worker per year')).toBeNull();
    expect(screen.queryByLabelText('Recruitment cost per leaver')).toBeNull();
    expect(screen.queryByLabelText(RETENTION)).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Cost case figures' })).toBeNull();
    expect(document.getElementById('cost-defaults-source')).toBeNull();

    // The hints speak of what the commissioner sees: the providers' shared figures.
    expect(document.getElementById('suppressionThreshold-hint')?.textContent).toContain(
      'services that providers share with you',
    );
    expect(document.getElementById('timeZone-hint')?.textContent).toContain(
      'the latest complete month you can compare',
    );
  });

  it('saves only the settings it shows', async () => {
    renderCounty([
      settingsMock(COUNTY),
      updateMock(
        { name: 'County Commissioning', suppressionThreshold: 10 },
        {
          data: {
            updateOrganisationSettings: {
              ...COUNTY,
              name: 'County Commissioning',
              suppressionThreshold: 10,
            },
          },
        },
      ),
    ]);
    await screen.findByRole('button', { name: 'Save settings' });
    fireEvent.change(field('Organisation name'), { target: { value: 'County Commissioning' } });
    fireEvent.change(field('Small-number threshold'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        'Your changes have been saved.',
      ),
    );
    expect(field('Small-number threshold').value).toBe('10');
  });

  it('checks the settings it shows, GOV.UK style', async () => {
    renderCounty();
    await screen.findByRole('button', { name: 'Save settings' });
    fireEvent.change(field('Small-number threshold'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => [l.textContent, l.getAttribute('href')]),
    ).toEqual([[SETTINGS_MESSAGES.suppressionRange, '#suppressionThreshold']]);
  });

  it('are shown read-only to other roles, the same few', async () => {
    renderWithViewer(<OrganisationSettingsSection />, {
      role: 'COMMISSIONER_ANALYST',
      kind: 'COMMISSIONER',
      mocks: [settingsMock(COUNTY)],
    });
    expect(
      await screen.findByText('Only an organisation admin can change these settings.'),
    ).toBeTruthy();
    const keys = Array.from(document.querySelectorAll('dl dt')).map((dt) => dt.textContent);
    expect(keys).toEqual(['Organisation name', 'Time zone', 'Small-number threshold']);
    expect(screen.getByText(COMMISSIONER_SETTINGS_NOTE)).toBeTruthy();
    expect(document.getElementById('cost-defaults-source')).toBeNull();
  });
});
