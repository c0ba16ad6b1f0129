import type { OrganisationKind, Role, SessionFormat, SupervisionInterval } from '../gql/graphql';

/** Supervision intervals, shortest first, as the settings show them. */
export const INTERVAL_LABELS: Record<SupervisionInterval, string> = {
  WEEKLY: 'Every week',
  FORTNIGHTLY: 'Every 2 weeks',
  FOUR_WEEKLY: 'Every 4 weeks',
  MONTHLY: 'Every month',
  SIX_WEEKLY: 'Every 6 weeks',
  TWO_MONTHLY: 'Every 2 months',
  QUARTERLY: 'Every 3 months',
};

export const INTERVALS = Object.keys(INTERVAL_LABELS) as SupervisionInterval[];

export const FORMAT_LABELS: Record<SessionFormat, string> = {
  ONE_TO_ONE: 'One-to-one',
  GROUP: 'Group',
  PEER: 'Peer supervision',
  CASE_CONSULTATION: 'Group case consultation',
};

/** What each format is, for the checkboxes' hints. */
export const FORMAT_HINTS: Record<SessionFormat, string> = {
  ONE_TO_ONE: 'A practitioner and their supervisor.',
  GROUP: 'A supervisor with several practitioners.',
  PEER: 'Practitioners supervising each other, without a supervisor.',
  CASE_CONSULTATION: 'A group discussing particular cases.',
};

export const FORMATS = Object.keys(FORMAT_LABELS) as SessionFormat[];

/** What each role may do, in a sentence, for the role choice when inviting or changing a role. */
export const ROLE_HINTS: Record<Role, string> = {
  ORG_ADMIN: 'Everything in the organisation: people, services, settings, users and the audit log.',
  SERVICE_MANAGER:
    'Staff, agreements, sessions and absence in the services they manage, and their figures.',
  SUPERVISOR:
    'Their supervisees’ agreements and sessions; they record sessions. No absence details.',
  PRACTITIONER: 'Their own supervision agreement and sessions.',
  ANALYST: 'The organisation’s figures only, never an individual record.',
  COMMISSIONER_ANALYST:
    'Figures that provider organisations share with you, with small groups hidden.',
};

/**
 * The roles an organisation of this kind can give (as the API allows): a
 * commissioner organisation has admins and commissioner analysts; every other
 * kind has every role but commissioner analyst.
 */
export function rolesFor(kind: OrganisationKind): Role[] {
  if (kind === 'COMMISSIONER') return ['ORG_ADMIN', 'COMMISSIONER_ANALYST'];
  return ['ORG_ADMIN', 'SERVICE_MANAGER', 'SUPERVISOR', 'PRACTITIONER', 'ANALYST'];
}

/** "Europe/London" → "Europe/London"; "America/New_York" → "America/New York". */
export function timeZoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}

/**
 * The IANA time zones the browser knows, sorted, with `current` included even
 * when the browser does not list it (UTC, say).
 */
export function timeZoneOptions(current?: string): string[] {
  const zones = new Set<string>(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
  );
  zones.add('Europe/London');
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** "GBP" → "Pound sterling (GBP)", in the browser's English names. */
export function currencyLabel(code: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en-GB'], { type: 'currency' }).of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${name} (${code})` : code;
}

/** ISO 4217 codes the browser knows, as [code, label], sorted by label; `current` always included. */
export function currencyOptions(current?: string): [string, string][] {
  const codes = new Set<string>(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [],
  );
  codes.add('GBP');
  if (current) codes.add(current);
  return [...codes]
    .map((code): [string, string] => [code, currencyLabel(code)])
    .sort((a, b) => a[1].localeCompare(b[1], 'en-GB'));
}

/** An amount in the organisation's currency: "£563", "£1,612.50". */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    return `${amount.toLocaleString('en-GB')} ${currency}`;
  }
}
