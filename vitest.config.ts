import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'main/**/*.test.ts',
      'preload/**/*.test.ts',
      'models/**/*.test.ts',
      'bench/**/*.test.ts',
      'renderer/**/*.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
