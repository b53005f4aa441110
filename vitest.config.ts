import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Component tests render Ink straight from node_modules, where CI=true makes Ink skip
    // frames (the built REPL swaps that check out; see scripts/build.mjs).
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  },
});
