import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { validateAs } from '../graphql/validation';
import type { RequestContext } from '../tenancy/context';
import { RequestSharingInput, SharingTermsInput } from './sharing.input';
import {
  acceptSharing,
  declineSharing,
  listSharingAgreements,
  requestSharing,
  revokeSharing,
  updateSharing,
  withdrawSharingRequest,
} from './sharing.service';
import { SharingAgreementType } from './sharing.types';

const PROVIDER = "The provider's organisation admins only.";
const COMMISSIONER = "The commissioner's organisation admins only.";

@Resolver(() => SharingAgreementType)
export class SharingResolver {
  @Query(() => [SharingAgreementType], {
    description:
      "The sharing agreements of the caller's organisation, newest first: a provider's organisation admins see its own; a commissioner's organisation admins and commissioner analysts see the commissioner's.",
  })
  sharingAgreements(@Ctx() ctx: RequestContext): Promise<SharingAgreementType[]> {
    return listSharingAgreements(ctx);
  }

  @Mutation(() => SharingAgreementType, {
    description: `Asks a provider (by its exact Holdspace address) to share its services' aggregate figures. ${COMMISSIONER}`,
  })
  requestSharing(
    @Arg('input', () => RequestSharingInput, { validateFn: validateAs('input') })
    input: RequestSharingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SharingAgreementType> {
    return requestSharing(ctx, input);
  }

  @Mutation(() => SharingAgreementType, {
    description: `Withdraws a request the provider has not answered. ${COMMISSIONER}`,
  })
  withdrawSharingRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SharingAgreementType> {
    return withdrawSharingRequest(ctx, id);
  }

  @Mutation(() => SharingAgreementType, {
    description: `Accepts a request, sharing the chosen services from the chosen day. ${PROVIDER}`,
  })
  acceptSharing(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SharingTermsInput, { validateFn: validateAs('input') })
    input: SharingTermsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SharingAgreementType> {
    return acceptSharing(ctx, id, input);
  }

  @Mutation(() => SharingAgreementType, {
    description: `Changes the services or the first day of an active agreement. ${PROVIDER}`,
  })
  updateSharing(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SharingTermsInput, { validateFn: validateAs('input') })
    input: SharingTermsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SharingAgreementType> {
    return updateSharing(ctx, id, input);
  }

  @Mutation(() => SharingAgreementType, { description: `Declines a request. ${PROVIDER}` })
  declineSharing(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SharingAgreementType> {
    return declineSharing(ctx, id);
  }

  @Mutation(() => SharingAgreementType, {
    description: `Ends an active agreement: the commissioner sees nothing of it from the next request on. ${PROVIDER}`,
  })
  revokeSharing(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SharingAgreementType> {
    return revokeSharing(ctx, id);
  }
}
