import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageInput } from '../pagination/connection';
import type { RequestContext } from '../tenancy/context';
import { loadSupervisor } from './supervisor.service';
import { SupervisorType } from './supervisor.types';
import { AddSessionActionInput, UpdateSessionActionInput } from './action.input';
import { actionsLoader, addSessionAction, updateSessionAction } from './action.service';
import { AgreedActionType } from './action.types';
import { validateAs } from '../graphql/validation';
import { StaffRef } from './agreement.types';
import {
  MarkSessionHeldInput,
  RecordHeldSessionInput,
  ScheduleSessionInput,
  SessionFilter,
} from './session.input';
import {
  attendeesLoader,
  cancelSession,
  confirmSession,
  getSession,
  listSessions,
  markDidNotAttend,
  markSessionHeld,
  recordHeldSession,
  scheduleSession,
} from './session.service';
import { SessionConnection, SupervisionSessionType } from './session.types';

/** Supervision sessions and their agreed actions. Who may do what: supervision.access.ts. */
@Resolver(() => SupervisionSessionType)
export class SessionResolver {
  @Query(() => SupervisionSessionType, {
    description: 'One session; NOT_FOUND when it does not exist or is not yours to see.',
  })
  session(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionSessionType> {
    return getSession(ctx, id);
  }

  @Query(() => SessionConnection, { description: 'Sessions you may see, newest first.' })
  sessions(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => SessionFilter, { nullable: true, validateFn: validateAs('filter') })
    filter?: SessionFilter,
    @Arg('page', () => PageInput, { nullable: true, validateFn: validateAs('page') })
    page?: PageInput,
  ): Promise<SessionConnection> {
    return listSessions(ctx, filter, page);
  }

  @Mutation(() => SupervisionSessionType, { description: 'A session to come (SCHEDULED).' })
  scheduleSession(
    @Arg('input', () => ScheduleSessionInput, { validateFn: validateAs('input') })
    input: ScheduleSessionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionSessionType> {
    return scheduleSession(ctx, input);
  }

  @Mutation(() => SupervisionSessionType, { description: 'A session that took place (HELD).' })
  recordHeldSession(
    @Arg('input', () => RecordHeldSessionInput, { validateFn: validateAs('input') })
    input: RecordHeldSessionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionSessionType> {
    return recordHeldSession(ctx, input);
  }

  @Mutation(() => SupervisionSessionType, { description: 'A scheduled session took place.' })
  markSessionHeld(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => MarkSessionHeldInput, { validateFn: validateAs('input') })
    input: MarkSessionHeldInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionSessionType> {
    return markSessionHeld(ctx, id, input);
  }

  @Mutation(() => SupervisionSessionType, { description: 'A scheduled session will not happen.' })
  cancelSession(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionSessionType> {
    return cancelSession(ctx, id);
  }

  @Mutation(() => SupervisionSessionType, {
    description: 'A scheduled session, now past, that the supervisee did not attend.',
  })
  markDidNotAttend(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionSessionType> {
    return markDidNotAttend(ctx, id);
  }

  @Mutation(() => SupervisionSessionType, {
    description: 'An attendee (the supervisee) confirms a held session the supervisor logged.',
  })
  confirmSession(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionSessionType> {
    return confirmSession(ctx, id);
  }

  @Mutation(() => AgreedActionType, { description: 'An action agreed in a held session.' })
  addSessionAction(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('input', () => AddSessionActionInput, { validateFn: validateAs('input') })
    input: AddSessionActionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AgreedActionType> {
    return addSessionAction(ctx, sessionId, input);
  }

  @Mutation(() => AgreedActionType)
  updateSessionAction(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSessionActionInput, { validateFn: validateAs('input') })
    input: UpdateSessionActionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AgreedActionType> {
    return updateSessionAction(ctx, id, input);
  }

  @FieldResolver(() => SupervisorType)
  async supervisor(
    @Root() session: SupervisionSessionType,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisorType> {
    return (await loadSupervisor(ctx, session.supervisorId))!;
  }

  @FieldResolver(() => [StaffRef])
  attendees(
    @Root() session: SupervisionSessionType,
    @Ctx() ctx: RequestContext,
  ): Promise<StaffRef[]> {
    return attendeesLoader(ctx).load(session.id);
  }

  @FieldResolver(() => [AgreedActionType])
  actions(
    @Root() session: SupervisionSessionType,
    @Ctx() ctx: RequestContext,
  ): Promise<AgreedActionType[]> {
    return actionsLoader(ctx).load(session.id);
  }
}
