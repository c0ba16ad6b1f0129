import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import {
  PeopleCreateStaffMemberDocument,
  PeopleOptionsDocument,
  PeoplePersonDocument,
  PeopleUpdateStaffMemberDocument,
  type PeopleStaffFieldsFragment,
} from '../gql/graphql';
import { DateInput } from '../shell/date-input';
import { ErrorSummary } from '../shell/error-summary';
import { ErrorState, LoadingState } from '../shell/states';
import { TextField } from '../shell/text-field';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { forgetStaffLists } from './cache';
import { CheckboxField, SelectField } from './form-fields';
import { problemsFromApi, summaryItems, type FormProblems } from './form-problems';
import { personName } from './labels';
import { BackLink, PageTitle, useNavigateWithFlash } from './page-kit';
import { PersonError } from './person-page';
import { canAddStaff, canEditPerson, servicesFor } from './permissions';
import {
  EMPTY_STAFF_FORM,
  STAFF_FORM_FIELDS,
  staffFormValues,
  toUpdateInput,
  validateStaffForm,
  type StaffFormField,
  type StaffFormValues,
} from './staff-form';
import { useStaffDirectory } from './use-staff-directory';

type Person = PeopleStaffFieldsFragment;

interface StaffFormProps {
  /** Editing this person; adding someone new when absent. */
  person?: Person;
}

