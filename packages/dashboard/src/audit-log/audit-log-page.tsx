import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  AuditEventsDocument,
  AuditLogPeopleDocument,
  type AuditEventFilter,
  type AuditEventsQuery,
} from '../gql/graphql';
import { csvFileName, downloadCsv, toCsv } from '../shell/csv';
import { DateInput, todayIn } from '../shell/date-input';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { SelectField } from '../settings/fields';
import { Pager, useCursorPages } from '../settings/pager';
import {
  describeAction,
  describeRecordType,
  KNOWN_ACTIONS,
  KNOWN_RECORD_TYPES,
} from './audit-actions';
import {
  checkFilters,
  FILTER_FIELDS,
  filterFromParams,
  isFiltered,
  valuesFromParams,
  type FilterErrors,
  type FilterValues,
} from './audit-filters';
import { formatDateTime } from './audit-format';
import '../settings/admin.css';

export const AUDIT_PAGE_SIZE = 50;
const TITLE = 'Audit log';

/** The record ID of an event about no single record (a list was read, a file imported). */
const NO_RECORD = 'None';

type AuditEvent = AuditEventsQuery['auditEvents']['nodes'][number];

/** Who acted: a person, or Holdspace itself (imports from the command line, demo data). */
function actorName(event: AuditEvent): string {
  return event.actor ? event.actor.displayName || 'Unnamed user' : 'Holdspace (system)';
}

