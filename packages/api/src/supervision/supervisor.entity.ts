import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { StaffMember } from '../staff/staff-member.entity';

/**
 * Who supervises: an internal staff member, or an external clinical supervisor
 * (name, organisation, accreditation body). Agreements and sessions point here.
 */
@Entity('supervisors')
@Index('supervisors_tenant_staff_key', ['tenantId', 'staffId'], {
  unique: true,
  where: '"staff_id" IS NOT NULL',
})
@Check('supervisors_kind_check', `"kind" IN ('INTERNAL','EXTERNAL')`)
@Check(
  'supervisors_shape_check',
  `("kind" = 'INTERNAL' AND "staff_id" IS NOT NULL) OR ("kind" = 'EXTERNAL' AND "staff_id" IS NULL AND "name" IS NOT NULL)`,
)
export class Supervisor {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: 'INTERNAL' | 'EXTERNAL';

  @Column({ name: 'staff_id', type: 'uuid', nullable: true })
  staffId: string | null;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'staff_id', referencedColumnName: 'id' },
  ])
  staff?: StaffMember;

  /** External supervisors only (internal ones take the staff member's name). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ name: 'organisation_name', type: 'varchar', length: 200, nullable: true })
  organisationName: string | null;

  @Column({ name: 'accreditation_body', type: 'varchar', length: 200, nullable: true })
  accreditationBody: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
