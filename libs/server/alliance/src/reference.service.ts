import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AppError, parseInput } from '@alliance/server-graphql';
import { AuditService, changedFields } from '@alliance/server-identity';
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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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
      const charter = await manager.save(
        manager.create(Charter, { version: next, textEs: texts.es, textEn: texts.en, textPt: texts.pt, textFr: texts.fr, publishedById: adminId }),
      );
      await this.audit.record(manager, {
        actorId: adminId,
        action: 'charter.publish',
        targetType: 'charter',
        targetId: charter.id,
        params: { version: next },
        before: next > 1 ? { version: next - 1 } : null,
        after: { version: next },
      });
      return charter;
    });
  }

  /** `adminId`: who saves it, for the audit log. */
  async saveFocusArea(input: { id?: string | null; key: string; es: string; en: string; pt: string; fr: string; active: boolean }, adminId: string | null = null): Promise<FocusArea> {
    const values = parseInput(focusAreaSchema, input);
    const repo = this.dataSource.getRepository(FocusArea);
    const clash = await repo.findOneBy({ key: values.key });
    if (clash && clash.id !== input.id) throw AppError.conflict('alliance:focusAreaKeyTaken', { key: values.key });
    const fields = { key: values.key, nameEs: values.es, nameEn: values.en, namePt: values.pt, nameFr: values.fr, active: values.active };
    if (input.id) {
      if (!isUuid(input.id)) throw AppError.notFound('alliance:focusAreaNotFound');
      const existing = await repo.findOneBy({ id: input.id });
      if (!existing) throw AppError.notFound('alliance:focusAreaNotFound');
      const before = { key: existing.key, nameEs: existing.nameEs, nameEn: existing.nameEn, namePt: existing.namePt, nameFr: existing.nameFr, active: existing.active };
      return this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(Object.assign(existing, fields));
        const diff = changedFields(before, fields);
        if (diff) await this.recordFocusArea(manager, adminId, saved, diff.before, diff.after);
        return saved;
      });
    }
    const [{ next }]: Array<{ next: number }> = await this.dataSource.query(`SELECT coalesce(max(sort_order), 0) + 1 AS next FROM alliance_focus_areas`);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(manager.create(FocusArea, { ...fields, sortOrder: next }));
        await this.recordFocusArea(manager, adminId, saved, null, fields);
        return saved;
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') throw AppError.conflict('alliance:focusAreaKeyTaken', { key: values.key });
      throw error;
    }
  }

  private async recordFocusArea(manager: EntityManager, adminId: string | null, area: FocusArea, before: Record<string, unknown> | null, after: Record<string, unknown>): Promise<void> {
    await this.audit.record(manager, { actorId: adminId, action: 'focusArea.save', targetType: 'focusArea', targetId: area.id, targetLabel: area.key, before, after });
  }

  /** Any ISO country outside the region; names from Intl at the time it is added. Adding it twice returns it (and logs nothing). */
  async addObserverCountry(input: string, adminId: string | null = null): Promise<AllianceCountry> {
    const code = String(input ?? '').trim().toUpperCase();
    if (!isCountryCode(code)) throw AppError.badInput([{ field: 'code', key: 'validation:countryInvalid' }]);
    if (LAC_COUNTRIES.some((c) => c.code === code)) throw AppError.badInput([{ field: 'code', key: 'alliance:countryInRegion' }], 'alliance:countryInRegion');
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO alliance_countries (code, name_es, name_en, name_pt, name_fr, sub_region, observer)
         VALUES ($1, $2, $3, $4, $5, 'OBSERVER', true) ON CONFLICT (code) DO NOTHING RETURNING code`,
        [code, countryName(code, 'es'), countryName(code, 'en'), countryName(code, 'pt'), countryName(code, 'fr')],
      );
      if (inserted.length) {
        await this.audit.record(manager, { actorId: adminId, action: 'country.observer.add', targetType: 'country', targetId: code, targetLabel: countryName(code, 'en'), after: { observer: true } });
      }
    });
    return this.dataSource.getRepository(AllianceCountry).findOneByOrFail({ code });
  }
}
