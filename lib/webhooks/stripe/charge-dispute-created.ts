import "server-only";
import type Stripe from "stripe";
import type { Actor } from "@/lib/audit/record-audit";
import { reversePayment } from "@/lib/fulfillment/reverse-payment";
import { paymentIntentIdOf } from "./payment-intent-id";

/** A buyer disputed a payment: its licenses are suspended while the dispute runs. */
export async function chargeDisputeCreated(event: Stripe.ChargeDisputeCreatedEvent, actor: Actor) {
  const dispute = event.data.object;
  const paymentIntentId = paymentIntentIdOf(dispute);
  if (paymentIntentId)
    await reversePayment({ paymentIntentId, kind: "dispute", disputeId: dispute.id, actor });
}
