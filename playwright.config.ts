import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// The journeys create data; they must never point at a database that is not on this machine.
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl && !["localhost", "127.0.0.1", "[::1]"].includes(new URL(databaseUrl).hostname)) {
  throw new Error(
    `Refusing to run end-to-end tests against a non-local database (${new URL(databaseUrl).host}).`,
  );
}

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "api", testMatch: /.*\.api\.spec\.ts/ },
    // Signs the customer and the admin in once and saves their sessions in e2e/.auth/ (see
    // e2e/support/sessions.ts); the ui journeys open pages from those files.
    {
      name: "setup",
      testMatch: /.*\.setup\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "ui",
      testMatch: /.*\.ui\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    // Production build on the embedded defaults: a fresh in-memory database, migrations, demo seed.
    command: `npx tsx --conditions=react-server dev/start.ts --production --fresh --port ${PORT}`,
    url: `${baseURL}/api/health`,
    // A catalog refresh of 2 s instead of 5 minutes, so a journey can watch an edit reach the store.
    env: {
      DATA_DIR: ".data/e2e",
      ADMIN_EMAILS: "admin@keyfront.test",
      CATALOG_REFRESH_SECONDS: "2",
    },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
