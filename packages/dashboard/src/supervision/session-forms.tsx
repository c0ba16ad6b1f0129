import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  SupervisionAddSessionActionDocument,
  SupervisionCancelSessionDocument,
  SupervisionMarkDidNotAttendDocument,
  SupervisionMarkSessionHeldDocument,
  SupervisionRecordHeldSessionDocument,
  SupervisionScheduleSessionDocument,
  SupervisionSessionDocument,
  SupervisionUpdateSessionActionDocument,
  type ActionStatus,
  type SessionFormat,
  type SupervisionFunction,
} from '../gql/graphql';
import { DateInput, formatDate, parseUkDate, todayIn, toUkInput } from '../shell/date-input';
import { ErrorSummary } from '../shell/error-summary';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { TextField } from '../shell/text-field';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { RadiosField, SelectField } from '../people/form-fields';
import { problemsFromApi, summaryItems, type FormProblems } from '../people/form-problems';
import { BackLink, Flash, PageTitle, useNavigateWithFlash } from '../people/page-kit';
import { useStaffDirectory } from '../people/use-staff-directory';
import { CheckboxesField, SubmitButton } from './fields';
import {
  ACTION_STATUS_LABELS,
  SESSION_FORMAT_HINTS,
  SESSION_FORMAT_LABELS,
  SESSION_FORMATS,
  staffRefName,
  SUPERVISION_FUNCTION_HINTS,
  SUPERVISION_FUNCTION_LABELS,
  SUPERVISION_FUNCTIONS,
  supervisorName,
} from './labels';
import { canChangeSession, canLogSessions, sessionChanges } from './permissions';
import {
  ACTION_FORM_FIELDS,
  attendeesForFormat,
  EMPTY_ACTION_FORM,
  EMPTY_SESSION_FORM,
  MARK_HELD_FIELDS,
  MAX_ACTION_TITLE,
  MAX_DURATION,
  SESSION_FORM_FIELDS,
  validateActionForm,
  validateMarkHeld,
  validateSessionForm,
  type ActionFormField,
  type ActionFormValues,
  type MarkHeldField,
  type MarkHeldValues,
  type SessionFormField,
  type SessionFormValues,
  type SessionKind,
} from './session-form';
import {
  forgetSupervisionData,
  inPostOn,
  NoContentNotice,
  personOption,
  sessionDescription,
  SessionSummary,
  SUPERVISION_PATH,
  useSupervisionOptions,
  type Session,
} from './supervision-kit';

const NO_PROBLEMS = { fields: {}, form: [] };

function functionOptions() {
  return SUPERVISION_FUNCTIONS.map((f) => ({
    value: f,
    label: SUPERVISION_FUNCTION_LABELS[f],
    hint: SUPERVISION_FUNCTION_HINTS[f],
  }));
}

/** Only those who log sessions: anyone else gets a plain explanation. */
function LoggersOnly({ children }: { children: ReactNode }) {
  const { role } = useViewer();
  if (canLogSessions(role)) return <>{children}</>;
  return (
    <div className="page">
      <BackLink to={SUPERVISION_PATH}>Back to supervision</BackLink>
      <PageTitle>You cannot change supervision records</PageTitle>
      <p>
        Supervisors record their sessions; organisation admins and service managers can too. Your
        role sees the figures on the Supervision page.
      </p>
    </div>
  );
}

// ---- Schedule a session, record a held session ----

const FORM_TITLES: Record<SessionKind, string> = {
  record: 'Record a held session',
  schedule: 'Schedule a session',
};

