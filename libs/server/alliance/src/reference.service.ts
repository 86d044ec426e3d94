import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { AppError, parseInput } from '@alliance/server-graphql';
import { LAC_COUNTRIES, countryName, isCountryCode, type Locale } from '@alliance/shared-core';
import { AllianceCountry, Charter, FocusArea } from './entities';
import { charterSchema, focusAreaSchema, isUuid } from './alliance-input';

export function localised<T extends object>(row: T, field: 'name' | 'text', locale: Locale): string {
  const suffix = locale.charAt(0).toUpperCase() + locale.slice(1);
  return String((row as Record<string, unknown>)[`${field}${suffix}`] ?? '');
}

/** Countries, focus areas and the charter: the alliance's reference data. */
@Injectable()
export class ReferenceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countries(includeObservers: boolean, locale: Locale): Promise<AllianceCountry[]> {
    const rows = await this.dataSource.getRepository(AllianceCountry).find(includeObservers ? {} : { where: { observer: false } });
    const collator = new Intl.Collator(locale);
    return rows.sort((a, b) => collator.compare(localised(a, 'name', locale), localised(b, 'name', locale)));
  }

  countriesByCodes(codes: readonly string[]): Promise<AllianceCountry[]> {
    return this.dataSource.getRepository(AllianceCountry).findBy({ code: In([...codes]) });
  }

  async focusAreas(includeInactive: boolean): Promise<FocusArea[]> {
    return this.dataSource.getRepository(FocusArea).find({ where: includeInactive ? {} : { active: true }, order: { sortOrder: 'ASC', key: 'ASC' } });
  }

  focusAreasByIds(ids: readonly string[]): Promise<FocusArea[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return Promise.resolve([]);
    return this.dataSource.getRepository(FocusArea).findBy({ id: In(valid) });
  }

  async currentCharter(): Promise<Charter> {
    const [charter] = await this.dataSource.getRepository(Charter).find({ order: { version: 'DESC' }, take: 1 });
    if (!charter) throw AppError.notFound('alliance:charterMissing');
    return charter;
  }

  /** A new version; an advisory lock numbers concurrent publications one after the other. */
  async publishCharter(adminId: string, input: { es: string; en: string; pt: string; fr: string }): Promise<Charter> {
    const texts = parseInput(charterSchema, input);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('alliance.charter'))`);
      const [{ next }]: Array<{ next: number }> = await manager.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM alliance_charters`);
      return manager.save(
        manager.create(Charter, { version: next, textEs: texts.es, textEn: texts.en, textPt: texts.pt, textFr: texts.fr, publishedById: adminId }),
      );
    });
  }

  async saveFocusArea(input: { id?: string | null; key: string; es: string; en: string; pt: string; fr: string; active: boolean }): Promise<FocusArea> {
    const values = parseInput(focusAreaSchema, input);
    const repo = this.dataSource.getRepository(FocusArea);
    const clash = await repo.findOneBy({ key: values.key });
    if (clash && clash.id !== input.id) throw AppError.conflict('alliance:focusAreaKeyTaken', { key: values.key });
    const fields = { key: values.key, nameEs: values.es, nameEn: values.en, namePt: values.pt, nameFr: values.fr, active: values.active };
    if (input.id) {
      if (!isUuid(input.id)) throw AppError.notFound('alliance:focusAreaNotFound');
      const existing = await repo.findOneBy({ id: input.id });
      if (!existing) throw AppError.notFound('alliance:focusAreaNotFound');
      return repo.save(Object.assign(existing, fields));
    }
    const [{ next }]: Array<{ next: number }> = await this.dataSource.query(`SELECT coalesce(max(sort_order), 0) + 1 AS next FROM alliance_focus_areas`);
    try {
      return await repo.save(repo.create({ ...fields, sortOrder: next }));
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') throw AppError.conflict('alliance:focusAreaKeyTaken', { key: values.key });
      throw error;
    }
  }

  /** Any ISO country outside the region; names from Intl at the time it is added. Adding it twice returns it. */
  async addObserverCountry(input: string): Promise<AllianceCountry> {
    const code = String(input ?? '').trim().toUpperCase();
    if (!isCountryCode(code)) throw AppError.badInput([{ field: 'code', key: 'validation:countryInvalid' }]);
    if (LAC_COUNTRIES.some((c) => c.code === code)) throw AppError.badInput([{ field: 'code', key: 'alliance:countryInRegion' }], 'alliance:countryInRegion');
    await this.dataSource.query(
      `INSERT INTO alliance_countries (code, name_es, name_en, name_pt, name_fr, sub_region, observer)
       VALUES ($1, $2, $3, $4, $5, 'OBSERVER', true) ON CONFLICT (code) DO NOTHING`,
      [code, countryName(code, 'es'), countryName(code, 'en'), countryName(code, 'pt'), countryName(code, 'fr')],
    );
    return this.dataSource.getRepository(AllianceCountry).findOneByOrFail({ code });
  }
}
