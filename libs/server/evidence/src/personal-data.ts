import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry, type PersonalDataContributor } from '@alliance/server-identity';

/**
 * The evidence bank's share of a person's data: the items they submitted and the files they
 * uploaded. Deletion keeps them: an item is a publication with its own bibliographic authors, read
 * and linked by courses and workshops; only its link to the account remains, and the account
 * itself is anonymised, so nothing here names the person any more.
 */
@Injectable()
export class EvidencePersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'evidence';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string, manager: EntityManager): Promise<unknown> {
    const submissions = await manager.query(
      `SELECT i.id, i.status, i.type, i.language, i.visibility, i.year, i.authors, i.publisher, i.external_url AS "externalUrl", i.doi,
              i.submitted_at AS "submittedAt", i.published_at AS "publishedAt", i.last_review_note AS "lastReviewNote",
              COALESCE((SELECT json_agg(json_build_object('locale', t.locale, 'title', t.title, 'abstract', t.abstract) ORDER BY t.locale)
                          FROM evidence_texts t WHERE t.item_id = i.id), '[]'::json) AS texts
         FROM evidence_items i WHERE i.submitter_id = $1 ORDER BY i.created_at`,
      [userId],
    );
    const uploads = await manager.query(
      `SELECT item_id AS "itemId", version, filename, content_type AS "contentType", size, sha256, created_at AS "uploadedAt"
         FROM evidence_files WHERE uploaded_by_id = $1 ORDER BY created_at`,
      [userId],
    );
    return { submissions, uploads };
  }

  async anonymise(): Promise<void> {
    // Nothing personal is stored here beyond the account link (see the class comment).
  }
}
