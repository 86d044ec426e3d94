import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@alliance/server-identity';
import { Programme } from './programme.entity';

/** Written once per person and programme (primary key), which is what makes the certificate request fire once. */
@Entity('programme_completions')
export class ProgrammeCompletion {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Programme;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  completedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  certificateId: string | null;
}
