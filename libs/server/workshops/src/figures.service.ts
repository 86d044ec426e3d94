import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { countryName, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { requireManagedWorkshop, type WorkshopActor } from './util';

export interface FigureRowView {
  key: string;
  label: string;
  registered: number;
  attended: number;
}

export interface WorkshopFiguresView {
  registered: number;
  attended: number;
  countries: number;
  byCountry: FigureRowView[];
  byOrganisationType: FigureRowView[];
  bySubRegion: FigureRowView[];
}

const NAME_COLUMN: Record<Locale, string> = { es: 'name_es', en: 'name_en', pt: 'name_pt', fr: 'name_fr' };

/**
 * Participation figures from the stored registration rows (country and organisation snapshots taken
 * at registration) and attendance: registered = CONFIRMED, attended = CONFIRMED with at least one
 * session attended. Sub-regions come from the alliance's countries.
 */
@Injectable()
export class FiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(actor: WorkshopActor, workshopId: string, locale: Locale): Promise<WorkshopFiguresView> {
    const workshop = await requireManagedWorkshop(this.dataSource.manager, actor, workshopId);
    return this.compute(workshop.id, locale);
  }

  async compute(workshopId: string, locale: Locale): Promise<WorkshopFiguresView> {
    const t = translator(locale);
    const none = String(t('workshopRegistration:figuresNone'));
    const rows = (await this.dataSource.query(
      `SELECT coalesce(trim(r.country_code), '') AS country, coalesce(r.organisation_type, '') AS org_type, coalesce(c.sub_region, '') AS sub_region,
              c.${NAME_COLUMN[locale] ?? 'name_es'} AS country_name,
              EXISTS (SELECT 1 FROM workshop_attendance a WHERE a.registration_id = r.id) AS attended
         FROM workshop_registrations r
         LEFT JOIN alliance_countries c ON c.code = r.country_code
        WHERE r.workshop_id = $1 AND r.status = 'CONFIRMED'`,
      [workshopId],
    )) as Array<{ country: string; org_type: string; sub_region: string; country_name: string | null; attended: boolean }>;
    const group = (keyOf: (r: (typeof rows)[number]) => string, labelOf: (key: string, r: (typeof rows)[number]) => string): FigureRowView[] => {
      const map = new Map<string, FigureRowView>();
      for (const r of rows) {
        const key = keyOf(r);
        const row = map.get(key) ?? { key, label: key ? labelOf(key, r) : none, registered: 0, attended: 0 };
        row.registered += 1;
        if (r.attended) row.attended += 1;
        map.set(key, row);
      }
      return [...map.values()].sort((a, b) => b.registered - a.registered || (a.key ? 0 : 1) - (b.key ? 0 : 1) || a.label.localeCompare(b.label, locale));
    };
    const byCountry = group(
      (r) => r.country,
      (key, r) => r.country_name ?? countryName(key, locale),
    );
    return {
      registered: rows.length,
      attended: rows.filter((r) => r.attended).length,
      countries: byCountry.filter((r) => r.key).length,
      byCountry,
      byOrganisationType: group(
        (r) => r.org_type,
        (key) => String(t(`alliance:type_${key}`)),
      ),
      bySubRegion: group(
        (r) => r.sub_region,
        (key) => String(t(`alliance:subRegion_${key}`)),
      ),
    };
  }
}
