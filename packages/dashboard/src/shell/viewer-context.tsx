import { createContext, useContext } from 'react';
import type { Role, ViewerQuery } from '../gql/graphql';

type Viewer = NonNullable<ViewerQuery['viewer']>;
export type ViewerUser = Viewer['user'];
export type ViewerMembership = Viewer['memberships'][number];

/** Who is signed in and the organisation (and role) they are acting in. */
export interface ViewerContextValue {
  user: ViewerUser;
  memberships: readonly ViewerMembership[];
  membership: ViewerMembership;
  organisation: ViewerMembership['organisation'];
  role: Role;
}

export const ViewerContext = createContext<ViewerContextValue | null>(null);

/** For pages inside the app shell: the signed-in user and their current role. */
export function useViewer(): ViewerContextValue {
  const value = useContext(ViewerContext);
  if (!value) throw new Error('useViewer must be used inside the app shell');
  return value;
}

/** The membership to act in: the one chosen earlier if it is still there, otherwise the first. */
export function activeMembership<M extends { organisation: { id: string } }>(
  memberships: readonly M[],
  chosenId: string | null,
): M | undefined {
  return memberships.find((m) => m.organisation.id === chosenId) ?? memberships[0];
}
