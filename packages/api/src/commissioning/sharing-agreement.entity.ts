import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';

export const SHARING_STATUSES = [
  'REQUESTED',
  'ACTIVE',
  'DECLINED',
  'WITHDRAWN',
  'REVOKED',
] as const;
export type SharingStatusValue = (typeof SHARING_STATUSES)[number];

/**
 * A sharing agreement: a commissioner asked a provider (the tenant) to share; the provider
 * accepts with services and a from-date, declines, changes or revokes (docs/commissioning.md).
 * The row belongs to the provider; the commissioner reads it through its own policy.
 */
@Entity('sharing_agreements')
@Check(
  'sharing_agreements_status_check',
  `"status" IN ('REQUESTED','ACTIVE','DECLINED','WITHDRAWN','REVOKED')`,
)
@Check('sharing_agreements_parties_check', `"commissioner_id" <> "tenant_id"`)
@Check('sharing_agreements_active_check', `"status" <> 'ACTIVE' OR "shared_from" IS NOT NULL`)
@Index('sharing_agreements_open_key', ['tenantId', 'commissionerId'], {
  unique: true,
  where: `"status" IN ('REQUESTED', 'ACTIVE')`,
})
@Index('sharing_agreements_commissioner_idx', ['commissionerId', 'status'])
export class SharingAgreement {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'sharing_agreements_tenant_fk' })
  provider?: Organisation;

  /** The commissioner: another organisation (the one cross-organisation reference). */
  @Column({ name: 'commissioner_id', type: 'uuid' })
  commissionerId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'commissioner_id',
    foreignKeyConstraintName: 'sharing_agreements_commissioner_fk',
  })
  commissioner?: Organisation;

  @Column({ type: 'varchar', length: 20 })
  status: SharingStatusValue;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy: string | null;

  /** The first day whose month is shared (set on accept; months from its month on). */
  @Column({ name: 'shared_from', type: 'date', nullable: true })
  sharedFrom: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy: string | null;
}
