import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  PeopleOptionsDocument,
  PeopleStaffListDocument,
  type PeopleStaffFieldsFragment,
  type SupervisionInterval,
} from '../gql/graphql';
import { formatDate, todayIn } from '../shell/date-input';
import { navigationItem } from '../shell/navigation';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { TextField } from '../shell/text-field';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { SelectField } from './form-fields';
import { formatFte, personName } from './labels';
import { ExportCsvButton, Flash, SortableHeader } from './page-kit';
import { canAddStaff } from './permissions';
import {
  DEFAULT_PARAMS,
  isFiltered,
  PAGE_SIZES,
  readParams,
  STATUS_OPTIONS,
  toFilter,
  toggleSort,
  toSort,
  writeParams,
  type SortParam,
  type StaffListParams,
} from './staff-list-params';
import {
  describeLastSession,
  describeSupervisionState,
  supervisionState,
} from './supervision-status';
import { useStaffDirectory } from './use-staff-directory';

type Person = PeopleStaffFieldsFragment;

/**
 * The CSV's columns: the table's, except that the table shows the latest
 * session under the supervision status in one cell, and the CSV gives each
 * its own column.
 */
export const STAFF_COLUMNS = [
  'Name',
  'Reference',
  'Service',
  'Practitioner type',
  'FTE',
  'Start date',
  'Status',
  'Supervision',
  'Latest session',
] as const;

/** "In post", "Left on 3 March 2026", "Starts on 1 December 2026". */
export function describeEmployment(person: Pick<Person, 'startDate' | 'endDate'>, today: string) {
  if (person.startDate > today) return `Starts on ${formatDate(person.startDate)}`;
  if (person.endDate && person.endDate < today) return `Left on ${formatDate(person.endDate)}`;
  if (person.endDate) return `In post (leaving on ${formatDate(person.endDate)})`;
  return 'In post';
}

/** One row as the table shows it (and as the CSV holds it). */
export function staffRow(
  person: Person,
  defaultInterval: SupervisionInterval,
  today: string,
): string[] {
  const state = supervisionState(person, defaultInterval, today);
  return [
    personName(person),
    person.staffRef ?? '',
    person.service.name,
    person.practitionerType ?? '',
    formatFte(person.fte),
    formatDate(person.startDate),
    describeEmployment(person, today),
    describeSupervisionState(state),
    person.requiresSupervision ? describeLastSession(person.lastHeldSession) : '',
  ];
}

