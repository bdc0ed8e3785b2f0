// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NOT_SHIPPED =
  'dev/ (the synthetic data generator, the local servers) is not shipped; the product does not import it. ' +
  'The vocabulary the product shares is in src/core/vocabulary.ts.';

export default tseslint.config(
  { ignores: ['node_modules/**', '.hers/**', 'coverage/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'discord.js', message: 'Only src/discord/ imports discord.js.' }],
        },
      ],
    },
  },
  {
    files: ['commands/**/*.ts', 'src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'discord.js', message: 'Only src/discord/ imports discord.js.' }],
          patterns: [{ group: ['**/dev/**'], message: NOT_SHIPPED }],
        },
      ],
    },
  },
  {
    files: ['src/discord/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/dev/**'], message: NOT_SHIPPED }] }],
    },
  },
  {
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
