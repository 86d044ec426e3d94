// Fault tests: the BUILT api and worker as real processes, killed, restarted and cut off from
// PostgreSQL and Redis (a Redis of each test's own, never the shared one). `npm run test:faults`;
// `npm test` runs them after the journeys. Files end in .fault.ts so the journeys' Jest skips them.
const { serverProject } = require('../../libs/tooling/jest.preset.cjs');
module.exports = serverProject('faults', __dirname, { testMatch: ['<rootDir>/**/*.fault.ts'], testTimeout: 180000, maxWorkers: 1 });
