import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";
import { FULFILLMENT_TRANSACTION, fulfillOrder } from "@/lib/fulfillment/fulfill-order";
import type { PurchaseOrder } from "@/lib/fulfillment/purchase-order";

/**
 * A license given by hand (a gift, a replacement, a sale made elsewhere): a MANUAL order of 0,
 * fulfilled through the same path as a paid checkout (purchase, license, emails, audit rows).
 */
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
  const order: PurchaseOrder = {
    source: "MANUAL",
    sourceOrderId: `manual_${randomUUID()}`,
    tier,
    quantity: 1,
    amountCents: 0,
    currency: tier.currency,
    customerEmail: options.email.trim().toLowerCase(),
    customerName: options.name || null,
    paymentIntentId: null,
    testMode: false,
  };
  const fulfilled = await db.$transaction(
    (tx) => fulfillOrder(tx, { order, actor: options.actor }),
    FULFILLMENT_TRANSACTION,
  );
  // A fresh order id cannot have been settled before.
  if (!fulfilled.issuedNow) throw new Error(`Manual order ${order.sourceOrderId} already settled`);
  kickEmailDelivery();
  return { purchase: fulfilled.purchase, license: fulfilled.licenses[0]! };
}
