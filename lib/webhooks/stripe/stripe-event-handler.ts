import "server-only";
import type Stripe from "stripe";
import type { Actor } from "@/lib/audit/record-audit";
import { chargeDisputeClosed } from "./charge-dispute-closed";
import { chargeDisputeCreated } from "./charge-dispute-created";
import { chargeRefunded } from "./charge-refunded";
import { checkoutSessionAsyncPaymentFailed } from "./checkout-session-async-payment-failed";
import { checkoutSessionAsyncPaymentSucceeded } from "./checkout-session-async-payment-succeeded";
import { checkoutSessionCompleted } from "./checkout-session-completed";
import { checkoutSessionExpired } from "./checkout-session-expired";

type StripeEventHandler = (actor: Actor) => Promise<void>;

/**
 * The handler for an event type Keyfront acts on, narrowed on `event.type`; null for every other
 * type, which is stored and acknowledged.
 */
export function stripeEventHandler(event: Stripe.Event): StripeEventHandler | null {
  switch (event.type) {
    case "checkout.session.completed":
      return (actor) => checkoutSessionCompleted(event, actor);
    case "checkout.session.async_payment_succeeded":
      return (actor) => checkoutSessionAsyncPaymentSucceeded(event, actor);
    case "checkout.session.async_payment_failed":
      return (actor) => checkoutSessionAsyncPaymentFailed(event, actor);
    case "checkout.session.expired":
      return (actor) => checkoutSessionExpired(event, actor);
    case "charge.refunded":
      return (actor) => chargeRefunded(event, actor);
    case "charge.dispute.created":
      return (actor) => chargeDisputeCreated(event, actor);
    case "charge.dispute.closed":
      return (actor) => chargeDisputeClosed(event, actor);
    default:
      return null;
  }
}
