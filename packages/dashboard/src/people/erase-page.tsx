import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import {
  PeopleEraseLeaverPersonalDataDocument,
  PeopleOptionsDocument,
  PeoplePersonDocument,
} from '../gql/graphql';
import { formatDate, todayIn } from '../shell/date-input';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { LoadingState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { forgetStaffLists } from './cache';
import { problemsFromApi } from './form-problems';
import { personName } from './labels';
import { BackLink, PageTitle, useNavigateWithFlash } from './page-kit';
import { PersonError } from './person-page';
import { canEraseStaff } from './permissions';
import { erasableFrom } from './staff-form';

/**
 * Erasing a long-gone leaver's personal data (organisation admins only, once
 * the organisation's retention period after their last day has passed). A
 * confirmation page that says plainly what goes and what stays.
 */
export function ErasePage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const navigate = useNavigateWithFlash();
  const today = todayIn(viewer.organisation.timeZone);
  const { data, error, refetch } = useQuery(PeoplePersonDocument, { variables: { id } });
  const options = useQuery(PeopleOptionsDocument);
  const [erase, { loading }] = useMutation(PeopleEraseLeaverPersonalDataDocument, {
    update: forgetStaffLists,
  });
  const [problems, setProblems] = useState<ErrorSummaryItem[]>([]);
  const person = data?.staffMember;
  const retentionMonths = options.data?.organisationSettings.retentionMonths;

  let content;
  if (error && !person) {
    content = (
      <>
        <PageTitle>Person not found</PageTitle>
        <PersonError error={error} onRetry={() => void refetch()} />
      </>
    );
  } else if (!person || retentionMonths === undefined) {
    content = (
      <>
        <PageTitle>Erase personal data</PageTitle>
        <LoadingState label="Loading their record" />
      </>
    );
  } else if (!canEraseStaff(viewer.role)) {
    content = (
      <>
        <PageTitle>You cannot erase personal data</PageTitle>
        <p>Only organisation admins can erase a leaver’s personal data.</p>
      </>
    );
  } else if (person.erased) {
    content = (
      <>
        <PageTitle>Personal data already erased</PageTitle>
        <p>
          This leaver’s name, reference and role title have already been erased.{' '}
          <Link to={`/people/${id}`}>Back to their record</Link>.
        </p>
      </>
    );
  } else if (!person.endDate || person.endDate >= today) {
    content = (
      <>
        <PageTitle>Only leavers’ personal data can be erased</PageTitle>
        <p>
          {personName(person)} has not left. Record them as a leaver first; their data can be erased
          once your retention period after their last day has passed.
        </p>
      </>
    );
  } else {
    const from = erasableFrom(person.endDate, retentionMonths);
    const name = personName(person);
    const ready = from <= today;
    const submit = async () => {
      if (loading) return;
      try {
        await erase({ variables: { id } });
        await navigate(
          `/people/${id}`,
          `Erased the personal data of a leaver who left on ${formatDate(person.endDate)}.`,
        );
      } catch (reason) {
        setProblems(problemsFromApi(reason, []).form.map((message) => ({ message })));
      }
    };
    content = (
      <ErasureConfirmation
        name={name}
        endDate={person.endDate}
        retentionMonths={retentionMonths}
        from={from}
        ready={ready}
        loading={loading}
        problems={problems}
        onConfirm={() => void submit()}
        cancelTo={`/people/${id}`}
      />
    );
  }
  return (
    <div className="page">
      <BackLink to={`/people/${id}`}>Back</BackLink>
      {content}
    </div>
  );
}

function ErasureConfirmation({
  name,
  endDate,
  retentionMonths,
  from,
  ready,
  loading,
  problems,
  onConfirm,
  cancelTo,
}: {
  name: string;
  endDate: string;
  retentionMonths: number;
  from: string;
  ready: boolean;
  loading: boolean;
  problems: ErrorSummaryItem[];
  onConfirm: () => void;
  cancelTo: string;
}) {
  const title = `Erase ${name}’s personal data`;
  useDocumentTitle(title, problems.length > 0);
  return (
    <>
      <ErrorSummary items={problems} />
      <h1>{title}</h1>
      <p>
        {name} left on {formatDate(endDate)}. Your organisation keeps leavers’ records for{' '}
        {retentionMonths} months after they leave.
      </p>
      <h2>What will be erased</h2>
      <ul className="list list--bullet">
        <li>their name</li>
        <li>their staff reference</li>
        <li>their role title</li>
      </ul>
      <h2>What is kept</h2>
      <p>
        So that your figures do not change, Holdspace keeps their service, practitioner type, FTE,
        start and end dates, leaving reason, and their supervision and absence records, without
        anything that names them.
      </p>
      {ready ? (
        <>
          <div className="warning-text">
            <span className="warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="warning-text__text">
              <span className="visually-hidden">Warning: </span>
              This cannot be undone. The record will show as “Name erased”.
            </strong>
          </div>
          <div className="button-group">
            <button
              type="button"
              className="button button--warning"
              onClick={onConfirm}
              disabled={loading}
              aria-disabled={loading ? true : undefined}
            >
              {loading ? 'Erasing…' : 'Erase personal data'}
            </button>
            <Link className="button-link" to={cancelTo}>
              Cancel
            </Link>
          </div>
        </>
      ) : (
        <p className="inset">
          Their personal data can be erased from {formatDate(from)}.{' '}
          <Link to={cancelTo}>Back to their record</Link>
        </p>
      )}
    </>
  );
}
