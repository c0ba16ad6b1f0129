import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';
import { CURRENT_TENANT_SQL } from '../rls';

/** The commissioner's ACTIVE agreements (alias `a`), as every policy below reads them. */
const ACTIVE = `a.commissioner_id = ${CURRENT_TENANT_SQL} AND a.status = 'ACTIVE'`;

/** The services shared with the commissioner: (provider, service) pairs. */
const SHARED_SERVICES = `SELECT s.tenant_id, s.service_id FROM public.sharing_agreement_services s
   JOIN public.sharing_agreements a ON a.tenant_id = s.tenant_id AND a.id = s.agreement_id
  WHERE ${ACTIVE}`;

/**
 * The commissioner read policies of `sharing_agreement_services`, `services` and
 * `shared_service_months` (docs/commissioning.md), rewritten with the same meaning as
 * uncorrelated sets, which PostgreSQL evaluates once per statement and probes by hash,
 * instead of a correlated EXISTS evaluated for every row. At 3,000 shared services and 12
 * months (36,000 rollup rows), the comparison's statement went from about 350 ms to 85 ms
 * (bench/comparison-bench.ts).
 *
 * - sharing_agreement_services: (provider, agreement) is one of the commissioner's ACTIVE
 *   agreements.
 * - services: (provider, service) is shared in one of them.
 * - shared_service_months: (provider, service) is shared in one of them, and (provider,
 *   month) is a month on or after that agreement's `shared_from` (at most one REQUESTED or
 *   ACTIVE agreement per provider and commissioner, so "that agreement" is the one sharing
 *   the service). The months come from `shared_months_from(day)`: the first days of the
 *   months starting on or after `day`, up to a year from today (the rollup holds complete
 *   months only). A plain function, not SECURITY DEFINER; its row estimate lets the planner
 *   hash the set.
 */
export class CommissionerReadSets1795340000000 implements MigrationInterface {
  name = 'CommissionerReadSets1795340000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION shared_months_from(p_from date) RETURNS SETOF date
         LANGUAGE plpgsql STABLE ROWS 36 SET search_path = pg_catalog, pg_temp AS $$
       BEGIN
         RETURN QUERY SELECT g::date FROM generate_series(
           date_trunc('month', p_from - 1) + interval '1 month',
           current_date + interval '1 year', interval '1 month') AS g;
       END $$`,
    );
    await queryRunner.query(`REVOKE ALL ON FUNCTION shared_months_from(date) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION shared_months_from(date) TO ${APP_ROLE}`);

    await queryRunner.query('DROP POLICY commissioner_read ON sharing_agreement_services');
    await queryRunner.query(
      `CREATE POLICY commissioner_read ON sharing_agreement_services FOR SELECT
         USING ((tenant_id, agreement_id) IN (SELECT a.tenant_id, a.id FROM public.sharing_agreements a
                                               WHERE ${ACTIVE}))`,
    );
    await queryRunner.query('DROP POLICY commissioner_read ON services');
    await queryRunner.query(
      `CREATE POLICY commissioner_read ON services FOR SELECT
         USING ((tenant_id, id) IN (${SHARED_SERVICES}))`,
    );
    await queryRunner.query('DROP POLICY commissioner_read ON shared_service_months');
    await queryRunner.query(
      `CREATE POLICY commissioner_read ON shared_service_months FOR SELECT
         USING ((tenant_id, service_id) IN (${SHARED_SERVICES})
            AND (tenant_id, month) IN (SELECT a.tenant_id, g.month FROM public.sharing_agreements a
                                        CROSS JOIN LATERAL public.shared_months_from(a.shared_from) AS g (month)
                                        WHERE ${ACTIVE}))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP POLICY commissioner_read ON shared_service_months');
    await queryRunner.query(
      `CREATE POLICY commissioner_read ON shared_service_months FOR SELECT
         USING (EXISTS (SELECT 1 FROM public.sharing_agreement_services s
                          JOIN public.sharing_agreements a ON a.tenant_id = s.tenant_id AND a.id = s.agreement_id
                         WHERE s.tenant_id = shared_service_months.tenant_id
                           AND s.service_id = shared_service_months.service_id
                           AND ${ACTIVE}
                           AND shared_service_months.month >= a.shared_from))`,
    );
    await queryRunner.query('DROP POLICY commissioner_read ON services');
    await queryRunner.query(
      `CREATE POLICY commissioner_read ON services FOR SELECT
         USING (EXISTS (SELECT 1 FROM public.sharing_agreement_services s
                          JOIN public.sharing_agreements a ON a.tenant_id = s.tenant_id AND a.id = s.agreement_id
                         WHERE s.tenant_id = services.tenant_id AND s.service_id = services.id
                           AND ${ACTIVE}))`,
    );
    await queryRunner.query('DROP POLICY commissioner_read ON sharing_agreement_services');
    await queryRunner.query(
      `CREATE POLICY commissioner_read ON sharing_agreement_services FOR SELECT
         USING (EXISTS (SELECT 1 FROM public.sharing_agreements a
                         WHERE a.tenant_id = sharing_agreement_services.tenant_id
                           AND a.id = sharing_agreement_services.agreement_id
                           AND ${ACTIVE}))`,
    );
    await queryRunner.query('DROP FUNCTION shared_months_from(date)');
  }
}
