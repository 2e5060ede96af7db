// Runs once per server process inside Next's server bundle, before Next handles its first request
// (in production Next calls it at that first request, not at start: server.ts sends one). It
// validates the configuration, starts the email outbox worker, and hands the license API's
// node:http handler to server.ts (`npm start`), which must not load a second copy of lib/ itself.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { config, ConfigError } = await import("@/lib/config");
    try {
      config();
    } catch (error) {
      // A missing production secret stops the server with the message naming it, not a stack trace.
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message);
      process.exit(1);
    }
    // License keys stored in clear before they were encrypted are sealed in the background: they
    // read the same meanwhile (lib/licenses/license-secrets.ts).
    const { sealClearLicenseSecrets } = await import("@/lib/licenses/seal-clear-license-secrets");
    void sealClearLicenseSecrets().catch((error: unknown) =>
      console.error("sealing clear license keys failed; it runs again at the next start:", error),
    );
    const { startEmailWorker } = await import("@/lib/email/email-worker");
    startEmailWorker();
    const { startRateLimitSweeper } = await import("@/lib/rate-limit/sweep-expired-rate-limits");
    startRateLimitSweeper();
    const { publishDirectLicenseApi } = await import("@/lib/license-api/license-api-handoff");
    const { directLicenseApi } = await import("@/lib/license-api/direct-license-api");
    publishDirectLicenseApi(directLicenseApi);
  }
}
