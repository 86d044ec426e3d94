#!/usr/bin/env node
// npm run graphql:allow-list [-- --check]
//
// Writes apps/api/graphql-operations.json: the sha256 of every operation document the web app
// ships (apps/web/src/**/operations*.ts), normalised as the API normalises what it receives
// (libs/server/graphql/src/allow-list.ts: no __typename, no client-only directives, graphql-js
// printing). With GRAPHQL_ALLOW_LIST=true the API accepts only these documents. Run it after
// changing a web operation; --check exits with 1 when the committed file is stale
// (apps/api/src/graphql-allow-list.spec.ts fails in that case too).
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const WEB_SOURCES = path.join(root, 'apps/web/src');
const MANIFEST = path.join(root, 'apps/api/graphql-operations.json');
const ALLOW_LIST_MODULE = path.join(root, 'libs/server/graphql/src/allow-list.ts');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const isSpec = (file) => /\.(spec|test)\.tsx?$/.test(file);
const isOperationsFile = (file) => /^operations[^/]*\.ts$/.test(path.basename(file)) && !isSpec(file);

/**
 * Every operation document of the web app, by `<file>#<export>`. `load` is the module loader: plain
 * `require` after @swc-node/register from the command line, Jest's own require in the tests.
 */
function collectWebOperations(load = require) {
  const sources = walk(WEB_SOURCES).filter((file) => /\.tsx?$/.test(file) && !isSpec(file));
  // An operation written outside an operations*.ts file would be missing from the list and refused
  // in production: fail loudly instead.
  const stray = sources.filter((file) => !isOperationsFile(file) && /\bgql`/.test(fs.readFileSync(file, 'utf8')));
  if (stray.length) {
    throw new Error(`GraphQL documents outside apps/web/src/**/operations*.ts (move them there):\n  ${stray.map((f) => path.relative(root, f)).join('\n  ')}`);
  }
  const { documentHash, definesOperation } = load(ALLOW_LIST_MODULE);
  const operations = [];
  for (const file of sources.filter(isOperationsFile).sort()) {
    const exports = load(file);
    for (const [name, value] of Object.entries(exports)) {
      if (!value || typeof value !== 'object' || value.kind !== 'Document' || !definesOperation(value)) continue;
      operations.push({ name: `${path.relative(WEB_SOURCES, file)}#${name}`, hash: documentHash(value), document: value });
    }
  }
  return operations;
}

/** The manifest for a list of operations (sorted, so that it changes only when an operation does). */
function manifestOf(operations, version) {
  return {
    version,
    operations: operations.map(({ name, hash }) => ({ name, hash })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function render(manifest) {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function main() {
  // Loads the web app's TypeScript operation files (and allow-list.ts) as they are.
  require('@swc-node/register');
  const { ALLOW_LIST_VERSION } = require(ALLOW_LIST_MODULE);
  const operations = collectWebOperations();
  const text = render(manifestOf(operations, ALLOW_LIST_VERSION));
  const current = fs.existsSync(MANIFEST) ? fs.readFileSync(MANIFEST, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error(`${path.relative(root, MANIFEST)} is stale: run npm run graphql:allow-list`);
      process.exit(1);
    }
    console.log(`${path.relative(root, MANIFEST)} is up to date (${operations.length} operations).`);
    return;
  }
  fs.writeFileSync(MANIFEST, text);
  console.log(`Wrote ${path.relative(root, MANIFEST)}: ${operations.length} operations.`);
}

module.exports = { collectWebOperations, manifestOf, render, MANIFEST };

if (require.main === module) main();
