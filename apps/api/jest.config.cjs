const { serverProject } = require('../../libs/tooling/jest.preset.cjs');
module.exports = serverProject('api', __dirname);
