const { plainProject } = require('../../../libs/tooling/jest.preset.cjs');
module.exports = plainProject('shared-i18n', __dirname);
