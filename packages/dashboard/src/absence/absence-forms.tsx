import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { safeNextPath } from '../app/safe-next-path';
import {
  AbsenceCloseDocument,
  AbsenceCorrectDocument,
  AbsenceDeleteDocument,
  AbsenceEpisodeDocument,
  AbsenceOpenDocument,
  type AbsenceEpisodeFieldsFragment,
} from '../gql/graphql';
import { DateInput, formatDate, todayIn, toUkInput } from '../shell/date-input';
import { ErrorSummary } from '../shell/error-summary';
import { ErrorState, LoadingState } from '../shell/states';
import { TextField } from '../shell/text-field';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { forgetAbsenceLists } from '../people/cache';
import { RadiosField, SelectField } from '../people/form-fields';
import { problemsFromApi, summaryItems, type FormProblems } from '../people/form-problems';
import {
  ABSENCE_REASON_HINTS,
  ABSENCE_REASON_LABELS,
  ABSENCE_REASONS,
  absenceLength,
  personName,
} from '../people/labels';
import { BackLink, PageTitle, useNavigateWithFlash } from '../people/page-kit';
import { canSeeAbsenceRecords } from '../people/permissions';
import { useStaffDirectory, type DirectoryPerson } from '../people/use-staff-directory';
import {
  ABSENCE_FORM_FIELDS,
  EMPTY_ABSENCE_FORM,
  validateCloseAbsence,
  validateCorrectAbsence,
  validateRecordAbsence,
  type AbsenceFormField,
  type AbsenceFormValues,
} from './absence-form';
import { personOption } from './absence-records';

const LIST_PATH = '/absence-and-turnover';
type Episode = AbsenceEpisodeFieldsFragment;

/** Where to go after saving: `?return=` when it is a page of ours, else the list. */
function useReturnPath(): string {
  const [search] = useSearchParams();
  const asked = search.get('return');
  const path = asked ? safeNextPath(asked) : LIST_PATH;
  return path.startsWith('/people') || path.startsWith(LIST_PATH) ? path : LIST_PATH;
}

const NO_MEDICAL_DETAIL = (
  <p className="inset">
    Holdspace stores the dates and a reason category only. Do not record medical details or fit
    notes here; keep those in your HR records.
  </p>
);

function reasonOptions() {
  return ABSENCE_REASONS.map((reason) => ({
    value: reason,
    label: ABSENCE_REASON_LABELS[reason],
    hint: ABSENCE_REASON_HINTS[reason],
  }));
}

function SubmitButton({ saving, children }: { saving: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      className="button"
      disabled={saving}
      aria-disabled={saving ? true : undefined}
    >
      {saving ? (
        <>
          <span className="spinner spinner--on-button" aria-hidden="true" />
          Saving…
        </>
      ) : (
        children
      )}
    </button>
  );
}

/** Records only for admins and managers: anyone else gets a plain explanation. */
function RecordsOnly({ children }: { children: ReactNode }) {
  const { role } = useViewer();
  if (canSeeAbsenceRecords(role)) return <>{children}</>;
  return (
    <div className="page">
      <BackLink to={LIST_PATH}>Back to absence and turnover</BackLink>
      <PageTitle>You cannot change absence records</PageTitle>
      <p>
        Organisation admins, and managers of a person’s service, record and correct absence. If you
        need to, ask your organisation admin.
      </p>
    </div>
  );
}

// ---- Record an absence ----

