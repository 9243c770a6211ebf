import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'web/dist/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-console': 'error',
    },
  },
  // The dashboard runs in the browser.
  { files: ['web/**'], languageOptions: { globals: { ...globals.browser } } },
  // The CLI and benchmarks talk to the terminal on purpose.
  { files: ['src/cli/**', 'bench/**', 'bin/**', 'src/demo/**', 'scripts/**'], rules: { 'no-console': 'off' } },
);
