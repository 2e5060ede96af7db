import "server-only";
import { db } from "@/lib/db";
import { configuredEmailTransport, EmailSendError, type EmailTransport } from "./email-transport";

export const MAX_EMAIL_ATTEMPTS = 3;

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

// A sign-in link is a password for fifteen minutes: once a provider has it, the outbox forgets it.
const REDACTED = "(This sign-in link was removed from the log once sent.)";

/**
 * Sends what is due in the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number
 * of app instances can run this at once without sending an email twice; a claim abandoned by a
 * crashed instance is taken over after five minutes. Failures are retried with exponential
 * backoff (retryBaseMs, then 4×) up to three attempts in all.
 */
export async function deliverDueEmails(
  options: { limit?: number; retryBaseMs?: number; transport?: EmailTransport } = {},
) {
  const send = options.transport ?? configuredEmailTransport();
  const limit = options.limit ?? 20;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const claimed = await db.$queryRaw<ClaimedEmail[]>`
    UPDATE "EmailMessage" SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = now()
    WHERE id IN (
      SELECT id FROM "EmailMessage"
      WHERE (status = 'QUEUED' AND "nextAttemptAt" <= now())
         OR (status = 'SENDING' AND "updatedAt" < now() - interval '5 minutes')
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
          ...(email.template === "sign-in-link" &&
            !providerMessageId.startsWith("captured:") && { html: REDACTED, text: REDACTED }),
        },
      });
      results.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof EmailSendError && error.permanent;
      const giveUp = permanent || email.attempts >= MAX_EMAIL_ATTEMPTS;
      await db.emailMessage.update({
        where: { id: email.id },
        data: giveUp
          ? { status: "FAILED", lastError: message }
          : {
              status: "QUEUED",
              lastError: message,
              nextAttemptAt: new Date(Date.now() + retryBaseMs * 4 ** (email.attempts - 1)),
            },
      });
      if (giveUp) results.failed += 1;
      else results.retrying += 1;
    }
  }
  return results;
}