function RecordAbsenceForm() {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const [search] = useSearchParams();
  const returnPath = useReturnPath();
  const navigate = useNavigateWithFlash();
  const directory = useStaffDirectory();
  const preselected = search.get('person') ?? '';
  const [values, setValues] = useState<AbsenceFormValues>({
    ...EMPTY_ABSENCE_FORM,
    staffMemberId: preselected,
  });
  const [problems, setProblems] = useState<FormProblems<AbsenceFormField>>({
    fields: {},
    form: [],
  });
  const [openAbsence, { loading }] = useMutation(AbsenceOpenDocument, {
    update: forgetAbsenceLists,
  });
  const summary = useMemo(() => summaryItems(problems, ABSENCE_FORM_FIELDS), [problems]);
  useDocumentTitle('Record an absence', summary.length > 0);

  // People who have started; leavers too (for an absence before they left).
  const people = directory.people.filter((p) => p.startDate <= today);
  const chosen: DirectoryPerson | undefined = directory.byId.get(values.staffMemberId);
  const back = preselected && returnPath === LIST_PATH ? `/people/${preselected}` : returnPath;

  function set<K extends keyof AbsenceFormValues>(field: K, value: AbsenceFormValues[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const result = validateRecordAbsence(values, chosen, today);
    if (!result.ok) {
      setProblems({ fields: result.errors, form: [] });
      return;
    }
    try {
      await openAbsence({ variables: { input: result.input } });
      const who = chosen ? personName(chosen) : 'this person';
      await navigate(
        back,
        result.input.endDate
          ? `Recorded an absence for ${who} from ${formatDate(result.input.startDate)} to ${formatDate(result.input.endDate)}.`
          : `Recorded an ongoing absence for ${who} from ${formatDate(result.input.startDate)}.`,
      );
    } catch (error) {
      setProblems(problemsFromApi(error, ABSENCE_FORM_FIELDS));
    }
  }

  if (directory.error && directory.people.length === 0) {
    return <ErrorState error={directory.error} onRetry={directory.refetch} />;
  }
  return (
    <div className="page">
      <BackLink to={back}>Back</BackLink>
      <ErrorSummary items={summary} />
      <h1>Record an absence</h1>
      {NO_MEDICAL_DETAIL}
      {directory.loading && directory.people.length === 0 ? (
        <LoadingState label="Loading staff" />
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <SelectField
            id="staffMemberId"
            label="Person"
            placeholder="Choose a person"
            options={people.map((p) => ({ value: p.id, label: personOption(p, today) }))}
            value={values.staffMemberId}
            onChange={(event) => set('staffMemberId', event.target.value)}
            error={problems.fields.staffMemberId}
          />
          <DateInput
            id="startDate"
            label="First day absent"
            value={values.startDate}
            onChange={(event) => set('startDate', event.target.value)}
            error={problems.fields.startDate}
          />
          <DateInput
            id="endDate"
            label="Last day absent (optional)"
            hint="Leave empty if they are still absent; you can close the absence later. For example, 27/3/2026"
            value={values.endDate}
            onChange={(event) => set('endDate', event.target.value)}
            error={problems.fields.endDate}
          />
          <RadiosField
            id="reason"
            legend="Reason category"
            hint="Choose the closest category. No further detail is recorded."
            options={reasonOptions()}
            value={values.reason}
            onChange={(reason) => set('reason', reason)}
            error={problems.fields.reason}
          />
          <TextField
            id="absenceRef"
            label="Absence reference (optional)"
            hint="Your HR system’s reference for this absence, if it has one"
            autoComplete="off"
            spellCheck={false}
            value={values.absenceRef}
            onChange={(event) => set('absenceRef', event.target.value)}
            error={problems.fields.absenceRef}
          />
          <div className="button-group">
            <SubmitButton saving={loading}>Record absence</SubmitButton>
            <Link className="button-link" to={back}>
              Cancel
            </Link>
          </div>
        </form>
      )}
    </div>
  );
}

export function RecordAbsencePage() {
  return (
    <RecordsOnly>
      <RecordAbsenceForm />
    </RecordsOnly>
  );
}

// ---- Loading one episode (close and correct) ----

function EpisodeLoader({
  children,
  title,
}: {
  title: string;
  children: (episode: Episode, person: DirectoryPerson | undefined) => ReactNode;
}) {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(AbsenceEpisodeDocument, { variables: { id } });
  const directory = useStaffDirectory();
  const returnPath = useReturnPath();
  const episode = data?.absenceEpisode;
  if (error && !episode) {
    return (
      <div className="page">
        <BackLink to={returnPath}>Back</BackLink>
        <PageTitle>Absence record not found</PageTitle>
        <ErrorState error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (!episode || (directory.loading && directory.people.length === 0)) {
    return (
      <div className="page">
        <BackLink to={returnPath}>Back</BackLink>
        <PageTitle>{title}</PageTitle>
        <LoadingState label="Loading the absence record" />
      </div>
    );
  }
  return <>{children(episode, directory.byId.get(episode.staffMemberId))}</>;
}

function EpisodeSummary({
  episode,
  person,
  today,
}: {
  episode: Episode;
  person?: DirectoryPerson;
  today: string;
}) {
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt className="summary-list__key">Person</dt>
        <dd className="summary-list__value">{person ? personName(person) : 'Unknown person'}</dd>
      </div>
      <div className="summary-list__row">
        <dt className="summary-list__key">First day absent</dt>
        <dd className="summary-list__value">{formatDate(episode.startDate)}</dd>
      </div>
      <div className="summary-list__row">
        <dt className="summary-list__key">Last day absent</dt>
        <dd className="summary-list__value">
          {episode.endDate ? formatDate(episode.endDate) : 'Ongoing'} (
          {absenceLength(episode.startDate, episode.endDate, today)})
        </dd>
      </div>
      <div className="summary-list__row">
        <dt className="summary-list__key">Reason</dt>
        <dd className="summary-list__value">{ABSENCE_REASON_LABELS[episode.reason]}</dd>
      </div>
    </dl>
  );
}

// ---- Close an ongoing absence ----

function CloseAbsenceForm({ episode, person }: { episode: Episode; person?: DirectoryPerson }) {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const returnPath = useReturnPath();
  const navigate = useNavigateWithFlash();
  const [endDate, setEndDate] = useState('');
  const [problems, setProblems] = useState<FormProblems<'endDate'>>({ fields: {}, form: [] });
  const [closeAbsence, { loading }] = useMutation(AbsenceCloseDocument, {
    update: forgetAbsenceLists,
  });
  const summary = useMemo(() => summaryItems(problems, ['endDate'] as const), [problems]);
  const who = person ? personName(person) : 'this person';
  const title = `Close ${who}’s absence`;
  useDocumentTitle(title, summary.length > 0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const result = validateCloseAbsence(endDate, episode.startDate, today);
    if (!result.ok) {
      setProblems({ fields: { endDate: result.errors.endDate }, form: [] });
      return;
    }
    try {
      await closeAbsence({ variables: { id: episode.id, input: result.input } });
      await navigate(
        returnPath,
        `Closed ${who}’s absence: ${formatDate(episode.startDate)} to ${formatDate(result.input.endDate)}.`,
      );
    } catch (error) {
      setProblems(problemsFromApi(error, ['endDate'] as const));
    }
  }

  return (
    <div className="page">
      <BackLink to={returnPath}>Back</BackLink>
      <ErrorSummary items={summary} />
      <h1>{title}</h1>
      <EpisodeSummary episode={episode} person={person} today={today} />
      {episode.ongoing ? (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <DateInput
            id="endDate"
            label="Last day absent"
            hint={`On or after ${formatDate(episode.startDate)}. For example, 27/3/2026`}
            value={endDate}
            onChange={(event) => setEndDate(event.target.value)}
            error={problems.fields.endDate}
          />
          <div className="button-group">
            <SubmitButton saving={loading}>Close absence</SubmitButton>
            <Link className="button-link" to={returnPath}>
              Cancel
            </Link>
          </div>
        </form>
      ) : (
        <p>
          This absence has already ended. To change its dates,{' '}
          <Link to={`${LIST_PATH}/${episode.id}/correct`}>correct it</Link>.
        </p>
      )}
    </div>
  );
}

export function CloseAbsencePage() {
  return (
    <RecordsOnly>
      <EpisodeLoader title="Close an absence">
        {(episode, person) => (
          <CloseAbsenceForm key={episode.id} episode={episode} person={person} />
        )}
      </EpisodeLoader>
    </RecordsOnly>
  );
}

// ---- Correct (or delete) an absence ----

const CORRECT_FIELDS = ['startDate', 'endDate', 'reason', 'absenceRef'] as const;

function CorrectAbsenceForm({ episode, person }: { episode: Episode; person?: DirectoryPerson }) {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const returnPath = useReturnPath();
  const navigate = useNavigateWithFlash();
  const [values, setValues] = useState<Omit<AbsenceFormValues, 'staffMemberId'>>({
    startDate: toUkInput(episode.startDate),
    endDate: toUkInput(episode.endDate),
    reason: episode.reason,
    absenceRef: episode.absenceRef ?? '',
  });
  const [problems, setProblems] = useState<FormProblems<AbsenceFormField>>({
    fields: {},
    form: [],
  });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const deleteButtonRef = useRef<HTMLButtonElement>(null);
  const askedToDelete = useRef(false);
  // Keyboard and screen reader users land on the question, and back on the button after "No".
  useEffect(() => {
    if (confirmingDelete) {
      askedToDelete.current = true;
      confirmRef.current?.focus();
    } else if (askedToDelete.current) {
      deleteButtonRef.current?.focus();
    }
  }, [confirmingDelete]);
  const [correctAbsence, correcting] = useMutation(AbsenceCorrectDocument, {
    update: forgetAbsenceLists,
  });
  const [deleteAbsence, deleting] = useMutation(AbsenceDeleteDocument, {
    update: (cache) => {
      cache.evict({ id: cache.identify({ __typename: 'AbsenceEpisode', id: episode.id }) });
      forgetAbsenceLists(cache);
    },
  });
  const summary = useMemo(() => summaryItems(problems, CORRECT_FIELDS), [problems]);
  const who = person ? personName(person) : 'this person';
  const title = `Correct ${who}’s absence`;
  useDocumentTitle(title, summary.length > 0);
  const saving = correcting.loading || deleting.loading;

  function set<K extends keyof typeof values>(field: K, value: (typeof values)[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const result = validateCorrectAbsence(values, person, today);
    if (!result.ok) {
      setProblems({ fields: result.errors, form: [] });
      return;
    }
    try {
      await correctAbsence({ variables: { id: episode.id, input: result.input } });
      await navigate(returnPath, `Saved the correction to ${who}’s absence.`);
    } catch (error) {
      setProblems(problemsFromApi(error, ABSENCE_FORM_FIELDS));
    }
  }

  async function remove() {
    if (saving) return;
    try {
      await deleteAbsence({ variables: { id: episode.id } });
      await navigate(
        returnPath,
        `Deleted the absence record for ${who} from ${formatDate(episode.startDate)}.`,
      );
    } catch (error) {
      setConfirmingDelete(false);
      setProblems(problemsFromApi(error, ABSENCE_FORM_FIELDS));
    }
  }

  return (
    <div className="page">
      <BackLink to={returnPath}>Back</BackLink>
      <ErrorSummary items={summary} />
      {person ? <span className="page-heading__caption">{person.service.name}</span> : null}
      <h1>{title}</h1>
      <p>Use this when something was recorded wrongly. To end an ongoing absence, close it.</p>
      {NO_MEDICAL_DETAIL}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <DateInput
          id="startDate"
          label="First day absent"
          value={values.startDate}
          onChange={(event) => set('startDate', event.target.value)}
          error={problems.fields.startDate}
        />
        <DateInput
          id="endDate"
          label="Last day absent (optional)"
          hint="Leave empty if they are still absent. For example, 27/3/2026"
          value={values.endDate}
          onChange={(event) => set('endDate', event.target.value)}
          error={problems.fields.endDate}
        />
        <RadiosField
          id="reason"
          legend="Reason category"
          options={reasonOptions()}
          value={values.reason}
          onChange={(reason) => set('reason', reason)}
          error={problems.fields.reason}
        />
        <TextField
          id="absenceRef"
          label="Absence reference (optional)"
          autoComplete="off"
          spellCheck={false}
          value={values.absenceRef}
          onChange={(event) => set('absenceRef', event.target.value)}
          error={problems.fields.absenceRef}
        />
        <div className="button-group">
          <SubmitButton saving={correcting.loading}>Save correction</SubmitButton>
          <Link className="button-link" to={returnPath}>
            Cancel
          </Link>
        </div>
      </form>
      <section className="section" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Entered by mistake?</h2>
        {confirmingDelete ? (
          <div className="notice notice--error" ref={confirmRef} tabIndex={-1}>
            <p>
              Delete this absence record for {who} from {formatDate(episode.startDate)}? It will no
              longer count in your absence figures. This cannot be undone.
            </p>
            <div className="button-group">
              <button
                type="button"
                className="button button--warning"
                onClick={() => void remove()}
                disabled={deleting.loading}
                aria-disabled={deleting.loading ? true : undefined}
              >
                {deleting.loading ? 'Deleting…' : 'Yes, delete this record'}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirmingDelete(false)}
              >
                No, keep it
              </button>
            </div>
          </div>
        ) : (
          <>
            <p>If this absence never happened, delete the record.</p>
            <button
              ref={deleteButtonRef}
              type="button"
              className="button button--secondary"
              onClick={() => setConfirmingDelete(true)}
            >
              Delete this record
            </button>
          </>
        )}
      </section>
    </div>
  );
}

export function CorrectAbsencePage() {
  return (
    <RecordsOnly>
      <EpisodeLoader title="Correct an absence">
        {(episode, person) => (
          <CorrectAbsenceForm key={episode.id} episode={episode} person={person} />
        )}
      </EpisodeLoader>
    </RecordsOnly>
  );
}