function StaffForm({ person }: StaffFormProps) {
  const viewer = useViewer();
  const navigate = useNavigateWithFlash();
  const options = useQuery(PeopleOptionsDocument);
  const directory = useStaffDirectory();
  const [values, setValues] = useState<StaffFormValues>(() =>
    person ? staffFormValues(person) : EMPTY_STAFF_FORM,
  );
  const [problems, setProblems] = useState<FormProblems<StaffFormField>>({ fields: {}, form: [] });
  const [create, creating] = useMutation(PeopleCreateStaffMemberDocument, {
    update: forgetStaffLists,
  });
  const [update, updating] = useMutation(PeopleUpdateStaffMemberDocument, {
    update: forgetStaffLists,
  });
  const saving = creating.loading || updating.loading;
  const title = person ? `Edit ${personName(person)}` : 'Add a member of staff';
  const summary = useMemo(() => summaryItems(problems, STAFF_FORM_FIELDS), [problems]);
  useDocumentTitle(title, summary.length > 0);

  const services = servicesFor(
    viewer.role,
    viewer.membership.managedServiceIds,
    options.data?.services ?? [],
  );
  // A manager editing someone keeps seeing the person's current service.
  if (person && !services.some((s) => s.id === person.service.id)) services.push(person.service);

  function set<K extends keyof StaffFormValues>(field: K, value: StaffFormValues[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const result = validateStaffForm(values, { endDate: person?.endDate });
    if (!result.ok) {
      setProblems({ fields: result.errors, form: [] });
      return;
    }
    try {
      if (person) {
        const { data } = await update({
          variables: { id: person.id, input: toUpdateInput(result.input) },
        });
        const saved = data?.updateStaffMember ?? person;
        await navigate(`/people/${saved.id}`, `Saved the changes to ${personName(saved)}.`);
      } else {
        const { data } = await create({ variables: { input: result.input } });
        const saved = data?.createStaffMember;
        if (!saved) return;
        await navigate(`/people/${saved.id}`, `Added ${personName(saved)}.`);
      }
    } catch (error) {
      setProblems(problemsFromApi(error, STAFF_FORM_FIELDS));
    }
  }

  if (options.error && !options.data) {
    return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  }
  if (!options.data) return <LoadingState label="Loading the form" />;

  const cancelTo = person ? `/people/${person.id}` : '/people';
  return (
    <>
      <ErrorSummary items={summary} />
      <h1>{title}</h1>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="displayName"
          label="Name"
          hint="Give a name, a staff reference or both. Keep to what your figures need."
          autoComplete="off"
          value={values.displayName}
          maxLength={200}
          onChange={(event) => set('displayName', event.target.value)}
          error={problems.fields.displayName}
        />
        <TextField
          id="staffRef"
          label="Staff reference (optional)"
          hint="Your HR system’s reference, such as NOR-10044"
          autoComplete="off"
          spellCheck={false}
          value={values.staffRef}
          onChange={(event) => set('staffRef', event.target.value)}
          error={problems.fields.staffRef}
        />
        <SelectField
          id="serviceId"
          label="Service"
          placeholder="Choose a service"
          options={services.map((s) => ({ value: s.id, label: s.name }))}
          value={values.serviceId}
          onChange={(event) => set('serviceId', event.target.value)}
          error={problems.fields.serviceId}
        />
        <TextField
          id="roleTitle"
          label="Role title (optional)"
          autoComplete="off"
          value={values.roleTitle}
          onChange={(event) => set('roleTitle', event.target.value)}
          error={problems.fields.roleTitle}
        />
        <TextField
          id="practitionerType"
          label="Practitioner type (optional)"
          hint="Used to break figures down, for example Counsellor or Social worker"
          autoComplete="off"
          list="practitioner-types"
          value={values.practitionerType}
          onChange={(event) => set('practitionerType', event.target.value)}
          error={problems.fields.practitionerType}
        />
        <datalist id="practitioner-types">
          {directory.practitionerTypes.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <TextField
          id="fte"
          label="FTE (full-time equivalent)"
          hint="1 for full time, 0.5 for half time; at most 1.5"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={values.fte}
          style={{ maxWidth: '8em' }}
          onChange={(event) => set('fte', event.target.value)}
          error={problems.fields.fte}
        />
        <DateInput
          id="startDate"
          label="Start date"
          hint="Their first day of employment. For example, 27/3/2026"
          value={values.startDate}
          onChange={(event) => set('startDate', event.target.value)}
          error={problems.fields.startDate}
        />
        <CheckboxField
          id="requiresSupervision"
          label="Needs regular supervision"
          hint="Untick for staff who are not expected to have supervision (they are left out of coverage)."
          checked={values.requiresSupervision}
          onChange={(checked) => set('requiresSupervision', checked)}
        />
        <div className="button-group">
          <button
            type="submit"
            className="button"
            aria-disabled={saving ? true : undefined}
            disabled={saving}
          >
            {saving ? (
              <>
                <span className="spinner spinner--on-button" aria-hidden="true" />
                Saving…
              </>
            ) : person ? (
              'Save changes'
            ) : (
              'Add member of staff'
            )}
          </button>
          <Link className="button-link" to={cancelTo}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function AddStaffPage() {
  const { role } = useViewer();
  if (!canAddStaff(role)) {
    return (
      <div className="page">
        <BackLink to="/people">Back to people</BackLink>
        <PageTitle>You cannot add staff</PageTitle>
        <p>Organisation admins and service managers add staff. Ask your organisation admin.</p>
      </div>
    );
  }
  return (
    <div className="page">
      <BackLink to="/people">Back to people</BackLink>
      <StaffForm />
    </div>
  );
}

export function EditStaffPage() {
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
        <PageTitle>Edit</PageTitle>
        <LoadingState label="Loading their record" />
      </>
    );
  } else if (!canEditPerson(viewer.role, viewer.membership.managedServiceIds, person)) {
    content = (
      <>
        <PageTitle>You cannot change this record</PageTitle>
        <p>
          {person.erased
            ? 'This leaver’s personal data has been erased, so the record can no longer change.'
            : 'Organisation admins, and managers of the person’s service, change staff records.'}
        </p>
      </>
    );
  } else {
    content = <StaffForm key={person.id} person={person} />;
  }
  return (
    <div className="page">
      <BackLink to={`/people/${id}`}>Back</BackLink>
      {content}
    </div>
  );
}
