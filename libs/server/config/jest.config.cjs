const { plainProject } = require('../../../libs/tooling/jest.preset.cjs');
module.exports = plainProject('server-config', __dirname);
