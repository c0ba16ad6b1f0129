import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffMember } from '../staff/staff-member.entity';
import { SupervisionSession } from './supervision-session.entity';

/** One attendee (supervisee) of a session. */
@Entity('session_attendees')
@Index('session_attendees_staff_idx', ['tenantId', 'staffId'])
export class SessionAttendee {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => SupervisionSession, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'session_id', referencedColumnName: 'id' },
  ])
  session?: SupervisionSession;

  @ManyToOne(() => StaffMember, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'staff_id', referencedColumnName: 'id' },
  ])
  staff?: StaffMember;
}
