import "server-only";
import { deliverDueEmails } from "./deliver-due-emails";

let running: Promise<void> | undefined;
let again = false;

/**
 * Starts a delivery pass for what the caller has just committed to the outbox, and returns at
 * once: a request never waits for the provider (a stalled Resend would hold it for the whole
 * pass). Never throws; a failed pass is logged and its emails are retried by the worker.
 */
export function kickEmailDelivery(): void {
  if (running) {
    // Emails queued while a pass is sending get their own pass right after it.
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      await deliverDueEmails().catch((error: unknown) =>
        console.error("email delivery failed:", error),
      );
    } while (again);
  })().finally(() => {
    running = undefined;
  });
}

/** Resolves when no delivery pass is running in this process (tests, shutdown). */
export async function emailDeliveryIdle(): Promise<void> {
  await running;
}

/** Polls the outbox so retries go out when their backoff has passed. One per server process. */
export function startEmailWorker(intervalMs = 10_000) {
  const timer = setInterval(kickEmailDelivery, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
