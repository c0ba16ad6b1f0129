import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { SessionFormat, SupervisionInterval } from '@holdspace/shared';
import { StaffMember } from '../staff/staff-member.entity';
import { Supervisor } from './supervisor.entity';

/** A supervision agreement (contract) between a supervisee and a supervisor. */
@Entity('supervision_agreements')
@Unique('supervision_agreements_tenant_ref_key', ['tenantId', 'agreementRef'])
@Index('supervision_agreements_staff_idx', ['tenantId', 'staffId', 'startDate'])
@Index('supervision_agreements_supervisor_idx', ['tenantId', 'supervisorId'])
@Check(
  'supervision_agreements_interval_check',
  `"interval" IN ('WEEKLY','FORTNIGHTLY','FOUR_WEEKLY','SIX_WEEKLY','MONTHLY','TWO_MONTHLY','QUARTERLY')`,
)
@Check('supervision_agreements_dates_check', `"end_date" IS NULL OR "end_date" >= "start_date"`)
@Check(
  'supervision_agreements_minutes_check',
  `"session_minutes" IS NULL OR ("session_minutes" BETWEEN 1 AND 480)`,
)
@Check(
  'supervision_agreements_formats_check',
  `"counted_formats" IS NULL OR "counted_formats" <@ ARRAY['ONE_TO_ONE','GROUP','PEER','CASE_CONSULTATION']::varchar[]`,
)
export class SupervisionAgreement {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'agreement_ref', type: 'varchar', length: 64, nullable: true })
  agreementRef: string | null;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => StaffMember, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'staff_id', referencedColumnName: 'id' },
  ])
  staff?: StaffMember;

  @Column({ name: 'supervisor_id', type: 'uuid' })
  supervisorId: string;

  @ManyToOne(() => Supervisor, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'supervisor_id', referencedColumnName: 'id' },
  ])
  supervisor?: Supervisor;

  @Column({ type: 'varchar', length: 20 })
  interval: SupervisionInterval;

  @Column({ name: 'session_minutes', type: 'integer', nullable: true })
  sessionMinutes: number | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'review_due_date', type: 'date', nullable: true })
  reviewDueDate: string | null;

  @Column({ name: 'last_reviewed_on', type: 'date', nullable: true })
  lastReviewedOn: string | null;

  /** Null: the organisation's counted formats apply. */
  @Column({ name: 'counted_formats', type: 'varchar', length: 20, array: true, nullable: true })
  countedFormats: SessionFormat[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
