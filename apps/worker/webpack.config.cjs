module.exports = require('../../libs/tooling/webpack.node.cjs')('worker');
