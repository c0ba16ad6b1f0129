import type { Page } from 'playwright-core';
import { NAVIGATION, ROLE_LABELS, ROLES } from '../src/shell/navigation';
import { ACCEPT_MESSAGES } from '../src/invitation/accept-invitation-form';
import { SETTINGS_MESSAGES } from '../src/settings/settings-form';
import {
  expectNoAxeViolations,
  heading,
  mainNavigation,
  NO_ACCESS_HEADING,
  openPage,
  pathOf,
  screenshot,
  signIn,
  submitSignIn,
  waitForPage,
} from './support/app';
import { useBrowser, usePage } from './support/browser';
import { COUNTY, DEMO_ACCOUNTS, NORTHSIDE } from './support/demo-accounts';

/*
 * Settings and users, end to end as the organisation admin: a setting changed
 * and still there after reloading; a member invited, their link opened in a
 * fresh browser, a password set and the new member signed in; their role
 * changed and their membership removed; the audit log lists all of it. No other
 * role can reach these pages. A commissioner organisation's admin sees only the
 * settings that apply to a commissioner. axe finds nothing on any of them.
 */

const RETENTION = 'How long to keep leavers’ personal data, in months';
const INVITEE_NAME = 'Robin Invitee';
const INVITEE_EMAIL = `robin.invitee.${Date.now()}@northside.example`;
const INVITEE_PASSWORD = 'a long enough password for e2e';
const ADMIN_NAME = 'Amira Khan';
/** The admin of the demo's commissioner organisation (kind COMMISSIONER). */
const COUNTY_ADMIN = 'admin@county.example';

const browser = useBrowser();
const admin = usePage(browser, { signedInAs: DEMO_ACCOUNTS.ORG_ADMIN.email });

/** From a settings page, clicks through to the Users tab and waits for its table of members. */
async function clickUsersTab(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Users' })
    .click();
  await page.getByRole('table', { name: /Members of/ }).waitFor();
}

/** The text of the page's status messages (success notices). */
async function statusText(page: Page): Promise<string> {
  return (await page.getByRole('status').allInnerTexts()).join('\n');
}

async function openOrganisationSettings(page: Page): Promise<void> {
  await page.goto('/settings');
  await waitForPage(page, 'Settings');
  await page.getByRole('button', { name: 'Save settings' }).waitFor();
}

async function openUsers(page: Page): Promise<void> {
  await page.goto('/settings/users');
  await waitForPage(page, 'Settings');
  await page.getByRole('table', { name: /Members of/ }).waitFor();
}

/** The cells of the member list's row for `name`. */
async function memberRow(page: Page, name: string): Promise<string[]> {
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  return (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
}

describe('organisation settings', () => {
  let originalRetention = '';

  afterAll(async () => {
    // Leave the demo organisation as it was for the other browser tests.
    if (!originalRetention) return;
    const { page } = admin;
    await openOrganisationSettings(page);
    await page.getByLabel(RETENTION).fill(originalRetention);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Your changes have been saved.').waitFor();
  });

  test('the admin sees the settings, with the source of the default costs', async () => {
    const { page } = admin;
    await mainNavigation(page).getByRole('link', { name: 'Settings', exact: true }).click();
    await waitForPage(page, 'Settings');
    expect(pathOf(page)).toBe('/settings');
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    expect(await page.getByLabel('Organisation name').inputValue()).toBe(NORTHSIDE);
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/London');
    const main = await page.getByRole('main').innerText();
    expect(main).toContain('£563 per worker per year');
    expect(main).toContain('£1,612 to recruit a replacement');
    expect(main).toContain("one charity's published evaluation");
    expect(main).toContain('by default they do not count');
    expect(await page.title()).toBe('Organisation settings – Holdspace');
    await screenshot(page, 'settings-organisation');
    await expectNoAxeViolations(page);
  });

  test('a setting out of range is explained, GOV.UK style', async () => {
    const { page } = admin;
    await openOrganisationSettings(page);
    await page.getByLabel('Small-number threshold').fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      SETTINGS_MESSAGES.suppressionRange,
    ]);
    expect(await page.title()).toBe('Error: Organisation settings – Holdspace');
    await screenshot(page, 'settings-organisation-errors');
    await expectNoAxeViolations(page);
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('suppressionThreshold');
  });

  test('the admin changes a setting and it is saved', async () => {
    const { page } = admin;
    await openOrganisationSettings(page);
    originalRetention = await page.getByLabel(RETENTION).inputValue();
    const changed = String(Number(originalRetention) + 12);
    await page.getByLabel(RETENTION).fill(changed);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Your changes have been saved.').waitFor();
    expect(await statusText(page)).toContain('Your changes have been saved.');

    // Still there after a reload, so it is the server's value.
    await page.reload();
    await waitForPage(page, 'Settings');
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    expect(await page.getByLabel(RETENTION).inputValue()).toBe(changed);
  });
});

