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
import type { SessionFormat, SessionStatus, SupervisionFunction } from '@holdspace/shared';
import { Supervisor } from './supervisor.entity';

/**
 * A supervision session: when, how long, which format, its status, who
 * supervised and which of the three functions it served. Never what was said:
 * the schema has no field for notes or content.
 */
@Entity('supervision_sessions')
@Unique('supervision_sessions_tenant_ref_key', ['tenantId', 'sessionRef'])
@Index('supervision_sessions_date_idx', ['tenantId', 'date'])
@Index('supervision_sessions_supervisor_idx', ['tenantId', 'supervisorId'])
@Check(
  'supervision_sessions_format_check',
  `"format" IN ('ONE_TO_ONE','GROUP','PEER','CASE_CONSULTATION')`,
)
@Check(
  'supervision_sessions_status_check',
  `"status" IN ('SCHEDULED','HELD','CANCELLED','DID_NOT_ATTEND')`,
)
@Check('supervision_sessions_duration_check', `"duration_minutes" BETWEEN 1 AND 480`)
@Check(
  'supervision_sessions_functions_check',
  `"functions" <@ ARRAY['NORMATIVE','FORMATIVE','RESTORATIVE']::varchar[]`,
)
export class SupervisionSession {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'session_ref', type: 'varchar', length: 64, nullable: true })
  sessionRef: string | null;

  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 20 })
  format: SessionFormat;

  @Column({ type: 'varchar', length: 20 })
  status: SessionStatus;

  @Column({ name: 'supervisor_id', type: 'uuid' })
  supervisorId: string;

  @ManyToOne(() => Supervisor, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'supervisor_id', referencedColumnName: 'id' },
  ])
  supervisor?: Supervisor;

  @Column({ type: 'varchar', length: 20, array: true, default: () => `'{}'` })
  functions: SupervisionFunction[];

  /** Who logged it (a user); the supervisee may then confirm it. */
  @Column({ name: 'logged_by_user_id', type: 'uuid', nullable: true })
  loggedByUserId: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
