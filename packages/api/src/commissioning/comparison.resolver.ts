import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { validateAs } from '../graphql/validation';
import type { RequestContext } from '../tenancy/context';
import { CommissionerComparisonInput } from './comparison.input';
import { commissionerComparison } from './comparison.service';
import { CommissionerComparisonType } from './comparison.types';

/** The commissioner comparison (docs/commissioning.md; access: comparison.access.ts). */
@Resolver()
export class ComparisonResolver {
  @Query(() => CommissionerComparisonType, {
    description:
      "The services shared with this commissioner compared over whole months: each service's figures, the pool, benchmarks and the trend, with small numbers suppressed. A commissioner's ORG_ADMIN or COMMISSIONER_ANALYST only.",
  })
  commissionerComparison(
    @Arg('input', () => CommissionerComparisonInput, { validateFn: validateAs('input') })
    input: CommissionerComparisonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CommissionerComparisonType> {
    return commissionerComparison(ctx, input);
  }
}
