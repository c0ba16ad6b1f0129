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
import type { AbsenceReason } from '@holdspace/shared';
import { StaffMember } from '../staff/staff-member.entity';

/** A sickness absence episode: dates and a reason category only, never medical detail. */
@Entity('absence_episodes')
@Unique('absence_episodes_tenant_ref_key', ['tenantId', 'absenceRef'])
@Index('absence_episodes_staff_idx', ['tenantId', 'staffId', 'startDate'])
@Check('absence_episodes_dates_check', `"end_date" IS NULL OR "end_date" >= "start_date"`)
@Check(
  'absence_episodes_reason_check',
  `"reason" IN ('MENTAL_HEALTH','MUSCULOSKELETAL','MINOR_ILLNESS','INJURY','OTHER','UNDISCLOSED')`,
)
export class AbsenceEpisode {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'absence_ref', type: 'varchar', length: 64, nullable: true })
  absenceRef: string | null;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => StaffMember, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'staff_id', referencedColumnName: 'id' },
  ])
  staff?: StaffMember;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** Null while ongoing. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'varchar', length: 20 })
  reason: AbsenceReason;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
