import type { AbsenceFilter, AbsenceReason } from '../gql/graphql';
import { checkDateField, parseUkDate, toUkInput, type IsoDate } from '../shell/date-input';
import type { FieldErrors } from '../people/form-problems';
import { ABSENCE_REASONS } from '../people/labels';

/*
 * The absence list's filters, kept in the address so a view can be shared:
 * ?state=ongoing|ended&reason=&from=YYYY-MM-DD&to=YYYY-MM-DD&person=<id>.
 */

export type OngoingParam = 'all' | 'ongoing' | 'ended';

export const ONGOING_OPTIONS: ReadonlyArray<{ value: OngoingParam; label: string }> = [
  { value: 'all', label: 'Ongoing and ended' },
  { value: 'ongoing', label: 'Ongoing only' },
  { value: 'ended', label: 'Ended only' },
];

export interface AbsenceListParams {
  ongoing: OngoingParam;
  reason: AbsenceReason | '';
  from: IsoDate | '';
  to: IsoDate | '';
  personId: string;
}

export const DEFAULT_ABSENCE_PARAMS: AbsenceListParams = {
  ongoing: 'all',
  reason: '',
  from: '',
  to: '',
  personId: '',
};

function isoParam(value: string | null): IsoDate | '' {
  if (!value) return '';
  const parsed = parseUkDate(value);
  return parsed.kind === 'date' ? parsed.iso : '';
}

export function readAbsenceParams(search: URLSearchParams): AbsenceListParams {
  const state = search.get('state');
  const reason = search.get('reason');
  return {
    ongoing: state === 'ongoing' || state === 'ended' ? state : 'all',
    reason: ABSENCE_REASONS.find((r) => r === reason) ?? '',
    from: isoParam(search.get('from')),
    to: isoParam(search.get('to')),
    personId: search.get('person') ?? '',
  };
}

export function writeAbsenceParams(params: AbsenceListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.ongoing !== 'all') search.set('state', params.ongoing);
  if (params.reason) search.set('reason', params.reason);
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.personId) search.set('person', params.personId);
  return search;
}

export function isAbsenceFiltered(params: AbsenceListParams): boolean {
  return Boolean(
    params.ongoing !== 'all' || params.reason || params.from || params.to || params.personId,
  );
}

export function toAbsenceFilter(params: AbsenceListParams): AbsenceFilter {
  return {
    ...(params.ongoing === 'ongoing' ? { ongoing: true } : {}),
    ...(params.ongoing === 'ended' ? { ongoing: false } : {}),
    ...(params.reason ? { reasons: [params.reason] } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.personId ? { staffMemberIds: [params.personId] } : {}),
  };
}

/** The filter form as typed (dates DD/MM/YYYY). */
export interface AbsenceFilterDraft {
  ongoing: OngoingParam;
  reason: string;
  from: string;
  to: string;
  personId: string;
}

export const ABSENCE_FILTER_FIELDS = ['absence-from', 'absence-to'] as const;
export type AbsenceFilterField = (typeof ABSENCE_FILTER_FIELDS)[number];

export function draftOf(params: AbsenceListParams): AbsenceFilterDraft {
  return {
    ongoing: params.ongoing,
    reason: params.reason,
    from: toUkInput(params.from),
    to: toUkInput(params.to),
    personId: params.personId,
  };
}

/** Reads the filter form: the params to apply, or what is wrong with the dates. */
export function readFilterDraft(
  draft: AbsenceFilterDraft,
):
  { ok: true; params: AbsenceListParams } | { ok: false; errors: FieldErrors<AbsenceFilterField> } {
  const errors: FieldErrors<AbsenceFilterField> = {};
  const from = checkDateField(draft.from, '“from” date', { required: false });
  const to = checkDateField(draft.to, '“to” date', { required: false });
  if (from.error) errors['absence-from'] = from.error;
  if (to.error) errors['absence-to'] = to.error;
  else if (from.iso && to.iso && to.iso < from.iso)
    errors['absence-to'] = 'The “to” date must be on or after the “from” date';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    params: {
      ongoing: draft.ongoing,
      reason: ABSENCE_REASONS.find((r) => r === draft.reason) ?? '',
      from: from.iso ?? '',
      to: to.iso ?? '',
      personId: draft.personId,
    },
  };
}
