import "server-only";
import type Stripe from "stripe";
import type { Actor } from "@/lib/audit/record-audit";
import { abandonCheckout } from "@/lib/fulfillment/abandon-checkout";

/** A checkout session expired: a purchase still pending for it is abandoned. */
export async function checkoutSessionExpired(
  event: Stripe.CheckoutSessionExpiredEvent,
  actor: Actor,
) {
  await abandonCheckout({ sessionId: event.data.object.id, actor });
}
