import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { GraphQLISODateTime, Field, InputType, ObjectType } from 'type-graphql';
import { ViewerType } from '../organisations/organisation.types';
import { MAX_PASSWORD_LENGTH } from './password';

@InputType()
export class SignInInput {
  @Field()
  @IsEmail({}, { message: 'Enter an email address in the right format, like name@example.org' })
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'Enter your password' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'True for API clients: the token is returned in the payload and no cookie is set.',
  })
  @IsOptional()
  @IsBoolean()
  issueBearerToken?: boolean;
}

@ObjectType()
export class SignInPayload {
  @Field(() => ViewerType)
  viewer: ViewerType;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;

  @Field(() => String, { nullable: true, description: 'Only when issueBearerToken was true.' })
  token: string | null;
}
