import "server-only";
import type Stripe from "stripe";
import type { Actor } from "@/lib/audit/record-audit";
import { fulfillCheckout } from "@/lib/fulfillment/fulfill-checkout";

/** A delayed payment (bank debit, transfer) settled: the checkout is fulfilled now. */
export async function checkoutSessionAsyncPaymentSucceeded(
  event: Stripe.CheckoutSessionAsyncPaymentSucceededEvent,
  actor: Actor,
) {
  await fulfillCheckout({ sessionId: event.data.object.id, actor });
}
