import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../tenancy/context';
import { validateAs } from '../graphql/validation';
import { CreateServiceInput } from './service.input';
import { createService, listServices, renameService } from './service.service';
import { ServiceType } from './service.types';

@Resolver(() => ServiceType)
export class ServiceResolver {
  @Query(() => [ServiceType], {
    description:
      "The organisation's services, by name. Admins, managers, supervisors, practitioners and analysts.",
  })
  services(@Ctx() ctx: RequestContext): Promise<ServiceType[]> {
    return listServices(ctx);
  }

  @Mutation(() => ServiceType, { description: 'Organisation admins only.' })
  createService(
    @Arg('input', () => CreateServiceInput, { validateFn: validateAs('input') })
    input: CreateServiceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ServiceType> {
    return createService(ctx, input.name);
  }

  @Mutation(() => ServiceType, { description: 'Organisation admins only.' })
  renameService(
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ServiceType> {
    return renameService(ctx, id, name);
  }
}
