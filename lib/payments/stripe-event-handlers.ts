import "server-only";
import type Stripe from "stripe";
import type { Actor } from "@/lib/audit/record-audit";
import { failCheckout } from "@/lib/fulfillment/fail-checkout";
import { fulfillCheckout } from "@/lib/fulfillment/fulfill-checkout";
import { reversePayment } from "@/lib/fulfillment/reverse-payment";

type Handler = (event: Stripe.Event, actor: Actor) => Promise<void>;

const paymentIntentOf = (object: { payment_intent: string | { id: string } | null }) =>
  typeof object.payment_intent === "string" ? object.payment_intent : object.payment_intent?.id;

const fulfill: Handler = async (event, actor) => {
  await fulfillCheckout({ sessionId: (event.data.object as Stripe.Checkout.Session).id, actor });
};

/** The event types Keyfront acts on; every other type is stored and acknowledged. */
export const STRIPE_EVENT_HANDLERS: Record<string, Handler> = {
  "checkout.session.completed": fulfill,
  "checkout.session.async_payment_succeeded": fulfill,
  "checkout.session.async_payment_failed": async (event, actor) => {
    await failCheckout({ sessionId: (event.data.object as Stripe.Checkout.Session).id, actor });
  },
  "charge.refunded": async (event, actor) => {
    const charge = event.data.object as Stripe.Charge;
    const paymentIntentId = paymentIntentOf(charge);
    // Only a full refund takes the license away; a partial one is a goodwill gesture.
    if (!charge.refunded || !paymentIntentId) return;
    await reversePayment({ paymentIntentId, kind: "refund", actor });
  },
  "charge.dispute.created": async (event, actor) => {
    const paymentIntentId = paymentIntentOf(event.data.object as Stripe.Dispute);
    if (paymentIntentId) await reversePayment({ paymentIntentId, kind: "dispute", actor });
  },
};
