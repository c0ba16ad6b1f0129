import { checkProviderSlug, checkTerms } from './sharing-forms';
import { byLatest, dateOf, servicesText } from './sharing-labels';
import { agreement } from './test-fixtures';

describe('the provider’s address', () => {
  it('must be given, without spaces, and not too long', () => {
    expect(checkProviderSlug('')).toBe('Enter the provider’s Holdspace address');
    expect(checkProviderSlug('   ')).toBe('Enter the provider’s Holdspace address');
    expect(checkProviderSlug('north side')).toBe('The address cannot contain spaces');
    expect(checkProviderSlug('x'.repeat(201))).toBe('The address must be 200 characters or fewer');
    expect(checkProviderSlug(' northside ')).toBeUndefined();
  });
});

describe('the terms of sharing', () => {
  const today = '2026-11-22';

  it('needs a service and a real date, not in the future', () => {
    expect(checkTerms({ serviceIds: [], sharedFrom: '' }, today).errors).toEqual({
      serviceIds: 'Choose at least one service to share',
      sharedFrom: 'Enter the date to share from',
    });
    expect(checkTerms({ serviceIds: ['a'], sharedFrom: '31/2/2026' }, today).errors).toEqual({
      sharedFrom: 'The date to share from must be a real date',
    });
    expect(checkTerms({ serviceIds: ['a'], sharedFrom: 'next week' }, today).errors).toEqual({
      sharedFrom: 'The date to share from must be a date, like 27/3/2026',
    });
    expect(checkTerms({ serviceIds: ['a'], sharedFrom: '23/11/2026' }, today).errors).toEqual({
      sharedFrom: 'The date to share from must be today or in the past',
    });
    expect(checkTerms({ serviceIds: ['a'], sharedFrom: '31/12/1999' }, today).errors).toEqual({
      sharedFrom: 'The date to share from must be 1 January 2000 or later',
    });
  });

  it('gives ISO dates for the API', () => {
    expect(checkTerms({ serviceIds: ['a', 'b'], sharedFrom: '1/4/2026' }, today)).toEqual({
      terms: { serviceIds: ['a', 'b'], sharedFrom: '2026-04-01' },
      errors: {},
    });
    expect(
      checkTerms({ serviceIds: ['a'], sharedFrom: '22/11/2026' }, today).terms?.sharedFrom,
    ).toBe('2026-11-22');
  });
});

describe('the words for agreements', () => {
  it('lists services by name', () => {
    expect(servicesText(agreement({ id: 'a' }).services)).toBe('Counselling and Outreach');
    expect(servicesText([])).toBe('No services');
  });

  it('writes an instant as the date where the organisation is', () => {
    // 23:30 UTC on 31 May is 1 June in London (BST).
    expect(dateOf('2026-05-31T23:30:00.000Z', 'Europe/London')).toBe('1 June 2026');
    expect(dateOf(null, 'Europe/London')).toBe('');
  });

  it('puts the latest change first', () => {
    const old = agreement({ id: 'old', requestedAt: '2025-01-01T00:00:00Z', respondedAt: null });
    const revoked = agreement({
      id: 'revoked',
      requestedAt: '2024-01-01T00:00:00Z',
      revokedAt: '2026-02-01T00:00:00Z',
    });
    expect([old, revoked].sort(byLatest).map((a) => a.id)).toEqual(['revoked', 'old']);
  });
});
