import { addDays } from '@holdspace/shared';
import { OVERVIEW } from '../../src/metrics/testing/metrics-client';
import { authHeaders, type SeededOrganisation } from './environment';

/**
 * The three realistic authenticated requests of the load run, as the dashboard
 * sends them: the overview (every metric of the last 12 months, the selection
 * of metrics-client.ts's OVERVIEW), a page of the People list, and a supervisor
 * recording a one-to-one session they held with a supervisee in post.
 */
export interface LoadOperation {
  name: 'overview' | 'staff list' | 'record session';
  /** The top-level field a successful answer has under `data`. */
  field: string;
  headers: Record<string, string>;
  /** The JSON body. `[<id>]` is replaced by a unique value on every request. */
  body: string;
  /** True when the body carries `[<id>]`. */
  unique: boolean;
}

export const STAFF_LIST = `query PeopleStaffList($filter: StaffFilter, $sort: StaffSort, $page: PageInput) {
  staffMembers(filter: $filter, sort: $sort, page: $page) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes {
      id displayName staffRef erased roleTitle practitionerType fte startDate endDate
      leavingReason inPost requiresSupervision lastHeldSession
      service { id name }
      currentAgreement { id interval startDate reviewDueDate supervisorName }
    }
  }
}`;

export const RECORD_SESSION = `mutation RecordHeldSession($input: RecordHeldSessionInput!) {
  recordHeldSession(input: $input) {
    id sessionRef date durationMinutes format status functions
    supervisor { id name }
    attendees { id displayName }
  }
}`;

export function loadOperations(org: SeededOrganisation): LoadOperation[] {
  const today = new Date().toISOString().slice(0, 10);
  const body = (query: string, variables: Record<string, unknown>) =>
    JSON.stringify({ query, variables });
  return [
    {
      name: 'overview',
      field: 'metricsOverview',
      headers: authHeaders(org.admin.token, org.tenantId),
      body: body(OVERVIEW, { input: { from: addDays(today, -364), to: today, months: 12 } }),
      unique: false,
    },
    {
      name: 'staff list',
      field: 'staffMembers',
      headers: authHeaders(org.admin.token, org.tenantId),
      body: body(STAFF_LIST, {
        filter: { status: 'IN_POST' },
        sort: { field: 'NAME', direction: 'ASC' },
        page: { first: 25 },
      }),
      unique: false,
    },
    {
      name: 'record session',
      field: 'recordHeldSession',
      headers: authHeaders(org.supervisor.token, org.tenantId),
      body: body(RECORD_SESSION, {
        input: {
          supervisorId: org.supervisor.supervisorId,
          attendeeIds: [org.superviseeId],
          date: org.sessionDate,
          durationMinutes: 60,
          format: 'ONE_TO_ONE',
          functions: ['NORMATIVE', 'RESTORATIVE'],
          sessionRef: 'LOAD-[<id>]',
        },
      }),
      unique: true,
    },
  ];
}

/** True for `{"data":{"<field>":…}}` with no `errors`: a complete GraphQL success. */
export function isGraphQLSuccess(body: string, field: string): boolean {
  return body.includes(`"data":{"${field}":`) && !body.includes('"errors":');
}
