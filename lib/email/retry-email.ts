import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { kickEmailDelivery } from "./email-worker";
import { lostSecrets } from "./redact-email";

/** Puts a failed email back in the outbox for a fresh retry schedule (EMAIL_RETRY_DELAYS_MS). */
export async function retryEmail(options: { emailId: string; actor: Actor }) {
  const failed = await db.emailMessage.findFirst({
    where: { id: options.emailId, status: "FAILED" },
    select: { text: true },
  });
  if (!failed) throw new AppError("NOT_FOUND", "No failed email with this id.");
  // Its key or link was removed when it failed (lib/email/redact-email.ts): sending what is left
  // would deliver nothing of use.
  if (lostSecrets(failed))
    throw new AppError(
      "VALIDATION_FAILED",
      "This email's license keys or sign-in link were removed when it failed. Send the license " +
        "email again from the license's page, or ask the customer to request a new sign-in link.",
    );
  await db.$transaction(async (tx) => {
    const { count } = await tx.emailMessage.updateMany({
      where: { id: options.emailId, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No failed email with this id.");
    await recordAudit(tx, {
      actor: options.actor,
      action: "email.retried",
      entityType: "EmailMessage",
      entityId: options.emailId,
    });
  });
  kickEmailDelivery();
}
