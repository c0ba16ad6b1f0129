import { validateAs } from '../graphql/validation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageInput } from '../pagination/connection';
import type { RequestContext } from '../tenancy/context';
import { loadSupervisor } from './supervisor.service';
import { SupervisorType } from './supervisor.types';
import {
  AgreementFilter,
  CreateAgreementInput,
  EndAgreementInput,
  ReviewAgreementInput,
  UpdateAgreementInput,
} from './agreement.input';
import {
  createAgreement,
  endAgreement,
  getAgreement,
  listAgreements,
  reviewAgreement,
  staffRefLoader,
  updateAgreement,
} from './agreement.service';
import { AgreementConnection, StaffRef, SupervisionAgreementType } from './agreement.types';

/** Supervision agreements. Who may do what: supervision.access.ts. */
@Resolver(() => SupervisionAgreementType)
export class AgreementResolver {
  @Query(() => SupervisionAgreementType, {
    description: 'One agreement; NOT_FOUND when it does not exist or is not yours to see.',
  })
  agreement(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionAgreementType> {
    return getAgreement(ctx, id);
  }

  @Query(() => AgreementConnection, {
    description: 'Agreements you may see, latest start first.',
  })
  agreements(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AgreementFilter, { nullable: true, validateFn: validateAs('filter') })
    filter?: AgreementFilter,
    @Arg('page', () => PageInput, { nullable: true, validateFn: validateAs('page') })
    page?: PageInput,
  ): Promise<AgreementConnection> {
    return listAgreements(ctx, filter, page);
  }

  @Mutation(() => SupervisionAgreementType, { description: 'Admins; managers for their services.' })
  createAgreement(
    @Arg('input', () => CreateAgreementInput, { validateFn: validateAs('input') })
    input: CreateAgreementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionAgreementType> {
    return createAgreement(ctx, input);
  }

  @Mutation(() => SupervisionAgreementType)
  updateAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAgreementInput, { validateFn: validateAs('input') })
    input: UpdateAgreementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionAgreementType> {
    return updateAgreement(ctx, id, input);
  }

  @Mutation(() => SupervisionAgreementType, {
    description: 'Records a review and when the next one is due.',
  })
  reviewAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReviewAgreementInput, { validateFn: validateAs('input') })
    input: ReviewAgreementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionAgreementType> {
    return reviewAgreement(ctx, id, input);
  }

  @Mutation(() => SupervisionAgreementType, { description: 'Sets the agreement’s last day.' })
  endAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => EndAgreementInput, { validateFn: validateAs('input') })
    input: EndAgreementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionAgreementType> {
    return endAgreement(ctx, id, input);
  }

  @FieldResolver(() => SupervisorType)
  async supervisor(
    @Root() agreement: SupervisionAgreementType,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisorType> {
    return (await loadSupervisor(ctx, agreement.supervisorId))!;
  }

  @FieldResolver(() => StaffRef, { description: 'The supervisee (staffMemberId) by name.' })
  async supervisee(
    @Root() agreement: SupervisionAgreementType,
    @Ctx() ctx: RequestContext,
  ): Promise<StaffRef> {
    return (await staffRefLoader(ctx).load(agreement.staffMemberId))!;
  }
}
