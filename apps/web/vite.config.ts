import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { messagesPlugin } from './vite-plugin-messages';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '../..');

// The @alliance/* aliases come from tsconfig.base.json so the bundler and the type checker agree.
const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const alias = Object.entries(tsconfig.compilerOptions.paths).map(([find, [target]]) => ({
  find,
  replacement: resolve(workspaceRoot, target),
}));

const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  cacheDir: resolve(workspaceRoot, 'node_modules/.vite/apps-web'),
  plugins: [react(), ...messagesPlugin({ workspaceRoot })],
  // `zod` itself resolves to src/zod, which turns off zod's eval probe first (a CSP violation).
  resolve: { alias: [{ find: /^zod$/, replacement: resolve(here, 'src/zod/index.ts') }, ...alias] },
  server: {
    port: 4200,
    strictPort: true,
    host: 'localhost',
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: false },
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4200 },
  build: {
    outDir: resolve(workspaceRoot, 'dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      // Keep zod (needed only by the lazily loaded form pages) out of the first load: the shared
      // libraries declare only constants, schemas and functions, so an unused re-export of
      // validation.ts may be dropped, and validation.ts + zod get their own chunk.
      treeshake: { moduleSideEffects: (id: string) => !id.startsWith(resolve(workspaceRoot, 'libs/shared')) },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'validation',
              includeDependenciesRecursively: false,
              test: /node_modules[\\/]zod[\\/]|apps[\\/]web[\\/]src[\\/]zod[\\/]|libs[\\/]shared[\\/]core[\\/]src[\\/]validation/,
            },
          ],
        },
      },
    },
  },
});
