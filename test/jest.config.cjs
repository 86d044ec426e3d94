// API and browser journeys against the built api and worker processes (npm test builds them first).
const { serverProject } = require('../libs/tooling/jest.preset.cjs');
module.exports = serverProject('journeys', __dirname, { testTimeout: 240000, maxWorkers: 1 });
