import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../db/columns';
import { Service } from '../services/service.entity';

/**
 * The rollup: one shared service's counts of metrics.md for one complete calendar month and
 * practitioner type ('' = all types together). Written only by `rollup.service.ts`
 * (docs/commissioning.md); a commissioner reads rows of services it has an active agreement
 * for, from the agreement's `shared_from` month on.
 */
@Entity('shared_service_months')
@Check('shared_service_months_month_check', `"month" = date_trunc('month', "month")::date`)
export class SharedServiceMonth {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  /** The month's first day. */
  @PrimaryColumn({ type: 'date' })
  month: string;

  /** '' for all practitioner types together. */
  @PrimaryColumn({ name: 'practitioner_type', type: 'varchar', length: 200 })
  practitionerType: string;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'service_id', referencedColumnName: 'id' },
  ])
  service?: Service;

  @Column({ name: 'staff_count', type: 'integer' })
  staffCount: number;

  @Column({ name: 'headcount_start', type: 'integer' })
  headcountStart: number;

  @Column({ name: 'headcount_end', type: 'integer' })
  headcountEnd: number;

  @Column({ name: 'eligible_start', type: 'integer' })
  eligibleStart: number;

  @Column({ name: 'eligible_end', type: 'integer' })
  eligibleEnd: number;

  @Column({ name: 'in_date_end', type: 'integer' })
  inDateEnd: number;

  @Column({ type: 'integer' })
  leavers: number;

  @Column({ name: 'fte_days_available', type: 'float8' })
  fteDaysAvailable: number;

  @Column({ name: 'fte_days_lost', type: 'float8' })
  fteDaysLost: number;

  @Column({ name: 'sessions_held', type: 'integer' })
  sessionsHeld: number;

  @Column({ name: 'sessions_missed', type: 'integer' })
  sessionsMissed: number;

  /** bigint: arrives as a string from pg, read as a number. */
  @Column({ name: 'supervision_minutes', type: 'bigint', transformer: numericTransformer })
  supervisionMinutes: number;

  @Column({
    name: 'supervision_cost_per_worker_year',
    type: 'numeric',
    precision: 12,
    scale: 2,
    transformer: numericTransformer,
  })
  supervisionCostPerWorkerYear: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;
}
