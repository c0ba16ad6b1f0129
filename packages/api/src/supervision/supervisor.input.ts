import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class ExternalSupervisorInput {
  @Field({ description: 'At most 200 characters.' })
  @IsString()
  @MaxLength(200, { message: 'A name can be at most 200 characters.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'An organisation name can be at most 200 characters.' })
  organisationName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The accrediting body (e.g. BACP, UKCP). At most 200 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'An accreditation body can be at most 200 characters.' })
  accreditationBody?: string | null;
}
