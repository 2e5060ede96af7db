import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";
import { enqueuePurchaseEmails } from "@/lib/fulfillment/enqueue-purchase-emails";
import { FULFILLMENT_TRANSACTION } from "@/lib/fulfillment/fulfill-checkout";
import { issueLicenses } from "@/lib/licenses/issue-licenses";

/** A license given by hand (a gift, a replacement, a sale made elsewhere): a MANUAL purchase of 0. */
export async function grantLicense(options: {
  tierId: string;
  email: string;
  name?: string;
  actor: Actor;
}) {
  const tier = await db.tier.findUnique({
    where: { id: options.tierId },
    include: { product: true },
  });
  if (!tier) throw new AppError("NOT_FOUND", "No such tier.");
  const email = options.email.trim().toLowerCase();
  const granted = await db.$transaction(async (tx) => {
    const paidAt = new Date();
    const purchase = await tx.purchase.create({
      data: {
        source: "MANUAL",
        sourceOrderId: `manual_${randomUUID()}`,
        customerEmail: email,
        customerName: options.name || null,
        productId: tier.productId,
        tierId: tier.id,
        amountCents: 0,
        currency: tier.currency,
        status: "PAID",
        paidAt,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "purchase.granted",
      entityType: "Purchase",
      entityId: purchase.id,
      after: { email, tier: tier.kind, product: tier.product.slug },
    });
    const licenses = await issueLicenses(tx, {
      purchaseId: purchase.id,
      product: tier.product,
      tier,
      customerEmail: email,
      quantity: 1,
      actor: options.actor,
      issuedAt: paidAt,
    });
    await enqueuePurchaseEmails(tx, { purchase, product: tier.product, tier, licenses, paidAt });
    return { purchase, license: licenses[0]! };
  }, FULFILLMENT_TRANSACTION);
  void kickEmailDelivery();
  return granted;
}
