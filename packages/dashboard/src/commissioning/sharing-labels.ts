import type { SharingAgreementFieldsFragment, SharingStatus } from '../gql/graphql';
import { formatDate } from '../shell/date-input';

/*
 * The words for sharing agreements, on each side. A status is always written
 * out in words (the tag's colour only repeats it).
 *
 * Pure; tested in sharing-labels.test.ts.
 */

export type Agreement = SharingAgreementFieldsFragment;

export const COMMISSIONER_STATUS_LABELS: Record<SharingStatus, string> = {
  REQUESTED: 'Waiting for the provider',
  ACTIVE: 'Sharing',
  DECLINED: 'Declined by the provider',
  WITHDRAWN: 'Withdrawn',
  REVOKED: 'Stopped by the provider',
};

export const PROVIDER_STATUS_LABELS: Record<SharingStatus, string> = {
  REQUESTED: 'Waiting for your answer',
  ACTIVE: 'Sharing',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn by the commissioner',
  REVOKED: 'Stopped',
};

/** The tag's class: green while sharing, amber while waiting, grey once over. */
export function statusTagClass(status: SharingStatus): string {
  switch (status) {
    case 'ACTIVE':
      return 'tag tag--in-date';
    case 'REQUESTED':
      return 'tag tag--due-soon';
    default:
      return 'tag tag--ended';
  }
}

/** A DateTimeISO as a calendar date where the organisation is: "3 March 2026". */
export function dateOf(instant: string | null | undefined, timeZone: string): string {
  if (!instant) return '';
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(instant));
  } catch {
    return formatDate(instant.slice(0, 10));
  }
}

/** "Outreach, Counselling and Family support", by name. */
export function servicesText(services: Agreement['services']): string {
  const names = [...services].map((s) => s.name).sort((a, b) => a.localeCompare(b, 'en-GB'));
  if (names.length <= 1) return names[0] ?? 'No services';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Newest first, by when the agreement last changed. */
export function byLatest(a: Agreement, b: Agreement): number {
  const at = (x: Agreement) => x.revokedAt ?? x.respondedAt ?? x.requestedAt;
  return at(b).localeCompare(at(a));
}
