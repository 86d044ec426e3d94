const { plainProject } = require('../../../libs/tooling/jest.preset.cjs');
module.exports = plainProject('shared-core', __dirname);