function SessionForm({ kind }: { kind: SessionKind }) {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const [search] = useSearchParams();
  const navigate = useNavigateWithFlash();
  const directory = useStaffDirectory();
  const options = useSupervisionOptions();
  const preselected = search.get('person');
  const [values, setValues] = useState<SessionFormValues>(() => ({
    ...EMPTY_SESSION_FORM,
    attendeeIds: preselected ? [preselected] : [],
  }));
  const [supervisorTouched, setSupervisorTouched] = useState(false);
  const [problems, setProblems] = useState<FormProblems<SessionFormField>>(NO_PROBLEMS);
  const [schedule, scheduling] = useMutation(SupervisionScheduleSessionDocument, {
    update: forgetSupervisionData,
  });
  const [record, recording] = useMutation(SupervisionRecordHeldSessionDocument, {
    update: forgetSupervisionData,
  });
  const saving = scheduling.loading || recording.loading;
  const title = FORM_TITLES[kind];
  const summary = useMemo(() => summaryItems(problems, SESSION_FORM_FIELDS), [problems]);
  useDocumentTitle(title, summary.length > 0);

  // A supervisor records their own sessions: choose them in advance.
  const supervisorId =
    values.supervisorId || (!supervisorTouched && options.mine ? options.mine.id : '');
  const supervisor = options.supervisors.find((s) => s.id === supervisorId);
  const supervisorChoices =
    viewer.role === 'SUPERVISOR' && options.mine ? [options.mine] : options.supervisors;

  // Those in post on the session's date (today until a date is typed), not the supervisor.
  const parsed = parseUkDate(values.date);
  const onDate = parsed.kind === 'date' ? parsed.iso : today;
  const people = directory.people.filter(
    (p) =>
      (inPostOn(p, onDate) || values.attendeeIds.includes(p.id)) &&
      p.id !== supervisor?.staffMemberId,
  );
  const personChoices = people.map((p) => ({ value: p.id, label: personOption(p, today) }));

  function set<K extends keyof SessionFormValues>(field: K, value: SessionFormValues[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const context = { today, supervisorStaffMemberId: supervisor?.staffMemberId };
    const current = { ...values, supervisorId };
    try {
      let saved: Session | undefined;
      if (kind === 'record') {
        const result = validateSessionForm('record', current, context);
        if (!result.ok) return setProblems({ fields: result.errors, form: [] });
        saved = (await record({ variables: { input: result.input } })).data?.recordHeldSession;
      } else {
        const result = validateSessionForm('schedule', current, context);
        if (!result.ok) return setProblems({ fields: result.errors, form: [] });
        saved = (await schedule({ variables: { input: result.input } })).data?.scheduleSession;
      }
      const what = saved ? sessionDescription(saved) : 'the session';
      await navigate(
        SUPERVISION_PATH,
        kind === 'record' ? `Recorded ${what}.` : `Scheduled ${what}.`,
      );
    } catch (error) {
      setProblems(problemsFromApi(error, SESSION_FORM_FIELDS));
    }
  }

  if ((directory.error && directory.people.length === 0) || (options.error && !options.data)) {
    return (
      <div className="page">
        <BackLink to={SUPERVISION_PATH}>Back to supervision</BackLink>
        <PageTitle>{title}</PageTitle>
        <ErrorState
          error={directory.error ?? options.error}
          onRetry={() => {
            directory.refetch();
            void options.refetch();
          }}
        />
      </div>
    );
  }
  const oneToOne = values.format === 'ONE_TO_ONE';
  return (
    <div className="page">
      <BackLink to={SUPERVISION_PATH}>Back to supervision</BackLink>
      <ErrorSummary items={summary} />
      <h1>{title}</h1>
      <NoContentNotice />
      {(directory.loading && directory.people.length === 0) || !options.data ? (
        <LoadingState label="Loading people and supervisors" />
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <DateInput
            id="date"
            label="Date of the session"
            hint={
              kind === 'record'
                ? 'Today or earlier. For example, 27/3/2026'
                : 'Up to a year from today. For example, 27/3/2026'
            }
            value={values.date}
            onChange={(event) => set('date', event.target.value)}
            error={problems.fields.date}
          />
          <RadiosField
            id="format"
            legend="Format"
            options={SESSION_FORMATS.map((f) => ({
              value: f,
              label: SESSION_FORMAT_LABELS[f],
              hint: SESSION_FORMAT_HINTS[f],
            }))}
            value={values.format}
            onChange={(format) =>
              setValues((previous) => ({
                ...previous,
                format: format as SessionFormat,
                attendeeIds: attendeesForFormat(format as SessionFormat, previous.attendeeIds),
              }))
            }
            error={problems.fields.format}
          />
          <SelectField
            id="supervisorId"
            label="Supervisor"
            hint={
              viewer.role === 'SUPERVISOR'
                ? 'You can record only the sessions you supervise.'
                : undefined
            }
            placeholder="Choose a supervisor"
            options={supervisorChoices.map((s) => ({ value: s.id, label: supervisorName(s) }))}
            value={supervisorId}
            onChange={(event) => {
              setSupervisorTouched(true);
              set('supervisorId', event.target.value);
            }}
            error={problems.fields.supervisorId}
          />
          {oneToOne ? (
            <SelectField
              id="attendeeIds"
              label="Supervisee"
              hint={
                viewer.role === 'SUPERVISOR'
                  ? 'The people you supervise who are in post on the date.'
                  : 'People in post on the date.'
              }
              placeholder="Choose a person"
              options={personChoices}
              value={values.attendeeIds[0] ?? ''}
              onChange={(event) =>
                set('attendeeIds', event.target.value ? [event.target.value] : [])
              }
              error={problems.fields.attendeeIds}
            />
          ) : (
            <CheckboxesField
              id="attendeeIds"
              legend={kind === 'record' ? 'Who attended' : 'Who will attend'}
              hint={
                personChoices.length === 0
                  ? 'No one you may choose is in post on this date.'
                  : `Tick everyone ${kind === 'record' ? 'who attended' : 'expected'} (up to 50), not the supervisor. People in post on the date are listed.`
              }
              options={personChoices}
              values={values.attendeeIds}
              onChange={(ids) => set('attendeeIds', ids)}
              error={problems.fields.attendeeIds}
              scroll={personChoices.length > 8}
            />
          )}
          <TextField
            id="durationMinutes"
            label={
              kind === 'record'
                ? 'How long it lasted, in minutes'
                : 'How long it will last, in minutes'
            }
            hint={`For example, 60. At most ${MAX_DURATION} minutes (8 hours).`}
            inputMode="numeric"
            autoComplete="off"
            className="sv-input--short"
            value={values.durationMinutes}
            onChange={(event) => set('durationMinutes', event.target.value)}
            error={problems.fields.durationMinutes}
          />
          {kind === 'record' ? (
            <CheckboxesField
              id="functions"
              legend="Which functions did the session serve?"
              hint="Tick all that apply. This is about the kind of supervision, not what was said."
              options={functionOptions()}
              values={values.functions}
              onChange={(functions) => set('functions', functions as SupervisionFunction[])}
              error={problems.fields.functions}
            />
          ) : null}
          <TextField
            id="sessionRef"
            label="Session reference (optional)"
            hint="Your own reference, if you keep one elsewhere. Up to 64 characters."
            autoComplete="off"
            spellCheck={false}
            value={values.sessionRef}
            onChange={(event) => set('sessionRef', event.target.value)}
            error={problems.fields.sessionRef}
          />
          <div className="button-group">
            <SubmitButton saving={saving}>
              {kind === 'record' ? 'Record session' : 'Schedule session'}
            </SubmitButton>
            <Link className="button-link" to={SUPERVISION_PATH}>
              Cancel
            </Link>
          </div>
        </form>
      )}
    </div>
  );
}

export function SessionFormPage({ kind }: { kind: SessionKind }) {
  return (
    <LoggersOnly>
      <SessionForm key={kind} kind={kind} />
    </LoggersOnly>
  );
}

// ---- Loading one session ----

function SessionLoader({
  title,
  children,
}: {
  title: string;
  children: (session: Session) => ReactNode;
}) {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(SupervisionSessionDocument, { variables: { id } });
  const session = data?.session;
  if (error && !session) {
    return (
      <div className="page">
        <BackLink to={SUPERVISION_PATH}>Back to supervision</BackLink>
        <PageTitle>Session not found</PageTitle>
        <ErrorState error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (!session) {
    return (
      <div className="page">
        <BackLink to={SUPERVISION_PATH}>Back to supervision</BackLink>
        <PageTitle>{title}</PageTitle>
        <LoadingState label="Loading the session" />
      </div>
    );
  }
  return <>{children(session)}</>;
}

/** Shown instead of a form when the session's status no longer allows the change. */
function NotPossible({
  session,
  title,
  reason,
}: {
  session: Session;
  title: string;
  reason: string;
}) {
  return (
    <div className="page">
      <BackLink to={`${SUPERVISION_PATH}/sessions/${session.id}`}>Back to the session</BackLink>
      <PageTitle>{title}</PageTitle>
      <p>{reason}</p>
      <SessionSummary session={session} />
    </div>
  );
}

// ---- Mark a scheduled session held ----

function MarkHeldForm({ session }: { session: Session }) {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const navigate = useNavigateWithFlash();
  const [values, setValues] = useState<MarkHeldValues>({
    date: toUkInput(session.date),
    durationMinutes: String(session.durationMinutes),
    functions: [],
  });
  const [problems, setProblems] = useState<FormProblems<MarkHeldField>>(NO_PROBLEMS);
  const [markHeld, { loading }] = useMutation(SupervisionMarkSessionHeldDocument, {
    update: forgetSupervisionData,
  });
  const summary = useMemo(() => summaryItems(problems, MARK_HELD_FIELDS), [problems]);
  const title = 'Mark a session as held';
  useDocumentTitle(title, summary.length > 0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const result = validateMarkHeld(values, session, today);
    if (!result.ok) return setProblems({ fields: result.errors, form: [] });
    try {
      const saved = (await markHeld({ variables: { id: session.id, input: result.input } })).data
        ?.markSessionHeld;
      await navigate(SUPERVISION_PATH, `Marked ${sessionDescription(saved ?? session)} as held.`);
    } catch (error) {
      setProblems(problemsFromApi(error, MARK_HELD_FIELDS));
    }
  }

  return (
    <div className="page">
      <BackLink to={SUPERVISION_PATH}>Back to supervision</BackLink>
      <ErrorSummary items={summary} />
      <h1>{title}</h1>
      <SessionSummary session={session} />
      <NoContentNotice />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <DateInput
          id="date"
          label="Date it was held"
          hint="Change this if it took place on another day. Today or earlier. For example, 27/3/2026"
          value={values.date}
          onChange={(event) => setValues({ ...values, date: event.target.value })}
          error={problems.fields.date}
        />
        <TextField
          id="durationMinutes"
          label="How long it lasted, in minutes"
          hint={`For example, 60. At most ${MAX_DURATION} minutes (8 hours).`}
          inputMode="numeric"
          autoComplete="off"
          className="sv-input--short"
          value={values.durationMinutes}
          onChange={(event) => setValues({ ...values, durationMinutes: event.target.value })}
          error={problems.fields.durationMinutes}
        />
        <CheckboxesField
          id="functions"
          legend="Which functions did the session serve?"
          hint="Tick all that apply. This is about the kind of supervision, not what was said."
          options={functionOptions()}
          values={values.functions}
          onChange={(functions) =>
            setValues({ ...values, functions: functions as SupervisionFunction[] })
          }
          error={problems.fields.functions}
        />
        <div className="button-group">
          <SubmitButton saving={loading}>Mark as held</SubmitButton>
          <Link className="button-link" to={SUPERVISION_PATH}>
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}

export function MarkHeldPage() {
  return (
    <LoggersOnly>
      <SessionLoader title="Mark a session as held">
        {(session) =>
          session.status === 'SCHEDULED' ? (
            <MarkHeldForm session={session} />
          ) : (
            <NotPossible
              session={session}
              title="This session cannot be marked as held"
              reason="Only a scheduled session can be marked as held."
            />
          )
        }
      </SessionLoader>
    </LoggersOnly>
  );
}

// ---- Cancel, did not attend ----

export type StatusChange = 'cancel' | 'did-not-attend';

const CHANGE_WORDS: Record<
  StatusChange,
  { title: string; button: string; explain: string; done: string }
> = {
  cancel: {
    title: 'Cancel this session',
    button: 'Cancel session',
    explain:
      'A cancelled session stays in the records, so the cancellation rate is counted fairly. It cannot be undone.',
    done: 'Cancelled',
  },
  'did-not-attend': {
    title: 'Mark this session as not attended',
    button: 'Mark as did not attend',
    explain:
      'Use this when the session went ahead as planned but the supervisee did not come. It cannot be undone.',
    done: 'Marked as not attended:',
  },
};

function StatusChangeForm({ session, change }: { session: Session; change: StatusChange }) {
  const navigate = useNavigateWithFlash();
  const words = CHANGE_WORDS[change];
  const [errors, setErrors] = useState<string[]>([]);
  const [cancel, cancelling] = useMutation(SupervisionCancelSessionDocument, {
    update: forgetSupervisionData,
  });
  const [didNotAttend, marking] = useMutation(SupervisionMarkDidNotAttendDocument, {
    update: forgetSupervisionData,
  });
  const saving = cancelling.loading || marking.loading;
  const summary = useMemo(() => errors.map((message) => ({ message })), [errors]);
  useDocumentTitle(words.title, summary.length > 0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    try {
      if (change === 'cancel') await cancel({ variables: { id: session.id } });
      else await didNotAttend({ variables: { id: session.id } });
      await navigate(SUPERVISION_PATH, `${words.done} ${sessionDescription(session)}.`);
    } catch (error) {
      setErrors(problemsFromApi(error, [] as const).form);
    }
  }

  return (
    <div className="page">
      <BackLink to={SUPERVISION_PATH}>Back to supervision</BackLink>
      <ErrorSummary items={summary} />
      <h1>{words.title}</h1>
      <SessionSummary session={session} />
      <p>{words.explain}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className="button-group">
          <SubmitButton saving={saving} className="button button--warning">
            {words.button}
          </SubmitButton>
          <Link className="button-link" to={SUPERVISION_PATH}>
            Go back without changing it
          </Link>
        </div>
      </form>
    </div>
  );
}

export function StatusChangePage({ change }: { change: StatusChange }) {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  return (
    <LoggersOnly>
      <SessionLoader title={CHANGE_WORDS[change].title}>
        {(session) => {
          const changes = sessionChanges(session, today);
          const allowed = change === 'cancel' ? changes.cancel : changes.didNotAttend;
          if (allowed) return <StatusChangeForm session={session} change={change} />;
          return (
            <NotPossible
              session={session}
              title={
                change === 'cancel'
                  ? 'This session cannot be cancelled'
                  : 'This session cannot be marked as not attended'
              }
              reason={
                session.status !== 'SCHEDULED'
                  ? 'Only a scheduled session can be changed this way.'
                  : 'A session can be marked as not attended only on or after its date.'
              }
            />
          );
        }}
      </SessionLoader>
    </LoggersOnly>
  );
}

// ---- Agreed actions ----

/** The people who may own an action: the attendees and an internal supervisor. */
function ownerChoices(session: Session) {
  const choices = session.attendees.map((a) => ({ value: a.id, label: staffRefName(a) }));
  const staffId = session.supervisor.staffMemberId;
  if (staffId && !choices.some((c) => c.value === staffId)) {
    choices.push({ value: staffId, label: `${supervisorName(session.supervisor)} (supervisor)` });
  }
  return choices;
}

export function ownerName(session: Session, ownerId: string | null | undefined): string {
  if (!ownerId) return 'No one in particular';
  return ownerChoices(session).find((c) => c.value === ownerId)?.label ?? 'Name erased';
}

function AddActionForm({ session }: { session: Session }) {
  const navigate = useNavigateWithFlash();
  const [values, setValues] = useState<ActionFormValues>(EMPTY_ACTION_FORM);
  const [problems, setProblems] = useState<FormProblems<ActionFormField>>(NO_PROBLEMS);
  const [addAction, { loading }] = useMutation(SupervisionAddSessionActionDocument, {
    update: forgetSupervisionData,
  });
  const summary = useMemo(() => summaryItems(problems, ACTION_FORM_FIELDS), [problems]);
  const title = 'Add an agreed action';
  useDocumentTitle(title, summary.length > 0);
  const owners = ownerChoices(session);
  const back = `${SUPERVISION_PATH}/sessions/${session.id}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const result = validateActionForm(
      values,
      owners.map((o) => o.value),
    );
    if (!result.ok) return setProblems({ fields: result.errors, form: [] });
    try {
      await addAction({ variables: { sessionId: session.id, input: result.input } });
      await navigate(back, `Added the action “${result.input.title}”.`);
    } catch (error) {
      setProblems(problemsFromApi(error, ACTION_FORM_FIELDS));
    }
  }

  return (
    <div className="page">
      <BackLink to={back}>Back to the session</BackLink>
      <ErrorSummary items={summary} />
      <h1>{title}</h1>
      <SessionSummary session={session} />
      <p className="inset">
        An agreed action is a title only, with an owner and a due date if you like. Holdspace
        records that supervision happened, never what was said: do not write notes, or anything
        about the people you work with.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="title"
          label="Title"
          hint={`A few words, such as “Book safeguarding refresher training”. Up to ${MAX_ACTION_TITLE} characters.`}
          autoComplete="off"
          maxLength={MAX_ACTION_TITLE + 20}
          value={values.title}
          onChange={(event) => setValues({ ...values, title: event.target.value })}
          error={problems.fields.title}
        />
        <SelectField
          id="ownerStaffMemberId"
          label="Owner (optional)"
          hint="Someone who attended, or the supervisor."
          placeholder="No one in particular"
          options={owners}
          value={values.ownerStaffMemberId}
          onChange={(event) => setValues({ ...values, ownerStaffMemberId: event.target.value })}
          error={problems.fields.ownerStaffMemberId}
        />
        <DateInput
          id="dueDate"
          label="Due date (optional)"
          value={values.dueDate}
          onChange={(event) => setValues({ ...values, dueDate: event.target.value })}
          error={problems.fields.dueDate}
        />
        <div className="button-group">
          <SubmitButton saving={loading}>Add action</SubmitButton>
          <Link className="button-link" to={back}>
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}

export function AddActionPage() {
  return (
    <LoggersOnly>
      <SessionLoader title="Add an agreed action">
        {(session) =>
          session.status === 'HELD' ? (
            <AddActionForm session={session} />
          ) : (
            <NotPossible
              session={session}
              title="Actions can be agreed only in a held session"
              reason="Mark the session as held first; then you can add the actions agreed in it."
            />
          )
        }
      </SessionLoader>
    </LoggersOnly>
  );
}

// ---- One session ----

const NEXT_STATUSES: Record<ActionStatus, ActionStatus[]> = {
  OPEN: ['DONE', 'DROPPED'],
  DONE: ['OPEN'],
  DROPPED: ['OPEN'],
};

const STATUS_BUTTONS: Record<ActionStatus, string> = {
  DONE: 'Mark done',
  DROPPED: 'Drop',
  OPEN: 'Reopen',
};

function ActionsTable({ session, canChange }: { session: Session; canChange: boolean }) {
  const [updateAction, { loading }] = useMutation(SupervisionUpdateSessionActionDocument);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  async function setStatus(actionId: string, title: string, status: ActionStatus) {
    try {
      await updateAction({ variables: { id: actionId, input: { status } } });
      setMessage({
        kind: 'success',
        text: `“${title}” is now ${ACTION_STATUS_LABELS[status].toLowerCase()}.`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: problemsFromApi(error, [] as const).form.join(' ') });
    }
  }

  return (
    <>
      <div className="flash-region" role="status">
        {message?.kind === 'success' ? (
          <div className="notice notice--success">
            <p className="notice__text">{message.text}</p>
          </div>
        ) : null}
      </div>
      {message?.kind === 'error' ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__text">{message.text}</p>
        </div>
      ) : null}
      {session.actions.length === 0 ? (
        <EmptyState headingLevel={3} title="No actions agreed in this session">
          {canChange && session.status === 'HELD' ? (
            <p>Add any actions you agreed, by title only.</p>
          ) : null}
        </EmptyState>
      ) : (
        <div className="table-wrapper">
          <table className="table">
            <caption className="table__caption">Actions agreed in this session</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                {canChange ? (
                  <th scope="col">
                    <span className="visually-hidden">Changes</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {session.actions.map((action) => (
                <tr key={action.id}>
                  <td>{action.title}</td>
                  <td>{ownerName(session, action.ownerStaffMemberId)}</td>
                  <td className="table__nowrap">
                    {action.dueDate ? formatDate(action.dueDate) : 'No due date'}
                  </td>
                  <td>{ACTION_STATUS_LABELS[action.status]}</td>
                  {canChange ? (
                    <td className="table__actions">
                      {NEXT_STATUSES[action.status].map((status) => (
                        <button
                          key={status}
                          type="button"
                          className="link-button"
                          disabled={loading}
                          onClick={() => void setStatus(action.id, action.title, status)}
                        >
                          {STATUS_BUTTONS[status]}
                          <span className="visually-hidden"> “{action.title}”</span>
                        </button>
                      ))}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function SessionDetails({ session }: { session: Session }) {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const options = useSupervisionOptions();
  const canChange = canChangeSession(viewer.role, session, options.mine?.id ?? null);
  const changes = sessionChanges(session, today);
  const base = `${SUPERVISION_PATH}/sessions/${session.id}`;
  return (
    <div className="page">
      <BackLink to={SUPERVISION_PATH}>Back to supervision</BackLink>
      <PageTitle>{`Session on ${formatDate(session.date)}`}</PageTitle>
      <Flash />
      <SessionSummary session={session} />
      {canChange && (changes.markHeld || changes.cancel || changes.didNotAttend) ? (
        <ul className="action-list">
          {changes.markHeld ? (
            <li>
              <Link to={`${base}/held`}>Mark as held</Link>
            </li>
          ) : null}
          {changes.cancel ? (
            <li>
              <Link to={`${base}/cancel`}>Cancel this session</Link>
            </li>
          ) : null}
          {changes.didNotAttend ? (
            <li>
              <Link to={`${base}/did-not-attend`}>Mark as did not attend</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <section className="section" aria-labelledby="actions-heading">
        <div className="section-heading">
          <h2 id="actions-heading">Agreed actions</h2>
          {canChange && changes.addAction ? (
            <Link className="button button--secondary" to={`${base}/actions/new`}>
              Add an agreed action
            </Link>
          ) : null}
        </div>
        <p className="hint">
          Titles only: Holdspace records that supervision happened, never what was said.
        </p>
        <ActionsTable session={session} canChange={canChange} />
      </section>
    </div>
  );
}

export function SessionPage() {
  return (
    <SessionLoader title="Session">
      {(session) => <SessionDetails session={session} />}
    </SessionLoader>
  );
}
