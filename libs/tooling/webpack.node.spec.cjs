const path = require('node:path');
const fs = require('node:fs');
const nodeAppConfig = require('./webpack.node.cjs');
const { moduleNameMapper } = require('./jest.preset.cjs');

describe('build tooling', () => {
  const config = nodeAppConfig('api')({}, { mode: 'production' });

  it('keeps NODE_ENV a run-time setting in production bundles', () => {
    // Without this, webpack inlines "production" and dev-only routes vanish in tests and npm start.
    expect(config.optimization.nodeEnv).toBe(false);
  });

  it('keeps decorator metadata, which Nest dependency injection needs', () => {
    const swc = config.module.rules[0].use.options.jsc;
    expect(swc.transform).toEqual({ legacyDecorator: true, decoratorMetadata: true });
  });

  it('maps every tsconfig path alias for Jest', () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(__dirname, '../../tsconfig.base.json'), 'utf8'));
    for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
      const mapped = moduleNameMapper[`^${alias.replace('/', '\\/')}$`];
      expect(mapped).toBe(path.resolve(__dirname, '../..', target));
      expect(fs.existsSync(mapped)).toBe(true);
    }
  });
});
