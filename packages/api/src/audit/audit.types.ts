import { ArrayMaxSize, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars';
import { Connection } from '../pagination/connection';

@ObjectType('AuditActor', { description: 'The user who acted.' })
export class AuditActorType {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType('AuditEvent', {
  description:
    "Who did or read what, and when. Never the record's content. Audit events cannot be changed or deleted.",
})
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLISODateTime)
  occurredAt: Date;

  @Field({ description: '`<entity>.<verb>`, e.g. `absence.read`, `member.invite`.' })
  action: string;

  @Field({ description: 'The kind of record, e.g. `AbsenceEpisode`, `Membership`.' })
  entityType: string;

  @Field(() => ID, { nullable: true, description: 'Null for a list read or a system action.' })
  entityId: string | null;

  @Field(() => AuditActorType, {
    nullable: true,
    description: 'Null for the system (imports from the command line, seeding).',
  })
  actor: AuditActorType | null;
}

export const AuditEventConnection = Connection(AuditEventType, 'AuditEvent');
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;

const MAX_TERMS = 50;

@InputType()
export class AuditEventFilter {
  @Field(() => [String], { nullable: true, description: 'Exact actions, e.g. `absence.read`.' })
  @IsOptional()
  @ArrayMaxSize(MAX_TERMS)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  actions?: string[];

  @Field(() => [String], { nullable: true, description: 'Exact entity types, e.g. `Membership`.' })
  @IsOptional()
  @ArrayMaxSize(MAX_TERMS)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  entityTypes?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_TERMS)
  @IsUUID('all', { each: true, message: 'Give user ids.' })
  actorUserIds?: string[];

  @Field(() => LocalDate, {
    nullable: true,
    description: "Events on or after this day (in the organisation's time zone).",
  })
  @IsOptional()
  from?: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: "Events on or before this day (in the organisation's time zone).",
  })
  @IsOptional()
  to?: string;
}
