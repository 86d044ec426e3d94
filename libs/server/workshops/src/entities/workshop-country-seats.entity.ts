import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Workshop } from './workshop.entity';

/** Seats of a workshop reserved for one country, for balanced regional representation. */
@Entity('workshop_country_seats')
@Check('chk_workshop_country_seats', `"seats" >= 0 AND "taken" >= 0 AND "taken" <= "seats"`)
export class WorkshopCountrySeats {
  @PrimaryColumn({ type: 'uuid' })
  workshopId: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  countryCode: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'int' })
  seats: number;

  @Column({ type: 'int', default: 0 })
  taken: number;
}
