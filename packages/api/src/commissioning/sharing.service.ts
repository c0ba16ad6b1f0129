/**
 * Sharing agreements (docs/commissioning.md): a commissioner requests, the provider accepts
 * (services and a from-date), declines, changes or revokes; the commissioner may withdraw a
 * request still waiting. Every step is audited in both organisations' logs.
 *
 * The rollup follows by itself: the triggers mark the provider's rollup when an ACTIVE
 * agreement or its services change, and the request's commit recomputes it (accepting
 * computes every month since `shared_from`; revoking or narrowing deletes the rows no
 * agreement needs; rollup.service.ts).
 */
import { randomUUID } from 'node:crypto';
import { isValidIsoDate, type OrganisationKind } from '@holdspace/shared';
import { AppError, badInput, conflict, notFound } from '../errors/app-errors';
import { isUuid } from '../graphql/validation';
import type { RequestContext } from '../tenancy/context';
import { todayIn } from './rollup.service';
import type { SharingStatusValue } from './sharing-agreement.entity';
import {
  assertCanReadSharing,
  assertCommissionerAdmin,
  assertProviderAdmin,
  type SharingSide,
} from './sharing.access';
import {
  EARLIEST_SHARED_FROM,
  MAX_SHARED_SERVICES,
  NO_PROVIDER,
  type RequestSharingInput,
  type SharingTermsInput,
} from './sharing.input';
import type { SharingAgreementType } from './sharing.types';

export const SHARING_ENTITY = 'SharingAgreement';
const agreementNotFound = () => notFound('Sharing agreement');

interface AgreementRow {
  tenant_id: string;
  id: string;
  commissioner_id: string;
  status: SharingStatusValue;
  requested_at: Date;
  responded_at: Date | null;
  shared_from: string | null;
  revoked_at: Date | null;
  provider_name: string;
  provider_kind: OrganisationKind;
  commissioner_name: string;
  commissioner_kind: OrganisationKind;
}

/** The side's condition on alias `a`: the provider's own rows, or the commissioner's. */
const sideCondition = (side: SharingSide) =>
  side === 'PROVIDER' ? 'a.tenant_id = $1' : 'a.commissioner_id = $1';

async function loadAgreements(
  ctx: RequestContext,
  side: SharingSide,
  id?: string,
): Promise<SharingAgreementType[]> {
  const params: unknown[] = [ctx.db.tenantId];
  let where = sideCondition(side);
  if (id !== undefined) {
    params.push(id);
    where += ' AND a.id = $2';
  }
  const rows = await ctx.db.query<AgreementRow>(
    `SELECT a.tenant_id, a.id, a.commissioner_id, a.status, a.requested_at, a.responded_at,
            a.shared_from::text AS shared_from, a.revoked_at,
            p.name AS provider_name, p.kind AS provider_kind,
            c.name AS commissioner_name, c.kind AS commissioner_kind
       FROM sharing_agreements a
       JOIN organisations p ON p.id = a.tenant_id
       JOIN organisations c ON c.id = a.commissioner_id
      WHERE ${where}
      ORDER BY a.requested_at DESC, a.id`,
    params,
  );
  if (rows.length === 0) return [];
  // The services: a commissioner sees those of its ACTIVE agreements only (row-level security).
  const services = await ctx.db.query<{ agreement_id: string; id: string; name: string }>(
    `SELECT s.agreement_id, v.id, v.name
       FROM sharing_agreement_services s
       JOIN sharing_agreements a ON a.tenant_id = s.tenant_id AND a.id = s.agreement_id
       JOIN services v ON v.tenant_id = s.tenant_id AND v.id = s.service_id
      WHERE ${sideCondition(side)} AND s.agreement_id = ANY ($2::uuid[])
      ORDER BY v.name, v.id`,
    [ctx.db.tenantId, rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    provider: { id: r.tenant_id, name: r.provider_name, kind: r.provider_kind },
    commissioner: { id: r.commissioner_id, name: r.commissioner_name, kind: r.commissioner_kind },
    status: r.status,
    requestedAt: r.requested_at,
    respondedAt: r.responded_at,
    sharedFrom: r.shared_from,
    revokedAt: r.revoked_at,
    services: services
      .filter((s) => s.agreement_id === r.id)
      .map((s) => ({ id: s.id, name: s.name })),
  }));
}

async function loadAgreement(
  ctx: RequestContext,
  side: SharingSide,
  id: string,
): Promise<SharingAgreementType> {
  if (!isUuid(id)) throw agreementNotFound();
  const [agreement] = await loadAgreements(ctx, side, id.toLowerCase());
  if (!agreement) throw agreementNotFound();
  return agreement;
}

