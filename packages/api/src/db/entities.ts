import { AbsenceEpisode } from '../absence/absence-episode.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { SharedServiceMonth } from '../commissioning/shared-service-month.entity';
import { SharingAgreementService } from '../commissioning/sharing-agreement-service.entity';
import { SharingAgreement } from '../commissioning/sharing-agreement.entity';
import { SignInFailure } from '../auth/sign-in-attempt.entity';
import { User } from '../auth/user.entity';
import { ManagedService } from '../organisations/managed-service.entity';
import { Membership } from '../organisations/membership.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Service } from '../services/service.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { SessionAction } from '../supervision/session-action.entity';
import { SessionAttendee } from '../supervision/session-attendee.entity';
import { SupervisionAgreement } from '../supervision/supervision-agreement.entity';
import { SupervisionSession } from '../supervision/supervision-session.entity';
import { Supervisor } from '../supervision/supervisor.entity';
import { UserInvitation } from '../users/user-invitation.entity';

/** Every entity, in one list: the data source and the migration generator read it. */
export const ENTITIES = [
  Organisation,
  User,
  AuthSession,
  SignInFailure,
  Membership,
  ManagedService,
  Service,
  StaffMember,
  AuditEvent,
  Supervisor,
  SupervisionAgreement,
  SupervisionSession,
  SessionAttendee,
  SessionAction,
  AbsenceEpisode,
  UserInvitation,
  SharingAgreement,
  SharingAgreementService,
  SharedServiceMonth,
];
