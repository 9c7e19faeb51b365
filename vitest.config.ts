import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['__tests__/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          // Named after the engine profile (scripts/engine-profile.sh), so every failure says which engine it was on.
          name: process.env.ENGINE_PROFILE === undefined ? 'e2e' : `e2e:${process.env.ENGINE_PROFILE}`,
          include: ['__tests__/e2e/**/*.test.ts'],
          globalSetup: ['__tests__/e2e/global-setup.ts'],
          // One engine, one registry: files run one after another, tests inside a file too.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
