import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry, type PersonalDataContributor } from '@alliance/server-identity';

/**
 * Collaboration's share of a person's data: the working tables and groups they take part in, and
 * what they wrote there (threads, posts, commitment updates, document versions). The export holds
 * their own words only, never another participant's post or name. Deletion keeps the posts and
 * documents (they are part of the table's shared record, which the other parties rely on); they
 * then show the anonymised account as author. Participant rows stay too, so the table's history and
 * counts do not change: the account can no longer sign in, and the fan-out and reminders skip it.
 */
@Injectable()
export class CollaborationPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'collaboration';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string, manager: EntityManager): Promise<unknown> {
    const participation = await manager.query(
      `SELECT s.id AS "spaceId", s.kind, s.title, o.name AS "organisation", p.created_at AS "since"
         FROM collab_space_participants p JOIN collab_spaces s ON s.id = p.space_id
         JOIN collab_space_parties y ON y.id = p.party_id JOIN organisations o ON o.id = y.organisation_id
        WHERE p.user_id = $1 ORDER BY p.created_at`,
      [userId],
    );
    const threads = await manager.query(
      `SELECT t.space_id AS "spaceId", t.title, t.created_at AS "createdAt" FROM collab_threads t WHERE t.author_id = $1 ORDER BY t.created_at`,
      [userId],
    );
    const posts = await manager.query(
      `SELECT p.space_id AS "spaceId", t.title AS thread, p.body, p.created_at AS "createdAt", p.edited_at AS "editedAt", p.hidden_at IS NOT NULL AS hidden
         FROM collab_posts p JOIN collab_threads t ON t.id = p.thread_id WHERE p.author_id = $1 ORDER BY p.created_at`,
      [userId],
    );
    const commitmentUpdates = await manager.query(
      `SELECT c.title AS commitment, u.status, u.progress, u.note, u.created_at AS "createdAt"
         FROM collab_commitment_updates u JOIN collab_commitments c ON c.id = u.commitment_id WHERE u.author_id = $1 ORDER BY u.created_at`,
      [userId],
    );
    const documentVersions = await manager.query(
      `SELECT d.title AS document, v.version, v.filename, v.size, v.note, v.created_at AS "uploadedAt"
         FROM collab_document_versions v JOIN collab_documents d ON d.id = v.document_id WHERE v.uploaded_by_id = $1 ORDER BY v.created_at`,
      [userId],
    );
    return { participation, threads, posts, commitmentUpdates, documentVersions };
  }

  async anonymise(): Promise<void> {
    // Nothing to blank: names are never copied into these tables, they are read from the account.
  }
}
