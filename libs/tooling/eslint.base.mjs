// Shared ESLint flat config. Each project has an eslint.config.mjs that spreads this array.
// The module-boundaries rule encodes DESIGN.md's one-way dependencies through Nx project tags.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

const domainOrder = ['identity', 'notifications', 'certificates', 'alliance', 'evidence', 'learning', 'workshops', 'collaboration'];
// A domain may use the domains before it in DESIGN.md's order (learning and workshops share one
// tier and may not use each other; both may link evidence), plus infrastructure and shared code.
const domainConstraints = domainOrder.map((domain, index) => {
  const tier = ['learning', 'workshops'];
  const before = domainOrder
    .slice(0, index)
    .filter((d) => !(tier.includes(domain) && tier.includes(d)));
  return {
    sourceTag: `domain:${domain}`,
    onlyDependOnLibsWithTags: [...before.map((d) => `domain:${d}`), 'scope:infra', 'scope:shared'],
  };
});

export const boundaries = {
  '@nx/enforce-module-boundaries': [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: [
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        { sourceTag: 'scope:infra', onlyDependOnLibsWithTags: ['scope:infra', 'scope:shared'] },
        ...domainConstraints,
        { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:domain', 'scope:infra', 'scope:shared'] },
        { sourceTag: 'type:server-app', onlyDependOnLibsWithTags: ['scope:platform', 'scope:domain', 'scope:infra', 'scope:shared'] },
        { sourceTag: 'type:web-app', onlyDependOnLibsWithTags: ['scope:shared'] },
        { sourceTag: 'type:tests', onlyDependOnLibsWithTags: ['scope:platform', 'scope:domain', 'scope:infra', 'scope:shared', 'type:tests'] },
        { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: [] },
      ],
    },
  ],
};

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.cjs', '**/*.mjs', '**/vite.config.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      ...boundaries,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-console': 'off' },
  },
];

export const reactConfig = [
  {
    files: ['**/*.tsx', '**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
];
