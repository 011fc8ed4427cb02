// ESLint over src, blocks, test and bench: typescript-eslint's type-checked rules plus a few that
// fit this codebase. `npm run lint` runs it with --max-warnings 0; `npm test` and integrate run that.
// Every eslint-disable must say why on the same line (`-- reason`).
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'build/**', 'vendor/**', 'node_modules/**', '.cache/**', 'coverage/**'],
  },
  {
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // tsc already reports unused locals and parameters (noUnusedLocals/noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      // `import type` keeps type-only imports out of the browser bundles and out of blocks/' runtime.
      // (`typeof import('x')` stays allowed: a lazy require() is typed that way.)
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // A forgotten await or an unhandled promise freezes a project or loses an error silently.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
      'prefer-const': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // jest's asymmetric matchers (expect.any, expect.arrayContaining, expect.stringMatching) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // Tests compare and wrap methods (expect(sequencer.stepThread).toBe(...)) without calling them.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Each eslint-disable comment says why on the same line (`-- reason`) and names its rules.
    files: ['**/*.{ts,js,mjs,cjs}'],
    plugins: { '@eslint-community/eslint-comments': comments },
    rules: {
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      '@eslint-community/eslint-comments/disable-enable-pair': 'error',
    },
  },
  {
    // Plain JavaScript support files (CommonJS for jest, an ES module for the MicroPython worker) and configs.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // Small plain scripts of the server's pages, loaded by <script src> in the browser.
    files: ['src/server/pages/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
);
