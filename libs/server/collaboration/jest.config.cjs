const { serverProject } = require('../../../libs/tooling/jest.preset.cjs');
module.exports = serverProject('server-collaboration', __dirname);