function Filters({
  params,
  services,
  practitionerTypes,
  onApply,
}: {
  params: StaffListParams;
  services: readonly { id: string; name: string }[];
  practitionerTypes: readonly string[];
  onApply: (params: StaffListParams) => void;
}) {
  // Keyed by the address, so Back or a link shows what the address says.
  const [draft, setDraft] = useState(params);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ ...draft, search: draft.search.trim() });
  }
  const types =
    params.practitionerType && !practitionerTypes.includes(params.practitionerType)
      ? [...practitionerTypes, params.practitionerType]
      : practitionerTypes;
  return (
    <form className="filters" role="search" aria-label="Staff" onSubmit={submit} noValidate>
      <div className="filters__row">
        <TextField
          id="staff-search"
          label="Search"
          hint="Name or staff reference"
          type="search"
          value={draft.search}
          maxLength={200}
          onChange={(event) => setDraft({ ...draft, search: event.target.value })}
        />
        <SelectField
          id="staff-service"
          label="Service"
          placeholder="All services"
          options={services.map((s) => ({ value: s.id, label: s.name }))}
          value={draft.serviceId}
          onChange={(event) => setDraft({ ...draft, serviceId: event.target.value })}
        />
        <SelectField
          id="staff-type"
          label="Practitioner type"
          placeholder="All types"
          options={types.map((t) => ({ value: t, label: t }))}
          value={draft.practitionerType}
          onChange={(event) => setDraft({ ...draft, practitionerType: event.target.value })}
        />
        <SelectField
          id="staff-status"
          label="Status"
          options={STATUS_OPTIONS}
          value={draft.status}
          onChange={(event) =>
            setDraft({ ...draft, status: event.target.value as StaffListParams['status'] })
          }
        />
        <SelectField
          id="staff-size"
          label="Per page"
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
          value={String(draft.size)}
          onChange={(event) =>
            setDraft({ ...draft, size: Number(event.target.value) as StaffListParams['size'] })
          }
        />
        <div className="button-group filters__buttons">
          <button type="submit" className="button">
            Apply filters
          </button>
          {isFiltered(params) || params.status !== DEFAULT_PARAMS.status ? (
            <Link className="button-link" to="/people">
              Clear filters
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}

export function StaffList() {
  const viewer = useViewer();
  const item = navigationItem('people');
  useDocumentTitle(item.label);
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readParams(searchParams);
  const today = todayIn(viewer.organisation.timeZone);
  const canAdd = canAddStaff(viewer.role);

  const options = useQuery(PeopleOptionsDocument);
  const directory = useStaffDirectory();
  const list = useQuery(PeopleStaffListDocument, {
    variables: { filter: toFilter(params), sort: toSort(params), page: { first: params.size } },
  });
  const [loadingMore, setLoadingMore] = useState(false);

  const apply = (next: StaffListParams) => setSearchParams(writeParams(next));
  const sortBy = (sort: SortParam) => apply(toggleSort(params, sort));
  const sortedAs = (sort: SortParam) =>
    params.sort === sort ? (params.direction === 'asc' ? 'ascending' : 'descending') : undefined;

  const defaultInterval = options.data?.organisationSettings.defaultInterval ?? 'MONTHLY';
  const connection = list.data?.staffMembers;
  const people = connection?.nodes ?? [];

  async function showMore() {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await list.fetchMore({
        variables: { page: { first: params.size, after } },
        updateQuery: (previous, { fetchMoreResult }) => ({
          staffMembers: {
            ...fetchMoreResult.staffMembers,
            nodes: [...previous.staffMembers.nodes, ...fetchMoreResult.staffMembers.nodes],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  }

  let content;
  if (list.error && !list.data) {
    content = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  } else if (!list.data || (options.loading && !options.data)) {
    content = <LoadingState label="Loading staff" />;
  } else if (people.length === 0) {
    const noStaffAtAll = !directory.loading && directory.people.length === 0;
    content = noStaffAtAll ? (
      <EmptyState
        title={canAdd ? 'Add your first member of staff' : 'No staff to show'}
        action={
          canAdd ? (
            <Link className="button" to="/people/new">
              Add a member of staff
            </Link>
          ) : undefined
        }
      >
        {canAdd ? (
          <p>
            Add people one at a time, or{' '}
            {viewer.role === 'ORG_ADMIN' ? (
              <Link to="/imports">import your staff from your HR system</Link>
            ) : (
              'ask your organisation admin to import your staff from your HR system'
            )}{' '}
            as a CSV file.
          </p>
        ) : (
          <p>There is nobody here for you to see yet.</p>
        )}
      </EmptyState>
    ) : (
      <EmptyState
        title="No one matches these filters"
        action={
          <Link className="button button--secondary" to="/people">
            Clear filters
          </Link>
        }
      >
        <p>Try another search, another service or type, or choose “Everyone” as the status.</p>
      </EmptyState>
    );
  } else {
    const rows = people.map((person) => staffRow(person, defaultInterval, today));
    content = (
      <>
        <div className="table-toolbar">
          <p className="table-toolbar__count">
            Showing {people.length} of {connection?.totalCount ?? people.length}{' '}
            {connection?.totalCount === 1 ? 'person' : 'people'}
          </p>
          <ExportCsvButton
            subject="Staff"
            today={today}
            header={STAFF_COLUMNS}
            rows={() => rows}
            label="of the staff shown"
          />
        </div>
        <div className="table-wrapper">
          <table className="table">
            <caption className="table__caption">
              Staff
              {params.status === 'in-post'
                ? ' in post'
                : params.status === 'left'
                  ? ' who have left'
                  : ''}
              {isFiltered(params) ? ', filtered' : ''}
              <span className="visually-hidden">
                , sorted by{' '}
                {params.sort === 'name'
                  ? 'name'
                  : params.sort === 'ref'
                    ? 'reference'
                    : 'start date'}
                {params.direction === 'asc' ? ' ascending' : ' descending'}
              </span>
            </caption>
            <thead>
              <tr>
                <SortableHeader
                  label="Name"
                  sorted={sortedAs('name')}
                  onSort={() => sortBy('name')}
                />
                <SortableHeader
                  label="Reference"
                  sorted={sortedAs('ref')}
                  onSort={() => sortBy('ref')}
                />
                <th scope="col">Service</th>
                <th scope="col">Practitioner type</th>
                <th scope="col" className="table__numeric">
                  FTE
                </th>
                <SortableHeader
                  label="Start date"
                  sorted={sortedAs('start')}
                  onSort={() => sortBy('start')}
                />
                <th scope="col">Status</th>
                <th scope="col">Supervision</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person, index) => {
                const row = rows[index] as string[];
                const state = supervisionState(person, defaultInterval, today);
                return (
                  <tr key={person.id}>
                    <td className="table__name">
                      <Link to={`/people/${person.id}`}>{row[0]}</Link>
                    </td>
                    <td>{row[1]}</td>
                    <td>{row[2]}</td>
                    <td>{row[3]}</td>
                    <td className="table__numeric">{row[4]}</td>
                    <td>{row[5]}</td>
                    <td>{row[6]}</td>
                    <td className="table__status">
                      <span className={`tag tag--${state.kind}`}>{row[7]}</span>
                      {row[8] ? <span className="table__secondary">{row[8]}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="hint table-note">
          Supervision is due one interval (from the person’s agreement, or your organisation’s
          default) after the latest session held, or after their start date if none is recorded. The
          Supervision page counts only your organisation’s counted session formats.
        </p>
        {connection?.pageInfo.hasNextPage ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void showMore()}
              aria-disabled={loadingMore ? true : undefined}
              disabled={loadingMore}
            >
              {loadingMore ? 'Loading more…' : `Show ${params.size} more`}
            </button>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <div className="page">
      <div className="page-heading">
        <h1>{item.label}</h1>
        {canAdd ? (
          <Link className="button" to="/people/new">
            Add a member of staff
          </Link>
        ) : null}
      </div>
      <p className="lead">
        {viewer.role === 'SUPERVISOR'
          ? 'You and the people you supervise.'
          : viewer.role === 'SERVICE_MANAGER'
            ? 'Staff of the services you manage.'
            : viewer.role === 'PRACTITIONER'
              ? 'Your own record.'
              : 'Everyone in your organisation, their service and their supervision.'}
      </p>
      <Flash />
      <Filters
        key={searchParams.toString()}
        params={params}
        services={options.data?.services ?? []}
        practitionerTypes={directory.practitionerTypes}
        onApply={apply}
      />
      {content}
    </div>
  );
}
