import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { Workshop } from './workshop.entity';

/** An e-mail address on an INVITED workshop's list (lower-cased). */
@Entity('workshop_invitations')
@Index('uq_workshop_invitations_email', ['workshopId', 'email'], { unique: true })
@Index('idx_workshop_invitations_email', ['email'])
export class WorkshopInvitation extends BaseRecord {
  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;
}
