import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { countryName, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { isUuid } from './enrolment-input';
import { requireOrganiser, type LearningActor } from './enrolment.service';

export interface ReportRowView {
  key: string;
  label: string;
  enrolments: number;
  active: number;
  completed: number;
}

export interface CourseReportView {
  courseId: string;
  enrolments: number;
  active: number;
  completed: number;
  withdrawn: number;
  waitlisted: number;
  pending: number;
  completionRate: number;
  averageProgress: number;
  byCountry: ReportRowView[];
  byOrganisation: ReportRowView[];
}

export interface ReportCsvRow {
  name: string;
  email: string;
  countryCode: string | null;
  organisationName: string | null;
  status: string;
  progressPercent: number;
  enrolledAt: Date;
  completedAt: Date | null;
  certificateCode: string | null;
}

const COUNTS = `count(*)::int AS enrolments,
  count(*) FILTER (WHERE e.status IN ('APPROVED', 'ENROLLED'))::int AS active,
  count(*) FILTER (WHERE e.status = 'COMPLETED')::int AS completed`;

/**
 * Course reports from the stored enrolment rows (status, stored progress, country and organisation
 * snapshots): a few aggregate queries, never a progress recomputation per learner.
 */
@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async courseReport(actor: LearningActor, courseId: string, locale: Locale): Promise<CourseReportView> {
    requireOrganiser(actor);
    await this.assertCourse(courseId);
    const t = translator(locale);
    const [totals] = (await this.dataSource.query(
      `SELECT ${COUNTS},
              count(*) FILTER (WHERE e.status = 'WITHDRAWN')::int AS withdrawn,
              count(*) FILTER (WHERE e.status = 'WAITLISTED')::int AS waitlisted,
              count(*) FILTER (WHERE e.status IN ('REQUESTED', 'NOMINATED'))::int AS pending,
              count(*) FILTER (WHERE e.holds_seat OR e.status = 'COMPLETED' OR EXISTS (
                SELECT 1 FROM enrolment_events ev WHERE ev.enrolment_id = e.id AND ev.to_status IN ('APPROVED', 'ENROLLED', 'COMPLETED')
              ))::int AS seated,
              coalesce(avg(e.progress_percent) FILTER (WHERE e.status IN ('APPROVED', 'ENROLLED', 'COMPLETED')), 0)::float AS average_progress
         FROM enrolments e WHERE e.course_id = $1`,
      [courseId],
    )) as Array<{
      enrolments: number;
      active: number;
      completed: number;
      withdrawn: number;
      waitlisted: number;
      pending: number;
      seated: number;
      average_progress: number;
    }>;
    const countries = (await this.dataSource.query(
      `SELECT coalesce(e.country_code, '') AS key, ${COUNTS} FROM enrolments e WHERE e.course_id = $1 GROUP BY 1`,
      [courseId],
    )) as Array<Omit<ReportRowView, 'label'>>;
    const organisations = (await this.dataSource.query(
      `SELECT coalesce(e.organisation_id::text, '') AS key, max(e.organisation_name) AS label, ${COUNTS}
         FROM enrolments e WHERE e.course_id = $1 GROUP BY 1`,
      [courseId],
    )) as ReportRowView[];
    const none = String(t('enrolment:reportNone'));
    const sort = (rows: ReportRowView[]) => rows.sort((a, b) => b.enrolments - a.enrolments || a.label.localeCompare(b.label, locale));
    return {
      courseId,
      enrolments: totals.enrolments,
      active: totals.active,
      completed: totals.completed,
      withdrawn: totals.withdrawn,
      waitlisted: totals.waitlisted,
      pending: totals.pending,
      completionRate: totals.seated ? totals.completed / totals.seated : 0,
      averageProgress: Math.round(totals.average_progress * 10) / 10,
      byCountry: sort(countries.map((r) => ({ ...r, label: r.key ? countryName(r.key.trim(), locale) : none }))),
      byOrganisation: sort(organisations.map((r) => ({ ...r, label: r.key ? (r.label ?? none) : none }))),
    };
  }

  /** One row per enrolment for the CSV export, oldest first. */
  async csvRows(actor: LearningActor, courseId: string): Promise<ReportCsvRow[]> {
    requireOrganiser(actor);
    await this.assertCourse(courseId);
    const rows = (await this.dataSource.query(
      `SELECT coalesce(u.name, e.invited_email) AS name, coalesce(u.email, e.invited_email) AS email, e.country_code, e.organisation_name,
              e.status, e.progress_percent, e.created_at, e.completed_at, c.code AS certificate_code
         FROM enrolments e
         LEFT JOIN users u ON u.id = e.user_id
         LEFT JOIN certificates c ON c.id = e.certificate_id
        WHERE e.course_id = $1
        ORDER BY e.created_at, e.id`,
      [courseId],
    )) as Array<{
      name: string;
      email: string;
      country_code: string | null;
      organisation_name: string | null;
      status: string;
      progress_percent: number;
      created_at: Date;
      completed_at: Date | null;
      certificate_code: string | null;
    }>;
    return rows.map((r) => ({
      name: r.name,
      email: r.email,
      countryCode: r.country_code?.trim() || null,
      organisationName: r.organisation_name,
      status: r.status,
      progressPercent: r.progress_percent,
      enrolledAt: new Date(r.created_at),
      completedAt: r.completed_at ? new Date(r.completed_at) : null,
      certificateCode: r.certificate_code,
    }));
  }

  private async assertCourse(courseId: string): Promise<void> {
    const [row] = isUuid(courseId) ? await this.dataSource.query(`SELECT 1 FROM courses WHERE id = $1`, [courseId]) : [];
    if (!row) throw AppError.notFound('enrolment:courseNotFound');
  }
}
