import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { validateAs } from '../graphql/validation';
import type { RequestContext } from '../tenancy/context';
import { ExternalSupervisorInput } from './supervisor.input';
import {
  createExternalSupervisor,
  designateInternalSupervisor,
  listSupervisors,
  updateExternalSupervisor,
} from './supervisor.service';
import { SupervisorType } from './supervisor.types';

@Resolver(() => SupervisorType)
export class SupervisorResolver {
  @Query(() => [SupervisorType], {
    description: "The organisation's supervisors, by name. Admins, managers and supervisors.",
  })
  supervisors(@Ctx() ctx: RequestContext): Promise<SupervisorType[]> {
    return listSupervisors(ctx);
  }

  @Mutation(() => SupervisorType, { description: 'Organisation admins and service managers.' })
  createExternalSupervisor(
    @Arg('input', () => ExternalSupervisorInput, { validateFn: validateAs('input') })
    input: ExternalSupervisorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisorType> {
    return createExternalSupervisor(ctx, input);
  }

  @Mutation(() => SupervisorType, { description: 'Organisation admins and service managers.' })
  updateExternalSupervisor(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ExternalSupervisorInput, { validateFn: validateAs('input') })
    input: ExternalSupervisorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisorType> {
    return updateExternalSupervisor(ctx, id, input);
  }

  @Mutation(() => SupervisorType, {
    description:
      'Makes a staff member an internal supervisor (returns their existing supervisor record if they have one). Admins; managers for staff of their services.',
  })
  designateInternalSupervisor(
    @Arg('staffId', () => ID) staffId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisorType> {
    return designateInternalSupervisor(ctx, staffId);
  }
}
