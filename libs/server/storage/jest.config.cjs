const { plainProject } = require('../../../libs/tooling/jest.preset.cjs');
module.exports = plainProject('server-storage', __dirname);
