const { serverProject } = require('../../../libs/tooling/jest.preset.cjs');
module.exports = serverProject('server-alliance', __dirname);
