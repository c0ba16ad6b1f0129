import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  RequestSharingDocument,
  SharingAgreementsDocument,
  WithdrawSharingRequestDocument,
} from '../gql/graphql';
import { formProblems, inputField } from '../settings/api-problems';
import { NONE } from '../shell/charts/format';
import { formatDate } from '../shell/date-input';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { TextField } from '../shell/text-field';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { checkProviderSlug } from './sharing-forms';
import {
  byLatest,
  COMMISSIONER_STATUS_LABELS,
  dateOf,
  servicesText,
  statusTagClass,
  type Agreement,
} from './sharing-labels';

/*
 * A commissioner's sharing agreements (/commissioning/sharing): an
 * organisation admin asks a provider to share by its Holdspace address and
 * may withdraw a request still waiting; admins and analysts see every
 * agreement and its status.
 */

const SLUG_FIELD = 'providerSlug';

export function CommissionerSharingSection() {
  const { role, organisation } = useViewer();
  const isAdmin = role === 'ORG_ADMIN';
  const [formHasErrors, setFormHasErrors] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useDocumentTitle('Sharing – Commissioning', formHasErrors);
  const { data, error, loading, refetch } = useQuery(SharingAgreementsDocument);
  const agreements = [...(data?.sharingAgreements ?? [])].sort(byLatest);

  return (
    <div className="sharing">
      <p className="lead">
        Providers share their services’ figures with {organisation.name} when they agree to. Each
        provider chooses which services and from when, and can stop at any time.
      </p>
      <div className="flash-region" role="status">
        {message ? (
          <div className="notice notice--success">
            <p className="notice__text">{message}</p>
          </div>
        ) : null}
      </div>
      {isAdmin ? (
        <RequestForm onErrors={setFormHasErrors} onDone={setMessage} />
      ) : (
        <p className="inset-text">Only an organisation admin can ask a provider to share.</p>
      )}
      <section aria-labelledby="sharing-agreements-title" className="section">
        <h2 id="sharing-agreements-title">Your requests and agreements</h2>
        {error && !data ? (
          <ErrorState error={error} onRetry={() => void refetch().catch(() => undefined)} />
        ) : loading && !data ? (
          <LoadingState label="Loading the agreements" />
        ) : agreements.length === 0 ? (
          <EmptyState title="You have not asked any provider yet" headingLevel={3}>
            <p>
              {isAdmin
                ? 'Ask a provider to share with the form above, using the address its organisation admin gives you.'
                : 'Your organisation admin can ask a provider to share.'}
            </p>
          </EmptyState>
        ) : (
          <AgreementsTable agreements={agreements} isAdmin={isAdmin} onDone={setMessage} />
        )}
      </section>
    </div>
  );
}

function RequestForm({
  onErrors,
  onDone,
}: {
  onErrors: (hasErrors: boolean) => void;
  onDone: (message: string | null) => void;
}) {
  const [slug, setSlug] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [request, { loading }] = useMutation(RequestSharingDocument, {
    refetchQueries: [SharingAgreementsDocument],
    awaitRefetchQueries: true,
  });

  function show(field: string | undefined, form: string[]) {
    setFieldError(field);
    const items: ErrorSummaryItem[] = [
      ...form.map((m) => ({ message: m })),
      ...(field ? [{ message: field, fieldId: SLUG_FIELD }] : []),
    ];
    setSummary(items);
    onErrors(items.length > 0);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    onDone(null);
    const problem = checkProviderSlug(slug);
    if (problem) {
      show(problem, []);
      return;
    }
    try {
      const result = await request({ variables: { input: { providerSlug: slug.trim() } } });
      show(undefined, []);
      setSlug('');
      const name = result.data?.requestSharing.provider.name;
      onDone(name ? `Request sent to ${name}.` : 'Request sent.');
    } catch (caught) {
      const problems = formProblems(caught, inputField([SLUG_FIELD] as const));
      show(problems.fields.providerSlug, problems.form);
    }
  }

  return (
    <section aria-labelledby="sharing-request-title" className="section">
      <h2 id="sharing-request-title">Ask a provider to share</h2>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary items={summary} />
        <TextField
          id={SLUG_FIELD}
          label="Provider’s Holdspace address"
          hint="The short name the provider uses in Holdspace, for example northside. Ask the provider’s organisation admin for it."
          value={slug}
          autoComplete="off"
          spellCheck={false}
          style={{ maxWidth: '20em' }}
          onChange={(event) => setSlug(event.target.value)}
          {...(fieldError ? { error: fieldError } : {})}
        />
        <button type="submit" className="button" disabled={loading}>
          Send request
        </button>
      </form>
    </section>
  );
}

function AgreementsTable({
  agreements,
  isAdmin,
  onDone,
}: {
  agreements: readonly Agreement[];
  isAdmin: boolean;
  onDone: (message: string | null) => void;
}) {
  const { organisation } = useViewer();
  const [failure, setFailure] = useState<unknown>(null);
  const [withdraw, { loading }] = useMutation(WithdrawSharingRequestDocument);

  async function withdrawRequest(agreement: Agreement) {
    setFailure(null);
    onDone(null);
    try {
      await withdraw({ variables: { id: agreement.id } });
      onDone(`Withdrew the request to ${agreement.provider.name}.`);
    } catch (caught) {
      setFailure(caught);
    }
  }

  return (
    <>
      {failure ? (
        <ErrorState error={failure} title="The request was not withdrawn" headingLevel={3} />
      ) : null}
      <div className="table-wrapper">
        <table className="table">
          <caption className="visually-hidden">Your requests and agreements, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Status</th>
              <th scope="col">Asked on</th>
              <th scope="col">Shared from</th>
              <th scope="col">Services shared</th>
              {isAdmin ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {agreements.map((agreement) => (
              <tr key={agreement.id}>
                <th scope="row">{agreement.provider.name}</th>
                <td>
                  <strong className={statusTagClass(agreement.status)}>
                    {COMMISSIONER_STATUS_LABELS[agreement.status]}
                  </strong>
                </td>
                <td>{dateOf(agreement.requestedAt, organisation.timeZone)}</td>
                <td>
                  {agreement.status === 'ACTIVE' && agreement.sharedFrom
                    ? formatDate(agreement.sharedFrom)
                    : NONE}
                </td>
                <td>{agreement.status === 'ACTIVE' ? servicesText(agreement.services) : NONE}</td>
                {isAdmin ? (
                  <td>
                    {agreement.status === 'REQUESTED' ? (
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={loading}
                        onClick={() => void withdrawRequest(agreement)}
                      >
                        Withdraw request
                        <span className="visually-hidden"> to {agreement.provider.name}</span>
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
