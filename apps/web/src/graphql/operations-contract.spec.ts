/// <reference types="node" />
// Every hand-written operation of the web app must validate against the committed API schema, so a
// renamed field or a fragment spread without its definition fails here rather than in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { Kind, buildSchema, validate, type DocumentNode } from 'graphql';
import * as core from './operations';
import * as alliance from '../features/alliance/apply/operations';
import * as dashboard from '../features/alliance/dashboard/operations';
import * as directory from '../features/alliance/directory/operations';
import * as reference from '../features/alliance/reference/operations';
import * as certificates from '../features/certificates/operations';
import * as notifications from '../features/notifications/operations';
import * as authoring from '../features/learning/operations-authoring';
import * as catalogue from '../features/learning/operations-catalogue';
import * as learner from '../features/learning/operations-learner';
import * as workshops from '../features/workshops/operations-workshops';
import * as workshopParticipant from '../features/workshops/operations-participant';
import * as workshopManage from '../features/workshops/operations-manage';
import * as evidencePublic from '../features/evidence/operations-public';
import * as evidenceSubmit from '../features/evidence/operations-submit';
import * as evidencePicker from '../features/evidence/picker/operations';
import * as collabTables from '../features/collaboration/operations-tables';
import * as collabMeetings from '../features/collaboration/operations-meetings';
import * as collabForum from '../features/collaboration/operations-forum';
import * as collabDocuments from '../features/collaboration/operations-documents';
import * as collabCommitments from '../features/collaboration/operations-commitments';
import * as collabGroups from '../features/collaboration/operations-groups';
import * as privacy from '../features/identity/operations-privacy';
import * as audit from '../features/admin/operations-audit';

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../api/schema.gql'), 'utf8'));
const modules = { core, alliance, dashboard, directory, reference, certificates, notifications, authoring, catalogue, learner, workshops, workshopParticipant, workshopManage, evidencePublic, evidenceSubmit, evidencePicker, collabTables, collabMeetings, collabForum, collabDocuments, collabCommitments, collabGroups, privacy, audit };

const isDocument = (value: unknown): value is DocumentNode => typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;
// Fragment-only documents are checked as part of the operations that use them.
const operations = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, DocumentNode] => isDocument(entry[1]) && entry[1].definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION))
    .map(([name, document]) => [`${module}.${name}`, document] as const),
);

describe('web operations against apps/api/schema.gql', () => {
  it('finds the operations of every feature', () => {
    expect(operations.length).toBeGreaterThan(80);
  });

  it.each(operations)('%s is valid', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
