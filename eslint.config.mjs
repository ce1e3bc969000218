import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * `npm run lint` (and a step of `npm test`): ESLint's and typescript-eslint's recommended rules, without type
 * information (type-aware linting would build both TypeScript programs again, which `npm run typecheck`
 * already does). See docs/development.md.
 */

/** The globals a CommonJS Node script uses (the `globals` package is not a dependency, and these are few). */
const NODE_COMMONJS_GLOBALS = Object.fromEntries(
  ['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'URL',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate']
    .map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'native/**', 'bench/.corpora/**', 'test-results/**', 'playwright-report/**'] },
  // A disable comment that no longer silences anything is an error, so that none outlives its reason.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a binding kept on purpose (the convention TypeScript's own unused checks
      // follow), and `const { a, ...rest } = x` is how an object is copied without `a`.
      '@typescript-eslint/no-unused-vars': ['error', {
        ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_',
      }],
    },
  },
  {
    // The scripts are CommonJS on purpose: bootstrap.js runs on a fresh clone before anything is installed
    // or built, with plain `node`, and the others share its helpers.
    files: ['scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_COMMONJS_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
