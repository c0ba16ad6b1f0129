import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InternalError } from '../errors/app-errors';
import { LocalDate } from '../graphql/scalars';
import { PageInput } from '../pagination/connection';
import { loadService } from '../services/service.service';
import { ServiceType } from '../services/service.types';
import type { RequestContext } from '../tenancy/context';
import {
  CreateStaffMemberInput,
  RecordLeaverInput,
  StaffFilter,
  StaffSort,
  UpdateStaffMemberInput,
} from './staff.input';
import {
  createStaffMember,
  eraseLeaverPersonalData,
  getStaffMember,
  listStaff,
  loadCurrentAgreement,
  loadLastHeldSession,
  recordLeaver,
  reinstateStaffMember,
  updateStaffMember,
} from './staff.service';
import { StaffConnection, StaffMemberType, SupervisionAgreementSummary } from './staff.types';
import { validateAs } from '../graphql/validation';

@Resolver(() => StaffMemberType)
export class StaffResolver {
  @Query(() => StaffMemberType, {
    description:
      'A staff member the caller may see (admin: all; manager: their services; supervisor: self and supervisees; practitioner: self).',
  })
  staffMember(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return getStaffMember(ctx, id);
  }

  @Query(() => StaffConnection, { description: 'The staff the caller may see, a page at a time.' })
  staffMembers(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => StaffFilter, { nullable: true, validateFn: validateAs('filter') })
    filter?: StaffFilter | null,
    @Arg('sort', () => StaffSort, { nullable: true, validateFn: validateAs('sort') })
    sort?: StaffSort | null,
    @Arg('page', () => PageInput, { nullable: true, validateFn: validateAs('page') })
    page?: PageInput | null,
  ) {
    return listStaff(ctx, filter, sort, page);
  }

  @Mutation(() => StaffMemberType, {
    description: 'Organisation admins; service managers in the services they manage.',
  })
  createStaffMember(
    @Arg('input', () => CreateStaffMemberInput, { validateFn: validateAs('input') })
    input: CreateStaffMemberInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createStaffMember(ctx, input);
  }

  @Mutation(() => StaffMemberType, {
    description: 'Organisation admins; service managers in the services they manage.',
  })
  updateStaffMember(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStaffMemberInput, { validateFn: validateAs('input') })
    input: UpdateStaffMemberInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateStaffMember(ctx, id, input);
  }

  @Mutation(() => StaffMemberType, {
    description: 'Records (or corrects) a leaver: the last day of employment and the reason.',
  })
  recordLeaver(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RecordLeaverInput, { validateFn: validateAs('input') })
    input: RecordLeaverInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordLeaver(ctx, id, input);
  }

  @Mutation(() => StaffMemberType, { description: "Clears a leaver's end date and reason." })
  reinstateStaffMember(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return reinstateStaffMember(ctx, id);
  }

  @Mutation(() => StaffMemberType, {
    description:
      "Organisation admins: erases a leaver's name, reference and role title once the organisation's retention period after their end date has passed. Dates, FTE, service and type stay, so metrics do not change.",
  })
  eraseLeaverPersonalData(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return eraseLeaverPersonalData(ctx, id);
  }

  @FieldResolver(() => ServiceType)
  async service(@Root() staff: StaffMemberType, @Ctx() ctx: RequestContext): Promise<ServiceType> {
    const service = await loadService(ctx, staff.serviceId);
    if (!service) throw new InternalError('staff member without a service');
    return service;
  }

  @FieldResolver(() => SupervisionAgreementSummary, { nullable: true })
  currentAgreement(@Root() staff: StaffMemberType, @Ctx() ctx: RequestContext) {
    return loadCurrentAgreement(ctx, staff.id);
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description: 'The date of the latest HELD session this staff member attended.',
  })
  lastHeldSession(@Root() staff: StaffMemberType, @Ctx() ctx: RequestContext) {
    return loadLastHeldSession(ctx, staff.id);
  }
}
