import type { OrganisationKind } from '@holdspace/shared';
import { ArrayMaxSize, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { OrganisationKindEnum } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';

/** The longest comparison, in calendar months. */
export const MAX_COMPARISON_MONTHS = 24;

@InputType('CommissionerComparisonInput', {
  description: 'Whole calendar months (first days), at most 24, none after the last complete one.',
})
export class CommissionerComparisonInput {
  @Field(() => LocalDate, { description: 'The first month (its first day).' })
  fromMonth: string;

  @Field(() => LocalDate, { description: 'The last month (its first day), included.' })
  toMonth: string;

  @Field(() => [OrganisationKindEnum], {
    nullable: true,
    description: 'Only providers of these kinds; empty or absent: every kind.',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  providerKinds?: OrganisationKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Only staff of this practitioner type (exactly); absent or '': all staff.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  practitionerType?: string | null;
}
