import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@alliance/server-identity';
import { Workshop } from './workshop.entity';

/** A person who manages the workshop (holds Role.Organiser or Admin). */
@Entity('workshop_organisers')
@Index('idx_workshop_organisers_user', ['userId'])
export class WorkshopOrganiser {
  @PrimaryColumn({ type: 'uuid' })
  workshopId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
