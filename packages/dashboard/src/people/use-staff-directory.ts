import { useEffect, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { StaffDirectoryDocument, type StaffDirectoryQuery } from '../gql/graphql';

export type DirectoryPerson = StaffDirectoryQuery['staffMembers']['nodes'][number];

export interface StaffDirectory {
  people: readonly DirectoryPerson[];
  byId: ReadonlyMap<string, DirectoryPerson>;
  /** The practitioner types in use, sorted. */
  practitionerTypes: readonly string[];
  /** True until every page has arrived. */
  loading: boolean;
  error: unknown;
  refetch: () => void;
}

/**
 * Everyone the caller may see (in post, left and future starters), fetched
 * 100 at a time until there are no more pages. For choosing a person, naming
 * people on absence records and offering practitioner types.
 */
export function useStaffDirectory({ skip = false }: { skip?: boolean } = {}): StaffDirectory {
  const { data, error, loading, fetchMore, refetch } = useQuery(StaffDirectoryDocument, {
    variables: { after: null },
    skip,
    notifyOnNetworkStatusChange: false,
  });
  const pageInfo = data?.staffMembers.pageInfo;
  const more = Boolean(pageInfo?.hasNextPage && pageInfo.endCursor);

  useEffect(() => {
    if (!more || !pageInfo?.endCursor) return;
    void fetchMore({
      variables: { after: pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        staffMembers: {
          ...fetchMoreResult.staffMembers,
          nodes: [...previous.staffMembers.nodes, ...fetchMoreResult.staffMembers.nodes],
        },
      }),
    }).catch(() => {
      // The first page still shows; the error is reported through `error` on retry.
    });
  }, [more, pageInfo?.endCursor, fetchMore]);

  return useMemo(() => {
    const people = data?.staffMembers.nodes ?? [];
    const types = new Set<string>();
    for (const person of people) if (person.practitionerType) types.add(person.practitionerType);
    return {
      people,
      byId: new Map(people.map((person) => [person.id, person])),
      practitionerTypes: [...types].sort((a, b) => a.localeCompare(b, 'en-GB')),
      loading: !skip && (loading || more),
      error,
      refetch: () => void refetch(),
    };
  }, [data, loading, more, error, refetch, skip]);
}
