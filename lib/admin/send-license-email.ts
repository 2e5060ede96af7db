import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { enqueueLicenseEmail } from "@/lib/fulfillment/enqueue-purchase-emails";

/** An admin sends a license's email again (no hourly limit: the customer asked them to). */
export async function sendLicenseEmailAsAdmin(options: { licenseId: string; actor: Actor }) {
  const license = await db.license.findUnique({
    where: { id: options.licenseId },
    include: { purchase: true, product: true, tier: true },
  });
  if (!license) throw new AppError("NOT_FOUND", "No such license.");
  await db.$transaction(async (tx) => {
    await enqueueLicenseEmail(tx, {
      idempotencyKey: `license-delivery:admin:${license.id}:${Date.now()}`,
      to: license.customerEmail,
      customerName: license.purchase?.customerName ?? null,
      product: license.product,
      tier: license.tier,
      licenses: [license],
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "license.email_resent",
      entityType: "License",
      entityId: license.id,
    });
  });
}
