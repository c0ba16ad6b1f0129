import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Service } from '../services/service.entity';
import { Membership } from './membership.entity';

/** The services a service manager manages (one row per membership and service). */
@Entity('membership_services')
export class ManagedService {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'membership_id', type: 'uuid' })
  membershipId: string;

  @PrimaryColumn({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Membership, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'membership_id', referencedColumnName: 'id' },
  ])
  membership?: Membership;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'service_id', referencedColumnName: 'id' },
  ])
  service?: Service;
}
