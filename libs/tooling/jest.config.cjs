const { plainProject } = require('./jest.preset.cjs');
module.exports = plainProject('tooling', __dirname, { testMatch: ['<rootDir>/**/*.spec.cjs'] });
