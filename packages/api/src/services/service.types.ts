import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Service', { description: 'A team or service inside the organisation.' })
export class ServiceType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}
