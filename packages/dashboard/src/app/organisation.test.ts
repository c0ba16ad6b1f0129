import {
  getOrganisationId,
  ORGANISATION_STORAGE_KEY,
  resetOrganisationForTests,
  setOrganisationId,
  subscribeToOrganisation,
} from './organisation';

beforeEach(() => {
  window.localStorage.clear();
  resetOrganisationForTests();
});

describe('the chosen organisation', () => {
  it('starts from the one remembered in localStorage', () => {
    window.localStorage.setItem(ORGANISATION_STORAGE_KEY, 'org-a');
    expect(ORGANISATION_STORAGE_KEY).toBe('holdspace.org');
    expect(getOrganisationId()).toBe('org-a');
  });

  it('is null when none was chosen', () => {
    expect(getOrganisationId()).toBeNull();
  });

  it('is remembered for next time and announced when switched', () => {
    const listener = jest.fn();
    subscribeToOrganisation(listener);
    setOrganisationId('org-b');
    expect(getOrganisationId()).toBe('org-b');
    expect(window.localStorage.getItem(ORGANISATION_STORAGE_KEY)).toBe('org-b');
    expect(listener).toHaveBeenCalledTimes(1);
    setOrganisationId('org-b');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('is forgotten when cleared', () => {
    setOrganisationId('org-b');
    setOrganisationId(null);
    expect(getOrganisationId()).toBeNull();
    expect(window.localStorage.getItem(ORGANISATION_STORAGE_KEY)).toBeNull();
  });

  it('belongs to this tab once read: another tab switching does not change it', () => {
    window.localStorage.setItem(ORGANISATION_STORAGE_KEY, 'org-a');
    expect(getOrganisationId()).toBe('org-a');
    window.localStorage.setItem(ORGANISATION_STORAGE_KEY, 'org-b');
    expect(getOrganisationId()).toBe('org-a');
  });
});
