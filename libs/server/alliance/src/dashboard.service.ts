import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ApplicationStatus } from './alliance.constants';
import { requireAdmin, type Actor } from './actor';

export interface DashboardData {
  waiting: Array<{ id: string; organisationName: string; status: ApplicationStatus; ageDays: number }>;
  byCountry: Array<{ key: string; count: number }>;
  bySubRegion: Array<{ key: string; count: number }>;
  byType: Array<{ key: string; count: number }>;
  growth: Array<{ month: string; joined: number; total: number }>;
  totalMembers: number;
}

/** The secretariat's figures, aggregated by PostgreSQL. "Members" are active memberships. */
@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dashboard(actor: Actor): Promise<DashboardData> {
    requireAdmin(actor);
    const q = <T>(sql: string) => this.dataSource.query(sql) as Promise<T[]>;
    const active = `FROM organisations o JOIN memberships m ON m.organisation_id = o.id AND m.status = 'ACTIVE'`;
    const [waiting, byCountry, bySubRegion, byType, growth] = await Promise.all([
      q<{ id: string; organisation_name: string; status: ApplicationStatus; age_days: number }>(
        `SELECT id, organisation_name, status, floor(extract(epoch FROM now() - submitted_at) / 86400)::int AS age_days
           FROM membership_applications WHERE status IN ('SUBMITTED', 'UNDER_REVIEW') ORDER BY submitted_at ASC, id LIMIT 100`,
      ),
      q<{ key: string; count: number }>(`SELECT o.country_code AS key, count(*)::int AS count ${active} GROUP BY o.country_code ORDER BY count DESC, key`),
      q<{ key: string; count: number }>(
        `SELECT c.sub_region AS key, count(*)::int AS count ${active} JOIN alliance_countries c ON c.code = o.country_code GROUP BY c.sub_region ORDER BY count DESC, key`,
      ),
      q<{ key: string; count: number }>(`SELECT o.type AS key, count(*)::int AS count ${active} GROUP BY o.type ORDER BY count DESC, key`),
      // Every month from the first membership to now, so the line has no gaps.
      q<{ month: string; joined: number; total: number }>(
        `WITH joined AS (
           SELECT date_trunc('month', m.since AT TIME ZONE 'UTC') AS month, count(*)::int AS n
             FROM memberships m WHERE m.status = 'ACTIVE' GROUP BY 1),
         months AS (
           SELECT generate_series((SELECT min(month) FROM joined), date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') AS month)
         SELECT to_char(months.month, 'YYYY-MM') AS month, coalesce(joined.n, 0)::int AS joined,
                (sum(coalesce(joined.n, 0)) OVER (ORDER BY months.month))::int AS total
           FROM months LEFT JOIN joined ON joined.month = months.month ORDER BY months.month`,
      ),
    ]);
    return {
      waiting: waiting.map((w) => ({ id: w.id, organisationName: w.organisation_name, status: w.status, ageDays: w.age_days })),
      byCountry,
      bySubRegion,
      byType,
      growth,
      totalMembers: byType.reduce((sum, row) => sum + row.count, 0),
    };
  }
}
