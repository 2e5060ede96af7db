import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";
import { enqueueLicenseEmail } from "./enqueue-license-email";
import { revealLicense } from "./license-secrets";

/**
 * Queues a license's email once more, to the address it belongs to, with its audit row: the one
 * way a license email is sent again. An admin calls it as it is; the customer's own request adds
 * its limits first (lib/portal/resend-license-email.ts).
 */
export async function sendLicenseEmailAgain(options: { licenseId: string; actor: Actor }) {
  const license = await db.license.findUnique({
    where: { id: options.licenseId },
    include: { purchase: true, product: true, tier: true },
  });
  if (!license) throw new AppError("NOT_FOUND", "No such license.");
  await db.$transaction(async (tx) => {
    await enqueueLicenseEmail(tx, {
      idempotencyKey: `license-delivery:again:${license.id}:${Date.now()}`,
      to: license.customerEmail,
      customerName: license.purchase?.customerName ?? null,
      product: license.product,
      tier: license.tier,
      licenses: [revealLicense(license)],
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "license.email_resent",
      entityType: "License",
      entityId: license.id,
    });
  });
  kickEmailDelivery();
}
