// Runs once when the server starts: validates the configuration, so a missing production secret
// stops `next start` with a message naming it, and starts the email outbox worker.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { config } = await import("@/lib/config");
    config();
    const { startEmailWorker } = await import("@/lib/email/email-worker");
    startEmailWorker();
  }
}
