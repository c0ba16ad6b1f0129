import type { OrganisationKind, Role } from '../../src/gql/graphql';

/** The API's demo data (SEED_DEMO=true): one account per role, one password for all. */
export const DEMO_PASSWORD = 'holdspace-demo-2026';

export const NORTHSIDE = 'Northside Family Support';
export const RIVERSIDE = 'Riverside Academy Trust';
export const COUNTY = 'County Council Commissioning';

export interface DemoAccount {
  email: string;
  /** The organisation the account acts in after signing in (its first membership). */
  organisation: string;
  /** That organisation's kind: the pages a role sees depend on it (navigation.ts). */
  kind: OrganisationKind;
}

/** A Record, so a new role does not compile until it has a demo account to test it with. */
export const DEMO_ACCOUNTS: Record<Role, DemoAccount> = {
  // Also an admin of Riverside, second.
  ORG_ADMIN: { email: 'admin@northside.example', organisation: NORTHSIDE, kind: 'NGO' },
  SERVICE_MANAGER: { email: 'manager@northside.example', organisation: NORTHSIDE, kind: 'NGO' },
  SUPERVISOR: { email: 'supervisor@northside.example', organisation: NORTHSIDE, kind: 'NGO' },
  PRACTITIONER: { email: 'practitioner@northside.example', organisation: NORTHSIDE, kind: 'NGO' },
  ANALYST: { email: 'analyst@northside.example', organisation: NORTHSIDE, kind: 'NGO' },
  COMMISSIONER_ANALYST: {
    email: 'commissioner@county.example',
    organisation: COUNTY,
    kind: 'COMMISSIONER',
  },
};
