import type { Role } from '../gql/graphql';

/**
 * Who sees which page. This is the single list the navigation, the routes and
 * the route guard read: a page is in a role's navigation exactly when the role
 * may open it. The API enforces the same rules again; hiding a page here is
 * for clarity, not security.
 */

/** What each role is called on screen. A Record, so a new role cannot be forgotten. */
export const ROLE_LABELS: Record<Role, string> = {
  ORG_ADMIN: 'Organisation admin',
  SERVICE_MANAGER: 'Service manager',
  SUPERVISOR: 'Supervisor',
  PRACTITIONER: 'Practitioner',
  ANALYST: 'Analyst',
  COMMISSIONER_ANALYST: 'Commissioner analyst',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export type NavigationItemId =
  | 'overview'
  | 'my-supervision'
  | 'supervision'
  | 'people'
  | 'absence-and-turnover'
  | 'cost-case'
  | 'commissioning'
  | 'imports'
  | 'settings'
  | 'audit-log';

export interface NavigationItem {
  id: NavigationItemId;
  label: string;
  /** Absolute path of the page. */
  path: string;
  /** The roles that may see the page. */
  roles: readonly Role[];
  /** One plain-English sentence on what the page shows. */
  summary: string;
}

/**
 * In display order. From product.md's roles:
 * - organisation admin: everything in the organisation, so every page except
 *   Commissioning (a commissioner organisation's view) and My supervision (a
 *   practitioner's own record, not an admin's job);
 * - service manager: Overview, Supervision, People, Absence & turnover, Cost case
 *   (of the services they manage);
 * - supervisor: Supervision and People (their supervisees); no absence details;
 * - practitioner: My supervision only;
 * - analyst: aggregate pages only (Overview, Supervision, Absence & turnover,
 *   Cost case), never People;
 * - commissioner analyst: Commissioning only.
 */
export const NAVIGATION: readonly NavigationItem[] = [
  {
    id: 'overview',
    label: 'Overview',
    path: '/overview',
    roles: ['ORG_ADMIN', 'SERVICE_MANAGER', 'ANALYST'],
    summary:
      'Supervision coverage, overdue supervision, absence, turnover and the cost case at a glance, with 12-month trends and breakdowns by service and practitioner type.',
  },
  {
    id: 'my-supervision',
    label: 'My supervision',
    path: '/my-supervision',
    roles: ['PRACTITIONER'],
    summary:
      'Your supervision agreement and your sessions. You will be able to confirm a session your supervisor has recorded.',
  },
  {
    id: 'supervision',
    label: 'Supervision',
    path: '/supervision',
    roles: ['ORG_ADMIN', 'SERVICE_MANAGER', 'SUPERVISOR', 'ANALYST'],
    summary:
      'Who is overdue for supervision and by how long, sessions held against sessions expected, cancellations, the mix of formats and functions, and agreements due for review.',
  },
  {
    id: 'people',
    label: 'People',
    path: '/people',
    roles: ['ORG_ADMIN', 'SERVICE_MANAGER', 'SUPERVISOR'],
    summary:
      'Staff, their services and their supervision agreements. Supervisors see the people they supervise.',
  },
  {
    id: 'absence-and-turnover',
    label: 'Absence & turnover',
    path: '/absence-and-turnover',
    roles: ['ORG_ADMIN', 'SERVICE_MANAGER', 'ANALYST'],
    summary:
      'Sickness absence and turnover rates and trends, long-term and mental-health shares, leavers by reason, and stability.',
  },
  {
    id: 'cost-case',
    label: 'Cost case',
    path: '/cost-case',
    roles: ['ORG_ADMIN', 'SERVICE_MANAGER', 'ANALYST'],
    summary:
      'What supervision costs set against what turnover costs, using your organisation’s own figures.',
  },
  {
    id: 'commissioning',
    label: 'Commissioning',
    path: '/commissioning',
    roles: ['COMMISSIONER_ANALYST'],
    summary:
      'The services that share their figures with you, side by side with the benchmark. Small groups are hidden so that no individual can be identified.',
  },
  {
    id: 'imports',
    label: 'Imports',
    path: '/imports',
    roles: ['ORG_ADMIN'],
    summary: 'Bring in staff, absence and leaver records from your HR system as CSV files.',
  },
  {
    id: 'settings',
    label: 'Settings',
    path: '/settings',
    roles: ['ORG_ADMIN'],
    summary: 'Services, users and their roles, cost figures, and sharing with commissioners.',
  },
  {
    id: 'audit-log',
    label: 'Audit log',
    path: '/audit-log',
    roles: ['ORG_ADMIN'],
    summary: 'Who did or looked at what, and when, in this organisation.',
  },
];

/** The pages a role may see, in display order. */
export function navigationFor(role: Role): NavigationItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role));
}

export function navigationItem(id: NavigationItemId): NavigationItem {
  const item = NAVIGATION.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`No navigation item ${id}`);
  return item;
}

export function canSee(role: Role, id: NavigationItemId): boolean {
  return navigationItem(id).roles.includes(role);
}

/** Where a role lands after signing in: its first page. */
export function homePathFor(role: Role): string {
  return navigationFor(role)[0]?.path ?? '/';
}

/** The navigation item whose page is at `pathname` (or below it), if any. */
export function itemForPath(pathname: string): NavigationItem | undefined {
  return NAVIGATION.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
}
