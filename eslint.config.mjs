import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './scripts/eslint-layers.mjs';

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

const HOSTS = ['src/main/hosts/browser', 'src/main/hosts/electron', 'src/main/hosts/cli'];

/** Which part may import which (docs/architecture.md §1, docs/development.md); enforced by scripts/eslint-layers.mjs. */
export const LAYERS = [
  {
    files: ['src/main/engine'],
    forbid: [
      { packages: ['electron'], message: 'the engine runs under plain Node (tests, CLI, worker threads): it never imports electron' },
      { paths: ['src/main/hosts'], message: 'the engine never imports a host: hosts adapt the engine, not the reverse' },
    ],
  },
  {
    files: ['src/renderer'],
    forbid: [
      { paths: ['src/main', 'src/preload'], message: 'the renderer talks to the engine only through FerryApi (src/shared)' },
      { builtins: true, message: 'the renderer runs in a sandboxed page (Electron) or a browser: no Node built-ins' },
    ],
  },
  {
    files: ['src/shared'],
    forbid: [{ paths: ['src/main', 'src/renderer', 'src/preload'], message: 'src/shared holds contracts only: it imports nothing of main, renderer or preload' }],
  },
  ...HOSTS.map((host) => ({
    files: [host],
    forbid: [{ paths: HOSTS.filter((h) => h !== host), message: 'hosts never import each other: what two hosts need lives in src/main/hosts/ itself' }],
  })),
  {
    // What several hosts share (web-security.ts, static-files.ts): loaded by the browser host and the CLI under plain Node.
    files: ['src/main/hosts/*'],
    forbid: [
      { packages: ['electron'], message: 'code shared by the hosts runs under plain Node too: no electron import' },
      { paths: HOSTS, message: 'code shared by the hosts imports none of them' },
    ],
  },
];

/** The exceptions, each with its reason. */
export const LAYER_EXCEPTIONS = [
  { file: 'src/main/hosts/cli/commands/serve.ts', to: 'src/main/hosts/browser', why: '`ferry serve` is the CLI command that starts the browser host' },
];

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
      // `let id; const done = waitFor(() => id); id = await start()`: the callback may run before the assignment,
      // when a const would still be in its temporal dead zone and throw instead of reading undefined.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/imports': ['error', { root: import.meta.dirname, layers: LAYERS, allow: LAYER_EXCEPTIONS }] },
  },
  {
    // The scripts are CommonJS on purpose: bootstrap.js runs on a fresh clone before anything is installed
    // or built, with plain `node`, and the others share its helpers.
    files: ['scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_COMMONJS_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
