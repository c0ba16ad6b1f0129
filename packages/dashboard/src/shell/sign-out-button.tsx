import { useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import { hasErrorCode } from '../app/errors';
import { SignOutDocument } from '../gql/graphql';

/**
 * Ends the session on the server (which clears the cookie), forgets everything
 * cached in the browser and goes to the sign-in page. If the server cannot be
 * reached the session is still alive, so the user is told rather than sent to
 * a sign-in page that would suggest otherwise.
 */
export function SignOutButton() {
  const [signOut, { loading }] = useMutation(SignOutDocument);
  const client = useApolloClient();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);

  async function handleClick() {
    if (loading) return;
    setFailed(false);
    try {
      await signOut();
    } catch (error) {
      // Already signed out is as good as signed out.
      if (!hasErrorCode(error, 'UNAUTHENTICATED')) {
        setFailed(true);
        return;
      }
    }
    await navigate('/sign-in', { replace: true });
    await client.clearStore();
  }

  return (
    <>
      <button
        type="button"
        className="button button--header"
        onClick={handleClick}
        aria-disabled={loading ? true : undefined}
      >
        Sign out
      </button>
      {failed ? (
        <p className="app-header__alert" role="alert">
          Sign out did not work. Check your connection and try again.
        </p>
      ) : null}
    </>
  );
}
