import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a person's account deletion tells each domain. */
export interface AnonymiseContext {
  /** The placeholder that replaces the person's name wherever a domain copied it. */
  placeholderName: string;
  /** The non-routable address that replaces the person's e-mail wherever a domain copied it. */
  placeholderEmail: string;
  /** The address the account had, for rows that reference the person by e-mail only. */
  previousEmail: string;
}

/**
 * One domain's share of a person's data (issue 10, "Data protection"). Each domain implements it for
 * its own tables in its `personal-data.ts` and registers it on module init, so identity can export
 * and anonymise everything without importing the domains that come after it.
 */
export interface PersonalDataContributor {
  /** Name of the section in the export, e.g. 'workshops'. Unique. */
  readonly section: string;
  /** Everything this domain holds about the person, as plain JSON: no secrets, no one else's personal data. */
  export(userId: string, manager: EntityManager): Promise<unknown>;
  /**
   * Blanks the person's personal fields, keeping the rows that counts and reports rely on. Runs in
   * the deletion's one transaction, before the users row itself is anonymised.
   */
  anonymise(userId: string, manager: EntityManager, context: AnonymiseContext): Promise<void>;
}

@Injectable()
export class PersonalDataRegistry {
  private readonly contributors = new Map<string, PersonalDataContributor>();

  register(contributor: PersonalDataContributor): void {
    // A second module instance registering the same section (tests compose modules freely) replaces it.
    this.contributors.set(contributor.section, contributor);
  }

  sections(): string[] {
    return [...this.contributors.keys()];
  }

  async exportAll(userId: string, manager: EntityManager): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const contributor of this.contributors.values()) out[contributor.section] = await contributor.export(userId, manager);
    return out;
  }

  /** Later domains first: they may still read the earlier domains' rows (e.g. the person's name for an event). */
  async anonymiseAll(userId: string, manager: EntityManager, context: AnonymiseContext): Promise<void> {
    for (const contributor of [...this.contributors.values()].reverse()) await contributor.anonymise(userId, manager, context);
  }
}
