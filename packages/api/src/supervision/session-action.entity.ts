import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ActionStatus } from '@holdspace/shared';
import { StaffMember } from '../staff/staff-member.entity';
import { SupervisionSession } from './supervision-session.entity';

/** An agreed action from a session: title, owner, due date and status only. */
@Entity('session_actions')
@Index('session_actions_session_idx', ['tenantId', 'sessionId'])
@Check('session_actions_status_check', `"status" IN ('OPEN','DONE','DROPPED')`)
export class SessionAction {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SupervisionSession, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'session_id', referencedColumnName: 'id' },
  ])
  session?: SupervisionSession;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ name: 'owner_staff_id', type: 'uuid', nullable: true })
  ownerStaffId: string | null;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'owner_staff_id', referencedColumnName: 'id' },
  ])
  owner?: StaffMember;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 10, default: 'OPEN' })
  status: ActionStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
