import type { AccessLevel } from '@alliance/shared-core';

/** What every tab of a space page (sessions, forum, documents, commitments) receives from the page. */
export interface SpaceTabProps {
  spaceId: string;
  kind: 'TABLE' | 'GROUP';
  /** The caller's access level in the space (SpaceAccessLevel in the schema). */
  level: AccessLevel;
  /** Closed spaces are read-only archives: tabs show everything and offer no changes. */
  readOnly: boolean;
  /** Organisations taking part (for pickers such as a commitment's responsible organisation). */
  parties: Array<{ organisationId: string; organisationName: string; countryCode: string }>;
}
