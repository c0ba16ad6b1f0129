import { recordAudit } from '../audit/audit.service';
import { badInput, notFound } from '../errors/app-errors';
import type { RequestContext } from '../tenancy/context';
import { assertCanEditSettings, assertCanReadSettings } from './settings.access';
import { ORGANISATION_NAME_MAX, type UpdateOrganisationSettingsInput } from './settings.input';
import { COST_DEFAULTS_SOURCE, type OrganisationSettingsType } from './settings.types';

interface OrganisationRow {
  name: string;
  time_zone: string;
  currency: string;
  default_interval: OrganisationSettingsType['defaultInterval'];
  counted_formats: OrganisationSettingsType['countedFormats'];
  supervision_cost_per_worker_year: string;
  recruitment_cost_per_leaver: string;
  suppression_threshold: number;
  retention_months: number;
}

const COLUMNS = `name, time_zone, currency, default_interval, counted_formats,
  supervision_cost_per_worker_year, recruitment_cost_per_leaver, suppression_threshold, retention_months`;

function toSettings(row: OrganisationRow): OrganisationSettingsType {
  return {
    name: row.name,
    timeZone: row.time_zone,
    currency: row.currency,
    defaultInterval: row.default_interval,
    countedFormats: row.counted_formats,
    supervisionCostPerWorkerYear: Number(row.supervision_cost_per_worker_year),
    recruitmentCostPerLeaver: Number(row.recruitment_cost_per_leaver),
    suppressionThreshold: row.suppression_threshold,
    retentionMonths: row.retention_months,
    costDefaultsSource: COST_DEFAULTS_SOURCE,
  };
}

export async function getOrganisationSettings(
  ctx: RequestContext,
): Promise<OrganisationSettingsType> {
  assertCanReadSettings(ctx);
  const [row] = await ctx.db.query<OrganisationRow>(
    `SELECT ${COLUMNS} FROM organisations WHERE id = $1`,
    [ctx.db.tenantId],
  );
  if (!row) throw notFound('Organisation');
  return toSettings(row);
}

let supportedZones: Set<string> | null = null;

/**
 * The canonical IANA name of a time zone both the API (Intl) and PostgreSQL
 * know, or null. Offsets ("+01:00") and unknown names are refused.
 */
async function canonicalTimeZone(ctx: RequestContext, raw: string): Promise<string | null> {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-GB', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  supportedZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (resolved !== 'UTC' && !supportedZones.has(resolved)) return null;
  for (const candidate of new Set([resolved, raw])) {
    const [known] = await ctx.db.query(`SELECT 1 FROM pg_timezone_names WHERE name = $1`, [
      candidate,
    ]);
    if (known) return candidate;
  }
  return null;
}

let currencies: Set<string> | null = null;

export async function updateOrganisationSettings(
  ctx: RequestContext,
  input: UpdateOrganisationSettingsInput,
): Promise<OrganisationSettingsType> {
  assertCanEditSettings(ctx);
  const set: string[] = [];
  const params: unknown[] = [ctx.db.tenantId];
  const assign = (column: string, value: unknown, cast = '') => {
    params.push(value);
    set.push(`${column} = $${params.length}${cast}`);
  };

  if (input.name != null) {
    const name = input.name.trim();
    if (name.length === 0) throw badInput('input.name', 'Give the organisation a name.');
    if (name.length > ORGANISATION_NAME_MAX) {
      throw badInput('input.name', `The name can be at most ${ORGANISATION_NAME_MAX} characters.`);
    }
    assign('name', name);
  }
  if (input.timeZone != null) {
    const zone = await canonicalTimeZone(ctx, input.timeZone.trim());
    if (!zone) {
      throw badInput(
        'input.timeZone',
        'Choose a time zone from the IANA list, like Europe/London or America/New_York.',
      );
    }
    assign('time_zone', zone);
  }
  if (input.currency != null) {
    currencies ??= new Set(Intl.supportedValuesOf('currency'));
    if (!currencies.has(input.currency)) {
      throw badInput('input.currency', 'That is not an ISO 4217 currency code (like GBP or EUR).');
    }
    assign('currency', input.currency);
  }
  if (input.defaultInterval != null) assign('default_interval', input.defaultInterval);
  if (input.countedFormats != null) assign('counted_formats', input.countedFormats, '::varchar[]');
  if (input.supervisionCostPerWorkerYear != null) {
    assign('supervision_cost_per_worker_year', input.supervisionCostPerWorkerYear);
  }
  if (input.recruitmentCostPerLeaver != null) {
    assign('recruitment_cost_per_leaver', input.recruitmentCostPerLeaver);
  }
  if (input.suppressionThreshold != null) {
    assign('suppression_threshold', input.suppressionThreshold);
  }
  if (input.retentionMonths != null) assign('retention_months', input.retentionMonths);

  const [row] =
    set.length === 0
      ? await ctx.db.query<OrganisationRow>(`SELECT ${COLUMNS} FROM organisations WHERE id = $1`, [
          ctx.db.tenantId,
        ])
      : await ctx.db.query<OrganisationRow>(
          `WITH changed AS (UPDATE organisations SET ${set.join(', ')} WHERE id = $1 RETURNING ${COLUMNS}) SELECT * FROM changed`,
          params,
        );
  if (!row) throw notFound('Organisation');
  await recordAudit(ctx, 'settings.update', 'Organisation', ctx.db.tenantId);
  return toSettings(row);
}
