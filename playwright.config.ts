import { defineConfig } from '@playwright/test';

// End-to-end tests run against the built site (`npm run build`), served by `astro preview`,
// in Debian's Chromium: Playwright never downloads a browser here.
const PORT = Number(process.env.E2E_PORT ?? 4327);
// The sub-path copy (`npm run build:subpath`: dist-course/ built for /course/) is served by a plain
// static server, as a host would, on its own port: tests/e2e/subpath.spec.ts.
const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT ?? PORT + 10);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  projects: [
    { name: 'site', testIgnore: /subpath\.spec\.ts$/ },
    { name: 'subpath', testMatch: /subpath\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${SUBPATH_PORT}/course/` } },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: [
    {
      command: `astro preview --host 127.0.0.1 --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    },
    {
      command: `node scripts/serve-static.ts dist-course --base /course/ --port ${SUBPATH_PORT}`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/course/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
