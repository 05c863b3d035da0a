import { defineConfig, devices } from "@playwright/test";

// `npm test` builds the app, serves it on E2E_PORT against a throwaway database
// seeded with the demo data, and points CHROMIUM_PATH at a browser (Debian's
// Chromium where there is one). Pages are tried at a 375 px phone width.
const port = Number(process.env.E2E_PORT ?? 3000);
const executablePath = process.env.CHROMIUM_PATH || undefined;

// Spec files run side by side in several workers: each test makes its own data
// (tests/e2e/factories.ts) or owns the demo accounts it changes. E2E_WORKERS
// overrides the count.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 3),
  retries: 0,
  timeout: 60_000,
  // One step of a spec is often several requests and an argon2 check or two, on a 2-core
  // machine that also runs the server and three browsers: 5 s (Playwright's default) is
  // too little there, while a broken step still fails well within the test's minute.
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : "list",
  outputDir: "test-results/e2e",
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    ...devices["iPhone SE"],
    viewport: { width: 375, height: 740 },
    browserName: "chromium",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
