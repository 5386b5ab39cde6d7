// ESLint flat config. Besides typescript-eslint's recommended rules (without
// type information, so linting stays fast), it enforces which process may
// import what: a module that runs in one process must not pull in code that
// only works in another.
import { builtinModules } from 'node:module';

import tseslint from 'typescript-eslint';

/** Forbids imports whose path names one of the source folders, such as `../../main/core/x.ts`. */
function folderPattern(folders, reason) {
  return { regex: `(^|/)(${folders.join('|')})(/|$)`, message: reason };
}

const ELECTRON = {
  paths: [{ name: 'electron', message: 'Only src/main (outside src/main/core) and src/preload may import electron.' }],
  pattern: { regex: '^electron/', message: 'Only src/main (outside src/main/core) and src/preload may import electron.' },
};

const NODE_BUILTINS = {
  paths: builtinModules.map((name) => ({ name, message: 'This code runs in the sandboxed renderer or preload, where Node modules are not available.' })),
  pattern: { regex: '^node:', message: 'This code runs in the sandboxed renderer or preload, where Node modules are not available.' },
};

/**
 * Builds the one `no-restricted-imports` setting of a folder. ESLint does not
 * merge two settings of a rule for one file, so each folder lists all of its limits.
 */
function restrictImports(files, { electron = false, node = false, folders = [], reason = '' }) {
  const paths = [...(electron ? ELECTRON.paths : []), ...(node ? NODE_BUILTINS.paths : [])];
  const patterns = [
    ...(electron ? [ELECTRON.pattern] : []),
    ...(node ? [NODE_BUILTINS.pattern] : []),
    ...(folders.length > 0 ? [folderPattern(folders, reason)] : []),
  ];
  return { files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } };
}

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/.cache/**', 'coverage/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read raw JSON and mocked modules, where `any` is the honest type.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  restrictImports(['src/shared/**'], {
    electron: true,
    folders: ['main', 'worker', 'renderer', 'cli', 'preload'],
    reason: 'src/shared is used by every process, so it imports nothing from the process folders.',
  }),
  restrictImports(['src/renderer/**'], {
    electron: true,
    node: true,
    folders: ['main', 'worker', 'cli', 'preload'],
    reason: 'The renderer reaches main only through window.liner; share types through src/shared.',
  }),
  restrictImports(['src/preload/**'], {
    node: true,
    folders: ['main', 'worker', 'renderer', 'cli'],
    reason: 'The preload only bridges IPC; share types through src/shared.',
  }),
  restrictImports(['src/worker/**'], {
    electron: true,
    folders: ['main', 'renderer', 'cli', 'preload'],
    reason: 'Workers talk to main through messages; share types through src/shared.',
  }),
  restrictImports(['src/main/core/**'], {
    electron: true,
    folders: ['renderer', 'preload', 'cli', 'worker'],
    reason: 'src/main/core runs under Electron and plain Node alike and starts workers by entry name, never by import.',
  }),
  restrictImports(['src/main/*.ts'], {
    folders: ['renderer', 'preload', 'cli', 'worker'],
    reason: 'The Electron shell starts workers by entry name and reaches the renderer through IPC, never by import.',
  }),
  restrictImports(['src/cli/**'], {
    electron: true,
    folders: ['renderer', 'preload'],
    reason: 'The CLI hosts src/main/core under plain Node; it has no window.',
  }),
);
