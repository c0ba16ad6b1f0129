import type { OrganisationKind, Role } from '../gql/graphql';
import {
  audienceOf,
  canSee,
  homePathFor,
  itemForPath,
  NAVIGATION,
  navigationFor,
  ROLES,
  type NavigationItemId,
} from './navigation';

/**
 * Straight from product.md's roles (and the shell brief), written out longhand,
 * for a provider organisation (here an NGO).
 */
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
  // Only a commissioner organisation has commissioner analysts (the API refuses the role elsewhere).
  COMMISSIONER_ANALYST: [],
};

/**
 * In a commissioner organisation (docs/commissioning.md): no staff records at all,
 * so none of a provider's pages; the API admits only admins and commissioner analysts.
 */
const EXPECTED_COMMISSIONER: Record<Role, NavigationItemId[]> = {
  ORG_ADMIN: ['commissioning', 'settings', 'audit-log'],
  SERVICE_MANAGER: [],
  SUPERVISOR: [],
  PRACTITIONER: [],
  ANALYST: [],
  COMMISSIONER_ANALYST: ['commissioning'],
};

const PROVIDER_KINDS: OrganisationKind[] = [
  'CARE_PROVIDER',
  'HEALTH',
  'LOCAL_AUTHORITY',
  'NGO',
  'SCHOOL',
];

const ALL_IDS = NAVIGATION.map((item) => item.id);

describe('navigation by role', () => {
  it('covers every role the API knows', () => {
    expect([...ROLES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = ROLES.flatMap((role) => [
    ...PROVIDER_KINDS.map((kind) => [role, kind, EXPECTED[role]] as const),
    [role, 'COMMISSIONER' as const, EXPECTED_COMMISSIONER[role]] as const,
  ]);

  describe.each(cases)('%s in a %s organisation', (role, kind, expected) => {
    it('shows exactly its pages, in display order', () => {
      expect(navigationFor(role, kind).map((item) => item.id)).toEqual(expected);
    });

    it('may open only the pages it is shown', () => {
      for (const id of ALL_IDS) expect(canSee(role, kind, id)).toBe(expected.includes(id));
    });

    it('lands on its first page', () => {
      expect(homePathFor(role, kind)).toBe(navigationFor(role, kind)[0]?.path ?? '/');
    });
  });

  it('gives every role the API allows in an organisation some page', () => {
    // users.service.ts: a commissioner organisation takes admins and commissioner analysts only.
    for (const role of ROLES.filter((r) => r !== 'COMMISSIONER_ANALYST')) {
      expect(navigationFor(role, 'NGO').length).toBeGreaterThan(0);
    }
    for (const role of ['ORG_ADMIN', 'COMMISSIONER_ANALYST'] as const) {
      expect(navigationFor(role, 'COMMISSIONER').length).toBeGreaterThan(0);
    }
  });

  it('tells a commissioner from a provider by kind alone', () => {
    expect(audienceOf('COMMISSIONER')).toBe('COMMISSIONER');
    for (const kind of PROVIDER_KINDS) expect(audienceOf(kind)).toBe('PROVIDER');
  });

  it('never shows a commissioner organisation a page of staff, supervision or absence records', () => {
    for (const role of ROLES) {
      for (const id of [
        'overview',
        'my-supervision',
        'supervision',
        'people',
        'absence-and-turnover',
        'cost-case',
        'imports',
      ] as const) {
        expect(canSee(role, 'COMMISSIONER', id)).toBe(false);
      }
    }
  });

  it('shows Commissioning only in a commissioner organisation', () => {
    for (const role of ROLES) {
      for (const kind of PROVIDER_KINDS) expect(canSee(role, kind, 'commissioning')).toBe(false);
    }
  });

  it('never shows individual records to analysts or commissioner analysts', () => {
    for (const role of ['ANALYST', 'COMMISSIONER_ANALYST'] as const) {
      for (const kind of [...PROVIDER_KINDS, 'COMMISSIONER' as const]) {
        expect(canSee(role, kind, 'people')).toBe(false);
        expect(canSee(role, kind, 'my-supervision')).toBe(false);
        expect(canSee(role, kind, 'audit-log')).toBe(false);
      }
    }
  });

  it('keeps absence figures from supervisors and practitioners', () => {
    for (const role of ['SUPERVISOR', 'PRACTITIONER'] as const) {
      expect(canSee(role, 'NGO', 'absence-and-turnover')).toBe(false);
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
      expect(item.audiences.length).toBeGreaterThan(0);
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
