import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Workshop } from './workshop.entity';
import { WorkshopRegistration } from './workshop-registration.entity';

/** A participant's ballot: action ids in order (RANK) or the chosen ones (VOTE). Re-submitting replaces it. */
@Entity('workshop_ballots')
export class WorkshopBallot {
  @PrimaryColumn({ type: 'uuid' })
  workshopId: string;

  @PrimaryColumn({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @ManyToOne(() => WorkshopRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: WorkshopRegistration;

  @Column({ type: 'uuid', array: true })
  actionIds: string[];

  @Column({ type: 'timestamptz' })
  submittedAt: Date;
}
