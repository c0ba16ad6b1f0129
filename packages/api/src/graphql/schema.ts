import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { refuseNulCharacters } from './validation';
import { AbsenceResolver } from '../absence/absence.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { AuthResolver } from '../auth/auth.resolver';
import { ComparisonResolver } from '../commissioning/comparison.resolver';
import { SharingResolver } from '../commissioning/sharing.resolver';
import { MetricsResolver } from '../metrics/metrics.resolver';
import { ServiceResolver } from '../services/service.resolver';
import { SettingsResolver } from '../settings/settings.resolver';
import { StaffResolver } from '../staff/staff.resolver';
import { AgreementResolver } from '../supervision/agreement.resolver';
import { SessionResolver } from '../supervision/session.resolver';
import { SupervisorResolver } from '../supervision/supervisor.resolver';
import { UsersResolver } from '../users/users.resolver';
import { authChecker } from './auth-checker';
import './enums';

/** One resolver per domain; each domain decides access in its own `*.access.ts`. */
export const RESOLVERS = [
  AuthResolver,
  ServiceResolver,
  StaffResolver,
  SupervisorResolver,
  AgreementResolver,
  SessionResolver,
  AbsenceResolver,
  SettingsResolver,
  UsersResolver,
  AuditResolver,
  MetricsResolver,
  SharingResolver,
  ComparisonResolver,
] as const;

/** The GraphQL schema, built from the resolvers; inputs validated by class-validator. */
export function buildHoldspaceSchema(extraResolvers: Function[] = []): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS, ...extraResolvers] as [Function, ...Function[]],
    authChecker,
    authMode: 'error',
    globalMiddlewares: [refuseNulCharacters],
    validate: {
      forbidUnknownValues: true,
      // Never echo submitted values (a password, say) back in an error.
      validationError: { target: false, value: false },
    },
  });
}

/** The committed schema.graphql: sorted, so a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
