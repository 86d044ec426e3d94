import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CollaborationSpace } from './collaboration-space.entity';

/** One period of a technical group's coordination by a member country (current and past coordinators). */
@Entity('collab_coordinations')
@Index('uq_collab_coordinations_period', ['spaceId', 'startsOn'], { unique: true })
export class GroupCoordination {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => CollaborationSpace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: CollaborationSpace;

  /** The coordinating member (party) and its country. */
  @Column({ type: 'uuid' })
  partyId: string;

  @Column({ type: 'char', length: 2 })
  countryCode: string;

  @Column({ type: 'date' })
  startsOn: string;

  /** Exclusive: the next period starts on this day. */
  @Column({ type: 'date' })
  endsOn: string;
}
