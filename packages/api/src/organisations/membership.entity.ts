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
} from 'typeorm';
import type { Role } from '@holdspace/shared';
import { User } from '../auth/user.entity';
import { Organisation } from './organisation.entity';

/** A user's role in one organisation. Checked on every request, never taken from the client. */
@Entity('memberships')
@Unique('memberships_tenant_user_key', ['tenantId', 'userId'])
@Check(
  'memberships_role_check',
  `"role" IN ('ORG_ADMIN','SERVICE_MANAGER','SUPERVISOR','PRACTITIONER','ANALYST','COMMISSIONER_ANALYST')`,
)
export class Membership {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Index('memberships_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'memberships_tenant_fk' })
  organisation?: Organisation;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'memberships_user_fk' })
  user?: User;

  @Column({ type: 'varchar', length: 30 })
  role: Role;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
