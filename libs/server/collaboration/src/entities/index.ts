import { CollaborationSpace } from './collaboration-space.entity';
import { SpaceParty } from './space-party.entity';
import { SpaceParticipant } from './space-participant.entity';
import { SpaceEvent } from './space-event.entity';
import { SpaceMeeting } from './space-meeting.entity';
import { ForumThread } from './forum-thread.entity';
import { ForumPost } from './forum-post.entity';
import { ForumPostRevision } from './forum-post-revision.entity';
import { SpaceDocument } from './space-document.entity';
import { SpaceDocumentVersion } from './space-document-version.entity';
import { Commitment } from './commitment.entity';
import { CommitmentUpdate } from './commitment-update.entity';
import { GroupCoordination } from './group-coordination.entity';

export {
  CollaborationSpace,
  SpaceParty,
  SpaceParticipant,
  SpaceEvent,
  SpaceMeeting,
  ForumThread,
  ForumPost,
  ForumPostRevision,
  SpaceDocument,
  SpaceDocumentVersion,
  Commitment,
  CommitmentUpdate,
  GroupCoordination,
};

export const COLLABORATION_ENTITIES = [
  CollaborationSpace,
  SpaceParty,
  SpaceParticipant,
  SpaceEvent,
  SpaceMeeting,
  ForumThread,
  ForumPost,
  ForumPostRevision,
  SpaceDocument,
  SpaceDocumentVersion,
  Commitment,
  CommitmentUpdate,
  GroupCoordination,
];
