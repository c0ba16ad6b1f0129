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
import type { LeavingReason } from '@holdspace/shared';
import { User } from '../auth/user.entity';
import { numericTransformer } from '../db/columns';
import { Service } from '../services/service.entity';

/**
 * A member of staff. Personal data is kept to what the metrics need: a
 * reference from the HR system and a display name (both erasable for leavers).
 */
@Entity('staff_members')
@Unique('staff_members_tenant_ref_key', ['tenantId', 'staffRef'])
@Index('staff_members_service_idx', ['tenantId', 'serviceId'])
@Check('staff_members_fte_check', `"fte" > 0 AND "fte" <= 1.5`)
@Check('staff_members_dates_check', `"end_date" IS NULL OR "end_date" >= "start_date"`)
@Check('staff_members_leaver_check', `("end_date" IS NULL) = ("leaving_reason" IS NULL)`)
@Check(
  'staff_members_leaving_reason_check',
  `"leaving_reason" IN ('RESIGNATION','RETIREMENT','END_OF_FIXED_TERM','DISMISSAL','REDUNDANCY','DEATH_IN_SERVICE','OTHER')`,
)
export class StaffMember {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'service_id', referencedColumnName: 'id' },
  ])
  service?: Service;

  /** The HR system's reference; null once erased. */
  @Column({ name: 'staff_ref', type: 'varchar', length: 64, nullable: true })
  staffRef: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  @Column({ name: 'role_title', type: 'varchar', length: 120, nullable: true })
  roleTitle: string | null;

  @Column({ name: 'practitioner_type', type: 'varchar', length: 80, nullable: true })
  practitionerType: string | null;

  @Column({ type: 'numeric', precision: 4, scale: 3, transformer: numericTransformer })
  fte: number;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'leaving_reason', type: 'varchar', length: 30, nullable: true })
  leavingReason: LeavingReason | null;

  @Column({ name: 'requires_supervision', type: 'boolean', default: true })
  requiresSupervision: boolean;

  /** The user account of this person, if they sign in (a practitioner sees their own record). */
  @Index('staff_members_user_idx')
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'staff_members_user_fk' })
  user?: User;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
