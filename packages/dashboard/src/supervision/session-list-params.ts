import type { SessionFilter, SessionFormat, SessionStatus } from '../gql/graphql';
import { checkDateField, parseUkDate, toUkInput, type IsoDate } from '../shell/date-input';
import type { FieldErrors } from '../people/form-problems';
import { SESSION_FORMATS, SESSION_STATUSES } from './labels';

/*
 * The session list's filters, kept in the address so a view can be shared:
 * /supervision?from=YYYY-MM-DD&to=YYYY-MM-DD&status=HELD&format=GROUP
 *   &person=<staff id>&supervisor=<supervisor id>
 */

export interface SessionListParams {
  from: IsoDate | '';
  to: IsoDate | '';
  status: SessionStatus | '';
  format: SessionFormat | '';
  personId: string;
  supervisorId: string;
}

export const DEFAULT_SESSION_PARAMS: SessionListParams = {
  from: '',
  to: '',
  status: '',
  format: '',
  personId: '',
  supervisorId: '',
};

function isoParam(value: string | null): IsoDate | '' {
  if (!value) return '';
  const parsed = parseUkDate(value);
  return parsed.kind === 'date' ? parsed.iso : '';
}

/** Ids are passed to the API as they are; anything odd is dropped rather than sent. */
function idParam(value: string | null): string {
  return value && /^[0-9a-f-]{1,64}$/i.test(value) ? value : '';
}

export function readSessionParams(search: URLSearchParams): SessionListParams {
  const status = search.get('status');
  const format = search.get('format');
  return {
    from: isoParam(search.get('from')),
    to: isoParam(search.get('to')),
    status: SESSION_STATUSES.find((s) => s === status) ?? '',
    format: SESSION_FORMATS.find((f) => f === format) ?? '',
    personId: idParam(search.get('person')),
    supervisorId: idParam(search.get('supervisor')),
  };
}

export function writeSessionParams(params: SessionListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.status) search.set('status', params.status);
  if (params.format) search.set('format', params.format);
  if (params.personId) search.set('person', params.personId);
  if (params.supervisorId) search.set('supervisor', params.supervisorId);
  return search;
}

export function isSessionListFiltered(params: SessionListParams): boolean {
  return Object.values(params).some(Boolean);
}

export function toSessionFilter(params: SessionListParams): SessionFilter {
  return {
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.status ? { statuses: [params.status] } : {}),
    ...(params.format ? { formats: [params.format] } : {}),
    ...(params.personId ? { staffMemberIds: [params.personId] } : {}),
    ...(params.supervisorId ? { supervisorIds: [params.supervisorId] } : {}),
  };
}

/** The filter form as typed (dates DD/MM/YYYY). */
export interface SessionFilterDraft {
  from: string;
  to: string;
  status: string;
  format: string;
  personId: string;
  supervisorId: string;
}

export const SESSION_FILTER_FIELDS = ['sessions-from', 'sessions-to'] as const;
export type SessionFilterField = (typeof SESSION_FILTER_FIELDS)[number];

export function draftOfSessionParams(params: SessionListParams): SessionFilterDraft {
  return {
    from: toUkInput(params.from),
    to: toUkInput(params.to),
    status: params.status,
    format: params.format,
    personId: params.personId,
    supervisorId: params.supervisorId,
  };
}

/** Reads the filter form: the params to apply, or what is wrong with the dates. */
export function readSessionFilterDraft(
  draft: SessionFilterDraft,
):
  { ok: true; params: SessionListParams } | { ok: false; errors: FieldErrors<SessionFilterField> } {
  const errors: FieldErrors<SessionFilterField> = {};
  const from = checkDateField(draft.from, '“from” date', { required: false });
  const to = checkDateField(draft.to, '“to” date', { required: false });
  if (from.error) errors['sessions-from'] = from.error;
  if (to.error) errors['sessions-to'] = to.error;
  else if (from.iso && to.iso && to.iso < from.iso) {
    errors['sessions-to'] = 'The “to” date must be on or after the “from” date';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    params: {
      from: from.iso ?? '',
      to: to.iso ?? '',
      status: SESSION_STATUSES.find((s) => s === draft.status) ?? '',
      format: SESSION_FORMATS.find((f) => f === draft.format) ?? '',
      personId: idParam(draft.personId),
      supervisorId: idParam(draft.supervisorId),
    },
  };
}
