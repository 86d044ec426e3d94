const { serverProject } = require('../../../libs/tooling/jest.preset.cjs');
module.exports = serverProject('server-evidence', __dirname);
