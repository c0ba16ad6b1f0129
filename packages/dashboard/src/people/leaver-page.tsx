import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import {
  PeoplePersonDocument,
  PeopleRecordLeaverDocument,
  type PeopleStaffFieldsFragment,
} from '../gql/graphql';
import { DateInput, formatDate, toUkInput } from '../shell/date-input';
import { ErrorSummary } from '../shell/error-summary';
import { LoadingState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { forgetStaffLists } from './cache';
import { RadiosField } from './form-fields';
import { problemsFromApi, summaryItems, type FormProblems } from './form-problems';
import { LEAVING_REASON_LABELS, LEAVING_REASONS, personName } from './labels';
import { BackLink, PageTitle, useNavigateWithFlash } from './page-kit';
import { PersonError } from './person-page';
import { canEditPerson } from './permissions';
import {
  LEAVER_FORM_FIELDS,
  validateLeaverForm,
  type LeaverFormField,
  type LeaverFormValues,
} from './staff-form';

type Person = PeopleStaffFieldsFragment;

function LeaverForm({ person }: { person: Person }) {
  const navigate = useNavigateWithFlash();
  const [values, setValues] = useState<LeaverFormValues>({
    endDate: toUkInput(person.endDate),
    leavingReason: person.leavingReason ?? '',
  });
  const [problems, setProblems] = useState<FormProblems<LeaverFormField>>({ fields: {}, form: [] });
  const [recordLeaver, { loading }] = useMutation(PeopleRecordLeaverDocument, {
    update: forgetStaffLists,
  });
  const name = personName(person);
  const title = person.endDate ? `Change ${name}’s leaving details` : `Record ${name} as a leaver`;
  const summary = useMemo(() => summaryItems(problems, LEAVER_FORM_FIELDS), [problems]);
  useDocumentTitle(title, summary.length > 0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const result = validateLeaverForm(values, { startDate: person.startDate });
    if (!result.ok) {
      setProblems({ fields: result.errors, form: [] });
      return;
    }
    try {
      await recordLeaver({ variables: { id: person.id, input: result.input } });
      await navigate(
        `/people/${person.id}`,
        `Recorded ${name} as a leaver: their last day is ${formatDate(result.input.endDate)}.`,
      );
    } catch (error) {
      setProblems(problemsFromApi(error, LEAVER_FORM_FIELDS));
    }
  }

  return (
    <>
      <ErrorSummary items={summary} />
      <h1>{title}</h1>
      <p>
        They started on {formatDate(person.startDate)}. They stay in your figures up to their last
        day, and count as a leaver in turnover from then.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <DateInput
          id="endDate"
          label="Last day of employment"
          value={values.endDate}
          onChange={(event) => setValues({ ...values, endDate: event.target.value })}
          error={problems.fields.endDate}
        />
        <RadiosField
          id="leavingReason"
          legend="Why did they leave?"
          options={LEAVING_REASONS.map((reason) => ({
            value: reason,
            label: LEAVING_REASON_LABELS[reason],
          }))}
          value={values.leavingReason}
          onChange={(leavingReason) => setValues({ ...values, leavingReason })}
          error={problems.fields.leavingReason}
        />
        <div className="button-group">
          <button
            type="submit"
            className="button"
            disabled={loading}
            aria-disabled={loading ? true : undefined}
          >
            {loading ? (
              <>
                <span className="spinner spinner--on-button" aria-hidden="true" />
                Saving…
              </>
            ) : (
              'Record leaver'
            )}
          </button>
          <Link className="button-link" to={`/people/${person.id}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function LeaverPage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(PeoplePersonDocument, { variables: { id } });
  const person = data?.staffMember;
  let content;
  if (error && !person) {
    content = (
      <>
        <PageTitle>Person not found</PageTitle>
        <PersonError error={error} onRetry={() => void refetch()} />
      </>
    );
  } else if (!person) {
    content = (
      <>
        <PageTitle>Record a leaver</PageTitle>
        <LoadingState label="Loading their record" />
      </>
    );
  } else if (!canEditPerson(viewer.role, viewer.membership.managedServiceIds, person)) {
    content = (
      <>
        <PageTitle>You cannot change this record</PageTitle>
        <p>Organisation admins, and managers of the person’s service, record leavers.</p>
      </>
    );
  } else {
    content = <LeaverForm key={person.id} person={person} />;
  }
  return (
    <div className="page">
      <BackLink to={`/people/${id}`}>Back</BackLink>
      {content}
    </div>
  );
}
