import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from '@alliance/server-identity';
import { CollaborationSpace } from './collaboration-space.entity';
import { SpaceParty } from './space-party.entity';

/** A person on a party's list: the only people (besides the moderator and administrators) who may enter. */
@Entity('collab_space_participants')
@Index('uq_collab_space_participants', ['spaceId', 'userId'], { unique: true })
@Index('idx_collab_space_participants_user', ['userId'])
@Index('idx_collab_space_participants_party', ['partyId'])
export class SpaceParticipant extends BaseRecord {
  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => CollaborationSpace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: CollaborationSpace;

  @Column({ type: 'uuid' })
  partyId: string;

  @ManyToOne(() => SpaceParty, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id' })
  party?: SpaceParty;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid', nullable: true })
  addedById: string | null;
}
