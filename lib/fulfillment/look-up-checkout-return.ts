import "server-only";
import { mayLookUpCheckout } from "@/lib/payments/checkout-request-limits";
import {
  checkoutSessionIdSchema,
  fulfillCheckoutOnReturn,
  type CheckoutOutcome,
} from "./fulfill-checkout-on-return";

/**
 * The success page's lookup for a visitor: an id that is not shaped like a Checkout Session's is
 * not found without asking Stripe, and each client address gets a few lookups a minute, so nobody
 * can spend the store's Stripe quota through this page.
 */
export async function lookUpCheckoutReturn(options: {
  sessionId: string;
  ip: string;
}): Promise<CheckoutOutcome> {
  if (!checkoutSessionIdSchema.safeParse(options.sessionId).success) return { state: "not_found" };
  if (!(await mayLookUpCheckout({ ip: options.ip }))) return { state: "rate_limited" };
  return fulfillCheckoutOnReturn({ sessionId: options.sessionId });
}
