const { serverProject } = require('../../libs/tooling/jest.preset.cjs');
// The integration test builds the worker and runs it as a child process: allow it time.
module.exports = serverProject('worker', __dirname, { testTimeout: 180000 });
