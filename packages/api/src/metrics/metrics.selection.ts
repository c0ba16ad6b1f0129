/**
 * Which parts of the overview a GraphQL question asks for, so that the statement computes
 * only those (metrics.sql.ts OverviewParts): the dashboard's overview page and the
 * benchmark ask for the headline cards and the series; the session-level figures, the
 * breakdowns and the mixes each cost a pass of their own.
 *
 * Conservative: fields under fragments count wherever they sit, and @skip / @include are
 * ignored (a field that might be served is computed).
 */
import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { OverviewParts } from './metrics.sql';

/** Headline fields that need the session-level pass. */
const SESSION_FIGURES = new Set([
  'cancellationRate',
  'supervisionHoursPerWorkerPerMonth',
  'sessionsHeldVsExpected',
]);
const BREAKDOWNS = new Set(['breakdownByService', 'breakdownByPractitionerType']);
const COMPOSITION = new Set(['formatMix', 'functionMix', 'leaversByReason', 'absenceByReason']);

/** Every field name under `selectionSet`, at any depth, through fragments. */
function fieldNames(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  into: Set<string>,
  seen = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'Field') {
      into.add(selection.name.value);
      fieldNames(selection.selectionSet, fragments, into, seen);
    } else if (selection.kind === 'InlineFragment') {
      fieldNames(selection.selectionSet, fragments, into, seen);
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      seen.add(name);
      fieldNames(fragments[name]?.selectionSet, fragments, into, seen);
    }
  }
  return into;
}

/** The parts of the overview that the field being resolved (`info`) asks for. */
export function requestedParts(info: GraphQLResolveInfo): OverviewParts {
  const names = new Set<string>();
  for (const node of info.fieldNodes) fieldNames(node.selectionSet, info.fragments, names);
  const any = (wanted: Set<string>) => [...wanted].some((name) => names.has(name));
  return {
    sessions: any(SESSION_FIGURES),
    breakdowns: any(BREAKDOWNS),
    composition: any(COMPOSITION),
  };
}
