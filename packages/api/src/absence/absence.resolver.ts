import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageInput } from '../pagination/connection';
import { validateAs } from '../graphql/validation';
import type { RequestContext } from '../tenancy/context';
import {
  AbsenceFilter,
  CloseAbsenceInput,
  CorrectAbsenceInput,
  OpenAbsenceInput,
} from './absence.input';
import {
  closeAbsence,
  correctAbsence,
  deleteAbsence,
  getAbsenceEpisode,
  listAbsenceEpisodes,
  openAbsence,
} from './absence.service';
import { AbsenceEpisodeConnection, AbsenceEpisodeType } from './absence.types';

const WHO =
  'Organisation admins (all staff) and service managers (staff of the services they manage); supervisors, practitioners (in v1 not even for their own absence) and analysts may not.';

@Resolver(() => AbsenceEpisodeType)
export class AbsenceResolver {
  @Query(() => AbsenceEpisodeType, { description: `${WHO} Every read is audited.` })
  absenceEpisode(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AbsenceEpisodeType> {
    return getAbsenceEpisode(ctx, id);
  }

  @Query(() => AbsenceEpisodeConnection, {
    description: `Absence episodes, newest start first. ${WHO} Every read is audited.`,
  })
  absenceEpisodes(
    @Arg('filter', () => AbsenceFilter, { nullable: true, validateFn: validateAs('filter') })
    filter: AbsenceFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true, validateFn: validateAs('page') })
    page: PageInput | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AbsenceEpisodeConnection> {
    return listAbsenceEpisodes(ctx, filter ?? undefined, page ?? new PageInput());
  }

  @Mutation(() => AbsenceEpisodeType, { description: `Records an absence. ${WHO}` })
  openAbsence(
    @Arg('input', () => OpenAbsenceInput, { validateFn: validateAs('input') })
    input: OpenAbsenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AbsenceEpisodeType> {
    return openAbsence(ctx, input);
  }

  @Mutation(() => AbsenceEpisodeType, { description: `Ends an ongoing absence. ${WHO}` })
  closeAbsence(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CloseAbsenceInput, { validateFn: validateAs('input') })
    input: CloseAbsenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AbsenceEpisodeType> {
    return closeAbsence(ctx, id, input);
  }

  @Mutation(() => AbsenceEpisodeType, {
    description: `Corrects an episode's dates, reason or reference. ${WHO}`,
  })
  correctAbsence(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CorrectAbsenceInput, { validateFn: validateAs('input') })
    input: CorrectAbsenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AbsenceEpisodeType> {
    return correctAbsence(ctx, id, input);
  }

  @Mutation(() => ID, {
    description: `Deletes an episode entered in error; returns its id. ${WHO}`,
  })
  deleteAbsence(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<string> {
    return deleteAbsence(ctx, id);
  }
}
