import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { issueLicenses } from "@/lib/licenses/issue-licenses";
import { retrieveCheckoutSession } from "@/lib/payments/retrieve-checkout-session";
import { readCheckoutOrder } from "./checkout-order";
import { enqueuePurchaseEmails } from "./enqueue-purchase-emails";
import { lockCheckoutPurchase } from "./lock-checkout-purchase";

export const FULFILLMENT_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

export type FulfillmentResult =
  // The buyer has not paid (session open or expired).
  | { status: "unpaid" }
  // Paid with a delayed method that has not settled yet.
  | { status: "processing"; purchaseId: string }
  // The purchase exists in its current state (PAID, or REFUNDED / DISPUTED / FAILED later on).
  | { status: "recorded"; purchaseId: string; issuedNow: boolean };

/**
 * The one path from "paid" to "licensed", called by the webhook and by the success page. It asks
 * Stripe for the session's current state, and for a paid session creates, in one transaction, the
 * purchase, one license per unit bought, the license email and receipt, and their audit rows. Any
 * number of concurrent or repeated calls for one session produce that exactly once.
 */
export async function fulfillCheckout(options: {
  sessionId: string;
  actor: Actor;
}): Promise<FulfillmentResult> {
  const session = await retrieveCheckoutSession(options.sessionId);
  if (session.status !== "complete") return { status: "unpaid" };

  const order = await readCheckoutOrder(session);
  if (session.payment_status === "unpaid") {
    const purchase = await db.$transaction(
      (tx) => lockCheckoutPurchase(tx, { order, status: "PENDING", actor: options.actor }),
      FULFILLMENT_TRANSACTION,
    );
    return purchase.status === "PENDING"
      ? { status: "processing", purchaseId: purchase.id }
      : { status: "recorded", purchaseId: purchase.id, issuedNow: false };
  }

  return db.$transaction(async (tx) => {
    const locked = await lockCheckoutPurchase(tx, {
      order,
      status: "PENDING",
      actor: options.actor,
    });
    // Anything but PENDING was settled by an earlier call: paid and licensed, or refunded,
    // disputed or failed before we got here, which must not produce a license.
    if (locked.status !== "PENDING")
      return { status: "recorded", purchaseId: locked.id, issuedNow: false } as const;

    const paidAt = new Date();
    const purchase = await tx.purchase.update({
      where: { id: locked.id },
      data: {
        status: "PAID",
        paidAt,
        providerObject: order.providerObject,
        paymentIntentId: order.paymentIntentId,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "purchase.paid",
      entityType: "Purchase",
      entityId: purchase.id,
      before: { status: "PENDING" },
      after: { status: "PAID", amountCents: purchase.amountCents, currency: purchase.currency },
    });
    const licenses = await issueLicenses(tx, {
      purchaseId: purchase.id,
      product: order.tier.product,
      tier: order.tier,
      customerEmail: purchase.customerEmail,
      quantity: purchase.quantity,
      actor: options.actor,
      issuedAt: paidAt,
    });
    await enqueuePurchaseEmails(tx, {
      purchase,
      product: order.tier.product,
      tier: order.tier,
      licenses,
      paidAt,
    });
    return { status: "recorded", purchaseId: purchase.id, issuedNow: true } as const;
  }, FULFILLMENT_TRANSACTION);
}
