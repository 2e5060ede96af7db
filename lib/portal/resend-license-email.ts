import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { canResendLicenseEmail } from "@/lib/licenses/license-view";
import { sendLicenseEmailAgain } from "@/lib/licenses/send-license-email-again";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";

export const RESENDS_PER_HOUR = 3;

/**
 * A customer asks for their license's email again, to the address it was bought with: only for
 * their own license, at most three times an hour per license, and never for a revoked license.
 */
export async function resendLicenseEmail(options: {
  email: string;
  licenseId: string;
  actor: Actor;
}) {
  const license = await db.license.findFirst({
    where: { id: options.licenseId, customerEmail: options.email },
    select: { id: true, status: true },
  });
  if (!license) throw new AppError("NOT_FOUND", "No such license.");
  if (!canResendLicenseEmail(license))
    throw new AppError("LICENSE_NOT_USABLE", "A revoked license's email cannot be sent again.");

  const limit = await consumeRateLimits([
    { key: `license-resend:${license.id}`, limit: RESENDS_PER_HOUR, windowSeconds: 3600 },
  ]);
  if (!limit.allowed) {
    throw new AppError(
      "RATE_LIMITED",
      `You can resend this email ${RESENDS_PER_HOUR} times an hour. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`,
    );
  }
  await sendLicenseEmailAgain({ licenseId: license.id, actor: options.actor });
}