describe('users and invitations', () => {
  let invitationLink = '';

  test('the admin sees the members, with an action for each', async () => {
    const { page } = admin;
    await openOrganisationSettings(page);
    await clickUsersTab(page);
    expect(pathOf(page)).toBe('/settings/users');
    expect(await page.title()).toBe('Users – Holdspace');
    expect(await memberRow(page, `${ADMIN_NAME} (you)`)).toEqual(
      expect.arrayContaining(['admin@northside.example', 'Organisation admin', 'Active']),
    );
    expect(await memberRow(page, 'Ben Okafor')).toEqual(
      expect.arrayContaining(['Service manager', 'Outreach', 'Active']),
    );
    await screenshot(page, 'settings-users');
    await expectNoAxeViolations(page);
  });

  test('the admin invites a member and is shown their link once', async () => {
    const { page } = admin;
    await openUsers(page);
    await page.getByRole('button', { name: 'Invite a member' }).click();
    await page.getByRole('heading', { name: 'Invite a member' }).waitFor();

    // Nothing filled in: every problem, linked.
    await page.getByRole('button', { name: 'Invite member' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary a').count()).toBe(3);
    await screenshot(page, 'settings-users-invite-errors');
    await expectNoAxeViolations(page);

    await page.getByLabel('Email address').fill(INVITEE_EMAIL);
    await page.getByLabel('Full name').fill(INVITEE_NAME);
    await page.getByRole('radio', { name: 'Supervisor' }).check();
    await page.getByRole('button', { name: 'Invite member' }).click();

    await page.getByRole('heading', { name: `Invitation link for ${INVITEE_NAME}` }).waitFor();
    expect(await page.getByRole('main').innerText()).toContain('This link is shown only once');
    invitationLink = await page.getByLabel('Invitation link').inputValue();
    expect(invitationLink).toMatch(/\/accept-invitation\?token=[^&]+$/);
    await screenshot(page, 'settings-users-invitation-link');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[role="status"]')).some((s) =>
        /copied|copy it now/i.test(s.textContent ?? ''),
      ),
    );
    await page.getByRole('button', { name: 'I have copied the link' }).click();
    expect(await page.getByLabel('Invitation link').count()).toBe(0);
    expect(await memberRow(page, INVITEE_NAME)).toEqual(
      expect.arrayContaining([INVITEE_EMAIL, 'Supervisor', 'Invitation pending']),
    );
  });

  test('the invited person sets a password in a fresh browser and signs in', async () => {
    expect(invitationLink).not.toBe('');
    const invitee = await openPage(browser());
    try {
      const { page } = invitee;
      await page.goto(invitationLink);
      await waitForPage(page, 'Set your password');
      await screenshot(page, 'accept-invitation');
      await expectNoAxeViolations(page);

      // Too short and not the same twice: the GOV.UK error pattern.
      await page.getByLabel('Create a password').fill('short');
      await page.getByLabel('Confirm your password').fill('shorter');
      await page.getByRole('button', { name: 'Set password' }).click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.getByRole('link').allInnerTexts()).toEqual([
        ACCEPT_MESSAGES.passwordTooShort,
        ACCEPT_MESSAGES.confirmDifferent,
      ]);
      expect(await page.title()).toBe('Error: Set your password – Holdspace');
      await screenshot(page, 'accept-invitation-errors');
      await expectNoAxeViolations(page);

      await page.getByLabel('Create a password').fill(INVITEE_PASSWORD);
      await page.getByLabel('Confirm your password').fill(INVITEE_PASSWORD);
      await page.getByRole('button', { name: 'Set password' }).click();
      await heading(page, 'Your password is set').waitFor();
      expect(await page.getByRole('main').innerText()).toContain(
        `You can now sign in to Holdspace as ${INVITEE_EMAIL}`,
      );
      await screenshot(page, 'accept-invitation-done');
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Continue to sign in' }).click();
      await waitForPage(page, 'Sign in');
      await submitSignIn(page, INVITEE_EMAIL, INVITEE_PASSWORD);
      await mainNavigation(page).waitFor();
      await waitForPage(page, 'Supervision');
      const header = await page.getByRole('banner').innerText();
      expect(header).toContain(INVITEE_NAME);
      expect(header).toContain(ROLE_LABELS.SUPERVISOR);
      expect(header).toContain(NORTHSIDE);

      // The link worked once.
      const again = await openPage(browser());
      try {
        await again.page.goto(invitationLink);
        await waitForPage(again.page, 'Set your password');
        await again.page.getByLabel('Create a password').fill(INVITEE_PASSWORD);
        await again.page.getByLabel('Confirm your password').fill(INVITEE_PASSWORD);
        await again.page.getByRole('button', { name: 'Set password' }).click();
        await again.page.locator('.error-summary').waitFor();
        expect(await again.page.locator('.error-summary').innerText()).toContain(
          'This invitation link is not valid or has expired',
        );
      } finally {
        await again.context.close();
      }
      expect(invitee.pageErrors.map(String)).toEqual([]);
    } finally {
      await invitee.context.close();
    }

    // The admin sees them as active now.
    await openUsers(admin.page);
    expect(await memberRow(admin.page, INVITEE_NAME)).toEqual(
      expect.arrayContaining(['Supervisor', 'Active']),
    );
  });

  test('the admin changes their role', async () => {
    const { page } = admin;
    await openUsers(page);
    await page.getByRole('button', { name: `Change role of ${INVITEE_NAME}` }).click();
    await page.getByRole('heading', { name: `Change the role of ${INVITEE_NAME}` }).waitFor();
    await page.getByRole('radio', { name: 'Service manager' }).check();
    await page.getByRole('checkbox', { name: 'Outreach' }).check();
    await screenshot(page, 'settings-users-change-role');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save role' }).click();
    await page.getByText(`${INVITEE_NAME} is now a service manager.`).waitFor();
    await page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: INVITEE_NAME, exact: true }) })
      .getByRole('cell', { name: 'Service manager', exact: true })
      .waitFor();
    expect(await memberRow(page, INVITEE_NAME)).toEqual(
      expect.arrayContaining(['Service manager', 'Outreach']),
    );
  });

  test('the last admin cannot be removed: the API says why', async () => {
    const { page } = admin;
    await openUsers(page);
    await page.getByRole('button', { name: `Remove ${ADMIN_NAME}`, exact: true }).click();
    await page.getByRole('heading', { name: `Remove yourself from ${NORTHSIDE}?` }).waitFor();
    await page.getByRole('button', { name: 'Yes, remove me' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').innerText()).toContain(
      'The organisation must keep at least one admin',
    );
    await screenshot(page, 'settings-users-remove-last-admin');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the admin removes the new member, after confirming', async () => {
    const { page } = admin;
    await openUsers(page);
    await page.getByRole('button', { name: `Remove ${INVITEE_NAME}`, exact: true }).click();
    await page.getByRole('heading', { name: `Remove ${INVITEE_NAME}?` }).waitFor();
    await page.getByRole('button', { name: `Yes, remove ${INVITEE_NAME}` }).click();
    await page.getByText(`${INVITEE_NAME} has been removed from ${NORTHSIDE}.`).waitFor();
    await page
      .getByRole('cell', { name: INVITEE_NAME, exact: true })
      .waitFor({ state: 'detached' });
  });

  test('the audit log lists those actions, newest first', async () => {
    const { page } = admin;
    await mainNavigation(page).getByRole('link', { name: 'Audit log', exact: true }).click();
    await waitForPage(page, 'Audit log');
    await page.getByRole('table', { name: /Audit events/ }).waitFor();
    const rows = await page
      .getByRole('table', { name: /Audit events/ })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')),
      );
    const actions = rows.map((cells) => `${cells[1]}: ${cells[2]}`);
    const expected = [
      `${ADMIN_NAME}: Removed a member`,
      `${ADMIN_NAME}: Changed a member’s role`,
      `${INVITEE_NAME}: Accepted an invitation and set a password`,
      `${ADMIN_NAME}: Invited a member`,
      `${ADMIN_NAME}: Changed the organisation’s settings`,
    ];
    // In this order (newest first), whatever else happened in between.
    const positions = expected.map((action) => actions.indexOf(action));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    await screenshot(page, 'audit-log-after-settings');
  });
});

