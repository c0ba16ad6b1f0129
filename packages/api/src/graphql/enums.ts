import { registerEnumType } from 'type-graphql';
import {
  ABSENCE_REASONS,
  ACTION_STATUSES,
  LEAVING_REASONS,
  ORGANISATION_KINDS,
  ROLES,
  SESSION_FORMATS,
  SESSION_STATUSES,
  SUPERVISION_FUNCTIONS,
  SUPERVISION_INTERVALS,
} from '@holdspace/shared';

/** A GraphQL enum from one of the shared readonly tuples (one source of truth). */
function enumFrom<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const RoleEnum = enumFrom(ROLES);
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'A role in one organisation (product.md).',
});

export const OrganisationKindEnum = enumFrom(ORGANISATION_KINDS);
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });

export const LeavingReasonEnum = enumFrom(LEAVING_REASONS);
registerEnumType(LeavingReasonEnum, { name: 'LeavingReason' });

export const AbsenceReasonEnum = enumFrom(ABSENCE_REASONS);
registerEnumType(AbsenceReasonEnum, {
  name: 'AbsenceReason',
  description: 'A reason category only; Holdspace stores no medical detail.',
});

export const SessionFormatEnum = enumFrom(SESSION_FORMATS);
registerEnumType(SessionFormatEnum, { name: 'SessionFormat' });

export const SessionStatusEnum = enumFrom(SESSION_STATUSES);
registerEnumType(SessionStatusEnum, { name: 'SessionStatus' });

export const SupervisionFunctionEnum = enumFrom(SUPERVISION_FUNCTIONS);
registerEnumType(SupervisionFunctionEnum, { name: 'SupervisionFunction' });

export const SupervisionIntervalEnum = enumFrom(SUPERVISION_INTERVALS);
registerEnumType(SupervisionIntervalEnum, { name: 'SupervisionInterval' });

export const ActionStatusEnum = enumFrom(ACTION_STATUSES);
registerEnumType(ActionStatusEnum, { name: 'ActionStatus' });

export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });
