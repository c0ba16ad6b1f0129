import type { ApolloCache } from '@apollo/client';

/**
 * After a staff record changes, every cached staff list (any filter, sort or
 * page) may be out of date: drop them, so the next list shown is fetched again.
 * The changed person's own record is updated from the mutation's answer.
 */
export function forgetStaffLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'staffMembers' });
  cache.gc();
}

/** The same for absence lists after an episode is recorded, closed, corrected or deleted. */
export function forgetAbsenceLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'absenceEpisodes' });
  cache.gc();
}
