import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { AllianceSubRegion } from '../alliance.constants';

/** A country of the alliance: the 33 of the region (seeded by migration) and observers added by administrators. */
@Entity('alliance_countries')
@Check('chk_alliance_countries_sub_region', `"sub_region" IN ('SOUTH_AMERICA', 'CENTRAL_AMERICA_MEXICO', 'CARIBBEAN', 'OBSERVER')`)
@Check('chk_alliance_countries_observer', `"observer" = ("sub_region" = 'OBSERVER')`)
export class AllianceCountry extends BaseRecord {
  @Index('uq_alliance_countries_code', { unique: true })
  @Column({ type: 'char', length: 2 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  nameEs: string;

  @Column({ type: 'varchar', length: 120 })
  nameEn: string;

  @Column({ type: 'varchar', length: 120 })
  namePt: string;

  @Column({ type: 'varchar', length: 120 })
  nameFr: string;

  @Column({ type: 'varchar', length: 32 })
  subRegion: AllianceSubRegion;

  @Column({ type: 'boolean', default: false })
  observer: boolean;
}
