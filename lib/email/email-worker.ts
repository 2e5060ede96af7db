import "server-only";
import { deliverDueEmails } from "./deliver-due-emails";

let running: Promise<void> | undefined;
let again = false;

/** Delivers due emails now, after the change that queued them has committed. Never throws. */
export function kickEmailDelivery(): Promise<void> {
  if (running) {
    // Emails queued while a pass is sending get their own pass right after it.
    again = true;
    return running;
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
  return running;
}

/** Polls the outbox so retries go out when their backoff has passed. One per server process. */
export function startEmailWorker(intervalMs = 10_000) {
  const timer = setInterval(() => void kickEmailDelivery(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