describe('a commissioner organisation’s settings', () => {
  const countyAdmin = usePage(browser, { signedInAs: COUNTY_ADMIN });

  test('its admin sees only its name, time zone and small-number threshold, and its users', async () => {
    const { page } = countyAdmin;
    await page.goto('/settings');
    await waitForPage(page, 'Settings');
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    expect(await page.getByLabel('Organisation name').inputValue()).toBe(COUNTY);
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/London');
    expect(await page.getByLabel('Small-number threshold').inputValue()).toMatch(/^\d+$/);
    // Those three and nothing else: no supervision, cost case or leavers' settings.
    const fields = await page
      .locator('form.settings-form')
      .locator('input, select')
      .evaluateAll((elements) => elements.map((element) => element.id));
    expect(fields).toEqual(['name', 'timeZone', 'suppressionThreshold']);
    const main = await page.getByRole('main').innerText();
    expect(main).toContain(
      'they apply to organisations that record their own staff and supervision',
    );
    for (const absent of [
      'Default supervision interval',
      'Session formats that count',
      'Cost case',
      'Currency',
      '£563',
      'leavers’ personal data',
    ]) {
      expect(main).not.toContain(absent);
    }
    expect(
      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link').allInnerTexts(),
    ).toEqual(['Organisation', 'Users']);
    await screenshot(page, 'settings-organisation-commissioner');
    await expectNoAxeViolations(page);

    await clickUsersTab(page);
    expect(pathOf(page)).toBe('/settings/users');
    expect(await page.getByRole('button', { name: 'Invite a member' }).count()).toBeGreaterThan(0);
  });
});

