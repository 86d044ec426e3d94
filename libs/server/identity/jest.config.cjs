const { serverProject } = require('../../../libs/tooling/jest.preset.cjs');
// One file at a time: the last-administrator rule is global to the database, so a spec revoking
// every administrator must not race with another spec that relies on one.
module.exports = serverProject('server-identity', __dirname, { maxWorkers: 1 });
