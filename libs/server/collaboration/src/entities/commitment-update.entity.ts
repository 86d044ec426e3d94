import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CommitmentStatus } from '../collaboration.constants';
import { Commitment } from './commitment.entity';

/** A progress note on a commitment, with the status and progress it set. */
@Entity('collab_commitment_updates')
@Index('idx_collab_commitment_updates_commitment', ['commitmentId', 'createdAt'])
export class CommitmentUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  commitmentId: string;

  @ManyToOne(() => Commitment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: Commitment;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: CommitmentStatus;

  @Column({ type: 'int' })
  progress: number;

  @Column({ type: 'text', default: '' })
  note: string;
}