/** One event in each party's log: the acting organisation's, and the other party's. */
async function auditBoth(
  ctx: RequestContext,
  action: string,
  agreement: { id: string; providerId: string; commissionerId: string },
): Promise<void> {
  const other =
    ctx.db.tenantId === agreement.providerId ? agreement.commissionerId : agreement.providerId;
  await ctx.db.query(
    `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, request_id)
     SELECT t.tenant_id, t.id, $3, $4, $5, $6, $7
       FROM unnest($1::uuid[], $2::uuid[]) AS t (tenant_id, id)`,
    [
      [ctx.db.tenantId, other],
      [randomUUID(), randomUUID()],
      ctx.auth?.userId ?? null,
      action,
      SHARING_ENTITY,
      agreement.id,
      ctx.requestId || null,
    ],
  );
}

/** The agreements the caller's organisation is a party to, newest first. */
export async function listSharingAgreements(ctx: RequestContext): Promise<SharingAgreementType[]> {
  const { side } = await assertCanReadSharing(ctx);
  return loadAgreements(ctx, side);
}

/** A commissioner asks the provider with exactly this slug to share. */
export async function requestSharing(
  ctx: RequestContext,
  input: RequestSharingInput,
): Promise<SharingAgreementType> {
  await assertCommissionerAdmin(ctx);
  const me = ctx.db.tenantId;
  // Only a non-commissioner organisation with exactly this slug: any other answer is the same.
  const [provider] = await ctx.db.query<{ id: string }>('SELECT id FROM find_provider($1)', [
    input.providerSlug,
  ]);
  if (!provider || provider.id === me) throw badInput('input.providerSlug', NO_PROVIDER);
  const open = await ctx.db.query(
    `SELECT 1 FROM sharing_agreements
      WHERE commissioner_id = $1 AND tenant_id = $2 AND status IN ('REQUESTED', 'ACTIVE')`,
    [me, provider.id],
  );
  if (open.length > 0) {
    throw conflict(
      'This provider already has a request or an active agreement from your organisation.',
      'input.providerSlug',
    );
  }
  const id = randomUUID();
  await ctx.db.query(
    `INSERT INTO sharing_agreements (tenant_id, id, commissioner_id, status, requested_by)
     VALUES ($1, $2, $3, 'REQUESTED', $4)`,
    [provider.id, id, me, ctx.auth?.userId ?? null],
  );
  await auditBoth(ctx, 'sharing.request', { id, providerId: provider.id, commissionerId: me });
  return loadAgreement(ctx, 'COMMISSIONER', id);
}

/** A commissioner withdraws its request while it waits for an answer. */
export async function withdrawSharingRequest(
  ctx: RequestContext,
  id: string,
): Promise<SharingAgreementType> {
  await assertCommissionerAdmin(ctx);
  const agreement = await loadAgreement(ctx, 'COMMISSIONER', id);
  if (agreement.status !== 'REQUESTED') throw wrongStatus('REQUESTED', agreement.status);
  const changed = await ctx.db.query(
    `WITH changed AS (
       UPDATE sharing_agreements SET status = 'WITHDRAWN', responded_at = now(), responded_by = $3
        WHERE commissioner_id = $1 AND id = $2 AND status = 'REQUESTED' RETURNING id)
     SELECT id FROM changed`,
    [ctx.db.tenantId, agreement.id, ctx.auth?.userId ?? null],
  );
  if (changed.length === 0) throw wrongStatus('REQUESTED', 'changed');
  await auditBoth(ctx, 'sharing.withdraw', partiesOf(agreement));
  return loadAgreement(ctx, 'COMMISSIONER', agreement.id);
}

function wrongStatus(expected: SharingStatusValue, actual: string): AppError {
  return conflict(`Only a ${expected} agreement can be changed so; this one is ${actual}.`);
}

const partiesOf = (a: SharingAgreementType) => ({
  id: a.id,
  providerId: a.provider.id,
  commissionerId: a.commissioner.id,
});

/** The provider's agreement, locked for the change, in the expected status. */
async function lockForProvider(
  ctx: RequestContext,
  id: string,
  expected: SharingStatusValue,
): Promise<SharingAgreementType> {
  if (!isUuid(id)) throw agreementNotFound();
  const [row] = await ctx.db.query<{ status: SharingStatusValue }>(
    'SELECT status FROM sharing_agreements WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
    [ctx.db.tenantId, id.toLowerCase()],
  );
  if (!row) throw agreementNotFound();
  if (row.status !== expected) throw wrongStatus(expected, row.status);
  return loadAgreement(ctx, 'PROVIDER', id);
}

