import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Records1795318374476 implements MigrationInterface {
  name = 'Records1795318374476';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "absence_episodes" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "absence_ref" character varying(64), "staff_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date, "reason" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "absence_episodes_tenant_ref_key" UNIQUE ("tenant_id", "absence_ref"), CONSTRAINT "absence_episodes_reason_check" CHECK ("reason" IN (\'MENTAL_HEALTH\',\'MUSCULOSKELETAL\',\'MINOR_ILLNESS\',\'INJURY\',\'OTHER\',\'UNDISCLOSED\')), CONSTRAINT "absence_episodes_dates_check" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "PK_a4a51171cad173171182d545420" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "absence_episodes_staff_idx" ON "absence_episodes"  ("tenant_id", "staff_id", "start_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "supervisors" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "staff_id" uuid, "name" character varying(200), "organisation_name" character varying(200), "accreditation_body" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "supervisors_shape_check" CHECK (("kind" = \'INTERNAL\' AND "staff_id" IS NOT NULL) OR ("kind" = \'EXTERNAL\' AND "staff_id" IS NULL AND "name" IS NOT NULL)), CONSTRAINT "supervisors_kind_check" CHECK ("kind" IN (\'INTERNAL\',\'EXTERNAL\')), CONSTRAINT "PK_7cc3e17f1df43db6843a885e95a" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "supervisors_tenant_staff_key" ON "supervisors"  ("tenant_id", "staff_id") WHERE "staff_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "supervision_sessions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "session_ref" character varying(64), "date" date NOT NULL, "duration_minutes" integer NOT NULL, "format" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "supervisor_id" uuid NOT NULL, "functions" character varying(20) array NOT NULL DEFAULT \'{}\', "logged_by_user_id" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "supervision_sessions_tenant_ref_key" UNIQUE ("tenant_id", "session_ref"), CONSTRAINT "supervision_sessions_functions_check" CHECK ("functions" <@ ARRAY[\'NORMATIVE\',\'FORMATIVE\',\'RESTORATIVE\']::varchar[]), CONSTRAINT "supervision_sessions_duration_check" CHECK ("duration_minutes" BETWEEN 1 AND 480), CONSTRAINT "supervision_sessions_status_check" CHECK ("status" IN (\'SCHEDULED\',\'HELD\',\'CANCELLED\',\'DID_NOT_ATTEND\')), CONSTRAINT "supervision_sessions_format_check" CHECK ("format" IN (\'ONE_TO_ONE\',\'GROUP\',\'PEER\',\'CASE_CONSULTATION\')), CONSTRAINT "PK_13ce54f49b39d7f697f284b2910" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "supervision_sessions_supervisor_idx" ON "supervision_sessions"  ("tenant_id", "supervisor_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "supervision_sessions_date_idx" ON "supervision_sessions"  ("tenant_id", "date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "session_actions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "session_id" uuid NOT NULL, "title" character varying(120) NOT NULL, "owner_staff_id" uuid, "due_date" date, "status" character varying(10) NOT NULL DEFAULT \'OPEN\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_actions_status_check" CHECK ("status" IN (\'OPEN\',\'DONE\',\'DROPPED\')), CONSTRAINT "PK_fbf251b02ea390eee791561a6c8" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "session_actions_session_idx" ON "session_actions"  ("tenant_id", "session_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "session_attendees" ("tenant_id" uuid NOT NULL, "session_id" uuid NOT NULL, "staff_id" uuid NOT NULL, CONSTRAINT "PK_2e8836d22999908c4c940488578" PRIMARY KEY ("tenant_id", "session_id", "staff_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "session_attendees_staff_idx" ON "session_attendees"  ("tenant_id", "staff_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "supervision_agreements" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "agreement_ref" character varying(64), "staff_id" uuid NOT NULL, "supervisor_id" uuid NOT NULL, "interval" character varying(20) NOT NULL, "session_minutes" integer, "start_date" date NOT NULL, "end_date" date, "review_due_date" date, "last_reviewed_on" date, "counted_formats" character varying(20) array, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "supervision_agreements_tenant_ref_key" UNIQUE ("tenant_id", "agreement_ref"), CONSTRAINT "supervision_agreements_formats_check" CHECK ("counted_formats" IS NULL OR "counted_formats" <@ ARRAY[\'ONE_TO_ONE\',\'GROUP\',\'PEER\',\'CASE_CONSULTATION\']::varchar[]), CONSTRAINT "supervision_agreements_minutes_check" CHECK ("session_minutes" IS NULL OR ("session_minutes" BETWEEN 1 AND 480)), CONSTRAINT "supervision_agreements_dates_check" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "supervision_agreements_interval_check" CHECK ("interval" IN (\'WEEKLY\',\'FORTNIGHTLY\',\'FOUR_WEEKLY\',\'SIX_WEEKLY\',\'MONTHLY\',\'TWO_MONTHLY\',\'QUARTERLY\')), CONSTRAINT "PK_9fe7ce639661c3437a32e2a7392" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "supervision_agreements_supervisor_idx" ON "supervision_agreements"  ("tenant_id", "supervisor_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "supervision_agreements_staff_idx" ON "supervision_agreements"  ("tenant_id", "staff_id", "start_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "user_invitations" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_26608b452c35698c0512c05ffd1" UNIQUE ("token_hash"), CONSTRAINT "PK_c8005acb91c3ce9a7ae581eca8f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "user_invitations_user_idx" ON "user_invitations"  ("user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "absence_episodes" ADD CONSTRAINT "FK_295805e2bbb164f23d11a67b5a1" FOREIGN KEY ("tenant_id", "staff_id") REFERENCES "staff_members"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "supervisors" ADD CONSTRAINT "FK_991f0ba6605a4e6d6d9b52e6e53" FOREIGN KEY ("tenant_id", "staff_id") REFERENCES "staff_members"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "supervision_sessions" ADD CONSTRAINT "FK_a19552c2368d7bfd33d5edd9713" FOREIGN KEY ("tenant_id", "supervisor_id") REFERENCES "supervisors"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_actions" ADD CONSTRAINT "FK_63a999f17b2edf2f0c5f4af1348" FOREIGN KEY ("tenant_id", "session_id") REFERENCES "supervision_sessions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_actions" ADD CONSTRAINT "FK_157005a40031d90b4034fd09f5d" FOREIGN KEY ("tenant_id", "owner_staff_id") REFERENCES "staff_members"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_attendees" ADD CONSTRAINT "FK_eddfa884a101d53c8a4904c662d" FOREIGN KEY ("tenant_id", "session_id") REFERENCES "supervision_sessions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_attendees" ADD CONSTRAINT "FK_bb304d6759d5a9e6517c8f0dad3" FOREIGN KEY ("tenant_id", "staff_id") REFERENCES "staff_members"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "supervision_agreements" ADD CONSTRAINT "FK_77cf4f0d46cd68c3cad0968ae73" FOREIGN KEY ("tenant_id", "staff_id") REFERENCES "staff_members"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "supervision_agreements" ADD CONSTRAINT "FK_b528944fa1d3c9045fc3fbd85f4" FOREIGN KEY ("tenant_id", "supervisor_id") REFERENCES "supervisors"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "user_invitations" DROP CONSTRAINT "user_invitations_user_fk"',
    );
    await queryRunner.query(
      'ALTER TABLE "supervision_agreements" DROP CONSTRAINT "FK_b528944fa1d3c9045fc3fbd85f4"',
    );
    await queryRunner.query(
      'ALTER TABLE "supervision_agreements" DROP CONSTRAINT "FK_77cf4f0d46cd68c3cad0968ae73"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_attendees" DROP CONSTRAINT "FK_bb304d6759d5a9e6517c8f0dad3"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_attendees" DROP CONSTRAINT "FK_eddfa884a101d53c8a4904c662d"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_actions" DROP CONSTRAINT "FK_157005a40031d90b4034fd09f5d"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_actions" DROP CONSTRAINT "FK_63a999f17b2edf2f0c5f4af1348"',
    );
    await queryRunner.query(
      'ALTER TABLE "supervision_sessions" DROP CONSTRAINT "FK_a19552c2368d7bfd33d5edd9713"',
    );
    await queryRunner.query(
      'ALTER TABLE "supervisors" DROP CONSTRAINT "FK_991f0ba6605a4e6d6d9b52e6e53"',
    );
    await queryRunner.query(
      'ALTER TABLE "absence_episodes" DROP CONSTRAINT "FK_295805e2bbb164f23d11a67b5a1"',
    );
    await queryRunner.query('DROP INDEX "public"."user_invitations_user_idx"');
    await queryRunner.query('DROP TABLE "user_invitations"');
    await queryRunner.query('DROP INDEX "public"."supervision_agreements_staff_idx"');
    await queryRunner.query('DROP INDEX "public"."supervision_agreements_supervisor_idx"');
    await queryRunner.query('DROP TABLE "supervision_agreements"');
    await queryRunner.query('DROP INDEX "public"."session_attendees_staff_idx"');
    await queryRunner.query('DROP TABLE "session_attendees"');
    await queryRunner.query('DROP INDEX "public"."session_actions_session_idx"');
    await queryRunner.query('DROP TABLE "session_actions"');
    await queryRunner.query('DROP INDEX "public"."supervision_sessions_date_idx"');
    await queryRunner.query('DROP INDEX "public"."supervision_sessions_supervisor_idx"');
    await queryRunner.query('DROP TABLE "supervision_sessions"');
    await queryRunner.query('DROP INDEX "public"."supervisors_tenant_staff_key"');
    await queryRunner.query('DROP TABLE "supervisors"');
    await queryRunner.query('DROP INDEX "public"."absence_episodes_staff_idx"');
    await queryRunner.query('DROP TABLE "absence_episodes"');
  }
}
