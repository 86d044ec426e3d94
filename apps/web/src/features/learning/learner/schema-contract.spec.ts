/// <reference types="node" />
// The hand-written learner operations must validate against the committed API schema, so a renamed
// field fails here rather than in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import * as learner from '../operations-learner';

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../../../api/schema.gql'), 'utf8'));
const documents = Object.entries(learner).filter(
  (entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as DocumentNode).kind === 'Document',
);

describe('learner operations against apps/api/schema.gql', () => {
  it.each(documents)('%s is valid', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
