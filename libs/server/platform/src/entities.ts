// Every TypeORM entity of the portal, gathered here because the database and migration tooling
// need the full list while domain libraries must not know each other. Add each new domain's list.
import { OutboxMessage } from '@alliance/server-queue';
import { OutgoingEmail } from '@alliance/server-mail';
import { IDENTITY_ENTITIES } from '@alliance/server-identity';
import { NOTIFICATION_ENTITIES } from '@alliance/server-notifications';
import { CERTIFICATE_ENTITIES, CREDENTIAL_ENTITIES } from '@alliance/server-certificates';
import { ALLIANCE_ENTITIES } from '@alliance/server-alliance';
import { EVIDENCE_ENTITIES } from '@alliance/server-evidence';
import { LEARNING_ENTITIES } from '@alliance/server-learning';
import { WORKSHOP_ENTITIES } from '@alliance/server-workshops';
import { COLLABORATION_ENTITIES } from '@alliance/server-collaboration';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ALL_ENTITIES: Function[] = [
  OutboxMessage,
  OutgoingEmail,
  ...IDENTITY_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...CERTIFICATE_ENTITIES,
  ...CREDENTIAL_ENTITIES,
  ...ALLIANCE_ENTITIES,
  ...EVIDENCE_ENTITIES,
  ...LEARNING_ENTITIES,
  ...WORKSHOP_ENTITIES,
  ...COLLABORATION_ENTITIES,
];
