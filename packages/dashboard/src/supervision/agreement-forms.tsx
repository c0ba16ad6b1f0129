import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  SupervisionAgreementDocument,
  SupervisionCreateAgreementDocument,
  SupervisionEndAgreementDocument,
  SupervisionReviewAgreementDocument,
  type SessionFormat,
  type SupervisionInterval,
} from '../gql/graphql';
import { DateInput, formatDate, todayIn } from '../shell/date-input';
import { ErrorSummary } from '../shell/error-summary';
import { ErrorState, LoadingState } from '../shell/states';
import { TextField } from '../shell/text-field';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { RadiosField, SelectField } from '../people/form-fields';
import { problemsFromApi, summaryItems, type FormProblems } from '../people/form-problems';
import { BackLink, PageTitle, useNavigateWithFlash } from '../people/page-kit';
import { useStaffDirectory } from '../people/use-staff-directory';
import {
  AGREEMENT_FORM_FIELDS,
  EMPTY_AGREEMENT_FORM,
  END_FORM_FIELDS,
  REVIEW_FORM_FIELDS,
  validateAgreementForm,
  validateEndForm,
  validateReviewForm,
  type AgreementFormField,
  type AgreementFormValues,
  type EndFormField,
  type ReviewFormField,
  type ReviewFormValues,
} from './agreement-form';
import { reviewText, type Agreement } from './agreements-section';
import { CheckboxesField, SubmitButton } from './fields';
import {
  formatDuration,
  formatsText,
  INTERVAL_LABELS,
  SESSION_FORMAT_LABELS,
  SESSION_FORMATS,
  staffRefName,
  SUPERVISION_INTERVALS,
  supervisorName,
} from './labels';
import { canManageAgreements } from './permissions';
import {
  AGREEMENTS_PATH,
  forgetSupervisionData,
  NoContentNotice,
  personOption,
  SummaryRow,
  useSupervisionOptions,
} from './supervision-kit';

const NO_PROBLEMS = { fields: {}, form: [] };

/** Only admins and managers change agreements: anyone else gets a plain explanation. */
function ManagersOnly({ children }: { children: ReactNode }) {
  const { role } = useViewer();
  if (canManageAgreements(role)) return <>{children}</>;
  return (
    <div className="page">
      <BackLink to={AGREEMENTS_PATH}>Back to agreements</BackLink>
      <PageTitle>You cannot change supervision agreements</PageTitle>
      <p>
        Organisation admins, and managers of the supervisee’s service, set up, review and end
        agreements. If one needs changing, ask them.
      </p>
    </div>
  );
}

// ---- Set up an agreement ----

