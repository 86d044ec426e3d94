const { serverProject } = require('../../../libs/tooling/jest.preset.cjs');
// One file at a time: every spec runs outbox relays, and a relay (by design) takes any committed
// row of the shared outbox table, so parallel files would take each other's jobs.
module.exports = serverProject('server-queue', __dirname, { maxWorkers: 1 });
