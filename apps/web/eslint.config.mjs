import base, { reactConfig } from '../../libs/tooling/eslint.base.mjs';
export default [...base, ...reactConfig];
