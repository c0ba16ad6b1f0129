import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Service } from '../services/service.entity';
import { SharingAgreement } from './sharing-agreement.entity';

/** A service a provider shares under an agreement. */
@Entity('sharing_agreement_services')
@Index('sharing_agreement_services_service_idx', ['tenantId', 'serviceId'])
export class SharingAgreementService {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @PrimaryColumn({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => SharingAgreement, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'agreement_id', referencedColumnName: 'id' },
  ])
  agreement?: SharingAgreement;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'service_id', referencedColumnName: 'id' },
  ])
  service?: Service;
}
