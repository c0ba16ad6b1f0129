import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const SupervisorKindEnum = { INTERNAL: 'INTERNAL', EXTERNAL: 'EXTERNAL' } as const;
export type SupervisorKind = keyof typeof SupervisorKindEnum;
registerEnumType(SupervisorKindEnum, {
  name: 'SupervisorKind',
  description:
    'INTERNAL: a staff member of the organisation; EXTERNAL: a clinical supervisor from outside.',
});

@ObjectType('Supervisor', {
  description: 'An internal staff member or an external clinical supervisor.',
})
export class SupervisorType {
  @Field(() => ID)
  id: string;

  @Field(() => SupervisorKindEnum)
  kind: SupervisorKind;

  @Field(() => String, {
    nullable: true,
    description:
      "Internal: the staff member's name (null if their record was erased); external: the supervisor's name.",
  })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'External supervisors only.' })
  organisationName: string | null;

  @Field(() => String, { nullable: true, description: 'External supervisors only.' })
  accreditationBody: string | null;

  @Field(() => ID, { nullable: true, description: 'Internal supervisors: their staff record.' })
  staffMemberId: string | null;
}
