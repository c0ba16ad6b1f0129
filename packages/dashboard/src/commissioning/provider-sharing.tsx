import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  AcceptSharingDocument,
  DeclineSharingDocument,
  RevokeSharingDocument,
  SharingAgreementsDocument,
  SharingServiceOptionsDocument,
  UpdateSharingDocument,
} from '../gql/graphql';
import { formProblems, inputField } from '../settings/api-problems';
import { DateInput, formatDate, todayIn, toUkInput } from '../shell/date-input';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { checkTerms, type TermsErrors } from './sharing-forms';
import {
  byLatest,
  dateOf,
  PROVIDER_STATUS_LABELS,
  servicesText,
  statusTagClass,
  type Agreement,
} from './sharing-labels';

/*
 * A provider admin's "Sharing with commissioners" (/settings/sharing):
 * requests waiting (accept, choosing services and a date to share from; or
 * decline), agreements in force (change the services or the date; stop
 * sharing, after a confirmation) and the history. Sharing stops at once:
 * the commissioner's very next comparison leaves the provider out.
 */

type Open = { id: string; mode: 'accept' | 'change' | 'decline' | 'revoke' } | null;

const TERMS_FIELDS = ['serviceIds', 'sharedFrom'] as const;

export function ProviderSharingSection() {
  const { organisation } = useViewer();
  const today = todayIn(organisation.timeZone);
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [formHasErrors, setFormHasErrors] = useState(false);
  useDocumentTitle('Sharing with commissioners – Settings', formHasErrors);
  const messageRef = useRef<HTMLDivElement>(null);

  const agreements = useQuery(SharingAgreementsDocument);
  const services = useQuery(SharingServiceOptionsDocument);
  const all = [...(agreements.data?.sharingAgreements ?? [])].sort(byLatest);
  const waiting = all.filter((a) => a.status === 'REQUESTED');
  const active = all.filter((a) => a.status === 'ACTIVE');
  const history = all.filter((a) => a.status !== 'REQUESTED' && a.status !== 'ACTIVE');
  const serviceOptions = [...(services.data?.services ?? [])].sort((a, b) =>
    a.name.localeCompare(b.name, 'en-GB'),
  );

  function done(text: string) {
    setOpen(null);
    setFormHasErrors(false);
    setMessage(text);
  }

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  function openFor(next: Open) {
    setMessage(null);
    setFormHasErrors(false);
    setOpen(next);
  }

  const error = agreements.error ?? services.error;
  if (error && (!agreements.data || !services.data)) {
    return (
      <ErrorState
        error={error}
        onRetry={() => {
          void agreements.refetch().catch(() => undefined);
          void services.refetch().catch(() => undefined);
        }}
      />
    );
  }
  if (!agreements.data || !services.data) return <LoadingState label="Loading sharing" />;

  const shared = {
    services: serviceOptions,
    today,
    onErrors: setFormHasErrors,
    onDone: done,
    onCancel: () => openFor(null),
  };

  return (
    <div className="sharing">
      <p className="lead">
        Commissioners who fund your services can ask to see their figures, never a person’s. You
        choose which services they see and from which date, and you can stop at any time: they stop
        seeing your figures at once. Figures about fewer staff than the threshold are never shown to
        them.
      </p>
      <div className="flash-region" role="status">
        {message ? (
          <div className="notice notice--success" ref={messageRef} tabIndex={-1}>
            <p className="notice__text">{message}</p>
          </div>
        ) : null}
      </div>

      <section aria-labelledby="sharing-waiting-title" className="section">
        <h2 id="sharing-waiting-title">Requests waiting</h2>
        {waiting.length === 0 ? (
          <p className="muted">No commissioner is waiting for an answer.</p>
        ) : (
          waiting.map((agreement) => (
            <div className="panel sharing__panel" key={agreement.id}>
              <h3 className="panel__title">{agreement.commissioner.name}</h3>
              <p>Asked on {dateOf(agreement.requestedAt, organisation.timeZone)}.</p>
              {open?.id === agreement.id && open.mode === 'accept' ? (
                <TermsForm
                  {...shared}
                  agreement={agreement}
                  mode="accept"
                  initial={{ serviceIds: [], sharedFrom: '' }}
                />
              ) : open?.id === agreement.id && open.mode === 'decline' ? (
                <Decision
                  agreement={agreement}
                  mode="decline"
                  onDone={done}
                  onCancel={() => openFor(null)}
                />
              ) : (
                <div className="button-group">
                  <button
                    type="button"
                    className="button"
                    onClick={() => openFor({ id: agreement.id, mode: 'accept' })}
                  >
                    Accept
                    <span className="visually-hidden">
                      {' '}
                      the request from {agreement.commissioner.name}
                    </span>
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => openFor({ id: agreement.id, mode: 'decline' })}
                  >
                    Decline
                    <span className="visually-hidden">
                      {' '}
                      the request from {agreement.commissioner.name}
                    </span>
                  </button>
                </div>
              )}
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="sharing-active-title" className="section">
        <h2 id="sharing-active-title">Sharing now</h2>
        {active.length === 0 ? (
          <p className="muted">You are not sharing with any commissioner.</p>
        ) : (
          active.map((agreement) => (
            <div className="panel sharing__panel" key={agreement.id}>
              <h3 className="panel__title">{agreement.commissioner.name}</h3>
              <dl className="summary-list">
                <SummaryRow label="Services shared">{servicesText(agreement.services)}</SummaryRow>
                <SummaryRow label="Shared from">{formatDate(agreement.sharedFrom)}</SummaryRow>
                <SummaryRow label="Agreed on">
                  {dateOf(agreement.respondedAt, organisation.timeZone)}
                </SummaryRow>
              </dl>
              {open?.id === agreement.id && open.mode === 'change' ? (
                <TermsForm
                  {...shared}
                  agreement={agreement}
                  mode="change"
                  initial={{
                    serviceIds: agreement.services.map((s) => s.id),
                    sharedFrom: toUkInput(agreement.sharedFrom),
                  }}
                />
              ) : open?.id === agreement.id && open.mode === 'revoke' ? (
                <Decision
                  agreement={agreement}
                  mode="revoke"
                  onDone={done}
                  onCancel={() => openFor(null)}
                />
              ) : (
                <div className="button-group">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => openFor({ id: agreement.id, mode: 'change' })}
                  >
                    Change what is shared
                    <span className="visually-hidden"> with {agreement.commissioner.name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--warning"
                    onClick={() => openFor({ id: agreement.id, mode: 'revoke' })}
                  >
                    Stop sharing
                    <span className="visually-hidden"> with {agreement.commissioner.name}</span>
                  </button>
                </div>
              )}
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="sharing-history-title" className="section">
        <h2 id="sharing-history-title">History</h2>
        {history.length === 0 ? (
          <p className="muted">No request has been declined, withdrawn or stopped.</p>
        ) : (
          <div className="table-wrapper">
            <table className="table">
              <caption className="visually-hidden">
                Past requests and agreements, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Commissioner</th>
                  <th scope="col">Status</th>
                  <th scope="col">Asked on</th>
                  <th scope="col">Ended on</th>
                </tr>
              </thead>
              <tbody>
                {history.map((agreement) => (
                  <tr key={agreement.id}>
                    <th scope="row">{agreement.commissioner.name}</th>
                    <td>
                      <strong className={statusTagClass(agreement.status)}>
                        {PROVIDER_STATUS_LABELS[agreement.status]}
                      </strong>
                    </td>
                    <td>{dateOf(agreement.requestedAt, organisation.timeZone)}</td>
                    <td>
                      {dateOf(agreement.revokedAt ?? agreement.respondedAt, organisation.timeZone)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {waiting.length === 0 && active.length === 0 && history.length === 0 ? (
        <EmptyState title="No commissioner has asked yet" headingLevel={2}>
          <p>
            A commissioner asks with your Holdspace address. When one does, the request appears here
            for you to accept or decline.
          </p>
        </EmptyState>
      ) : null}
    </div>
  );
}

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

interface TermsFormProps {
  agreement: Agreement;
  mode: 'accept' | 'change';
  initial: { serviceIds: string[]; sharedFrom: string };
  services: readonly { id: string; name: string }[];
  today: string;
  onErrors: (hasErrors: boolean) => void;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Which services, from which date: to accept a request or to change an agreement. */
export function TermsForm({
  agreement,
  mode,
  initial,
  services,
  today,
  onErrors,
  onDone,
  onCancel,
}: TermsFormProps) {
  const prefix = `terms-${agreement.id}`;
  const ids = { serviceIds: `${prefix}-services-0`, sharedFrom: `${prefix}-from` };
  const [serviceIds, setServiceIds] = useState<string[]>(initial.serviceIds);
  const [sharedFrom, setSharedFrom] = useState(initial.sharedFrom);
  const [errors, setErrors] = useState<TermsErrors>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [accept, accepting] = useMutation(AcceptSharingDocument);
  const [update, updating] = useMutation(UpdateSharingDocument);
  const busy = accepting.loading || updating.loading;
  const who = agreement.commissioner.name;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function show(next: TermsErrors, form: string[]) {
    setErrors(next);
    const items: ErrorSummaryItem[] = [
      ...form.map((message) => ({ message })),
      ...TERMS_FIELDS.flatMap((field) =>
        next[field] ? [{ message: next[field] as string, fieldId: ids[field] }] : [],
      ),
    ];
    setSummary(items);
    onErrors(items.length > 0);
  }

  function toggle(id: string, checked: boolean) {
    const next = checked ? [...serviceIds, id] : serviceIds.filter((value) => value !== id);
    setServiceIds(services.map((s) => s.id).filter((value) => next.includes(value)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = checkTerms({ serviceIds, sharedFrom }, today);
    if (!result.terms) {
      show(result.errors, []);
      return;
    }
    const variables = { id: agreement.id, input: result.terms };
    try {
      if (mode === 'accept') await accept({ variables });
      else await update({ variables });
      onErrors(false);
      onDone(
        mode === 'accept'
          ? `You are now sharing ${result.terms.serviceIds.length === 1 ? '1 service' : `${result.terms.serviceIds.length} services`} with ${who}, from ${formatDate(result.terms.sharedFrom)}.`
          : `Changed what you share with ${who}.`,
      );
    } catch (caught) {
      const problems = formProblems(caught, inputField(TERMS_FIELDS));
      show(problems.fields, problems.form);
    }
  }

  const servicesError = errors.serviceIds;
  return (
    <form className="form sharing__terms" onSubmit={(event) => void submit(event)} noValidate>
      <h4 ref={headingRef} tabIndex={-1}>
        {mode === 'accept' ? `Share with ${who}` : `Change what you share with ${who}`}
      </h4>
      <ErrorSummary items={summary} />
      <div className={servicesError ? 'form-group form-group--error' : 'form-group'}>
        <fieldset
          className="fieldset"
          aria-describedby={`${prefix}-services-hint${servicesError ? ` ${prefix}-services-error` : ''}`}
        >
          <legend className="fieldset__legend">Services to share</legend>
          <div className="hint" id={`${prefix}-services-hint`}>
            {who} will see these services’ figures, never a person’s.
          </div>
          {servicesError ? (
            <p className="error-message" id={`${prefix}-services-error`}>
              <span className="visually-hidden">Error: </span>
              {servicesError}
            </p>
          ) : null}
          {services.length === 0 ? (
            <p>Your organisation has no services yet. Add one under Settings first.</p>
          ) : (
            services.map((service, index) => {
              const id = `${prefix}-services-${index}`;
              return (
                <div className="checkbox" key={service.id}>
                  <input
                    className="checkbox__input"
                    type="checkbox"
                    id={id}
                    name={`${prefix}-services`}
                    value={service.id}
                    checked={serviceIds.includes(service.id)}
                    onChange={(event) => toggle(service.id, event.target.checked)}
                  />
                  <label className="checkbox__label" htmlFor={id}>
                    {service.name}
                  </label>
                </div>
              );
            })
          )}
        </fieldset>
      </div>
      <DateInput
        id={ids.sharedFrom}
        label="Share from"
        hint="Months starting on or after this date are shared. For example, 1/4/2026"
        value={sharedFrom}
        onChange={(event) => setSharedFrom(event.target.value)}
        {...(errors.sharedFrom ? { error: errors.sharedFrom } : {})}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {mode === 'accept' ? 'Accept and share' : 'Save changes'}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            onErrors(false);
            onCancel();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Declining a request, or stopping an agreement: a confirmation first. */
function Decision({
  agreement,
  mode,
  onDone,
  onCancel,
}: {
  agreement: Agreement;
  mode: 'decline' | 'revoke';
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const who = agreement.commissioner.name;
  const [failure, setFailure] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [decline, declining] = useMutation(DeclineSharingDocument);
  const [revoke, revoking] = useMutation(RevokeSharingDocument);
  const busy = declining.loading || revoking.loading;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function confirm() {
    setFailure(null);
    try {
      if (mode === 'decline') await decline({ variables: { id: agreement.id } });
      else await revoke({ variables: { id: agreement.id } });
      onDone(
        mode === 'decline'
          ? `Declined the request from ${who}.`
          : `Stopped sharing with ${who}. They no longer see your figures.`,
      );
    } catch (caught) {
      setFailure(caught);
    }
  }

  return (
    <div className="sharing__confirm">
      <h4 ref={headingRef} tabIndex={-1}>
        {mode === 'decline' ? `Decline the request from ${who}?` : `Stop sharing with ${who}?`}
      </h4>
      {failure ? (
        <ErrorState
          error={failure}
          title={mode === 'decline' ? 'The request was not declined' : 'Sharing did not stop'}
          headingLevel={3}
        />
      ) : null}
      <div className="warning-text">
        <span className="warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="warning-text__text">
          <span className="visually-hidden">Warning: </span>
          {mode === 'decline'
            ? `${who} will not see your figures. They can ask again later.`
            : `${who} will stop seeing your services’ figures at once. To share again, they must ask again.`}
        </strong>
      </div>
      <div className="button-group">
        <button
          type="button"
          className="button button--warning"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {mode === 'decline' ? 'Yes, decline' : 'Yes, stop sharing'}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