/** The organisation's audit log, newest first, with filters kept in the address. */
export default function AuditLogPage() {
  const { organisation } = useViewer();
  const [searchParams, setSearchParams] = useSearchParams();
  const paramsKey = searchParams.toString();
  const filter = useMemo(() => filterFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const filterKey = JSON.stringify(filter);
  const [hasErrors, setHasErrors] = useState(false);

  useDocumentTitle(TITLE, hasErrors);

  return (
    <div className="page">
      <h1>{TITLE}</h1>
      <p className="lead">
        Who did what in {organisation.name}, and when, newest first: every change to a record, and
        every time someone looked at absence records.
      </p>
      <div className="inset-text">
        <p>
          Nobody can change or delete the audit log, not even an organisation admin. It records that
          something was added, changed or looked at, never what the record says.
        </p>
      </div>
      <FilterForm
        key={paramsKey}
        initial={valuesFromParams(new URLSearchParams(paramsKey))}
        filtered={isFiltered(filter)}
        onErrorsChange={setHasErrors}
        onApply={(params) => setSearchParams(params)}
        onClear={() => setSearchParams(new URLSearchParams())}
      />
      <EventsTable key={filterKey} filter={filter} />
    </div>
  );
}

function FilterForm({
  initial,
  filtered,
  onErrorsChange,
  onApply,
  onClear,
}: {
  initial: FilterValues;
  filtered: boolean;
  onErrorsChange: (has: boolean) => void;
  onApply: (params: URLSearchParams) => void;
  onClear: () => void;
}) {
  const [values, setValues] = useState<FilterValues>(initial);
  const [problems, setProblems] = useState<{ errors: FilterErrors; attempt: number }>({
    errors: {},
    attempt: 0,
  });
  const people = useQuery(AuditLogPeopleDocument);

  const summary = useMemo<ErrorSummaryItem[]>(() => {
    const items: ErrorSummaryItem[] = [];
    for (const field of FILTER_FIELDS) {
      const message = problems.errors[field];
      if (message) items.push({ message, fieldId: `filter-${field}` });
    }
    return items;
  }, [problems]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors, params } = checkFilters(values);
    onErrorsChange(!params);
    if (!params) {
      setProblems((p) => ({ errors, attempt: p.attempt + 1 }));
      return;
    }
    setProblems((p) => ({ errors: {}, attempt: p.attempt }));
    onApply(params);
  }

  const set = (field: keyof FilterValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const actionOptions: [string, string][] = [
    ['', 'Any action'],
    ...KNOWN_ACTIONS.map((a): [string, string] => [a, describeAction(a)]),
  ];
  if (values.action && !KNOWN_ACTIONS.includes(values.action)) {
    actionOptions.push([values.action, describeAction(values.action)]);
  }
  const typeOptions: [string, string][] = [
    ['', 'Any type of record'],
    ...KNOWN_RECORD_TYPES.map((t): [string, string] => [t, describeRecordType(t)]),
  ];
  if (values.recordType && !KNOWN_RECORD_TYPES.includes(values.recordType)) {
    typeOptions.push([values.recordType, describeRecordType(values.recordType)]);
  }
  const members = [...(people.data?.members.nodes ?? [])].sort((a, b) =>
    a.user.displayName.localeCompare(b.user.displayName, 'en-GB'),
  );
  const personOptions: [string, string][] = [
    ['', 'Anyone'],
    ...members.map((m): [string, string] => [m.user.id, m.user.displayName]),
  ];
  if (values.person && !members.some((m) => m.user.id === values.person)) {
    personOptions.push([
      values.person,
      people.loading ? 'Loading…' : 'Someone who is no longer a member',
    ]);
  }

  return (
    <>
      <ErrorSummary items={summary} />
      <form className="filters" noValidate onSubmit={handleSubmit} aria-labelledby="filters-title">
        <h2 className="filters__title" id="filters-title">
          Filter the log
        </h2>
        <div className="filters__grid">
          <SelectField
            id="filter-action"
            label="Action"
            value={values.action}
            onChange={set('action')}
            options={actionOptions}
          />
          <SelectField
            id="filter-recordType"
            label="Type of record"
            value={values.recordType}
            onChange={set('recordType')}
            options={typeOptions}
          />
          <SelectField
            id="filter-person"
            label="Person"
            hint={people.error ? 'The list of people could not be loaded.' : undefined}
            value={values.person}
            onChange={set('person')}
            options={personOptions}
          />
          <DateInput
            id="filter-from"
            label="From date"
            value={values.from}
            onChange={set('from')}
            error={problems.errors.from}
          />
          <DateInput
            id="filter-to"
            label="To date"
            value={values.to}
            onChange={set('to')}
            error={problems.errors.to}
          />
        </div>
        <div className="button-group">
          <button type="submit" className="button">
            Apply filters
          </button>
          {filtered ? (
            <button type="button" className="button button--secondary" onClick={onClear}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}

function EventsTable({ filter }: { filter: AuditEventFilter }) {
  const { organisation } = useViewer();
  const pages = useCursorPages();
  const filtered = isFiltered(filter);
  const { data, previousData, error, loading, refetch } = useQuery(AuditEventsDocument, {
    variables: {
      filter: filtered ? filter : null,
      page: { first: AUDIT_PAGE_SIZE, after: pages.after },
    },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const retry = () => void refetch().catch(() => undefined);

  if (!shown && error) return <ErrorState error={error} onRetry={retry} />;
  if (!shown) return <LoadingState label="Loading the audit log" />;

  const events = shown.auditEvents.nodes;
  if (events.length === 0 && pages.pageNumber === 1) {
    return filtered ? (
      <EmptyState
        title="No events match these filters"
        action={<Link to="/audit-log">Clear the filters and see everything</Link>}
      >
        <p>Try a longer date range, or choose “Any” for the action, record type or person.</p>
      </EmptyState>
    ) : (
      <EmptyState
        title="Nothing has been recorded yet"
        action={<Link to="/settings/users">Invite the people who will use Holdspace</Link>}
      >
        <p>Everything people add, change or look at in {organisation.name} will be listed here.</p>
      </EmptyState>
    );
  }

  const header = ['When', 'Who', 'What happened', 'Type of record', 'Record ID'];
  const rows = events.map((event) => [
    formatDateTime(event.occurredAt, organisation.timeZone),
    actorName(event),
    describeAction(event.action, event.entityId ?? null),
    describeRecordType(event.entityType),
    event.entityId ?? NO_RECORD,
  ]);

  return (
    <>
      {error ? <ErrorState error={error} onRetry={retry} headingLevel={3} /> : null}
      <div className="table-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            downloadCsv(
              csvFileName(`${organisation.name} audit log`, todayIn(organisation.timeZone)),
              toCsv(header, rows),
            )
          }
        >
          Export CSV
        </button>
      </div>
      <div className="table-wrapper" aria-busy={loading ? true : undefined}>
        <table className="table">
          <caption className="table__caption">
            Audit events, newest first{filtered ? ', filtered' : ''}
            {pages.pageNumber > 1 ? `, page ${pages.pageNumber}` : ''}
          </caption>
          <thead>
            <tr>
              {header.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {events.map((event, index) => {
              const row = rows[index] ?? [];
              return (
                <tr key={event.id}>
                  <td className="table__nowrap">
                    <time dateTime={event.occurredAt}>{row[0]}</time>
                  </td>
                  <td>{row[1]}</td>
                  <td>{row[2]}</td>
                  <td>{row[3]}</td>
                  <td className="table__code">
                    {event.entityId ?? <span className="table__aside">{NO_RECORD}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">Times are in {organisation.timeZone.replace(/_/g, ' ')} time.</p>
      <Pager
        noun="events"
        pageNumber={pages.pageNumber}
        pageSize={AUDIT_PAGE_SIZE}
        shown={events.length}
        totalCount={shown.auditEvents.totalCount}
        hasPrevious={pages.pageNumber > 1}
        hasNext={shown.auditEvents.pageInfo.hasNextPage}
        onPrevious={pages.previous}
        onNext={() => {
          const cursor = shown.auditEvents.pageInfo.endCursor;
          if (cursor) pages.next(cursor);
        }}
      />
    </>
  );
}
