import type { Role } from '../gql/graphql';
import {
  canSee,
  homePathFor,
  itemForPath,
  NAVIGATION,
  navigationFor,
  ROLES,
  type NavigationItemId,
} from './navigation';

/** Straight from product.md's roles (and the shell brief), written out longhand. */
const EXPECTED: Record<Role, NavigationItemId[]> = {
  ORG_ADMIN: [
    'overview',
    'supervision',
    'people',
    'absence-and-turnover',
    'cost-case',
    'imports',
    'settings',
    'audit-log',
  ],
  SERVICE_MANAGER: ['overview', 'supervision', 'people', 'absence-and-turnover', 'cost-case'],
  SUPERVISOR: ['supervision', 'people'],
  PRACTITIONER: ['my-supervision'],
  ANALYST: ['overview', 'supervision', 'absence-and-turnover', 'cost-case'],
  COMMISSIONER_ANALYST: ['commissioning'],
};

const ALL_IDS = NAVIGATION.map((item) => item.id);

describe('navigation by role', () => {
  it('covers every role the API knows', () => {
    expect([...ROLES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(ROLES.map((role) => [role, EXPECTED[role]] as const))('%s', (role, expected) => {
    it('shows exactly its pages, in display order', () => {
      expect(navigationFor(role).map((item) => item.id)).toEqual(expected);
    });

    it('may open only the pages it is shown', () => {
      for (const id of ALL_IDS) expect(canSee(role, id)).toBe(expected.includes(id));
    });

    it('lands on its first page', () => {
      expect(homePathFor(role)).toBe(navigationFor(role)[0]?.path);
    });
  });

  it('never shows individual records to analysts or commissioner analysts', () => {
    for (const role of ['ANALYST', 'COMMISSIONER_ANALYST'] as const) {
      expect(canSee(role, 'people')).toBe(false);
      expect(canSee(role, 'my-supervision')).toBe(false);
      expect(canSee(role, 'audit-log')).toBe(false);
    }
  });

  it('keeps absence figures from supervisors and practitioners', () => {
    for (const role of ['SUPERVISOR', 'PRACTITIONER'] as const) {
      expect(canSee(role, 'absence-and-turnover')).toBe(false);
    }
  });

  it('gives each page a unique id, label and path, and at least one role', () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(NAVIGATION.map((item) => item.id))).toBe(true);
    expect(unique(NAVIGATION.map((item) => item.label))).toBe(true);
    expect(unique(NAVIGATION.map((item) => item.path))).toBe(true);
    for (const item of NAVIGATION) {
      expect(item.path).toMatch(/^\/[a-z-]+$/);
      expect(item.roles.length).toBeGreaterThan(0);
      expect(item.summary).not.toHaveLength(0);
    }
  });

  it('finds the page for a path and the paths below it', () => {
    expect(itemForPath('/cost-case')?.id).toBe('cost-case');
    expect(itemForPath('/people/123')?.id).toBe('people');
    expect(itemForPath('/peoplex')).toBeUndefined();
    expect(itemForPath('/')).toBeUndefined();
  });
});
