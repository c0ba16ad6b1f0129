import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { validateAs } from '../graphql/validation';
import type { RequestContext } from '../tenancy/context';
import { UpdateOrganisationSettingsInput } from './settings.input';
import { getOrganisationSettings, updateOrganisationSettings } from './settings.service';
import { OrganisationSettingsType } from './settings.types';

@Resolver(() => OrganisationSettingsType)
export class SettingsResolver {
  @Query(() => OrganisationSettingsType, {
    description: 'The settings of the organisation the request acts in. Every member.',
  })
  organisationSettings(@Ctx() ctx: RequestContext): Promise<OrganisationSettingsType> {
    return getOrganisationSettings(ctx);
  }

  @Mutation(() => OrganisationSettingsType, { description: 'Organisation admins only.' })
  updateOrganisationSettings(
    @Arg('input', () => UpdateOrganisationSettingsInput, { validateFn: validateAs('input') })
    input: UpdateOrganisationSettingsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganisationSettingsType> {
    return updateOrganisationSettings(ctx, input);
  }
}
