const { serverProject } = require('../../../libs/tooling/jest.preset.cjs');
module.exports = serverProject('server-graphql', __dirname);
