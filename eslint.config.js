// Light lint: typescript-eslint's recommended rules over our code. Layering (who may import
// whom) is enforced by dependency-cruiser (.dependency-cruiser.cjs), which sees whole paths.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'bench/data/**',
      'bench/results/**',
      '.tmp/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        // Node and browser globals both appear (renderer vs main); TypeScript checks the real ones.
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      // Empty destructuring is how Playwright fixtures say "needs no other fixture".
      'no-empty-pattern': 'off',
      'no-undef': 'off',
      'prefer-const': 'warn',
    },
  },
  {
    // models/runtime is the one place that opens ONNX bytes with onnxruntime-node (dependency-cruiser
    // excludes node_modules, so this rule lives here).
    files: ['**/*.{ts,tsx,mjs,js}'],
    ignores: ['models/runtime/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'onnxruntime-node', message: 'Score ONNX models through models/runtime (OnnxScorer).' },
            { name: 'onnxruntime-common', message: 'Score ONNX models through models/runtime (OnnxScorer).' },
          ],
        },
      ],
    },
  },
  {
    // CommonJS files (.dependency-cruiser.cjs, scripts/*.cjs) require by nature.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The two classic hook rules only; v7's React Compiler rules are more than this light lint wants.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
