import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import { AcceptInvitationDocument } from '../gql/graphql';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { PublicLayout } from '../shell/public-layout';
import { TextField } from '../shell/text-field';
import { useDocumentTitle } from '../shell/use-document-title';
import { SubmitButton } from '../settings/fields';
import {
  ACCEPT_FIELDS,
  ACCEPT_MESSAGES,
  acceptProblems,
  PASSWORD_MIN,
  validateAccept,
  type AcceptFieldErrors,
  type AcceptValues,
} from './accept-invitation-form';
import '../settings/admin.css';

interface Problems {
  fields: AcceptFieldErrors;
  form: string[];
  /** Counts failed submits, so the summary is a new list (and takes focus) each time. */
  attempt: number;
}

/**
 * The public page an invitation link opens (/accept-invitation?token=…): the
 * invited person sets a password, then signs in.
 */
export default function AcceptInvitationPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token')?.trim() ?? '';
  const [acceptedEmail, setAcceptedEmail] = useState<string | null>(null);

  return (
    <PublicLayout>
      {acceptedEmail !== null ? (
        <Accepted email={acceptedEmail} />
      ) : token ? (
        <AcceptForm token={token} onAccepted={setAcceptedEmail} />
      ) : (
        <IncompleteLink />
      )}
    </PublicLayout>
  );
}

function IncompleteLink() {
  useDocumentTitle('Invitation link not complete');
  return (
    <>
      <h1>This invitation link is not complete</h1>
      <p>{ACCEPT_MESSAGES.linkIncomplete}</p>
      <p>
        If you have already set your password, <Link to="/sign-in">sign in</Link>.
      </p>
    </>
  );
}

function AcceptForm({ token, onAccepted }: { token: string; onAccepted: (email: string) => void }) {
  const [values, setValues] = useState<AcceptValues>({ password: '', confirmPassword: '' });
  const [problems, setProblems] = useState<Problems>({ fields: {}, form: [], attempt: 0 });
  const [accept, { loading }] = useMutation(AcceptInvitationDocument);

  const summary = useMemo<ErrorSummaryItem[]>(() => {
    const items: ErrorSummaryItem[] = problems.form.map((message) => ({ message }));
    for (const field of ACCEPT_FIELDS) {
      const message = problems.fields[field];
      if (message) items.push({ message, fieldId: field });
    }
    return items;
  }, [problems]);

  useDocumentTitle('Set your password', summary.length > 0);

  function fail(next: Omit<Problems, 'attempt'>) {
    setProblems((previous) => ({ ...next, attempt: previous.attempt + 1 }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const fields = validateAccept(values);
    if (Object.keys(fields).length > 0) {
      fail({ fields, form: [] });
      return;
    }
    try {
      const result = await accept({
        variables: { input: { token, password: values.password } },
        // Accepting acts in no organisation: the token names it.
        context: { skipOrganisation: true },
      });
      const email = result.data?.acceptInvitation.email;
      if (email) onAccepted(email);
    } catch (error) {
      fail(acceptProblems(error));
    }
  }

  function change(field: keyof AcceptValues) {
    return (event: { target: { value: string } }) =>
      setValues((previous) => ({ ...previous, [field]: event.target.value }));
  }

  return (
    <>
      <ErrorSummary items={summary} />
      <h1>Set your password</h1>
      <p className="lead">
        You have been invited to Holdspace. Choose a password to finish setting up your account.
      </p>
      <form className="form" noValidate onSubmit={handleSubmit}>
        <TextField
          id="password"
          label="Create a password"
          hint={`At least ${PASSWORD_MIN} characters. Three or four unrelated words make a password that is strong and easy to remember.`}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={change('password')}
          error={problems.fields.password}
        />
        <TextField
          id="confirmPassword"
          label="Confirm your password"
          type="password"
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={change('confirmPassword')}
          error={problems.fields.confirmPassword}
        />
        <SubmitButton busy={loading} busyLabel="Setting your password…">
          Set password
        </SubmitButton>
      </form>
      <p>
        Already set your password? <Link to="/sign-in">Sign in</Link>.
      </p>
    </>
  );
}

function Accepted({ email }: { email: string }) {
  useDocumentTitle('Your password is set');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <>
      <div className="confirmation" role="status">
        <h1 ref={headingRef} tabIndex={-1}>
          Your password is set
        </h1>
        <p>You can now sign in to Holdspace as {email}.</p>
      </div>
      <p>Your invitation link has now been used and will not work again.</p>
      <p>
        <Link className="button" to="/sign-in">
          Continue to sign in
        </Link>
      </p>
    </>
  );
}
