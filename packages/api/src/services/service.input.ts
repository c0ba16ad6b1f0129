import { IsString, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

export const SERVICE_NAME_MAX = 120;

@InputType()
export class CreateServiceInput {
  @Field({ description: `1 to ${SERVICE_NAME_MAX} characters, unique in the organisation.` })
  @IsString()
  @MaxLength(SERVICE_NAME_MAX)
  name: string;
}
