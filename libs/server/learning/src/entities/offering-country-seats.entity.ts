import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Offering } from './offering.entity';

/** Seats of an offering reserved for one country; nominations by focal points draw from them. */
@Entity('offering_country_seats')
@Check('chk_offering_country_seats', `"seats" >= 0 AND "taken" >= 0 AND "taken" <= "seats"`)
export class OfferingCountrySeats {
  @PrimaryColumn({ type: 'uuid' })
  offeringId: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  countryCode: string;

  @ManyToOne(() => Offering, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offering_id' })
  offering?: Offering;

  @Column({ type: 'int' })
  seats: number;

  @Column({ type: 'int', default: 0 })
  taken: number;
}
