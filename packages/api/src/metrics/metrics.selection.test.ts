import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { requestedParts } from './metrics.selection';

/** The resolve info of the document's first root field, as far as requestedParts reads it. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const field = operation.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

const NONE = { sessions: false, breakdowns: false, composition: false };

describe('requestedParts: which parts of the overview a question asks for', () => {
  it('asks for none for the overview page (headline cards, series, cost case)', () => {
    const info = infoOf(`{ metricsOverview(input: { from: "2024-01-01", to: "2024-12-31" }) {
      headlines { headcount coverage { value } absenceRate { value } turnoverRate { value } }
      monthlySeries { month coverage { value } }
      costCase { supervisionSpend breakEvenLeavers { value } } } }`);
    expect(requestedParts(info)).toEqual(NONE);
  });

  it('asks for the session-level figures when any of them is selected', () => {
    for (const figure of [
      'cancellationRate',
      'supervisionHoursPerWorkerPerMonth',
      'sessionsHeldVsExpected',
    ]) {
      const info = infoOf(`{ metricsOverview(input: { from: "2024-01-01", to: "2024-12-31" }) {
        headlines { headcount ${figure} { value } } } }`);
      expect(requestedParts(info)).toEqual({ ...NONE, sessions: true });
    }
  });

  it('finds fields under aliases, inline fragments and named fragments (even nested)', () => {
    const info = infoOf(`
      query { overview: metricsOverview(input: { from: "2024-01-01", to: "2024-12-31" }) {
        ... on MetricsOverview { mix: formatMix { format sessions } }
        ...Groups } }
      fragment Groups on MetricsOverview { byType: breakdownByPractitionerType { groups { headlines { ...Held } } } }
      fragment Held on MetricsHeadlines { sessionsHeldVsExpected { value } }`);
    expect(requestedParts(info)).toEqual({ sessions: true, breakdowns: true, composition: true });
  });

  it('counts fields under @skip and @include (what might be served is computed)', () => {
    const info = infoOf(`query($no: Boolean!) {
      metricsOverview(input: { from: "2024-01-01", to: "2024-12-31" }) {
        breakdownByService @include(if: $no) { dimension }
        absenceByReason @skip(if: true) { reason } } }`);
    expect(requestedParts(info)).toEqual({ ...NONE, breakdowns: true, composition: true });
  });
});
