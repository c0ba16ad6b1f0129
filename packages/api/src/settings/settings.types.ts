import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { SessionFormat, SupervisionInterval } from '@holdspace/shared';
import { SessionFormatEnum, SupervisionIntervalEnum } from '../graphql/enums';

/** Where the default costs come from (metrics.md, "Cost case"); the dashboard shows it. */
export const COST_DEFAULTS_SOURCE =
  "The default costs (563 per worker per year for supervision, 1,612 to recruit a replacement for each leaver) come from one charity's published evaluation of its clinical supervision, which found that supervision cut sickness absence and turnover. They are a starting point: set your organisation's own figures where you have them.";

@ObjectType('OrganisationSettings', {
  description: "The organisation's settings. Every member may read them; admins change them.",
})
export class OrganisationSettingsType {
  @Field()
  name: string;

  @Field({ description: 'An IANA time zone, e.g. Europe/London: "today" and every date use it.' })
  timeZone: string;

  @Field({ description: 'ISO 4217 code of the currency costs are in, e.g. GBP.' })
  currency: string;

  @Field(() => SupervisionIntervalEnum, {
    description: 'The supervision interval for staff with no agreement.',
  })
  defaultInterval: SupervisionInterval;

  @Field(() => [SessionFormatEnum], {
    description: 'Session formats that count towards supervision being in date.',
  })
  countedFormats: SessionFormat[];

  @Field(() => Float, { description: 'Supervision cost per worker per year, in the currency.' })
  supervisionCostPerWorkerYear: number;

  @Field(() => Float, { description: 'Recruitment cost per leaver, in the currency.' })
  recruitmentCostPerLeaver: number;

  @Field(() => Int, {
    description:
      'Figures shown outside the organisation, or to roles that see no individuals, are suppressed below this many staff (3 to 50).',
  })
  suppressionThreshold: number;

  @Field(() => Int, {
    description: "Months after leaving before a leaver's personal data may be erased (12 to 240).",
  })
  retentionMonths: number;

  @Field({ description: 'Where the default costs come from.' })
  costDefaultsSource: string;
}
