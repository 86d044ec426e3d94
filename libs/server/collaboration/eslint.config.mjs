import base from '../../../libs/tooling/eslint.base.mjs';
export default [...base];
