// Shared Jest settings. NestJS 12 ships ESM only, so its files are transformed by swc too
// (decorator metadata on, which Nest's dependency injection needs).
const path = require('node:path');
const fs = require('node:fs');

const workspaceRoot = path.resolve(__dirname, '../..');
const tsconfig = JSON.parse(fs.readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(workspaceRoot, target);
}

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const esmPackages = ['@nestjs', 'uuid', 'nanoid', '@digitalbazaar', '@digitalcredentials', '@noble', 'ky', 'base58-universal', 'base64url-universal', 'crypto-ld', 'jsonld-document-loader', 'marked', 'htmlparser2', 'domhandler', 'domutils', 'entities', 'dom-serializer', 'domelementtype', 'node-fetch', 'data-uri-to-buffer', 'fetch-blob', 'formdata-polyfill'];

module.exports = {
  workspaceRoot,
  moduleNameMapper,
  swcTransform,
  serverProject(name, rootDir, extra = {}) {
    return {
      displayName: name,
      rootDir,
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j|mj)sx?$': swcTransform },
      transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
      moduleNameMapper,
      moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
      testMatch: ['<rootDir>/**/*.spec.ts'],
      globalSetup: path.join(__dirname, 'jest/global-setup.cjs'),
      globalTeardown: path.join(__dirname, 'jest/global-teardown.cjs'),
      setupFiles: [path.join(__dirname, 'jest/setup-env.cjs')],
      testTimeout: 30000,
      ...extra,
    };
  },
};

/** A project whose tests need no database (shared code, the web app's pure logic). */
module.exports.plainProject = function plainProject(name, rootDir, extra = {}) {
  const config = module.exports.serverProject(name, rootDir, extra);
  delete config.globalSetup;
  delete config.globalTeardown;
  return { ...config, ...extra };
};
