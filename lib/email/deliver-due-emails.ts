import "server-only";
import { db } from "@/lib/db";
import { configuredEmailTransport, EmailSendError, type EmailTransport } from "./email-transport";
import { redactEmail } from "./redact-email";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How long to wait after each failed attempt: roughly ×4 each time, so an email outlives a
 * provider outage of up to a day (the attempts come at 0, 30 s, 2.5 min, 10.5 min, 40.5 min,
 * 2 h 40 min, 8 h 40 min and 23 h 40 min) before it is marked FAILED.
 */
export const EMAIL_RETRY_DELAYS_MS = [
  30_000,
  2 * MINUTE,
  8 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  6 * HOUR,
  15 * HOUR,
] as const;
export const MAX_EMAIL_ATTEMPTS = EMAIL_RETRY_DELAYS_MS.length + 1;

type ClaimedEmail = {
  id: string;
  idempotencyKey: string;
  template: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attempts: number;
};

/**
 * Sends what is due in the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number
 * of app instances can run this at once without sending an email twice; a claim abandoned by a
 * crashed instance is taken over after five minutes (a pass of `limit` sends, each cut off by the
 * transport's timeout, ends well before that). Failures are retried on EMAIL_RETRY_DELAYS_MS.
 * `now` replaces the clock (the database's, unless given) for tests that play out hours of retries.
 */
export async function deliverDueEmails(
  options: { limit?: number; transport?: EmailTransport; now?: Date } = {},
) {
  const send = options.transport ?? configuredEmailTransport();
  const limit = options.limit ?? 20;
  const now = options.now ?? null;
  const claimed = await db.$queryRaw<ClaimedEmail[]>`
    UPDATE "EmailMessage"
    SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = COALESCE(${now}, now())
    WHERE id IN (
      SELECT id FROM "EmailMessage"
      WHERE (status = 'QUEUED' AND "nextAttemptAt" <= COALESCE(${now}, now()))
         OR (status = 'SENDING' AND "updatedAt" < COALESCE(${now}, now()) - interval '5 minutes')
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "idempotencyKey", template, "to", subject, html, text, attempts`;

  const results = { sent: 0, retrying: 0, failed: 0 };
  for (const email of claimed) {
    try {
      const { providerMessageId } = await send(email);
      await db.emailMessage.update({
        where: { id: email.id },
        data: {
          status: "SENT",
          providerMessageId,
          sentAt: new Date(),
          lastError: null,
          // Keys and links are secrets: once a provider has them, the outbox forgets them. Without
          // a provider (captured locally) the outbox is where a local user reads them: kept.
          ...(!providerMessageId.startsWith("captured:") && redactEmail(email)),
        },
      });
      results.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof EmailSendError && error.permanent;
      const retryDelay = EMAIL_RETRY_DELAYS_MS[email.attempts - 1];
      const giveUp = permanent || retryDelay === undefined;
      await db.emailMessage.update({
        where: { id: email.id },
        data: giveUp
          ? { status: "FAILED", lastError: message, ...redactEmail(email) }
          : {
              status: "QUEUED",
              lastError: message,
              nextAttemptAt: new Date((options.now ?? new Date()).getTime() + retryDelay),
            },
      });
      if (giveUp) results.failed += 1;
      else results.retrying += 1;
    }
  }
  return results;
}
