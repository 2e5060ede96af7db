import "server-only";
import type Stripe from "stripe";
import type { Actor } from "@/lib/audit/record-audit";
import { reversePayment } from "@/lib/fulfillment/reverse-payment";
import { paymentIntentIdOf } from "./payment-intent-id";

/** A charge was refunded: a full refund revokes the purchase's licenses. */
export async function chargeRefunded(event: Stripe.ChargeRefundedEvent, actor: Actor) {
  const charge = event.data.object;
  const paymentIntentId = paymentIntentIdOf(charge);
  // Only a full refund takes the license away; a partial one is a goodwill gesture.
  if (!charge.refunded || !paymentIntentId) return;
  await reversePayment({ paymentIntentId, kind: "refund", actor });
}
