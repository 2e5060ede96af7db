import "server-only";
import type Stripe from "stripe";
import type { Actor } from "@/lib/audit/record-audit";
import { fulfillCheckout } from "@/lib/fulfillment/fulfill-checkout";

/** A checkout finished: fulfil it if paid (a delayed method waits for `async_payment_succeeded`). */
export async function checkoutSessionCompleted(
  event: Stripe.CheckoutSessionCompletedEvent,
  actor: Actor,
) {
  await fulfillCheckout({ sessionId: event.data.object.id, actor });
}
