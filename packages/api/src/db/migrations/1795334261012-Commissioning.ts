import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, OWNER_ROLE } from '../roles';
import { CURRENT_TENANT_SQL, enableTenantRls, grantToApp } from '../rls';

/** The mark meaning "every month" (no agreement shares from before 2000-01-01). */
export const ALL_MONTHS = '2000-01-01';

/**
 * The mark trigger's statement: for each tenant among `source` (rows of tenant_id and a day
 * `d`), the month of its earliest day becomes (or lowers) the tenant's mark in
 * `shared_rollup_dirty`, if `onlySharing` only for a tenant with an ACTIVE agreement.
 */
function markFrom(source: string, onlySharing = true): string {
  return `
    INSERT INTO public.shared_rollup_dirty AS m (tenant_id, month)
    SELECT t.tenant_id, date_trunc('month', min(t.d))::date
      FROM (${source}) t
     GROUP BY t.tenant_id
     ${
       onlySharing
         ? `HAVING EXISTS (SELECT 1 FROM public.sharing_agreements a
                        WHERE a.tenant_id = t.tenant_id AND a.status = 'ACTIVE')`
         : ''
     }
    ON CONFLICT (tenant_id) DO UPDATE SET month = EXCLUDED.month WHERE m.month > EXCLUDED.month;`;
}

