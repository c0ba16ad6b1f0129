import { ArrayMaxSize, IsString } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars';

/** At most this many services per agreement. */
export const MAX_SHARED_SERVICES = 500;
/** The one answer for an address that names no provider the caller may ask, whatever the reason. */
export const NO_PROVIDER = 'No provider organisation has that Holdspace address.';
/** No agreement shares months before this day. */
export const EARLIEST_SHARED_FROM = '2000-01-01';

@InputType({ description: 'A commissioner asks a provider to share.' })
export class RequestSharingInput {
  @Field({ description: "The provider's Holdspace address (its slug), exactly." })
  // No length check here: any address that names no provider gets the one same answer.
  @IsString()
  providerSlug: string;
}

@InputType({ description: 'What a provider shares: which services, from which day.' })
export class SharingTermsInput {
  @Field(() => [ID], { description: `1 to ${MAX_SHARED_SERVICES} of the provider's services.` })
  @ArrayMaxSize(MAX_SHARED_SERVICES, {
    message: `Choose at most ${MAX_SHARED_SERVICES} services.`,
  })
  serviceIds: string[];

  @Field(() => LocalDate, {
    description: `Months starting on or after this day are shared; not in the future, not before ${EARLIEST_SHARED_FROM}.`,
  })
  sharedFrom: string;
}
