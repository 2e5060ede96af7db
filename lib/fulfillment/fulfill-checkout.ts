import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { retrieveCheckoutSession } from "@/lib/payments/retrieve-checkout-session";
import { readCheckoutOrder } from "./checkout-order";
import { FULFILLMENT_TRANSACTION, fulfillOrder } from "./fulfill-order";
import { recordPurchase } from "./record-purchase";

export type FulfillmentResult =
  // The buyer has not paid (session open or expired).
  | { status: "unpaid" }
  // Paid with a delayed method that has not settled yet.
  | { status: "processing"; purchaseId: string }
  // The purchase exists in its current state (PAID, or REFUNDED / DISPUTED / FAILED later on).
  | { status: "recorded"; purchaseId: string; issuedNow: boolean };

/**
 * Fulfils a Stripe checkout, called by the webhook and by the success page. It asks Stripe for the
 * session's current state and hands a paid session to `fulfillOrder`. Any number of concurrent or
 * repeated calls for one session produce its purchase, licenses and emails exactly once.
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
      (tx) => recordPurchase(tx, { order, status: "PENDING", actor: options.actor }),
      FULFILLMENT_TRANSACTION,
    );
    return purchase.status === "PENDING"
      ? { status: "processing", purchaseId: purchase.id }
      : { status: "recorded", purchaseId: purchase.id, issuedNow: false };
  }

  const fulfilled = await db.$transaction(
    (tx) => fulfillOrder(tx, { order, actor: options.actor }),
    FULFILLMENT_TRANSACTION,
  );
  return { status: "recorded", purchaseId: fulfilled.purchaseId, issuedNow: fulfilled.issuedNow };
}
