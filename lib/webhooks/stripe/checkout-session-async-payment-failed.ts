import "server-only";
import type Stripe from "stripe";
import type { Actor } from "@/lib/audit/record-audit";
import { failCheckout } from "@/lib/fulfillment/fail-checkout";

/** A delayed payment failed: its purchase becomes FAILED and is never licensed. */
export async function checkoutSessionAsyncPaymentFailed(
  event: Stripe.CheckoutSessionAsyncPaymentFailedEvent,
  actor: Actor,
) {
  await failCheckout({ sessionId: event.data.object.id, actor });
}
