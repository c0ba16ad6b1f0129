import { useMemo, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { safeNextPath } from '../app/safe-next-path';
import { SignInDocument } from '../gql/graphql';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { PublicLayout } from '../shell/public-layout';
import { TextField } from '../shell/text-field';
import { useDocumentTitle } from '../shell/use-document-title';
import {
  SIGN_IN_FIELDS,
  signInProblems,
  validateSignIn,
  type SignInFieldErrors,
  type SignInValues,
} from './sign-in-form';

interface Problems {
  fields: SignInFieldErrors;
  form?: string;
  /** Counts failed submits, so the summary is a new list (and takes focus) each time. */
  attempt: number;
}

export default function SignInPage() {
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const [problems, setProblems] = useState<Problems>({ fields: {}, attempt: 0 });
  const [signIn, { loading }] = useMutation(SignInDocument);
  const client = useApolloClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();

  const summary = useMemo<ErrorSummaryItem[]>(() => {
    const items: ErrorSummaryItem[] = [];
    if (problems.form) items.push({ message: problems.form });
    for (const field of SIGN_IN_FIELDS) {
      const message = problems.fields[field];
      if (message) items.push({ message, fieldId: field });
    }
    return items;
  }, [problems]);

  useDocumentTitle('Sign in', summary.length > 0);

  function fail(next: Omit<Problems, 'attempt'>) {
    setProblems((previous) => ({ ...next, attempt: previous.attempt + 1 }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const fields = validateSignIn(values);
    if (Object.keys(fields).length > 0) {
      fail({ fields });
      return;
    }
    try {
      await signIn({
        variables: { input: { email: values.email.trim(), password: values.password } },
        // Signing in acts in no organisation.
        context: { skipOrganisation: true },
      });
    } catch (error) {
      fail(signInProblems(error));
      return;
    }
    // Nothing cached for an earlier session may show in this one.
    await client.clearStore();
    await navigate(safeNextPath(searchParams.get('next')), { replace: true });
  }

  function change(field: keyof SignInValues) {
    return (event: { target: { value: string } }) =>
      setValues((previous) => ({ ...previous, [field]: event.target.value }));
  }

  return (
    <PublicLayout>
      <ErrorSummary items={summary} />
      <h1>Sign in</h1>
      <p className="lead">Sign in to see your organisation’s supervision, absence and turnover.</p>
      <form className="form" noValidate onSubmit={handleSubmit}>
        <TextField
          id="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          inputMode="email"
          value={values.email}
          onChange={change('email')}
          error={problems.fields.email}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={change('password')}
          error={problems.fields.password}
        />
        <button
          type="submit"
          className="button"
          aria-disabled={loading ? true : undefined}
          data-loading={loading ? true : undefined}
        >
          {loading ? (
            <>
              <span className="spinner spinner--on-button" aria-hidden="true" />
              Signing in…
            </>
          ) : (
            'Sign in'
          )}
        </button>
      </form>
    </PublicLayout>
  );
}
