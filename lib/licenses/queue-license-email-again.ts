import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { enqueueLicenseEmail } from "@/lib/fulfillment/enqueue-purchase-emails";
import type { License, Product, Purchase, Tier } from "@/lib/generated/prisma/client";

/** Queues a license's email once more, to the address it belongs to, with its audit row. */
export async function queueLicenseEmailAgain(options: {
  license: License & { purchase: Purchase | null; product: Product; tier: Tier };
  actor: Actor;
}) {
  const { license } = options;
  await db.$transaction(async (tx) => {
    await enqueueLicenseEmail(tx, {
      idempotencyKey: `license-delivery:again:${license.id}:${Date.now()}`,
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
  void kickEmailDelivery();
}
