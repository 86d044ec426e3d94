const path = require('node:path');
const preset = require('../../libs/tooling/jest.preset.cjs');

const base = preset.plainProject('web', __dirname);
module.exports = preset.plainProject('web', __dirname, {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  setupFiles: [...base.setupFiles, path.join(__dirname, 'jest.polyfills.cjs')],
  setupFilesAfterEnv: [path.join(__dirname, 'src/test-setup.ts')],
  moduleNameMapper: { ...preset.moduleNameMapper, '\\.css$': 'identity-obj-proxy' },
});
