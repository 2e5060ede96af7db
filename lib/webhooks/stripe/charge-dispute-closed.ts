import "server-only";
import type Stripe from "stripe";
import type { Actor } from "@/lib/audit/record-audit";
import { closeDispute } from "@/lib/fulfillment/close-dispute";
import { paymentIntentIdOf } from "./payment-intent-id";

const DECISIONS = ["won", "lost"] as const;

/**
 * A dispute closed: `won` reinstates what it suspended, `lost` revokes it. Any other status
 * (`warning_closed`: an inquiry that never became a chargeback) changes nothing.
 */
export async function chargeDisputeClosed(event: Stripe.ChargeDisputeClosedEvent, actor: Actor) {
  const dispute = event.data.object;
  const outcome = DECISIONS.find((decision) => decision === dispute.status);
  const paymentIntentId = paymentIntentIdOf(dispute);
  // Captures as old as 2013 carry neither a dispute id nor a payment intent: nothing of ours.
  if (!outcome || !dispute.id || !paymentIntentId) return;
  await closeDispute({ disputeId: dispute.id, paymentIntentId, outcome, actor });
}