/** A statement trigger function named `name` running `body` and returning NULL. */
function triggerFunction(name: string, body: string): string {
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${body}
      RETURN NULL;
    END $$`;
}

/**
 * The records the rollup reads, with the day from which a written row can change a month:
 * [table, its function's name suffix, the day expression over a row `r`].
 */
const RECORD_TABLES: [string, string, string][] = [
  ['staff_members', 'staff', 'r.start_date'],
  ['supervision_agreements', 'agreements', 'r.start_date'],
  ['supervision_sessions', 'sessions', 'r.date'],
  ['absence_episodes', 'absences', 'r.start_date'],
];

/**
 * Commissioning (docs/commissioning.md): sharing agreements between a provider (the tenant)
 * and a commissioner, the services shared, and the `shared_service_months` rollup, with
 * - the commissioner policies: a commissioner (the request's tenant) reads its agreements,
 *   the services and rollup rows they share (rollup from `shared_from` on), the providers'
 *   names; inserts REQUESTED agreements, withdraws them; writes audit events about an
 *   agreement into the other party's log;
 * - `find_provider(slug)` and `sharing_providers()`, the only SECURITY DEFINER functions,
 *   which read through policies that apply to the owner role alone;
 * - `shared_rollup_dirty`: statement triggers on every table the rollup reads mark the
 *   earliest month a write can change (for a tenant with an ACTIVE agreement); the API
 *   recomputes and clears the mark before commit (src/commissioning/rollup.service.ts), and a
 *   deferred constraint trigger refuses to commit while a mark is left.
 * Triggers are not SECURITY DEFINER: they run as the writer, under its row-level security.
 */
export class Commissioning1795334261012 implements MigrationInterface {
  name = 'Commissioning1795334261012';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "shared_service_months" ("tenant_id" uuid NOT NULL, "service_id" uuid NOT NULL, "month" date NOT NULL, "practitioner_type" character varying(200) NOT NULL, "staff_count" integer NOT NULL, "headcount_start" integer NOT NULL, "headcount_end" integer NOT NULL, "eligible_start" integer NOT NULL, "eligible_end" integer NOT NULL, "in_date_end" integer NOT NULL, "leavers" integer NOT NULL, "fte_days_available" double precision NOT NULL, "fte_days_lost" double precision NOT NULL, "sessions_held" integer NOT NULL, "sessions_missed" integer NOT NULL, "supervision_minutes" bigint NOT NULL, "supervision_cost_per_worker_year" numeric(12,2) NOT NULL, "currency" character varying(3) NOT NULL, CONSTRAINT "shared_service_months_month_check" CHECK ("month" = date_trunc(\'month\', "month")::date), CONSTRAINT "PK_4f16ed285ff3bdeabfd7bcdfd9d" PRIMARY KEY ("tenant_id", "service_id", "month", "practitioner_type"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sharing_agreements" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "commissioner_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "requested_by" uuid, "responded_at" TIMESTAMP WITH TIME ZONE, "responded_by" uuid, "shared_from" date, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, CONSTRAINT "sharing_agreements_active_check" CHECK ("status" <> \'ACTIVE\' OR "shared_from" IS NOT NULL), CONSTRAINT "sharing_agreements_parties_check" CHECK ("commissioner_id" <> "tenant_id"), CONSTRAINT "sharing_agreements_status_check" CHECK ("status" IN (\'REQUESTED\',\'ACTIVE\',\'DECLINED\',\'WITHDRAWN\',\'REVOKED\')), CONSTRAINT "PK_06fc1e38b9da9f8c2f508cf38d4" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "sharing_agreements_commissioner_idx" ON "sharing_agreements"  ("commissioner_id", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "sharing_agreements_open_key" ON "sharing_agreements"  ("tenant_id", "commissioner_id") WHERE "status" IN (\'REQUESTED\', \'ACTIVE\')',
    );
    await queryRunner.query(
      'CREATE TABLE "sharing_agreement_services" ("tenant_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "service_id" uuid NOT NULL, CONSTRAINT "PK_35e913294ec2f619ae5f98e57b9" PRIMARY KEY ("tenant_id", "agreement_id", "service_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "sharing_agreement_services_service_idx" ON "sharing_agreement_services"  ("tenant_id", "service_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "shared_service_months" ADD CONSTRAINT "FK_e74fb76aa26d3356c5aaca1b355" FOREIGN KEY ("tenant_id", "service_id") REFERENCES "services"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_commissioner_fk" FOREIGN KEY ("commissioner_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sharing_agreement_services" ADD CONSTRAINT "FK_d3c365575cc32250f5818d2b4c0" FOREIGN KEY ("tenant_id", "agreement_id") REFERENCES "sharing_agreements"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sharing_agreement_services" ADD CONSTRAINT "FK_bb65df5c804594bc6168c80a623" FOREIGN KEY ("tenant_id", "service_id") REFERENCES "services"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );

    // -- Row-level security: the provider's own rows (tenant_isolation) ------------------
    const TABLES = ['sharing_agreements', 'sharing_agreement_services', 'shared_service_months'];
    for (const table of TABLES) await enableTenantRls(queryRunner, table);

    // -- Commissioner policies -------------------------------------------------------------
    await queryRunner.query(
      `CREATE POLICY commissioner_read ON sharing_agreements FOR SELECT
         USING (commissioner_id = ${CURRENT_TENANT_SQL})`,
    );
    await queryRunner.query(
      `CREATE POLICY commissioner_request ON sharing_agreements FOR INSERT
         WITH CHECK (commissioner_id = ${CURRENT_TENANT_SQL} AND status = 'REQUESTED')`,
    );
    await queryRunner.query(
      `CREATE POLICY commissioner_withdraw ON sharing_agreements FOR UPDATE
         USING (commissioner_id = ${CURRENT_TENANT_SQL} AND status = 'REQUESTED')
         WITH CHECK (commissioner_id = ${CURRENT_TENANT_SQL} AND status = 'WITHDRAWN')`,
    );
    // A commissioner's insert or withdrawal changes nothing else of the row.
    await queryRunner.query(
      `CREATE FUNCTION sharing_agreements_commissioner_guard() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.tenant_id IS DISTINCT FROM ${CURRENT_TENANT_SQL} THEN
           IF TG_OP = 'INSERT' THEN
             IF NEW.responded_at IS NOT NULL OR NEW.responded_by IS NOT NULL OR NEW.shared_from IS NOT NULL
                OR NEW.revoked_at IS NOT NULL OR NEW.revoked_by IS NOT NULL THEN
               RAISE EXCEPTION 'a commissioner only requests' USING ERRCODE = '42501';
             END IF;
           ELSIF (NEW.tenant_id, NEW.id, NEW.commissioner_id, NEW.requested_at, NEW.requested_by,
                  NEW.shared_from, NEW.revoked_at, NEW.revoked_by)
                 IS DISTINCT FROM (OLD.tenant_id, OLD.id, OLD.commissioner_id, OLD.requested_at,
                  OLD.requested_by, OLD.shared_from, OLD.revoked_at, OLD.revoked_by) THEN
             RAISE EXCEPTION 'a commissioner only withdraws' USING ERRCODE = '42501';
           END IF;
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER sharing_agreements_commissioner_guard BEFORE INSERT OR UPDATE ON sharing_agreements
         FOR EACH ROW EXECUTE FUNCTION sharing_agreements_commissioner_guard()`,
    );
    await queryRunner.query(
      `CREATE POLICY commissioner_read ON sharing_agreement_services FOR SELECT
         USING (EXISTS (SELECT 1 FROM public.sharing_agreements a
                         WHERE a.tenant_id = sharing_agreement_services.tenant_id
                           AND a.id = sharing_agreement_services.agreement_id
                           AND a.commissioner_id = ${CURRENT_TENANT_SQL} AND a.status = 'ACTIVE'))`,
    );
    await queryRunner.query(
      `CREATE POLICY commissioner_read ON services FOR SELECT
         USING (EXISTS (SELECT 1 FROM public.sharing_agreement_services s
                          JOIN public.sharing_agreements a ON a.tenant_id = s.tenant_id AND a.id = s.agreement_id
                         WHERE s.tenant_id = services.tenant_id AND s.service_id = services.id
                           AND a.commissioner_id = ${CURRENT_TENANT_SQL} AND a.status = 'ACTIVE'))`,
    );
    await queryRunner.query(
      `CREATE POLICY commissioner_read ON shared_service_months FOR SELECT
         USING (EXISTS (SELECT 1 FROM public.sharing_agreement_services s
                          JOIN public.sharing_agreements a ON a.tenant_id = s.tenant_id AND a.id = s.agreement_id
                         WHERE s.tenant_id = shared_service_months.tenant_id
                           AND s.service_id = shared_service_months.service_id
                           AND a.commissioner_id = ${CURRENT_TENANT_SQL} AND a.status = 'ACTIVE'
                           AND shared_service_months.month >= a.shared_from))`,
    );
    // The other party's organisation row (only its name is read): for a commissioner, the
    // providers it has agreements with; for a provider, the commissioners it has them with.
    await queryRunner.query(
      `CREATE POLICY sharing_parties ON organisations FOR SELECT
         USING (id IN (SELECT a.tenant_id FROM public.sharing_agreements a
                        WHERE a.commissioner_id = ${CURRENT_TENANT_SQL})
             OR id IN (SELECT a.commissioner_id FROM public.sharing_agreements a
                        WHERE a.tenant_id = ${CURRENT_TENANT_SQL}))`,
    );
    // An event about an agreement, written by one party into the other's log.
    await queryRunner.query(
      `CREATE POLICY sharing_counterparty ON audit_events FOR INSERT
         WITH CHECK (entity_type = 'SharingAgreement' AND EXISTS (
           SELECT 1 FROM public.sharing_agreements a
            WHERE a.id = audit_events.entity_id
              AND ((a.tenant_id = audit_events.tenant_id AND a.commissioner_id = ${CURRENT_TENANT_SQL})
                OR (a.commissioner_id = audit_events.tenant_id AND a.tenant_id = ${CURRENT_TENANT_SQL}))))`,
    );

    // -- The two SECURITY DEFINER functions, and the owner-only policies they read through --
    await queryRunner.query(
      `CREATE POLICY provider_lookup ON organisations FOR SELECT TO ${OWNER_ROLE}
         USING (kind <> 'COMMISSIONER' AND slug = NULLIF(current_setting('app.provider_lookup', true), ''))`,
    );
    await queryRunner.query(
      `CREATE FUNCTION find_provider(p_slug text)
         RETURNS TABLE (id uuid, name varchar, kind varchar)
         LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
       BEGIN
         PERFORM set_config('app.provider_lookup', coalesce(p_slug, ''), true);
         RETURN QUERY SELECT o.id, o.name, o.kind FROM public.organisations o
                       WHERE o.slug = p_slug AND o.kind <> 'COMMISSIONER';
         PERFORM set_config('app.provider_lookup', '', true);
       END $$`,
    );
    await queryRunner.query(
      `CREATE POLICY sharing_providers_lookup ON sharing_agreements FOR SELECT TO ${OWNER_ROLE}
         USING (status = 'ACTIVE' AND current_setting('app.sharing_providers', true) = 'on')`,
    );
    await queryRunner.query(
      `CREATE FUNCTION sharing_providers()
         RETURNS TABLE (provider_id uuid)
         LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
       BEGIN
         PERFORM set_config('app.sharing_providers', 'on', true);
         RETURN QUERY SELECT DISTINCT a.tenant_id FROM public.sharing_agreements a
                       WHERE a.status = 'ACTIVE' ORDER BY 1;
         PERFORM set_config('app.sharing_providers', '', true);
       END $$`,
    );
    for (const fn of ['find_provider(text)', 'sharing_providers()']) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP_ROLE}`);
    }

    // -- The dirty marks and the refusal to commit with one left ------------------------------
    await queryRunner.query(
      `CREATE TABLE "shared_rollup_dirty" ("tenant_id" uuid NOT NULL, "month" date NOT NULL,
         CONSTRAINT "shared_rollup_dirty_pkey" PRIMARY KEY ("tenant_id"))`,
    );
    await enableTenantRls(queryRunner, 'shared_rollup_dirty');
    await queryRunner.query(
      `CREATE FUNCTION shared_rollup_check() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         acting text := current_setting('app.tenant_id', true);
         stale boolean;
       BEGIN
         -- Look as the mark's tenant (a transaction may have changed tenant since).
         PERFORM set_config('app.tenant_id', NEW.tenant_id::text, true);
         SELECT EXISTS (SELECT 1 FROM public.shared_rollup_dirty d WHERE d.tenant_id = NEW.tenant_id)
            AND EXISTS (SELECT 1 FROM public.organisations o WHERE o.id = NEW.tenant_id)
           INTO stale;
         PERFORM set_config('app.tenant_id', coalesce(acting, ''), true);
         IF stale THEN
           RAISE EXCEPTION 'records of a sharing organisation changed without refreshing the shared rollup'
             USING ERRCODE = 'integrity_constraint_violation';
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER shared_rollup_check AFTER INSERT OR UPDATE ON "shared_rollup_dirty"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION shared_rollup_check()`,
    );

    // The records' marks.
    for (const [table, suffix, day] of RECORD_TABLES) {
      const fn = `shared_rollup_mark_${suffix}`;
      await queryRunner.query(
        triggerFunction(
          `${fn}_written`,
          markFrom(`SELECT r.tenant_id, ${day} AS d FROM written r`),
        ),
      );
      await queryRunner.query(
        triggerFunction(
          `${fn}_changed`,
          markFrom(
            `SELECT r.tenant_id, ${day} AS d FROM before_rows r
             UNION ALL SELECT r.tenant_id, ${day} AS d FROM after_rows r`,
          ),
        ),
      );
      await queryRunner.query(
        `CREATE TRIGGER ${fn}_inserted AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS written
           FOR EACH STATEMENT EXECUTE FUNCTION ${fn}_written()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${fn}_deleted AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS written
           FOR EACH STATEMENT EXECUTE FUNCTION ${fn}_written()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${fn}_changed AFTER UPDATE ON "${table}"
           REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
           FOR EACH STATEMENT EXECUTE FUNCTION ${fn}_changed()`,
      );
    }
    // Attendees: their session's day (a session's deletion marks through the sessions).
    const attendeesDay = (rows: string) =>
      `SELECT r.tenant_id, s.date AS d FROM ${rows} r
         JOIN public.supervision_sessions s ON s.tenant_id = r.tenant_id AND s.id = r.session_id`;
    await queryRunner.query(
      triggerFunction('shared_rollup_mark_attendees_written', markFrom(attendeesDay('written'))),
    );
    await queryRunner.query(
      triggerFunction(
        'shared_rollup_mark_attendees_changed',
        markFrom(`${attendeesDay('before_rows')} UNION ALL ${attendeesDay('after_rows')}`),
      ),
    );
    await queryRunner.query(
      `CREATE TRIGGER shared_rollup_mark_attendees_inserted AFTER INSERT ON "session_attendees"
         REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION shared_rollup_mark_attendees_written()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER shared_rollup_mark_attendees_deleted AFTER DELETE ON "session_attendees"
         REFERENCING OLD TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION shared_rollup_mark_attendees_written()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER shared_rollup_mark_attendees_changed AFTER UPDATE ON "session_attendees"
         REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
         FOR EACH STATEMENT EXECUTE FUNCTION shared_rollup_mark_attendees_changed()`,
    );
    // The organisation's settings the rollup reads: every month.
    await queryRunner.query(
      triggerFunction(
        'shared_rollup_mark_settings',
        markFrom(
          `SELECT n.id AS tenant_id, DATE '${ALL_MONTHS}' AS d
             FROM after_rows n JOIN before_rows o ON o.id = n.id
            WHERE (n.time_zone, n.currency, n.default_interval, n.counted_formats,
                   n.supervision_cost_per_worker_year)
                  IS DISTINCT FROM (o.time_zone, o.currency, o.default_interval, o.counted_formats,
                   o.supervision_cost_per_worker_year)`,
        ),
      ),
    );
    await queryRunner.query(
      `CREATE TRIGGER shared_rollup_mark_settings AFTER UPDATE ON "organisations"
         REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
         FOR EACH STATEMENT EXECUTE FUNCTION shared_rollup_mark_settings()`,
    );
    // The agreements themselves: an ACTIVE one accepted, changed or ended, and its services
    // (every month: accepting computes all since shared_from, ending deletes what is unneeded).
    // A commissioner's request or withdrawal never involves ACTIVE, so never marks.
    await queryRunner.query(
      triggerFunction(
        'shared_rollup_mark_sharing_written',
        markFrom(
          `SELECT r.tenant_id, DATE '${ALL_MONTHS}' AS d FROM written r WHERE r.status = 'ACTIVE'`,
          false,
        ),
      ),
    );
    await queryRunner.query(
      triggerFunction(
        'shared_rollup_mark_sharing_changed',
        markFrom(
          `SELECT n.tenant_id, DATE '${ALL_MONTHS}' AS d
             FROM after_rows n JOIN before_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
            WHERE (n.status = 'ACTIVE' OR o.status = 'ACTIVE')
              AND (n.status, n.shared_from) IS DISTINCT FROM (o.status, o.shared_from)`,
          false,
        ),
      ),
    );
    await queryRunner.query(
      `CREATE TRIGGER shared_rollup_mark_sharing_inserted AFTER INSERT ON "sharing_agreements"
         REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION shared_rollup_mark_sharing_written()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER shared_rollup_mark_sharing_deleted AFTER DELETE ON "sharing_agreements"
         REFERENCING OLD TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION shared_rollup_mark_sharing_written()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER shared_rollup_mark_sharing_changed AFTER UPDATE ON "sharing_agreements"
         REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
         FOR EACH STATEMENT EXECUTE FUNCTION shared_rollup_mark_sharing_changed()`,
    );
    await queryRunner.query(
      triggerFunction(
        'shared_rollup_mark_shared_services',
        markFrom(`SELECT r.tenant_id, DATE '${ALL_MONTHS}' AS d FROM written r`, false),
      ),
    );
    for (const op of ['INSERT', 'DELETE']) {
      await queryRunner.query(
        `CREATE TRIGGER shared_rollup_mark_shared_services_${op.toLowerCase()} AFTER ${op} ON "sharing_agreement_services"
           REFERENCING ${op === 'INSERT' ? 'NEW' : 'OLD'} TABLE AS written
           FOR EACH STATEMENT EXECUTE FUNCTION shared_rollup_mark_shared_services()`,
      );
    }

    // -- Grants (after the policies) ----------------------------------------------------------
    await grantToApp(queryRunner, 'SELECT, INSERT, UPDATE', ['sharing_agreements']);
    await grantToApp(queryRunner, 'SELECT, INSERT, DELETE', ['sharing_agreement_services']);
    await grantToApp(queryRunner, 'SELECT, INSERT, UPDATE, DELETE', [
      'shared_service_months',
      'shared_rollup_dirty',
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const fn of ['find_provider(text)', 'sharing_providers()']) {
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    }
    await queryRunner.query('DROP POLICY provider_lookup ON organisations');
    await queryRunner.query('DROP POLICY sharing_parties ON organisations');
    await queryRunner.query('DROP POLICY sharing_counterparty ON audit_events');
    await queryRunner.query('DROP POLICY commissioner_read ON services');
    await queryRunner.query('DROP POLICY commissioner_read ON shared_service_months');
    await queryRunner.query('DROP TRIGGER shared_rollup_mark_settings ON organisations');
    await queryRunner.query('DROP FUNCTION shared_rollup_mark_settings()');
    for (const [table, suffix] of [...RECORD_TABLES, ['session_attendees', 'attendees']] as [
      string,
      string,
    ][]) {
      for (const op of ['inserted', 'deleted', 'changed']) {
        await queryRunner.query(`DROP TRIGGER shared_rollup_mark_${suffix}_${op} ON "${table}"`);
      }
      await queryRunner.query(`DROP FUNCTION shared_rollup_mark_${suffix}_written()`);
      await queryRunner.query(`DROP FUNCTION shared_rollup_mark_${suffix}_changed()`);
    }
    await queryRunner.query('DROP TABLE "shared_rollup_dirty"');
    await queryRunner.query('DROP FUNCTION shared_rollup_check()');
    await queryRunner.query(
      'ALTER TABLE "sharing_agreement_services" DROP CONSTRAINT "FK_bb65df5c804594bc6168c80a623"',
    );
    await queryRunner.query(
      'ALTER TABLE "sharing_agreement_services" DROP CONSTRAINT "FK_d3c365575cc32250f5818d2b4c0"',
    );
    await queryRunner.query(
      'ALTER TABLE "sharing_agreements" DROP CONSTRAINT "sharing_agreements_commissioner_fk"',
    );
    await queryRunner.query(
      'ALTER TABLE "sharing_agreements" DROP CONSTRAINT "sharing_agreements_tenant_fk"',
    );
    await queryRunner.query(
      'ALTER TABLE "shared_service_months" DROP CONSTRAINT "FK_e74fb76aa26d3356c5aaca1b355"',
    );
    await queryRunner.query('DROP INDEX "public"."sharing_agreement_services_service_idx"');
    await queryRunner.query('DROP TABLE "sharing_agreement_services"');
    await queryRunner.query('DROP INDEX "public"."sharing_agreements_open_key"');
    await queryRunner.query('DROP INDEX "public"."sharing_agreements_commissioner_idx"');
    await queryRunner.query('DROP TABLE "sharing_agreements"');
    await queryRunner.query('DROP TABLE "shared_service_months"');
    await queryRunner.query('DROP FUNCTION shared_rollup_mark_sharing_written()');
    await queryRunner.query('DROP FUNCTION shared_rollup_mark_sharing_changed()');
    await queryRunner.query('DROP FUNCTION shared_rollup_mark_shared_services()');
    await queryRunner.query('DROP FUNCTION sharing_agreements_commissioner_guard()');
  }
}
