/// <reference types="node" />
// The hand-written operations of the directory, dashboard and reference pages must validate
// against the committed API schema, so a renamed field fails here rather than in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import * as directory from './operations';
import * as dashboard from '../dashboard/operations';
import * as reference from '../reference/operations';

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../../../api/schema.gql'), 'utf8'));
const documents = Object.entries({ ...directory, ...dashboard, ...reference }).filter(
  (entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as DocumentNode).kind === 'Document',
);

describe('alliance directory operations against apps/api/schema.gql', () => {
  it.each(documents)('%s is valid', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