/** The terms checked: services of the provider (unique, 1..500), a from-date in range. */
async function checkTerms(
  ctx: RequestContext,
  input: SharingTermsInput,
): Promise<{ serviceIds: string[]; sharedFrom: string }> {
  const ids = input.serviceIds.map((id) => (isUuid(id) ? id.toLowerCase() : id));
  if (ids.length === 0) throw badInput('input.serviceIds', 'Choose at least one service.');
  if (ids.length > MAX_SHARED_SERVICES) {
    throw badInput('input.serviceIds', `Choose at most ${MAX_SHARED_SERVICES} services.`);
  }
  if (new Set(ids).size !== ids.length) {
    throw badInput('input.serviceIds', 'Each service can be chosen once.');
  }
  const known = ids.every(isUuid)
    ? await ctx.db.query<{ id: string }>(
        'SELECT id FROM services WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
        [ctx.db.tenantId, ids],
      )
    : [];
  if (known.length !== ids.length) {
    throw badInput('input.serviceIds', 'Choose services of your organisation.');
  }
  const [{ time_zone: timeZone }] = await ctx.db.query<{ time_zone: string }>(
    'SELECT time_zone FROM organisations WHERE id = $1',
    [ctx.db.tenantId],
  );
  const sharedFrom = input.sharedFrom;
  if (!isValidIsoDate(sharedFrom) || sharedFrom < EARLIEST_SHARED_FROM) {
    throw badInput('input.sharedFrom', `Share from ${EARLIEST_SHARED_FROM} or later.`);
  }
  if (sharedFrom > todayIn(timeZone)) {
    throw badInput('input.sharedFrom', 'The sharing start cannot be in the future.');
  }
  return { serviceIds: ids, sharedFrom };
}

/** Replaces the agreement's services by `serviceIds`. */
async function setServices(ctx: RequestContext, id: string, serviceIds: string[]): Promise<void> {
  await ctx.db.query(
    `DELETE FROM sharing_agreement_services
      WHERE tenant_id = $1 AND agreement_id = $2 AND NOT (service_id = ANY ($3::uuid[]))`,
    [ctx.db.tenantId, id, serviceIds],
  );
  await ctx.db.query(
    `INSERT INTO sharing_agreement_services (tenant_id, agreement_id, service_id)
     SELECT $1, $2, unnest($3::uuid[])
     ON CONFLICT DO NOTHING`,
    [ctx.db.tenantId, id, serviceIds],
  );
}

/** The provider accepts a request, choosing the services and the first day shared. */
export async function acceptSharing(
  ctx: RequestContext,
  id: string,
  input: SharingTermsInput,
): Promise<SharingAgreementType> {
  await assertProviderAdmin(ctx);
  const agreement = await lockForProvider(ctx, id, 'REQUESTED');
  const terms = await checkTerms(ctx, input);
  await setServices(ctx, agreement.id, terms.serviceIds);
  await ctx.db.query(
    `UPDATE sharing_agreements
        SET status = 'ACTIVE', responded_at = now(), responded_by = $3, shared_from = $4
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.db.tenantId, agreement.id, ctx.auth?.userId ?? null, terms.sharedFrom],
  );
  await auditBoth(ctx, 'sharing.accept', partiesOf(agreement));
  return loadAgreement(ctx, 'PROVIDER', agreement.id);
}

/** The provider changes an active agreement's services or first day. */
export async function updateSharing(
  ctx: RequestContext,
  id: string,
  input: SharingTermsInput,
): Promise<SharingAgreementType> {
  await assertProviderAdmin(ctx);
  const agreement = await lockForProvider(ctx, id, 'ACTIVE');
  const terms = await checkTerms(ctx, input);
  await setServices(ctx, agreement.id, terms.serviceIds);
  await ctx.db.query(
    'UPDATE sharing_agreements SET shared_from = $3 WHERE tenant_id = $1 AND id = $2',
    [ctx.db.tenantId, agreement.id, terms.sharedFrom],
  );
  await auditBoth(ctx, 'sharing.update', partiesOf(agreement));
  return loadAgreement(ctx, 'PROVIDER', agreement.id);
}

/** The provider declines a request. */
export async function declineSharing(
  ctx: RequestContext,
  id: string,
): Promise<SharingAgreementType> {
  await assertProviderAdmin(ctx);
  const agreement = await lockForProvider(ctx, id, 'REQUESTED');
  await ctx.db.query(
    `UPDATE sharing_agreements SET status = 'DECLINED', responded_at = now(), responded_by = $3
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.db.tenantId, agreement.id, ctx.auth?.userId ?? null],
  );
  await auditBoth(ctx, 'sharing.decline', partiesOf(agreement));
  return loadAgreement(ctx, 'PROVIDER', agreement.id);
}

/** The provider ends an active agreement; the commissioner sees nothing of it from now on. */
export async function revokeSharing(
  ctx: RequestContext,
  id: string,
): Promise<SharingAgreementType> {
  await assertProviderAdmin(ctx);
  const agreement = await lockForProvider(ctx, id, 'ACTIVE');
  await ctx.db.query(
    `UPDATE sharing_agreements SET status = 'REVOKED', revoked_at = now(), revoked_by = $3
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.db.tenantId, agreement.id, ctx.auth?.userId ?? null],
  );
  await auditBoth(ctx, 'sharing.revoke', partiesOf(agreement));
  return loadAgreement(ctx, 'PROVIDER', agreement.id);
}
