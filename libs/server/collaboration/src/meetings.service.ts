import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

// Placeholder created with the module skeleton; replaced by the real implementation.
@Injectable()
export class MeetingsService {
  /**
   * Re-points every upcoming session reminder of the space at its current participants (plus the
   * moderator). SpacesService calls it in the same transaction whenever a participant list changes,
   * so a person taken off a list is never reminded of the space again.
   */
  async rescheduleReminders(_manager: EntityManager, _spaceId: string): Promise<void> {
    // Placeholder: implemented with the sessions.
  }
}
