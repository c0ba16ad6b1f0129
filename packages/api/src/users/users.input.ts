import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ROLES, type Role } from '@holdspace/shared';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password';
import { RoleEnum } from '../graphql/enums';

export const DISPLAY_NAME_MAX = 200;
export const EMAIL_MAX = 320;
const MAX_MANAGED_SERVICES = 200;

@InputType()
export class InviteMemberInput {
  @Field()
  @IsEmail({}, { message: 'Enter an email address in the right format, like name@example.org' })
  @MaxLength(EMAIL_MAX)
  email: string;

  @Field({
    description: `1 to ${DISPLAY_NAME_MAX} characters. An existing user keeps the name they have.`,
  })
  @IsString()
  @MaxLength(DISPLAY_NAME_MAX)
  displayName: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role: Role;

  @Field(() => [ID], {
    nullable: true,
    defaultValue: [],
    description: 'Services of this organisation; for service managers only.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MANAGED_SERVICES)
  @IsUUID('all', { each: true, message: 'Choose services of this organisation.' })
  managedServiceIds?: string[];
}

@InputType()
export class ChangeMemberRoleInput {
  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role: Role;

  @Field(() => [ID], {
    nullable: true,
    defaultValue: [],
    description: 'Services of this organisation; for service managers only.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MANAGED_SERVICES)
  @IsUUID('all', { each: true, message: 'Choose services of this organisation.' })
  managedServiceIds?: string[];
}

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The token from the invitation link.' })
  @IsString()
  @MaxLength(200)
  token: string;

  @Field({ description: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.` })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
  })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `A password can be at most ${MAX_PASSWORD_LENGTH} characters.`,
  })
  password: string;
}
