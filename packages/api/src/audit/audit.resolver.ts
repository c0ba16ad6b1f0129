import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { PageInput } from '../pagination/connection';
import { validateAs } from '../graphql/validation';
import type { RequestContext } from '../tenancy/context';
import { listAuditEvents } from './audit-log.service';
import { AuditEventConnection, AuditEventFilter, AuditEventType } from './audit.types';

/** Read only: there is deliberately no operation that changes or deletes an audit event. */
@Resolver(() => AuditEventType)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description: "The organisation's audit log, newest first. Organisation admins only.",
  })
  auditEvents(
    @Arg('filter', () => AuditEventFilter, { nullable: true, validateFn: validateAs('filter') })
    filter: AuditEventFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true, validateFn: validateAs('page') })
    page: PageInput | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEventConnection> {
    return listAuditEvents(ctx, filter ?? undefined, page ?? new PageInput());
  }
}
