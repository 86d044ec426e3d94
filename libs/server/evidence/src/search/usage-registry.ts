import { Injectable } from '@nestjs/common';
import type { Locale } from '@alliance/shared-core';
import type { EvidenceViewer } from '../access';

export interface EvidenceUsage {
  kind: 'COURSE' | 'WORKSHOP';
  title: string;
  path: string;
}

/**
 * Implemented by higher-tier domains (learning, workshops) that link evidence items.
 * Evidence cannot import them (tier order), so they register themselves here at start-up.
 */
export interface EvidenceUsageProvider {
  /** `locale` is the reader's language (signed-out readers have no viewer to carry it). */
  usagesOf(itemId: string, viewer: EvidenceViewer | undefined, locale: Locale): Promise<EvidenceUsage[]>;
}

@Injectable()
export class EvidenceUsageRegistry {
  private readonly providers: EvidenceUsageProvider[] = [];

  register(provider: EvidenceUsageProvider): void {
    if (!this.providers.includes(provider)) this.providers.push(provider);
  }

  /** Every registered provider's usages, courses before workshops, then by title. */
  async usagesOf(itemId: string, viewer: EvidenceViewer | undefined, locale: Locale): Promise<EvidenceUsage[]> {
    const lists = await Promise.all(this.providers.map((p) => p.usagesOf(itemId, viewer, locale)));
    const order = { COURSE: 0, WORKSHOP: 1 } as const;
    return lists.flat().sort((a, b) => order[a.kind] - order[b.kind] || a.title.localeCompare(b.title));
  }
}
