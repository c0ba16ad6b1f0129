import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import { validateAs } from '../graphql/validation';
import { PageInput } from '../pagination/connection';
import type { RequestContext } from '../tenancy/context';
import { MetricsOverviewInput, OverdueSupervisionInput } from './metrics.input';
import { metricsOverview, overdueSupervision } from './metrics.overview';
import { requestedParts } from './metrics.selection';
import { MetricsOverviewType, OverdueConnection } from './metrics.types';

/** The metrics of docs/metrics.md (access: metrics.access.ts). */
@Resolver()
export class MetricsResolver {
  @Query(() => MetricsOverviewType, {
    description:
      'Every metric of a period for a scope: headlines, the monthly series, breakdowns by service and practitioner type, the cost case and the mixes. Organisation admins and analysts: the whole organisation (analysts: small numbers suppressed); service managers: their services.',
  })
  metricsOverview(
    @Arg('input', () => MetricsOverviewInput, { validateFn: validateAs('input') })
    input: MetricsOverviewInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MetricsOverviewType> {
    return metricsOverview(ctx, input, requestedParts(info));
  }

  @Query(() => OverdueConnection, {
    description:
      'Eligible staff overdue for supervision on a day, most days overdue first. Organisation admins (everyone) and service managers (their services) only.',
  })
  overdueSupervision(
    @Arg('input', () => OverdueSupervisionInput, { validateFn: validateAs('input') })
    input: OverdueSupervisionInput,
    @Arg('page', () => PageInput, { nullable: true, validateFn: validateAs('page') })
    page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<OverdueConnection> {
    return overdueSupervision(ctx, input, page);
  }
}