describe('nobody but an admin reaches settings, users or the audit log', () => {
  const others = ROLES.filter((role) => role !== 'ORG_ADMIN');
  const paths = ['/settings', '/settings/users', '/audit-log'];

  test.each(others.map((role) => [ROLE_LABELS[role], role] as const))(
    '%s',
    async (_label, role) => {
      const opened = await openPage(browser());
      try {
        const { page } = opened;
        await signIn(page, DEMO_ACCOUNTS[role].email);
        const labels = await mainNavigation(page).getByRole('link').allInnerTexts();
        expect(labels).not.toContain('Settings');
        expect(labels).not.toContain('Audit log');
        for (const path of paths) {
          await page.goto(path);
          await waitForPage(page, NO_ACCESS_HEADING);
          expect(pathOf(page)).toBe(path);
          expect(await page.getByRole('table').count()).toBe(0);
          expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
        }
        // Nor does the API answer them.
        const organisation = await page.evaluate(() => localStorage.getItem('holdspace.org'));
        const response = await page.request.post('/graphql', {
          data: { query: '{ members { totalCount } auditEvents { totalCount } }' },
          headers: { 'X-Holdspace-Org': organisation ?? '' },
        });
        const body = (await response.json()) as {
          data?: unknown;
          errors?: { extensions?: { code?: string } }[];
        };
        expect(body.data ?? null).toBeNull();
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(opened.pageErrors.map(String)).toEqual([]);
      } finally {
        await opened.context.close();
      }
    },
  );

  test('the routes guard matches navigation.ts', () => {
    for (const id of ['settings', 'audit-log'] as const) {
      expect(NAVIGATION.find((item) => item.id === id)?.roles).toEqual(['ORG_ADMIN']);
    }
  });
});
