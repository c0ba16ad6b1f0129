import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationKind, SessionFormat, SupervisionInterval } from '@holdspace/shared';
import { numericTransformer } from '../db/columns';

/**
 * A tenant. Its `id` is the `tenant_id` of every record it owns. Row-level
 * security shows a row to requests acting in it and to its members.
 */
@Entity('organisations')
@Check(
  'organisations_kind_check',
  `"kind" IN ('SCHOOL','NGO','CARE_PROVIDER','HEALTH','LOCAL_AUTHORITY','COMMISSIONER')`,
)
@Check('organisations_suppression_check', `"suppression_threshold" >= 3`)
export class Organisation {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OrganisationKind;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Europe/London' })
  timeZone: string;

  @Column({ type: 'varchar', length: 3, default: 'GBP' })
  currency: string;

  @Column({ name: 'default_interval', type: 'varchar', length: 20, default: 'MONTHLY' })
  defaultInterval: SupervisionInterval;

  @Column({
    name: 'counted_formats',
    type: 'varchar',
    length: 20,
    array: true,
    default: () => `'{ONE_TO_ONE,GROUP}'`,
  })
  countedFormats: SessionFormat[];

  @Column({
    name: 'supervision_cost_per_worker_year',
    type: 'numeric',
    precision: 12,
    scale: 2,
    default: 563,
    transformer: numericTransformer,
  })
  supervisionCostPerWorkerYear: number;

  @Column({
    name: 'recruitment_cost_per_leaver',
    type: 'numeric',
    precision: 12,
    scale: 2,
    default: 1612,
    transformer: numericTransformer,
  })
  recruitmentCostPerLeaver: number;

  @Column({ name: 'suppression_threshold', type: 'integer', default: 5 })
  suppressionThreshold: number;

  @Column({ name: 'retention_months', type: 'integer', default: 72 })
  retentionMonths: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
