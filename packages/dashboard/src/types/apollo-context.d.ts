import '@apollo/client';

declare module '@apollo/client' {
  interface DefaultContext {
    /**
     * Send this operation without the `X-Holdspace-Org` header. Used by
     * operations that do not act in an organisation (signing in), so that an
     * organisation remembered from an earlier session cannot get in the way.
     */
    skipOrganisation?: boolean;
  }
}
