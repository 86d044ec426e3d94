import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AllianceDomain1795444343841 implements MigrationInterface {
  name = 'AllianceDomain1795444343841';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "alliance_countries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character(2) NOT NULL, "name_es" character varying(120) NOT NULL, "name_en" character varying(120) NOT NULL, "name_pt" character varying(120) NOT NULL, "name_fr" character varying(120) NOT NULL, "sub_region" character varying(32) NOT NULL, "observer" boolean NOT NULL DEFAULT false, CONSTRAINT "chk_alliance_countries_observer" CHECK ("observer" = ("sub_region" = 'OBSERVER')), CONSTRAINT "chk_alliance_countries_sub_region" CHECK ("sub_region" IN ('SOUTH_AMERICA', 'CENTRAL_AMERICA_MEXICO', 'CARIBBEAN', 'OBSERVER')), CONSTRAINT "PK_0240727c00e3e88d3d0ddfdbdf1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_alliance_countries_code" ON "alliance_countries"  ("code") `);
    await queryRunner.query(`CREATE TABLE "alliance_focus_areas" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "key" character varying(64) NOT NULL, "name_es" character varying(120) NOT NULL, "name_en" character varying(120) NOT NULL, "name_pt" character varying(120) NOT NULL, "name_fr" character varying(120) NOT NULL, "active" boolean NOT NULL DEFAULT true, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_30c6765124198426dddd4cbbc46" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_alliance_focus_areas_key" ON "alliance_focus_areas"  ("key") `);
    await queryRunner.query(`CREATE TABLE "alliance_charters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "text_es" text NOT NULL, "text_en" text NOT NULL, "text_pt" text NOT NULL, "text_fr" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_by_id" uuid, CONSTRAINT "PK_3c8cfa7fbe03b75c1b6150da7e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_alliance_charters_version" ON "alliance_charters"  ("version") `);
    await queryRunner.query(`CREATE TABLE "membership_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "applicant_id" uuid NOT NULL, "status" character varying(24) NOT NULL DEFAULT 'SUBMITTED', "organisation_name" character varying(200) NOT NULL, "name_key" character varying(200) NOT NULL, "organisation_type" character varying(32) NOT NULL, "country_code" character(2) NOT NULL, "website" character varying(300), "website_host" character varying(253), "description" text NOT NULL, "applicant_role" character varying(200) NOT NULL, "motivation" text NOT NULL, "focus_area_ids" uuid array NOT NULL DEFAULT '{}', "charter_version" integer NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid, CONSTRAINT "chk_membership_applications_status" CHECK ("status" IN ('SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')), CONSTRAINT "PK_6df1e0ca72e330af40714d59e95" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_membership_applications_applicant" ON "membership_applications"  ("applicant_id") `);
    await queryRunner.query(`CREATE INDEX "idx_membership_applications_waiting" ON "membership_applications"  ("status", "submitted_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_membership_applications_open_host" ON "membership_applications"  ("website_host") WHERE "status" IN ('SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED') AND "website_host" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_membership_applications_open_name" ON "membership_applications"  ("country_code", "name_key") WHERE "status" IN ('SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED')`);
    await queryRunner.query(`CREATE TABLE "membership_application_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "application_id" uuid NOT NULL, "from_status" character varying(24), "to_status" character varying(24) NOT NULL, "note" text, "actor_id" uuid, "actor_name" character varying(120) NOT NULL, CONSTRAINT "PK_ec64c31475edd0c49f10fedc4ed" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_membership_application_events_application" ON "membership_application_events"  ("application_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" character varying(100) NOT NULL, "name" character varying(200) NOT NULL, "name_key" character varying(200) NOT NULL, "type" character varying(32) NOT NULL, "country_code" character(2) NOT NULL, "website" character varying(300), "website_host" character varying(253), "description" text NOT NULL, "focus_area_ids" uuid array NOT NULL DEFAULT '{}', "application_id" uuid, CONSTRAINT "chk_organisations_type" CHECK ("type" IN ('MINISTRY_OF_EDUCATION', 'OTHER_PUBLIC_BODY', 'NGO', 'NETWORK', 'UNIVERSITY_RESEARCH', 'INTERNATIONAL_ORGANISATION', 'PRIVATE_SECTOR', 'OTHER')), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organisations_slug" ON "organisations"  ("slug") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organisations_application" ON "organisations"  ("application_id") WHERE "application_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_organisations_website_host" ON "organisations"  ("website_host") `);
    await queryRunner.query(`CREATE INDEX "idx_organisations_name_key" ON "organisations"  ("country_code", "name_key") `);
    await queryRunner.query(`CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "category" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'ACTIVE', "since" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_memberships_status" CHECK ("status" IN ('ACTIVE', 'SUSPENDED')), CONSTRAINT "chk_memberships_category" CHECK ("category" IN ('MEMBER_STATE', 'PARTNER', 'OBSERVER')), CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_memberships_organisation" ON "memberships"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_memberships_since" ON "memberships"  ("since") `);
    await queryRunner.query(`CREATE TABLE "membership_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "membership_id" uuid NOT NULL, "action" character varying(16) NOT NULL, "reason" text, "actor_id" uuid, "actor_name" character varying(120) NOT NULL, CONSTRAINT "PK_63e6d9da5e370422aea80602ce4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_membership_events_membership" ON "membership_events"  ("membership_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "organisation_roles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" character varying(16) NOT NULL, CONSTRAINT "chk_organisation_roles_role" CHECK ("role" IN ('REPRESENTATIVE', 'MEMBER', 'FOCAL_POINT')), CONSTRAINT "PK_ba94550a71a744b6ee59fce8671" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_organisation_roles_organisation" ON "organisation_roles"  ("organisation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organisation_roles" ON "organisation_roles"  ("user_id", "organisation_id", "role") `);
    await queryRunner.query(`CREATE TABLE "organisation_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" character varying(16) NOT NULL, "focus_area_id" uuid, "focal_role" character varying(16), "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by_id" uuid, "invited_by_id" uuid, "invited_by_name" character varying(120) NOT NULL, CONSTRAINT "chk_organisation_invitations_focal" CHECK (("role" = 'FOCAL_POINT') = ("focus_area_id" IS NOT NULL AND "focal_role" IS NOT NULL)), CONSTRAINT "chk_organisation_invitations_role" CHECK ("role" IN ('MEMBER', 'REPRESENTATIVE', 'FOCAL_POINT')), CONSTRAINT "PK_d9657c67b15006843b0472d8a75" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organisation_invitations_token" ON "organisation_invitations"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "idx_organisation_invitations_organisation" ON "organisation_invitations"  ("organisation_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "focal_points" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "focus_area_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "start_date" date NOT NULL, "end_date" date, "consent_to_publish" boolean NOT NULL DEFAULT false, CONSTRAINT "chk_focal_points_dates" CHECK ("end_date" IS NULL OR "end_date" >= "start_date" - 1), CONSTRAINT "chk_focal_points_role" CHECK ("role" IN ('TITULAR', 'ALTERNATE')), CONSTRAINT "PK_39a876ecbce55ac3b1d0c9336de" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_focal_points_user" ON "focal_points"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_focal_points_open" ON "focal_points"  ("organisation_id", "focus_area_id", "role") WHERE "end_date" IS NULL`);
    await queryRunner.query(`ALTER TABLE "membership_applications" ADD CONSTRAINT "FK_6185d98153791ae8d27146f1572" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "membership_application_events" ADD CONSTRAINT "FK_b1847338903c6a5700acfd0be4a" FOREIGN KEY ("application_id") REFERENCES "membership_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "FK_55c59139e9136eb9a76ed30c6dc" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "membership_events" ADD CONSTRAINT "FK_e5d2e29f103520b32b0f8e0ba0d" FOREIGN KEY ("membership_id") REFERENCES "memberships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organisation_roles" ADD CONSTRAINT "FK_014364bc0239eb7c9980207a0e8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organisation_roles" ADD CONSTRAINT "FK_4217ac40031cff4e6538cd26c2c" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organisation_invitations" ADD CONSTRAINT "FK_6b846f2e4a21943d2e6c0439b75" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "focal_points" ADD CONSTRAINT "FK_891cc0f403f11f5270ee22b78f2" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "focal_points" ADD CONSTRAINT "FK_c983b0dc75cee59f6b48ef12dd7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Reference data: the 33 countries of the region (names from Intl.DisplayNames when this was written, kept literal),
    // the focus areas from the seeds, and version 1 of the charter.
    await queryRunner.query(`INSERT INTO "alliance_countries" ("code", "name_es", "name_en", "name_pt", "name_fr", "sub_region", "observer") VALUES
('AR', 'Argentina', 'Argentina', 'Argentina', 'Argentine', 'SOUTH_AMERICA', false),
('BO', 'Bolivia', 'Bolivia', 'Bolívia', 'Bolivie', 'SOUTH_AMERICA', false),
('BR', 'Brasil', 'Brazil', 'Brasil', 'Brésil', 'SOUTH_AMERICA', false),
('CL', 'Chile', 'Chile', 'Chile', 'Chili', 'SOUTH_AMERICA', false),
('CO', 'Colombia', 'Colombia', 'Colômbia', 'Colombie', 'SOUTH_AMERICA', false),
('EC', 'Ecuador', 'Ecuador', 'Equador', 'Équateur', 'SOUTH_AMERICA', false),
('GY', 'Guyana', 'Guyana', 'Guiana', 'Guyana', 'SOUTH_AMERICA', false),
('PY', 'Paraguay', 'Paraguay', 'Paraguai', 'Paraguay', 'SOUTH_AMERICA', false),
('PE', 'Perú', 'Peru', 'Peru', 'Pérou', 'SOUTH_AMERICA', false),
('SR', 'Surinam', 'Suriname', 'Suriname', 'Suriname', 'SOUTH_AMERICA', false),
('UY', 'Uruguay', 'Uruguay', 'Uruguai', 'Uruguay', 'SOUTH_AMERICA', false),
('VE', 'Venezuela', 'Venezuela', 'Venezuela', 'Venezuela', 'SOUTH_AMERICA', false),
('BZ', 'Belice', 'Belize', 'Belize', 'Belize', 'CENTRAL_AMERICA_MEXICO', false),
('CR', 'Costa Rica', 'Costa Rica', 'Costa Rica', 'Costa Rica', 'CENTRAL_AMERICA_MEXICO', false),
('SV', 'El Salvador', 'El Salvador', 'El Salvador', 'Salvador', 'CENTRAL_AMERICA_MEXICO', false),
('GT', 'Guatemala', 'Guatemala', 'Guatemala', 'Guatemala', 'CENTRAL_AMERICA_MEXICO', false),
('HN', 'Honduras', 'Honduras', 'Honduras', 'Honduras', 'CENTRAL_AMERICA_MEXICO', false),
('MX', 'México', 'Mexico', 'México', 'Mexique', 'CENTRAL_AMERICA_MEXICO', false),
('NI', 'Nicaragua', 'Nicaragua', 'Nicarágua', 'Nicaragua', 'CENTRAL_AMERICA_MEXICO', false),
('PA', 'Panamá', 'Panama', 'Panamá', 'Panama', 'CENTRAL_AMERICA_MEXICO', false),
('AG', 'Antigua y Barbuda', 'Antigua and Barbuda', 'Antígua e Barbuda', 'Antigua-et-Barbuda', 'CARIBBEAN', false),
('BS', 'Bahamas', 'Bahamas', 'Bahamas', 'Bahamas', 'CARIBBEAN', false),
('BB', 'Barbados', 'Barbados', 'Barbados', 'Barbade', 'CARIBBEAN', false),
('CU', 'Cuba', 'Cuba', 'Cuba', 'Cuba', 'CARIBBEAN', false),
('DM', 'Dominica', 'Dominica', 'Dominica', 'Dominique', 'CARIBBEAN', false),
('DO', 'República Dominicana', 'Dominican Republic', 'República Dominicana', 'République dominicaine', 'CARIBBEAN', false),
('GD', 'Granada', 'Grenada', 'Granada', 'Grenade', 'CARIBBEAN', false),
('HT', 'Haití', 'Haiti', 'Haiti', 'Haïti', 'CARIBBEAN', false),
('JM', 'Jamaica', 'Jamaica', 'Jamaica', 'Jamaïque', 'CARIBBEAN', false),
('KN', 'San Cristóbal y Nieves', 'Saint Kitts and Nevis', 'São Cristóvão e Névis', 'Saint-Christophe-et-Niévès', 'CARIBBEAN', false),
('LC', 'Santa Lucía', 'Saint Lucia', 'Santa Lúcia', 'Sainte-Lucie', 'CARIBBEAN', false),
('VC', 'San Vicente y las Granadinas', 'Saint Vincent and the Grenadines', 'São Vicente e Granadinas', 'Saint-Vincent-et-les Grenadines', 'CARIBBEAN', false),
('TT', 'Trinidad y Tobago', 'Trinidad and Tobago', 'Trinidad e Tobago', 'Trinité-et-Tobago', 'CARIBBEAN', false)`);
    await queryRunner.query(`INSERT INTO "alliance_focus_areas" ("key", "sort_order", "name_es", "name_en", "name_pt", "name_fr") VALUES
('content_practices', 1, 'Contenidos y prácticas pedagógicas', 'Content and teaching practices', 'Conteúdos e práticas pedagógicas', 'Contenus et pratiques pédagogiques'),
('teachers', 2, 'Docentes', 'Teachers', 'Professores', 'Enseignants'),
('school_culture', 3, 'Cultura escolar', 'School culture', 'Cultura escolar', 'Culture scolaire'),
('system_management', 4, 'Gestión de los sistemas educativos', 'Management of education systems', 'Gestão dos sistemas educacionais', 'Gestion des systèmes éducatifs'),
('social_responsibility', 5, 'Responsabilidad social', 'Social responsibility', 'Responsabilidade social', 'Responsabilité sociale'),
('digital_transformation', 6, 'Transformación digital', 'Digital transformation', 'Transformação digital', 'Transformation numérique'),
('ai_in_education', 7, 'Inteligencia artificial en la educación', 'Artificial intelligence in education', 'Inteligência artificial na educação', 'Intelligence artificielle dans l’éducation'),
('technical_vocational', 8, 'Educación técnica y formación profesional', 'Technical and vocational education and training', 'Educação profissional e técnica', 'Enseignement technique et formation professionnelle'),
('evidence_data', 9, 'Evidencia y datos', 'Evidence and data', 'Evidências e dados', 'Données probantes et statistiques')`);
    await queryRunner.query(
      `INSERT INTO "alliance_charters" ("version", "text_es", "text_en", "text_pt", "text_fr") VALUES (1, $1, $2, $3, $4)`,
      [`# Carta de la Alianza

La Alianza reúne a ministerios de educación, organizaciones de la sociedad civil, redes, universidades y organismos internacionales de América Latina y el Caribe que trabajan por una educación de calidad, inclusiva y pertinente.

## Principios

1. **Cooperación entre pares.** Compartimos experiencias, evidencia y buenas prácticas de manera abierta y respetuosa.
2. **Soberanía educativa.** Cada país define sus políticas; la Alianza acompaña, no sustituye.
3. **Equidad e inclusión.** Priorizamos a quienes la escuela aún no alcanza.
4. **Uso responsable de la tecnología.** Promovemos la transformación digital y la inteligencia artificial al servicio del aprendizaje y con protección de los datos personales.
5. **Transparencia.** Los miembros informan sus compromisos y sus avances.

## Compromisos de los miembros

- Designar puntos focales y mantener actualizados sus datos de contacto.
- Participar en al menos una mesa de trabajo o un grupo técnico al año.
- Compartir en el banco de evidencia las experiencias que puedan servir a otros países.
`, `# Charter of the Alliance

The Alliance brings together ministries of education, civil society organisations, networks, universities and international organisations of Latin America and the Caribbean working for quality, inclusive and relevant education.

## Principles

1. **Peer cooperation.** We share experience, evidence and good practice openly and respectfully.
2. **Educational sovereignty.** Each country sets its own policies; the Alliance supports, it does not replace.
3. **Equity and inclusion.** We put first those whom school does not yet reach.
4. **Responsible use of technology.** We promote digital transformation and artificial intelligence in the service of learning, with personal data protected.
5. **Transparency.** Members report on their commitments and progress.

## Members' commitments

- Designate focal points and keep their contact details up to date.
- Take part in at least one working table or technical group each year.
- Share in the evidence bank the experiences that may help other countries.
`, `# Carta da Aliança

A Aliança reúne ministérios da educação, organizações da sociedade civil, redes, universidades e organismos internacionais da América Latina e do Caribe que trabalham por uma educação de qualidade, inclusiva e pertinente.

## Princípios

1. **Cooperação entre pares.** Compartilhamos experiências, evidências e boas práticas de forma aberta e respeitosa.
2. **Soberania educacional.** Cada país define as suas políticas; a Aliança apoia, não substitui.
3. **Equidade e inclusão.** Damos prioridade a quem a escola ainda não alcança.
4. **Uso responsável da tecnologia.** Promovemos a transformação digital e a inteligência artificial a serviço da aprendizagem, com proteção dos dados pessoais.
5. **Transparência.** Os membros informam os seus compromissos e avanços.

## Compromissos dos membros

- Designar pontos focais e manter atualizados os seus dados de contato.
- Participar de pelo menos uma mesa de trabalho ou grupo técnico por ano.
- Compartilhar no banco de evidências as experiências que possam servir a outros países.
`, `# Charte de l’Alliance

L’Alliance réunit des ministères de l’éducation, des organisations de la société civile, des réseaux, des universités et des organisations internationales d’Amérique latine et des Caraïbes qui œuvrent pour une éducation de qualité, inclusive et pertinente.

## Principes

1. **Coopération entre pairs.** Nous partageons expériences, données probantes et bonnes pratiques de manière ouverte et respectueuse.
2. **Souveraineté éducative.** Chaque pays définit ses politiques ; l’Alliance accompagne, elle ne se substitue pas.
3. **Équité et inclusion.** Nous donnons la priorité à celles et ceux que l’école n’atteint pas encore.
4. **Usage responsable de la technologie.** Nous promouvons la transformation numérique et l’intelligence artificielle au service des apprentissages, dans le respect des données personnelles.
5. **Transparence.** Les membres rendent compte de leurs engagements et de leurs progrès.

## Engagements des membres

- Désigner des points focaux et tenir leurs coordonnées à jour.
- Participer chaque année à au moins une table de travail ou un groupe technique.
- Partager dans la banque de données probantes les expériences utiles à d’autres pays.
`],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "focal_points" DROP CONSTRAINT "FK_c983b0dc75cee59f6b48ef12dd7"`);
    await queryRunner.query(`ALTER TABLE "focal_points" DROP CONSTRAINT "FK_891cc0f403f11f5270ee22b78f2"`);
    await queryRunner.query(`ALTER TABLE "organisation_invitations" DROP CONSTRAINT "FK_6b846f2e4a21943d2e6c0439b75"`);
    await queryRunner.query(`ALTER TABLE "organisation_roles" DROP CONSTRAINT "FK_4217ac40031cff4e6538cd26c2c"`);
    await queryRunner.query(`ALTER TABLE "organisation_roles" DROP CONSTRAINT "FK_014364bc0239eb7c9980207a0e8"`);
    await queryRunner.query(`ALTER TABLE "membership_events" DROP CONSTRAINT "FK_e5d2e29f103520b32b0f8e0ba0d"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_55c59139e9136eb9a76ed30c6dc"`);
    await queryRunner.query(`ALTER TABLE "membership_application_events" DROP CONSTRAINT "FK_b1847338903c6a5700acfd0be4a"`);
    await queryRunner.query(`ALTER TABLE "membership_applications" DROP CONSTRAINT "FK_6185d98153791ae8d27146f1572"`);
    await queryRunner.query(`DROP INDEX "public"."uq_focal_points_open"`);
    await queryRunner.query(`DROP INDEX "public"."idx_focal_points_user"`);
    await queryRunner.query(`DROP TABLE "focal_points"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_invitations_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisation_invitations_token"`);
    await queryRunner.query(`DROP TABLE "organisation_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisation_roles"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_roles_organisation"`);
    await queryRunner.query(`DROP TABLE "organisation_roles"`);
    await queryRunner.query(`DROP INDEX "public"."idx_membership_events_membership"`);
    await queryRunner.query(`DROP TABLE "membership_events"`);
    await queryRunner.query(`DROP INDEX "public"."idx_memberships_since"`);
    await queryRunner.query(`DROP INDEX "public"."uq_memberships_organisation"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisations_name_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisations_website_host"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisations_application"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisations_slug"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP INDEX "public"."idx_membership_application_events_application"`);
    await queryRunner.query(`DROP TABLE "membership_application_events"`);
    await queryRunner.query(`DROP INDEX "public"."uq_membership_applications_open_name"`);
    await queryRunner.query(`DROP INDEX "public"."uq_membership_applications_open_host"`);
    await queryRunner.query(`DROP INDEX "public"."idx_membership_applications_waiting"`);
    await queryRunner.query(`DROP INDEX "public"."idx_membership_applications_applicant"`);
    await queryRunner.query(`DROP TABLE "membership_applications"`);
    await queryRunner.query(`DROP INDEX "public"."uq_alliance_charters_version"`);
    await queryRunner.query(`DROP TABLE "alliance_charters"`);
    await queryRunner.query(`DROP INDEX "public"."uq_alliance_focus_areas_key"`);
    await queryRunner.query(`DROP TABLE "alliance_focus_areas"`);
    await queryRunner.query(`DROP INDEX "public"."uq_alliance_countries_code"`);
    await queryRunner.query(`DROP TABLE "alliance_countries"`);
  }
}
