// Webpack config for the Node apps (api, worker). swc keeps decorator metadata, which Nest's
// dependency injection needs (esbuild and tsx drop it); the tsconfig path aliases are resolved at
// build time, and node_modules stay external so native and ESM-only packages load as installed.
const path = require('node:path');
const TsconfigPathsPlugin = require('tsconfig-paths-webpack-plugin');
const nodeExternals = require('webpack-node-externals');

const workspaceRoot = path.resolve(__dirname, '../..');

module.exports = function nodeAppConfig(appName) {
  return (_env, argv) => ({
    mode: argv.mode || 'production',
    target: 'node20',
    context: workspaceRoot,
    entry: { main: path.join(workspaceRoot, 'apps', appName, 'src/main.ts') },
    output: {
      path: path.join(workspaceRoot, 'dist/apps', appName),
      filename: '[name].js',
      clean: true,
    },
    devtool: 'source-map',
    externalsPresets: { node: true },
    externals: [nodeExternals({ modulesDir: path.join(workspaceRoot, 'node_modules') })],
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      extensionAlias: { '.js': ['.ts', '.js'] },
      plugins: [new TsconfigPathsPlugin({ configFile: path.join(workspaceRoot, 'tsconfig.base.json') })],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', decorators: true },
                transform: { legacyDecorator: true, decoratorMetadata: true },
                target: 'es2022',
                keepClassNames: true,
              },
              module: { type: 'es6' },
              sourceMaps: true,
            },
          },
        },
      ],
    },
    // nodeEnv: false keeps process.env.NODE_ENV a run-time setting (webpack would inline the build mode).
    optimization: { minimize: false, nodeEnv: false },
    performance: { hints: false },
    stats: 'errors-warnings',
    ignoreWarnings: [/Critical dependency/],
  });
};
