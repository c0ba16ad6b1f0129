import type { OrganisationKind, Role } from '../gql/graphql';

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

/**
 * Which side of commissioning an organisation is on: a commissioner (kind
 * COMMISSIONER) funds services and sees only what providers share with it;
 * every other kind is a provider with its own records. The same role (an
 * organisation admin) sees different pages on each side.
 */
export type Audience = 'PROVIDER' | 'COMMISSIONER';

export function audienceOf(kind: OrganisationKind): Audience {
  return kind === 'COMMISSIONER' ? 'COMMISSIONER' : 'PROVIDER';
}

export interface NavigationItem {
  id: NavigationItemId;
  label: string;
  /** Absolute path of the page. */
  path: string;
  /** The roles that may see the page (in an organisation of one of `audiences`). */
  roles: readonly Role[];
  /** The kinds of organisation the page is for. */
  audiences: readonly Audience[];
  /** One plain-English sentence on what the page shows. */
  summary: string;
}

/**
 * In display order. From product.md's roles; in a provider organisation (any
 * kind but COMMISSIONER):
 * - organisation admin: everything in the organisation, so every page except
 *   Commissioning (a commissioner organisation's view) and My supervision (a
 *   practitioner's own record, not an admin's job); sharing with commissioners
 *   is under Settings;
 * - service manager: Overview, Supervision, People, Absence & turnover, Cost case
 *   (of the services they manage);
 * - supervisor: Supervision and People (their supervisees); no absence details;
 * - practitioner: My supervision only;
 * - analyst: aggregate pages only (Overview, Supervision, Absence & turnover,
 *   Cost case), never People;
 * In a commissioner organisation (which holds no staff records; the API admits
 * only organisation admins and commissioner analysts there, docs/commissioning.md):
 * - organisation admin: Commissioning (the comparison, and asking providers to
 *   share), Settings and the Audit log;
 * - commissioner analyst: Commissioning only.
 */
export const NAVIGATION: readonly NavigationItem[] = [
  {
    id: 'overview',
    label: 'Overview',
    path: '/overview',
    roles: ['ORG_ADMIN', 'SERVICE_MANAGER', 'ANALYST'],
    audiences: ['PROVIDER'],
    summary:
      'Supervision coverage, overdue supervision, absence, turnover and the cost case at a glance, with 12-month trends and breakdowns by service and practitioner type.',
  },
  {
    id: 'my-supervision',
    label: 'My supervision',
    path: '/my-supervision',
    roles: ['PRACTITIONER'],
    audiences: ['PROVIDER'],
    summary:
      'Your supervision agreement and your sessions. You will be able to confirm a session your supervisor has recorded.',
  },
  {
    id: 'supervision',
    label: 'Supervision',
    path: '/supervision',
    roles: ['ORG_ADMIN', 'SERVICE_MANAGER', 'SUPERVISOR', 'ANALYST'],
    audiences: ['PROVIDER'],
    summary:
      'Who is overdue for supervision and by how long, sessions held against sessions expected, cancellations, the mix of formats and functions, and agreements due for review.',
  },
  {
    id: 'people',
    label: 'People',
    path: '/people',
    roles: ['ORG_ADMIN', 'SERVICE_MANAGER', 'SUPERVISOR'],
    audiences: ['PROVIDER'],
    summary:
      'Staff, their services and their supervision agreements. Supervisors see the people they supervise.',
  },
  {
    id: 'absence-and-turnover',
    label: 'Absence & turnover',
    path: '/absence-and-turnover',
    roles: ['ORG_ADMIN', 'SERVICE_MANAGER', 'ANALYST'],
    audiences: ['PROVIDER'],
    summary:
      'Sickness absence and turnover rates and trends, long-term and mental-health shares, leavers by reason, and stability.',
  },
  {
    id: 'cost-case',
    label: 'Cost case',
    path: '/cost-case',
    roles: ['ORG_ADMIN', 'SERVICE_MANAGER', 'ANALYST'],
    audiences: ['PROVIDER'],
    summary:
      'What supervision costs set against what turnover costs, using your organisation’s own figures.',
  },
  {
    id: 'commissioning',
    label: 'Commissioning',
    path: '/commissioning',
    roles: ['ORG_ADMIN', 'COMMISSIONER_ANALYST'],
    audiences: ['COMMISSIONER'],
    summary:
      'The services that share their figures with you, side by side with the benchmark. Small groups are hidden so that no individual can be identified.',
  },
  {
    id: 'imports',
    label: 'Imports',
    path: '/imports',
    roles: ['ORG_ADMIN'],
    audiences: ['PROVIDER'],
    summary: 'Bring in staff, absence and leaver records from your HR system as CSV files.',
  },
  {
    id: 'settings',
    label: 'Settings',
    path: '/settings',
    roles: ['ORG_ADMIN'],
    audiences: ['PROVIDER', 'COMMISSIONER'],
    summary: 'Services, users and their roles, cost figures, and sharing with commissioners.',
  },
  {
    id: 'audit-log',
    label: 'Audit log',
    path: '/audit-log',
    roles: ['ORG_ADMIN'],
    audiences: ['PROVIDER', 'COMMISSIONER'],
    summary: 'Who did or looked at what, and when, in this organisation.',
  },
];

/** Whether a role, in an organisation of this kind, may see the page. */
export function mayOpen(item: NavigationItem, role: Role, kind: OrganisationKind): boolean {
  return item.roles.includes(role) && item.audiences.includes(audienceOf(kind));
}

/** The pages a role may see in an organisation of this kind, in display order. */
export function navigationFor(role: Role, kind: OrganisationKind): NavigationItem[] {
  return NAVIGATION.filter((item) => mayOpen(item, role, kind));
}

export function navigationItem(id: NavigationItemId): NavigationItem {
  const item = NAVIGATION.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`No navigation item ${id}`);
  return item;
}

export function canSee(role: Role, kind: OrganisationKind, id: NavigationItemId): boolean {
  return mayOpen(navigationItem(id), role, kind);
}

/** Where a role lands after signing in: its first page. */
export function homePathFor(role: Role, kind: OrganisationKind): string {
  return navigationFor(role, kind)[0]?.path ?? '/';
}

/** The navigation item whose page is at `pathname` (or below it), if any. */
export function itemForPath(pathname: string): NavigationItem | undefined {
  return NAVIGATION.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
}