function NewAgreementForm() {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const [search] = useSearchParams();
  const navigate = useNavigateWithFlash();
  const directory = useStaffDirectory();
  const options = useSupervisionOptions();
  const [values, setValues] = useState<AgreementFormValues>(() => ({
    ...EMPTY_AGREEMENT_FORM,
    staffMemberId: search.get('person') ?? '',
  }));
  const [problems, setProblems] = useState<FormProblems<AgreementFormField>>(NO_PROBLEMS);
  const [create, { loading }] = useMutation(SupervisionCreateAgreementDocument, {
    update: forgetSupervisionData,
  });
  const summary = useMemo(() => summaryItems(problems, AGREEMENT_FORM_FIELDS), [problems]);
  const title = 'Set up a supervision agreement';
  useDocumentTitle(title, summary.length > 0);

  // People in post or starting later (an agreement may start with them).
  const people = directory.people.filter(
    (p) => !p.endDate || p.endDate >= today || p.id === values.staffMemberId,
  );
  const supervisor = options.supervisors.find((s) => s.id === values.supervisorId);
  const defaultFormats = options.settings ? formatsText(options.settings.countedFormats) : '';

  function set<K extends keyof AgreementFormValues>(field: K, value: AgreementFormValues[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const result = validateAgreementForm(values, supervisor?.staffMemberId);
    if (!result.ok) return setProblems({ fields: result.errors, form: [] });
    try {
      const saved = (await create({ variables: { input: result.input } })).data?.createAgreement;
      const who = saved ? staffRefName(saved.supervisee) : 'the supervisee';
      await navigate(
        AGREEMENTS_PATH,
        `Set up an agreement for ${who}: supervision ${INTERVAL_LABELS[result.input.interval].toLowerCase()} from ${formatDate(result.input.startDate)}.`,
      );
    } catch (error) {
      setProblems(problemsFromApi(error, AGREEMENT_FORM_FIELDS));
    }
  }

  if ((directory.error && directory.people.length === 0) || (options.error && !options.data)) {
    return (
      <div className="page">
        <BackLink to={AGREEMENTS_PATH}>Back to agreements</BackLink>
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
  return (
    <div className="page">
      <BackLink to={AGREEMENTS_PATH}>Back to agreements</BackLink>
      <ErrorSummary items={summary} />
      <h1>{title}</h1>
      <p>
        An agreement (contract) between a supervisee and their supervisor sets how often they should
        meet. Someone can have one agreement at a time.
      </p>
      <NoContentNotice />
      {(directory.loading && directory.people.length === 0) || !options.data ? (
        <LoadingState label="Loading people and supervisors" />
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <SelectField
            id="staffMemberId"
            label="Supervisee"
            placeholder="Choose a person"
            options={people.map((p) => ({ value: p.id, label: personOption(p, today) }))}
            value={values.staffMemberId}
            onChange={(event) => set('staffMemberId', event.target.value)}
            error={problems.fields.staffMemberId}
          />
          <SelectField
            id="supervisorId"
            label="Supervisor"
            hint="A member of staff, or an external clinical supervisor."
            placeholder="Choose a supervisor"
            options={options.supervisors.map((s) => ({ value: s.id, label: supervisorName(s) }))}
            value={values.supervisorId}
            onChange={(event) => set('supervisorId', event.target.value)}
            error={problems.fields.supervisorId}
          />
          <RadiosField
            id="interval"
            legend="How often should they have supervision?"
            options={SUPERVISION_INTERVALS.map((i) => ({ value: i, label: INTERVAL_LABELS[i] }))}
            value={values.interval}
            onChange={(interval) => set('interval', interval as SupervisionInterval)}
            error={problems.fields.interval}
          />
          <TextField
            id="sessionMinutes"
            label="Expected length of a session, in minutes (optional)"
            hint="For example, 60. At most 480 minutes (8 hours)."
            inputMode="numeric"
            autoComplete="off"
            className="sv-input--short"
            value={values.sessionMinutes}
            onChange={(event) => set('sessionMinutes', event.target.value)}
            error={problems.fields.sessionMinutes}
          />
          <DateInput
            id="startDate"
            label="Start date"
            value={values.startDate}
            onChange={(event) => set('startDate', event.target.value)}
            error={problems.fields.startDate}
          />
          <DateInput
            id="reviewDueDate"
            label="Review due date (optional)"
            hint="When supervisor and supervisee should next review the agreement together, often a year after it starts. For example, 27/3/2027"
            value={values.reviewDueDate}
            onChange={(event) => set('reviewDueDate', event.target.value)}
            error={problems.fields.reviewDueDate}
          />
          <CheckboxesField
            id="countedFormats"
            legend="Which formats count towards this agreement? (optional)"
            hint={`Leave all unticked to use your organisation’s counted formats${defaultFormats ? `: ${defaultFormats}` : ''}.`}
            options={SESSION_FORMATS.map((f) => ({ value: f, label: SESSION_FORMAT_LABELS[f] }))}
            values={values.countedFormats}
            onChange={(formats) => set('countedFormats', formats as SessionFormat[])}
            error={problems.fields.countedFormats}
          />
          <TextField
            id="agreementRef"
            label="Agreement reference (optional)"
            hint="Your own reference, if you keep one elsewhere. Up to 64 characters."
            autoComplete="off"
            spellCheck={false}
            value={values.agreementRef}
            onChange={(event) => set('agreementRef', event.target.value)}
            error={problems.fields.agreementRef}
          />
          <div className="button-group">
            <SubmitButton saving={loading}>Set up agreement</SubmitButton>
            <Link className="button-link" to={AGREEMENTS_PATH}>
              Cancel
            </Link>
          </div>
        </form>
      )}
    </div>
  );
}

export function NewAgreementPage() {
  return (
    <ManagersOnly>
      <NewAgreementForm />
    </ManagersOnly>
  );
}

// ---- Loading one agreement ----

function AgreementLoader({
  title,
  children,
}: {
  title: string;
  children: (agreement: Agreement) => ReactNode;
}) {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(SupervisionAgreementDocument, { variables: { id } });
  const agreement = data?.agreement;
  if (error && !agreement) {
    return (
      <div className="page">
        <BackLink to={AGREEMENTS_PATH}>Back to agreements</BackLink>
        <PageTitle>Agreement not found</PageTitle>
        <ErrorState error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (!agreement) {
    return (
      <div className="page">
        <BackLink to={AGREEMENTS_PATH}>Back to agreements</BackLink>
        <PageTitle>{title}</PageTitle>
        <LoadingState label="Loading the agreement" />
      </div>
    );
  }
  return <>{children(agreement)}</>;
}

function AgreementSummary({ agreement }: { agreement: Agreement }) {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  return (
    <dl className="summary-list">
      <SummaryRow label="Supervisee">{staffRefName(agreement.supervisee)}</SummaryRow>
      <SummaryRow label="Supervisor">{supervisorName(agreement.supervisor)}</SummaryRow>
      <SummaryRow label="How often">{INTERVAL_LABELS[agreement.interval]}</SummaryRow>
      {agreement.sessionMinutes ? (
        <SummaryRow label="Expected length">{formatDuration(agreement.sessionMinutes)}</SummaryRow>
      ) : null}
      <SummaryRow label="Started">{formatDate(agreement.startDate)}</SummaryRow>
      {agreement.endDate ? (
        <SummaryRow label="Last day">{formatDate(agreement.endDate)}</SummaryRow>
      ) : null}
      <SummaryRow label="Last reviewed">
        {agreement.lastReviewedOn ? formatDate(agreement.lastReviewedOn) : 'Not reviewed yet'}
      </SummaryRow>
      <SummaryRow label="Review due">{reviewText(agreement, today)}</SummaryRow>
    </dl>
  );
}

// ---- Review an agreement ----

function ReviewForm({ agreement }: { agreement: Agreement }) {
  const viewer = useViewer();
  const today = todayIn(viewer.organisation.timeZone);
  const navigate = useNavigateWithFlash();
  const [values, setValues] = useState<ReviewFormValues>({ reviewedOn: '', nextReviewDueDate: '' });
  const [problems, setProblems] = useState<FormProblems<ReviewFormField>>(NO_PROBLEMS);
  const [review, { loading }] = useMutation(SupervisionReviewAgreementDocument, {
    update: forgetSupervisionData,
  });
  const summary = useMemo(() => summaryItems(problems, REVIEW_FORM_FIELDS), [problems]);
  const title = 'Record a review of the agreement';
  useDocumentTitle(title, summary.length > 0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const result = validateReviewForm(values, agreement, today);
    if (!result.ok) return setProblems({ fields: result.errors, form: [] });
    try {
      await review({ variables: { id: agreement.id, input: result.input } });
      await navigate(
        AGREEMENTS_PATH,
        `Recorded the review of ${staffRefName(agreement.supervisee)}’s agreement. The next review is due ${formatDate(result.input.nextReviewDueDate)}.`,
      );
    } catch (error) {
      setProblems(problemsFromApi(error, REVIEW_FORM_FIELDS));
    }
  }

  return (
    <div className="page">
      <BackLink to={AGREEMENTS_PATH}>Back to agreements</BackLink>
      <ErrorSummary items={summary} />
      <h1>{title}</h1>
      <AgreementSummary agreement={agreement} />
      <NoContentNotice />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <DateInput
          id="reviewedOn"
          label="Date of the review"
          hint="Today or earlier. For example, 27/3/2026"
          value={values.reviewedOn}
          onChange={(event) => setValues({ ...values, reviewedOn: event.target.value })}
          error={problems.fields.reviewedOn}
        />
        <DateInput
          id="nextReviewDueDate"
          label="Next review due"
          hint="After the date of this review, often a year later. For example, 27/3/2027"
          value={values.nextReviewDueDate}
          onChange={(event) => setValues({ ...values, nextReviewDueDate: event.target.value })}
          error={problems.fields.nextReviewDueDate}
        />
        <div className="button-group">
          <SubmitButton saving={loading}>Record review</SubmitButton>
          <Link className="button-link" to={AGREEMENTS_PATH}>
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}

export function ReviewAgreementPage() {
  return (
    <ManagersOnly>
      <AgreementLoader title="Record a review of the agreement">
        {(agreement) => <ReviewForm agreement={agreement} />}
      </AgreementLoader>
    </ManagersOnly>
  );
}

// ---- End an agreement ----

function EndForm({ agreement }: { agreement: Agreement }) {
  const navigate = useNavigateWithFlash();
  const [endDate, setEndDate] = useState('');
  const [problems, setProblems] = useState<FormProblems<EndFormField>>(NO_PROBLEMS);
  const [end, { loading }] = useMutation(SupervisionEndAgreementDocument, {
    update: forgetSupervisionData,
  });
  const summary = useMemo(() => summaryItems(problems, END_FORM_FIELDS), [problems]);
  const title = 'End the agreement';
  useDocumentTitle(title, summary.length > 0);
  const who = staffRefName(agreement.supervisee);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const result = validateEndForm({ endDate }, agreement);
    if (!result.ok) return setProblems({ fields: result.errors, form: [] });
    try {
      await end({ variables: { id: agreement.id, input: result.input } });
      await navigate(
        AGREEMENTS_PATH,
        `Ended ${who}’s agreement: its last day is ${formatDate(result.input.endDate)}.`,
      );
    } catch (error) {
      setProblems(problemsFromApi(error, END_FORM_FIELDS));
    }
  }

  return (
    <div className="page">
      <BackLink to={AGREEMENTS_PATH}>Back to agreements</BackLink>
      <ErrorSummary items={summary} />
      <h1>{title}</h1>
      <AgreementSummary agreement={agreement} />
      <p>
        After its last day, this agreement no longer sets how often {who} should have supervision:
        your organisation’s default applies until a new agreement starts. Their sessions stay in the
        records.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <DateInput
          id="endDate"
          label="Last day of the agreement"
          value={endDate}
          onChange={(event) => setEndDate(event.target.value)}
          error={problems.fields.endDate}
        />
        <div className="button-group">
          <SubmitButton saving={loading} className="button button--warning">
            End agreement
          </SubmitButton>
          <Link className="button-link" to={AGREEMENTS_PATH}>
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}

export function EndAgreementPage() {
  return (
    <ManagersOnly>
      <AgreementLoader title="End the agreement">
        {(agreement) => <EndForm agreement={agreement} />}
      </AgreementLoader>
    </ManagersOnly>
  );
}
